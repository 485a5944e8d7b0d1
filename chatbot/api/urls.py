from django.urls import path
from rest_framework.routers import SimpleRouter

from chatbot.api import views

app_name = "chatbot-api"

router = SimpleRouter(trailing_slash=False)
router.register("chatbot/faqs", views.FAQViewSet, basename="faq")
router.register("chatbot/logs", views.ChatLogViewSet, basename="chat-log")
urlpatterns = [
    path("chatbot/chat", views.ChatView.as_view(), name="chat"),
    path("chatbot/analytics", views.AnalyticsView.as_view(), name="analytics"),
    *router.urls,
]
