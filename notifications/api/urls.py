from django.urls import path
from rest_framework.routers import SimpleRouter

from notifications.api import channels, email_provider, inbox, views

app_name = "notifications-api"

router = SimpleRouter(trailing_slash=False)
router.register("notification-channels", channels.ChannelViewSet, basename="notification-channel")
# The inbox first: its routes sit under notifications/ too.
router.register("notifications/inbox", inbox.InboxViewSet, basename="inbox")
router.register("notifications", views.NotificationViewSet, basename="notification")
urlpatterns = [
    # The seed's paths: the hub's email provider lives under /clients (the clients app owns
    # /clients/<int:pk> and /clients/me, which these never match).
    path("clients/email-providers", email_provider.EmailProviderView.as_view(), name="email-providers"),
    path(
        "clients/email-providers/validate",
        email_provider.EmailProviderValidateView.as_view(),
        name="email-providers-validate",
    ),
    path("notifications/preferences", views.PreferenceView.as_view(), name="preferences"),
    *router.urls,
]
