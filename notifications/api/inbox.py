"""The caller's in-app inbox over REST (the dashboard's bell). Every role has one; another
user's item is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.actor import Actor
from chatops.api.envelope import envelope
from chatops.api.pagination import Pagination
from notifications.api.filters import InboxFilter
from notifications.api.serializers import InboxItemSerializer, ReadAllSerializer
from notifications.models import Delivery
from notifications.services.inbox import mark_all_read, mark_read, unread_count


class InboxPagination(Pagination):
    """The project's pagination, with the caller's ``unread_count`` beside it."""

    unread_count = 0

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        response.data["unread_count"] = self.unread_count
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        wrapped = super().get_paginated_response_schema(schema)
        wrapped["required"] = [*wrapped["required"], "unread_count"]
        wrapped["properties"]["unread_count"] = {"type": "integer", "description": "All your unread items."}
        return wrapped


@extend_schema(tags=["notifications"])
class InboxViewSet(viewsets.GenericViewSet[Delivery]):
    serializer_class = InboxItemSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = InboxFilter
    pagination_class = InboxPagination
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[Delivery]:
        if getattr(self, "swagger_fake_view", False):
            return Delivery.objects.none()
        return Delivery.objects.inbox(self.request.user).select_related("notification").order_by("-delivered_at", "-pk")

    @extend_schema(summary="Your in-app notifications, newest first (or unread first), with your unread count")
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None and isinstance(self.paginator, InboxPagination)
        self.paginator.unread_count = unread_count(request.user.pk or 0)
        return self.get_paginated_response(InboxItemSerializer(page, many=True).data)

    @extend_schema(request=None, responses=InboxItemSerializer, summary="Mark one read")
    @action(detail=True, methods=["post"], filterset_class=None)
    def read(self, request: Request, pk: str | None = None) -> Response:
        item = mark_read(Actor.from_request(request), self.get_object())
        return Response(envelope(InboxItemSerializer(item).data, "Marked read"))

    @extend_schema(request=None, responses=ReadAllSerializer, summary="Mark all read")
    @action(detail=False, methods=["post"], url_path="read-all", filterset_class=None, pagination_class=None)
    def read_all(self, request: Request) -> Response:
        marked = mark_all_read(Actor.from_request(request))
        data = {"marked": marked, "unread_count": unread_count(request.user.pk or 0)}
        return Response(envelope(ReadAllSerializer(data).data, f"{marked} marked read"))
