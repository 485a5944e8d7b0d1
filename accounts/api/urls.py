from django.urls import path
from rest_framework.routers import SimpleRouter

from accounts.api import teams, users, views

app_name = "accounts-api"

router = SimpleRouter(trailing_slash=False)
router.register("api-keys", views.APIKeyViewSet, basename="api-key")
router.register("audit-logs", views.AuditLogViewSet, basename="audit-log")
router.register("users", users.UserViewSet, basename="user")
router.register("teams", teams.TeamViewSet, basename="team")

urlpatterns = [
    path("auth/register", views.RegisterView.as_view(), name="register"),
    path("auth/login", views.LoginView.as_view(), name="login"),
    path("auth/refresh", views.RefreshView.as_view(), name="refresh"),
    path("auth/logout", views.LogoutView.as_view(), name="logout"),
    path("auth/me", views.MeView.as_view(), name="me"),
    path("auth/change-password", views.ChangePasswordView.as_view(), name="change-password"),
    # Before the router's routes: "users/invitations" is not a user's id (ids are digits anyway).
    path("users/invitations/accept", users.InvitationAcceptView.as_view(), name="invitation-accept"),
    *router.urls,
]
