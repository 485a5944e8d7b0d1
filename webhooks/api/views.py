"""Outgoing webhooks over REST. Admins only: a webhook is sent the whole fleet's events.
Views route; ``webhooks.services`` decides."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.actor import Actor
from accounts.permissions import IsAdmin
from chatops.api.envelope import envelope
from webhooks import services
from webhooks.api.filters import DeliveryFilter, WebhookFilter
from webhooks.api.serializers import CreatedWebhookSerializer, DeliverySerializer, WebhookSerializer
from webhooks.models import Delivery, Webhook


@extend_schema(tags=["webhooks"])
class WebhookViewSet(viewsets.ModelViewSet[Webhook]):
    """Endpoints that are sent signed events. The secret is shown once, in the creation response."""

    queryset = Webhook.objects.select_related("created_by")
    serializer_class = WebhookSerializer
    permission_classes = [IsAdmin]
    filterset_class = WebhookFilter
    sort_fields = ["created_at", "url", "enabled", "last_delivery_at"]
    default_sort = "-created_at"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    @extend_schema(
        request=WebhookSerializer,
        responses={201: CreatedWebhookSerializer},
        summary="Create a webhook; the response is the only time its secret is shown",
    )
    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        webhook, secret = services.create_webhook(Actor.from_request(request), **serializer.validated_data)
        data = CreatedWebhookSerializer(webhook, context={"request": request, "secret": secret}).data
        return Response(
            envelope(data, "Webhook created. Store the secret now: it will not be shown again."),
            status=status.HTTP_201_CREATED,
        )

    def perform_update(self, serializer: BaseSerializer[Webhook]) -> None:
        assert serializer.instance is not None
        serializer.instance = services.update_webhook(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        services.delete_webhook(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Webhook deleted"))

    @extend_schema(
        request=None,
        responses={202: DeliverySerializer},
        summary="Queue a test delivery (webhook.test); the worker sends it",
    )
    @action(detail=True, methods=["post"], filterset_class=None, sort_fields=None)
    def test(self, request: Request, pk: str | None = None) -> Response:
        delivery = services.queue_test(Actor.from_request(request), self.get_object())
        return Response(
            envelope(DeliverySerializer(delivery).data, "Test delivery queued"), status=status.HTTP_202_ACCEPTED
        )


@extend_schema(tags=["webhooks"], summary="A webhook's deliveries, newest first, with every attempt")
class DeliveryListView(generics.ListAPIView[Delivery]):
    serializer_class = DeliverySerializer
    permission_classes = [IsAdmin]
    filterset_class = DeliveryFilter
    sort_fields = ["created_at", "status", "next_attempt_at"]
    default_sort = "-created_at"

    def get_queryset(self) -> QuerySet[Delivery]:
        if getattr(self, "swagger_fake_view", False):
            return Delivery.objects.none()
        webhook = generics.get_object_or_404(Webhook.objects.all(), pk=self.kwargs["webhook_id"])
        return Delivery.objects.filter(webhook=webhook).prefetch_related("attempts")
