from django.urls import path
from rest_framework.routers import SimpleRouter

from webhooks.api import views

app_name = "webhooks-api"

router = SimpleRouter(trailing_slash=False)
router.register("webhooks", views.WebhookViewSet, basename="webhook")
urlpatterns = [
    path("webhooks/<int:webhook_id>/deliveries", views.DeliveryListView.as_view(), name="deliveries"),
    *router.urls,
]
