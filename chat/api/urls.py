from django.urls import path
from rest_framework.routers import SimpleRouter

app_name = "chat-api"

router = SimpleRouter(trailing_slash=False)
urlpatterns = [*router.urls]

# --- Alerts in rooms (issue 16, alert part) ---
from chat.api import alerts as alert_views  # noqa: E402

urlpatterns += [
    path(
        "rooms/<int:room_id>/alert-subscriptions",
        alert_views.AlertSubscriptionsView.as_view(),
        name="room-alert-subscriptions",
    ),
]
