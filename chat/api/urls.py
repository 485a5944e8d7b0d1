from django.urls import path
from rest_framework.routers import SimpleRouter

from chat.api import alerts, commands, messages, rooms

app_name = "chat-api"

router = SimpleRouter(trailing_slash=False)
router.register("rooms", rooms.RoomViewSet, basename="room")
router.register("messages", messages.MessageViewSet, basename="message")
urlpatterns = [
    path("chat/commands", commands.ChatCommandsView.as_view(), name="commands"),
    path(
        "rooms/<int:room_id>/alert-subscriptions",
        alerts.AlertSubscriptionsView.as_view(),
        name="room-alert-subscriptions",
    ),
    *router.urls,
]
