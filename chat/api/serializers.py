"""What the chat routes take, and the schema of what they give.

The bodies are ``chat.representation``'s ``message_data`` and ``room_data`` (one shape for REST
and the sockets): the response serializers only describe that shape to the schema and hand the
object to the representation, so the two cannot drift apart without the contract test noticing.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from chat.choices import MAX_CONTENT, USER_MESSAGE_TYPES, MemberRole, MessageType
from chat.models import Membership, Message, Room
from chat.representation import message_data, posted_data, room_data, user_brief
from chatops.api.fields import NOT_BLANK_PATTERN, StrictBooleanField, StrictCharField
from chatops.api.filters import MAX_ID

# --- What the routes give -------------------------------------------------------------------------


class ChatUserSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    bot = serializers.BooleanField(read_only=True, help_text="A client application's bot, not a person.")


class ChatMessageSerializer(serializers.Serializer[Any]):
    """A message as ``chat.representation.message_data`` writes it."""

    id = serializers.IntegerField(read_only=True)
    room_id = serializers.IntegerField(read_only=True)
    author = ChatUserSerializer(read_only=True, allow_null=True, help_text="Null: the hub's bot.")
    message_type = serializers.ChoiceField(choices=MessageType.choices, read_only=True)
    content = serializers.CharField(read_only=True, help_text="The Markdown as written; empty once deleted.")
    content_html = serializers.CharField(read_only=True, help_text="The Markdown rendered safely (no raw HTML).")
    thread_id = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="The thread's first message; null in the room's main flow."
    )
    reply_count = serializers.IntegerField(read_only=True)
    last_reply_at = serializers.DateTimeField(read_only=True, allow_null=True)
    data = serializers.DictField(  # type: ignore[assignment]  # a field, not Serializer.data
        read_only=True, help_text="What a card needs (history_id, alert_id, approval_id)."
    )
    mentions = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="Usernames.")
    created_at = serializers.DateTimeField(read_only=True)
    edited = serializers.BooleanField(read_only=True)
    edited_at = serializers.DateTimeField(read_only=True, allow_null=True)
    deleted = serializers.BooleanField(read_only=True, help_text='A tombstone: shown as "message deleted".')

    def to_representation(self, instance: Message) -> dict[str, Any]:
        return dict(posted_data(instance))


class ChatRoomSerializer(serializers.Serializer[Any]):
    """A room as ``chat.representation.room_data`` writes it."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    topic = serializers.CharField(read_only=True)
    private = serializers.BooleanField(read_only=True)
    owner = ChatUserSerializer(read_only=True, allow_null=True)
    archived = serializers.BooleanField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    last_event_id = serializers.IntegerField(
        read_only=True, help_text="The room's newest event id: subscribe from here on the socket."
    )

    def to_representation(self, instance: Room) -> dict[str, Any]:
        return room_data(instance)


class MyRoomSerializer(ChatRoomSerializer):
    """One of the caller's rooms, with its badges. The view puts the counts in the context."""

    unread_count = serializers.IntegerField(
        read_only=True, help_text="Messages after the caller's read marker (main flow; own and system lines aside)."
    )
    mention_count = serializers.IntegerField(
        read_only=True, help_text="Messages after the caller's read marker that mention them (threads included)."
    )
    last_message = ChatMessageSerializer(read_only=True, allow_null=True, help_text="The main flow's newest message.")

    def to_representation(self, instance: Room) -> dict[str, Any]:
        badges = self.context["badges"]
        last = badges["last"].get(instance.pk)
        return {
            **room_data(instance),
            "unread_count": badges["unread"].get(instance.pk, 0),
            "mention_count": badges["mentions"].get(instance.pk, 0),
            "last_message": message_data(last) if last is not None else None,
        }


@extend_schema_field({"type": "string", "enum": MemberRole.values, "description": "owner: who created the room."})
class MemberRoleField(serializers.CharField):
    pass


class MemberSerializer(serializers.Serializer[Any]):
    user = ChatUserSerializer(read_only=True)
    role = MemberRoleField(read_only=True)
    joined_at = serializers.DateTimeField(read_only=True)

    def to_representation(self, instance: Membership) -> dict[str, Any]:
        return {"user": user_brief(instance.user), "role": instance.role, "joined_at": instance.joined_at.isoformat()}


class ReadMarkerSerializer(serializers.Serializer[Any]):
    room_id = serializers.IntegerField(read_only=True)
    last_read_id = serializers.IntegerField(read_only=True, help_text="The newest message id the caller has read.")


class MessageEditSerializer(serializers.Serializer[Any]):
    content = serializers.CharField(read_only=True, help_text="The text before this edit.")
    edited_at = serializers.DateTimeField(read_only=True)


# --- What the routes take -------------------------------------------------------------------------


def _id_field(**kwargs: Any) -> serializers.IntegerField:
    return StrictIntegerField(min_value=1, max_value=MAX_ID, **kwargs)


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer: not ``"7"``, ``7.0`` or ``true``, which DRF would take as 7."""

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise serializers.ValidationError("Must be a whole number.", code="invalid")
        return int(super().to_internal_value(data))


class RoomWriteSerializer(serializers.Serializer[Any]):
    name = StrictCharField(max_length=100, help_text="Unique among the rooms not archived (case-insensitive).")
    topic = StrictCharField(max_length=500, required=False, allow_blank=True)
    private = StrictBooleanField(
        required=False, help_text="Private rooms: only members (and admins) see them; people join by invitation."
    )


class MemberAddSerializer(serializers.Serializer[Any]):
    user_id = _id_field(help_text="The active user to add.")


class ReadSerializer(serializers.Serializer[Any]):
    message_id = _id_field(
        required=False, help_text="The newest message read; absent: the room's newest. The marker never moves back."
    )


class UserMessageTypeField(serializers.ChoiceField):
    """``text`` or ``command``; the hub's own types are refused by name, not as a mere typo."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=[(t.value, t.label) for t in USER_MESSAGE_TYPES], **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and data in MessageType.values and data not in USER_MESSAGE_TYPES:
            raise serializers.ValidationError(
                f"'{data}' messages are posted by the hub, not by people: send 'text' or 'command'.",
                code="bot_message_type",
            )
        return super().to_internal_value(data)


class ContentField(StrictCharField):
    """Markdown up to ``MAX_CONTENT`` characters, kept as written (leading spaces matter in code)
    but not blank."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=MAX_CONTENT, trim_whitespace=False, **kwargs)
        self.validators.append(RegexValidator(NOT_BLANK_PATTERN, "Content cannot be empty.", code="blank"))


class MessageCreateSerializer(serializers.Serializer[Any]):
    room_id = _id_field()
    content = ContentField(help_text="Markdown. Starting with '/': a slash command, run as the sender.")
    message_type = UserMessageTypeField(
        required=False,
        default=MessageType.TEXT,
        help_text="'command' needs content starting with '/' (content starting with '/' is a command anyway).",
    )
    thread_id = _id_field(
        required=False, allow_null=True, help_text="Reply in the thread of this message (of the same room)."
    )


class MessageEditRequestSerializer(serializers.Serializer[Any]):
    content = ContentField(help_text="The new Markdown (text messages only; the earlier text is kept).")
