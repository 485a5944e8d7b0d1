from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.actor import Actor
from accounts.permissions import ReadOnlyOrAdmin
from chatops.api.envelope import envelope
from servers import services
from servers.api.filters import ServerFilter
from servers.api.serializers import ServerSerializer
from servers.models import Server


@extend_schema(tags=["servers"])
class ServerViewSet(viewsets.ModelViewSet[Server]):
    """The fleet. Every role reads; admins create, change and delete."""

    serializer_class = ServerSerializer
    permission_classes = [ReadOnlyOrAdmin]
    filterset_class = ServerFilter
    sort_fields = ["name", "hostname", "status", "last_seen", "created_at", "updated_at"]
    default_sort = "name"
    extra_error_codes = ("409",)
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Server]:
        return (
            Server.objects.visible_to(self.request.user)  # type: ignore[arg-type]
            .select_related("created_by")
            .prefetch_related("tags")
        )

    def perform_create(self, serializer: BaseSerializer[Server]) -> None:
        serializer.instance = services.create_server(Actor.from_request(self.request), **serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[Server]) -> None:
        assert serializer.instance is not None
        serializer.instance = services.update_server(
            Actor.from_request(self.request), serializer.instance, **serializer.validated_data
        )

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        services.delete_server(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Server deleted"))
