"""Tickets over REST. Views route; ``helpdesk.services`` decides.

Every signed-in role opens tickets and sees its own; support staff see and work all of them;
admins delete. Another's ticket is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.actor import Actor
from accounts.permissions import IsAdmin, IsSupport
from chatops.api.envelope import envelope
from chatops.api.filters import single_param
from helpdesk import analytics, services
from helpdesk.api.filters import TicketFilter
from helpdesk.api.serializers import (
    DaysSerializer,
    TicketAnalyticsSerializer,
    TicketCommentSerializer,
    TicketCreateSerializer,
    TicketEventSerializer,
    TicketSerializer,
    TicketUpdateSerializer,
)
from helpdesk.models import Ticket, is_staff


@extend_schema(tags=["tickets"])
class TicketViewSet(viewsets.GenericViewSet[Ticket]):
    """Tickets: requests for help and incidents."""

    serializer_class = TicketSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = TicketFilter
    sort_fields = ["created_at", "updated_at", "priority", "status", "resolved_at", "resolution_due"]
    default_sort = "-created_at"
    lookup_value_regex = r"\d+"
    extra_error_codes = ("409",)
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_permissions(self) -> list[Any]:
        if getattr(self, "action", None) == "destroy":
            return [IsAdmin()]
        if getattr(self, "action", None) == "analytics_summary":
            return [IsSupport()]
        return list(super().get_permissions())

    def get_queryset(self) -> QuerySet[Ticket]:
        if getattr(self, "swagger_fake_view", False):
            return Ticket.objects.none()
        return Ticket.objects.visible_to(self.request.user)

    @extend_schema(summary="Tickets, newest first (support staff: all; others: their own)")
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert page is not None
        return self.get_paginated_response(TicketSerializer(page, many=True).data)

    @extend_schema(
        request=TicketCreateSerializer,
        responses={201: TicketSerializer},
        summary="Open a ticket; without a category the classifier files it",
    )
    def create(self, request: Request) -> Response:
        body = TicketCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        ticket = services.open_ticket(Actor.from_request(request), **body.validated_data)
        return Response(envelope(TicketSerializer(ticket).data, "Ticket opened"), status=status.HTTP_201_CREATED)

    @extend_schema(summary="A ticket")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(envelope(TicketSerializer(self.get_object()).data))

    @extend_schema(
        request=TicketUpdateSerializer,
        responses=TicketSerializer,
        summary="Change a ticket (requesters: title, description, cancel, reopen, confirm; support: all)",
    )
    def update(self, request: Request, pk: str | None = None) -> Response:
        body = TicketUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if not body.validated_data:
            raise ValidationError({"non_field_errors": ["Name at least one field to change."]})
        ticket = services.update_ticket(Actor.from_request(request), self.get_object(), **body.validated_data)
        return Response(envelope(TicketSerializer(ticket).data, "Ticket updated"))

    @extend_schema(
        request=TicketUpdateSerializer, responses=TicketSerializer, summary="Change a ticket (as PUT: any fields)"
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self.update(request, pk)

    @extend_schema(summary="Delete a ticket (admins)")
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        services.delete_ticket(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Ticket deleted successfully"))

    @extend_schema(
        methods=["get"],
        responses=TicketCommentSerializer(many=True),
        summary="The conversation (internal notes: support staff only)",
    )
    @extend_schema(
        methods=["post"],
        request=TicketCommentSerializer,
        responses={201: TicketCommentSerializer},
        summary="Reply, or (support staff) add an internal note",
    )
    @action(detail=True, methods=["get", "post"], filterset_class=None, sort_fields=None, pagination_class=None)
    def comments(self, request: Request, pk: str | None = None) -> Response:
        ticket = self.get_object()
        if request.method == "POST":
            body = TicketCommentSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            comment = services.add_comment(Actor.from_request(request), ticket, **body.validated_data)
            return Response(
                envelope(TicketCommentSerializer(comment).data, "Comment added"), status=status.HTTP_201_CREATED
            )
        comments = ticket.comments.all()
        if not is_staff(request.user):
            comments = comments.filter(internal=False)
        return Response(envelope(TicketCommentSerializer(comments, many=True).data))

    @extend_schema(
        responses=TicketEventSerializer(many=True),
        summary="Every change of the ticket, oldest first (internal entries: support staff only)",
    )
    @action(detail=True, methods=["get"], filterset_class=None, sort_fields=None, pagination_class=None)
    def timeline(self, request: Request, pk: str | None = None) -> Response:
        events = self.get_object().events.all()
        if not is_staff(request.user):
            events = events.filter(internal=False)
        return Response(envelope(TicketEventSerializer(events, many=True).data))

    @extend_schema(
        parameters=[DaysSerializer],
        responses=TicketAnalyticsSerializer,
        summary="Counts by status, priority and category; SLA compliance; mean times; trend by day (support staff)",
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="analytics/summary",
        url_name="analytics-summary",
        sort_fields=None,
        pagination_class=None,
    )
    def analytics_summary(self, request: Request) -> Response:
        raw = single_param(request, "days")
        query = DaysSerializer(data={} if raw is None else {"days": raw})
        query.is_valid(raise_exception=True)
        tickets = self.filter_queryset(self.get_queryset())
        summary = analytics.summarize(tickets, days=query.validated_data["days"])
        return Response(envelope(TicketAnalyticsSerializer(summary).data))
