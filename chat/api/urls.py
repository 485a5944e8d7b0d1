from rest_framework.routers import SimpleRouter

from chat.api import messages, rooms

app_name = "chat-api"

router = SimpleRouter(trailing_slash=False)
router.register("rooms", rooms.RoomViewSet, basename="room")
router.register("messages", messages.MessageViewSet, basename="message")
urlpatterns = router.urls
