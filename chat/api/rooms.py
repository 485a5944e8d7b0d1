"""Rooms, their members and the caller's read marker over REST. Views route; ``chat.services``
decides. A private room the caller does not belong to is a 404 on every route (not a 403)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, OuterRef, QuerySet, Subquery
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.actor import Actor
from accounts.permissions import IsAdmin
from chat import services
from chat.api.filters import RoomFilter
from chat.api.serializers import (
    ChatRoomSerializer,
    MemberAddSerializer,
    MemberSerializer,
    MyRoomSerializer,
    ReadMarkerSerializer,
    ReadSerializer,
    RoomWriteSerializer,
)
from chat.models import Membership, Message, Room, unread_counts
from chatops.api.envelope import envelope


class NotAMember(PermissionDenied):
    default_detail = "Join the room first (POST /api/v1/rooms/{id}/join)."
    default_code = "not_a_member"


def require_member(actor: Actor, room: Room) -> None:
    if not room.is_member(actor.user):
        raise NotAMember()


def badges(user: Any, rooms: list[Room]) -> dict[str, dict[int, Any]]:
    """Per room of ``rooms``: unread count, mention count (after the read marker) and the main
    flow's newest message, in four queries whatever the rooms' sizes."""
    ids = [room.pk for room in rooms]
    mentions = (
        Message.objects.filter(
            room__in=ids,
            mentions=user,
            room__memberships__user=user,
            id__gt=F("room__memberships__last_read_id"),
            deleted_at__isnull=True,
        )
        .exclude(author=user)
        .values("room")
        .annotate(n=Count("id", distinct=True))
    )
    newest = Message.objects.filter(room=OuterRef("pk"), thread__isnull=True).order_by("-id").values("id")[:1]
    last_ids = Room.objects.filter(pk__in=ids).annotate(last=Subquery(newest)).values_list("last", flat=True)
    last = Message.objects.filter(pk__in=[pk for pk in last_ids if pk]).select_related("author__client")
    return {
        "unread": unread_counts(user, Room.objects.filter(pk__in=ids)),
        "mentions": {row["room"]: row["n"] for row in mentions},
        "last": {message.room_id: message for message in last.prefetch_related("mentions")},
    }


@extend_schema(tags=["chat"])
class RoomViewSet(viewsets.GenericViewSet[Room]):
    """Chat rooms. Every signed-in user sees the public rooms and the private ones they belong to
    (admins: every room); owners and admins change and archive them."""

    serializer_class = ChatRoomSerializer
    permission_classes = [IsAuthenticated]
    sort_fields = ["name", "created_at"]
    default_sort = "name"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    @property
    def extra_error_codes(self) -> tuple[str, ...]:
        """A name taken by another room is a 409; nothing else here conflicts."""
        return ("409",) if getattr(self, "action", None) in ("create", "update", "partial_update") else ()

    @property
    def filterset_class(self) -> type[RoomFilter] | None:
        return RoomFilter if getattr(self, "action", None) == "all" else None

    def get_queryset(self) -> QuerySet[Room]:
        return Room.objects.visible_to(self.request.user).select_related("owner__client")

    def get_permissions(self) -> list[Any]:
        if getattr(self, "action", None) == "all":
            return [IsAdmin()]
        return list(super().get_permissions())

    @extend_schema(responses=MyRoomSerializer(many=True), summary="Your rooms (not archived), with their badges")
    def list(self, request: Request) -> Response:
        rooms = Room.objects.of_member(request.user).active().select_related("owner__client")
        page = self.paginate_queryset(self.filter_queryset(rooms))
        assert page is not None
        context = {"badges": badges(request.user, page)}
        return self.get_paginated_response(MyRoomSerializer(page, many=True, context=context).data)

    @extend_schema(responses=ChatRoomSerializer(many=True), summary="Every room, archived ones too (admins)")
    @action(detail=False, methods=["get"])
    def all(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(Room.objects.select_related("owner__client")))
        assert page is not None
        return self.get_paginated_response(ChatRoomSerializer(page, many=True).data)

    @extend_schema(summary="A room")
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(envelope(ChatRoomSerializer(self.get_object()).data))

    @extend_schema(
        request=RoomWriteSerializer, responses={201: ChatRoomSerializer}, summary="Create a room (you own it)"
    )
    def create(self, request: Request) -> Response:
        body = RoomWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        room = services.create_room(Actor.from_request(request), **body.validated_data)
        return Response(envelope(ChatRoomSerializer(room).data, "Room created"), status=status.HTTP_201_CREATED)

    @extend_schema(request=RoomWriteSerializer, responses={200: ChatRoomSerializer}, summary="Change a room")
    def update(self, request: Request, pk: str | None = None) -> Response:
        return self._update(request, partial=False)

    @extend_schema(request=RoomWriteSerializer, responses={200: ChatRoomSerializer}, summary="Change some of a room")
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self._update(request, partial=True)

    def _update(self, request: Request, *, partial: bool) -> Response:
        room = self.get_object()
        body = RoomWriteSerializer(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        room = services.update_room(Actor.from_request(request), room, **body.validated_data)
        return Response(envelope(ChatRoomSerializer(room).data, "Room updated"))

    @extend_schema(summary="Archive a room (owner or admin): it stays readable, nobody posts")
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        services.archive_room(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Room archived"))

    @extend_schema(request=None, responses={200: ChatRoomSerializer}, summary="Join a public room")
    @action(detail=True, methods=["post"])
    def join(self, request: Request, pk: str | None = None) -> Response:
        room = self.get_object()
        if room.is_member(request.user):  # a member of a private room is in already: no 404
            return Response(envelope(ChatRoomSerializer(room).data, "Already a member"))
        services.join_room(Actor.from_request(request), room)
        return Response(envelope(ChatRoomSerializer(room).data, "Joined"))

    @extend_schema(request=None, responses={200: ChatRoomSerializer}, summary="Leave a room")
    @action(detail=True, methods=["post"])
    def leave(self, request: Request, pk: str | None = None) -> Response:
        room = self.get_object()
        services.leave_room(Actor.from_request(request), room)
        return Response(envelope(ChatRoomSerializer(room).data, "Left"))

    @extend_schema(methods=["GET"], request=None, responses=MemberSerializer(many=True), summary="The room's members")
    @extend_schema(
        methods=["POST"],
        request=MemberAddSerializer,
        responses={201: MemberSerializer},
        summary="Add someone (private rooms: owner or admin; public rooms: any member)",
    )
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def members(self, request: Request, pk: str | None = None) -> Response:
        room = self.get_object()
        if request.method == "GET":
            memberships = (
                Membership.objects.filter(room=room).select_related("user__client").order_by("joined_at", "id")
            )
            page = self.paginate_queryset(memberships)  # type: ignore[arg-type]  # members, not rooms
            assert page is not None
            return self.get_paginated_response(MemberSerializer(page, many=True).data)
        body = MemberAddSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        membership = services.add_member(Actor.from_request(request), room, body.validated_data["user_id"])
        return Response(envelope(MemberSerializer(membership).data, "Member added"), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ReadSerializer, responses={200: ReadMarkerSerializer}, summary="Move your read marker forward"
    )
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str | None = None) -> Response:
        room = self.get_object()
        actor = Actor.from_request(request)
        require_member(actor, room)
        body = ReadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        last_read_id = services.mark_read(actor, room, body.validated_data.get("message_id"))
        return Response(envelope({"room_id": room.pk, "last_read_id": last_read_id}, "Read marker moved"))
