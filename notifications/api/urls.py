from django.urls import path
from rest_framework.routers import SimpleRouter

from notifications.api import inbox, views

app_name = "notifications-api"

router = SimpleRouter(trailing_slash=False)
# The inbox first: its routes sit under notifications/ too.
router.register("notifications/inbox", inbox.InboxViewSet, basename="inbox")
router.register("notifications", views.NotificationViewSet, basename="notification")
urlpatterns = [
    path("notifications/preferences", views.PreferenceView.as_view(), name="preferences"),
    *router.urls,
]
