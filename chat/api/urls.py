from django.urls import path
from rest_framework.routers import SimpleRouter

from chat.api import commands, messages, rooms

app_name = "chat-api"

router = SimpleRouter(trailing_slash=False)
router.register("rooms", rooms.RoomViewSet, basename="room")
router.register("messages", messages.MessageViewSet, basename="message")
urlpatterns = [
    path("chat/commands", commands.ChatCommandsView.as_view(), name="commands"),
    *router.urls,
]
