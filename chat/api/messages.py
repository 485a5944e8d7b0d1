"""Messages over REST: post, read a room's flow or a thread (pages and cursors), edit, delete.
Views route; ``chat.services`` decides. A private room's messages are a 404 to non-members."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.actor import Actor
from chat import services
from chat.api.filters import MessageFilter
from chat.api.rooms import require_member
from chat.api.serializers import (
    ChatMessageSerializer,
    MessageCreateSerializer,
    MessageEditRequestSerializer,
    MessageEditSerializer,
)
from chat.models import Message
from chatops.api.envelope import envelope
from chatops.api.filters import SortFilter
from chatops.api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Pagination, _int_param
from chatops.api.schema import _PAGINATION_SCHEMA

if TYPE_CHECKING:
    from rest_framework.views import APIView

#: ``total`` is counted exactly up to this many messages (past the page asked for); beyond, it
#: is a lower bound and ``total_exact`` is false. Counting a million-message room would cost
#: more than the page itself.
COUNT_CAP = 1000


class MessagePagination(Pagination):
    """``page`` and ``size`` as everywhere, with a count that stops at ``COUNT_CAP``.

    One pass reads the ids in order (an index-only scan for the main flow and cursors, one
    bitmap scan of the trigram index for a search), up to the cap or the page's end: their
    number is the count, the page's slice of them the rows fetched by primary key."""

    def paginate_queryset(
        self, queryset: QuerySet[Any] | Sequence[Any], request: Request, view: APIView | None = None
    ) -> list[Any]:
        assert isinstance(queryset, QuerySet)
        self.page = _int_param(request, "page", 1, 1, 1_000_000)
        self.size = _int_param(request, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        start = (self.page - 1) * self.size
        limit = max(COUNT_CAP, start + self.size) + 1
        ids = list(queryset.values_list("pk", flat=True)[:limit])
        self.total = len(ids)
        self.exact = self.total < limit
        return list(queryset.filter(pk__in=ids[start : start + self.size]))

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        response.data["pagination"]["total_exact"] = self.exact
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        wrapped = super().get_paginated_response_schema(schema)
        wrapped["properties"]["pagination"] = {
            **_PAGINATION_SCHEMA,
            "required": [*_PAGINATION_SCHEMA["required"], "total_exact"],
            "properties": {
                **_PAGINATION_SCHEMA["properties"],
                "total_exact": {
                    "type": "boolean",
                    "description": f"False: more than {COUNT_CAP} messages match; `total` and `pages` "
                    "are lower bounds.",
                },
            },
        }
        return wrapped


@extend_schema(tags=["chat"])
class MessageViewSet(
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[Message],
):
    """A room's messages. Everyone who sees a room reads it; members post; authors edit; the
    author, the room's owner or an admin deletes (a tombstone stays)."""

    serializer_class = ChatMessageSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = MessagePagination
    sort_fields = ["created_at", "id"]
    default_sort = "-id"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "put", "delete", "head", "options"]

    @property
    def filterset_class(self) -> type[MessageFilter] | None:
        return MessageFilter if getattr(self, "action", None) == "list" else None

    def get_queryset(self) -> QuerySet[Message]:
        return (
            Message.objects.visible_to(self.request.user)
            .select_related("author__client", "room", "room__owner")
            .prefetch_related("mentions")
        )

    @extend_schema(
        summary="A room's messages: its main flow, or one thread",
        description=(
            "Newest first by default (`sort=id&order=desc`). The cursors narrow the messages "
            "before paging: `before=<id>` keeps those older than that message, `after=<id>` "
            "those newer; `page` and `size` then page through what is left. For infinite "
            "scroll, ask `before=<oldest id shown>&size=50` (page 1) each time you reach the "
            "top; to catch up after a gap, `after=<newest id shown>&sort=id&order=asc`. A cursor "
            "need not be a message of the room: it is a position in the id order."
        ),
    )
    def list(self, request: Request) -> Response:
        filters = DjangoFilterBackend().get_filterset(request, Message.objects.all(), self)
        assert filters is not None
        if not filters.is_valid():
            raise translate_validation(filters.errors)
        room = services.visible_room(Actor.from_request(request), filters.form.cleaned_data["room_id"])
        messages = filters.qs.filter(room=room)
        if filters.form.cleaned_data.get("thread_id") is None:
            messages = messages.filter(thread__isnull=True)
        messages = SortFilter().filter_queryset(request, messages, self)
        page = self.paginate_queryset(messages.select_related("author__client").prefetch_related("mentions"))
        assert page is not None
        return self.get_paginated_response(ChatMessageSerializer(page, many=True).data)

    @extend_schema(summary="A message")
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(envelope(ChatMessageSerializer(self.get_object()).data))

    @extend_schema(
        request=MessageCreateSerializer,
        responses={201: ChatMessageSerializer},
        summary="Post a message (members of the room); content starting with '/' runs a command",
    )
    def create(self, request: Request) -> Response:
        body = MessageCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        actor = Actor.from_request(request)
        room = services.visible_room(actor, fields["room_id"])
        require_member(actor, room)
        message = services.post_message(
            actor, room, fields["content"], message_type=fields["message_type"], thread_id=fields.get("thread_id")
        )
        return Response(envelope(ChatMessageSerializer(message).data, "Message sent"), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=MessageEditRequestSerializer,
        responses={200: ChatMessageSerializer},
        summary="Edit your text message (the earlier text is kept)",
    )
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        message = self.get_object()
        body = MessageEditRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        message = services.edit_message(Actor.from_request(request), message, body.validated_data["content"])
        return Response(envelope(ChatMessageSerializer(message).data, "Message edited"))

    @extend_schema(summary="Delete a message (author, room owner or admin): a tombstone stays")
    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.delete_message(Actor.from_request(request), self.get_object())
        return Response(envelope(None, "Message deleted"))

    @extend_schema(
        responses=MessageEditSerializer(many=True),
        summary="A message's earlier texts, oldest first (none once deleted)",
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def edits(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        message = self.get_object()
        edits = [] if message.is_deleted else list(message.edits.all())
        data = [{"content": edit.content, "edited_at": edit.edited_at.isoformat()} for edit in edits]
        return Response(envelope(data))
