"""The chat services: rooms, membership, messages, the room's event log."""

from __future__ import annotations

import pytest
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from chat import services
from chat.models import Membership, Message, RoomEvent, unread_counts

pytestmark = pytest.mark.django_db


def me(user):
    return Actor.for_user(user, "api")


def test_a_room_its_members_and_their_messages(operator, viewer, admin):
    room = services.create_room(me(operator), name="ops", topic="the fleet")
    assert Membership.objects.get(room=room, user=operator).role == "owner"
    services.join_room(me(viewer), room)
    message = services.post_message(me(viewer), room, f"hello @{operator.username.upper()} and @nobody")
    assert [user.username for user in message.mentions.all()] == [operator.username]
    assert unread_counts(operator, room.__class__.objects.filter(pk=room.pk)) == {room.pk: 1}
    services.mark_read(me(operator), room, None)
    assert unread_counts(operator, room.__class__.objects.filter(pk=room.pk)) == {}
    reply = services.post_message(me(operator), room, "hi", thread_id=message.pk)
    assert reply.thread_id == message.pk
    message.refresh_from_db()
    assert message.reply_count == 1
    ids = list(RoomEvent.objects.filter(room=room).values_list("event_id", flat=True))
    assert ids == list(range(1, len(ids) + 1))


def test_a_private_room_is_not_found_by_outsiders(operator, viewer, admin):
    room = services.create_room(me(operator), name="secret", private=True)
    with pytest.raises(NotFound):
        services.visible_room(me(viewer), room.pk)
    with pytest.raises(NotFound):
        services.join_room(me(viewer), room)
    assert services.visible_room(me(admin), room.pk) == room
    services.add_member(me(operator), room, viewer.pk)
    assert services.visible_room(me(viewer), room.pk) == room


def test_edits_keep_history_and_deletes_leave_a_tombstone(operator, viewer):
    room = services.create_room(me(operator), name="ops")
    message = services.post_message(me(operator), room, "frist")
    with pytest.raises(PermissionDenied):
        services.edit_message(me(viewer), message, "nope")
    services.edit_message(me(operator), message, "first")
    assert list(message.edits.values_list("content", flat=True)) == ["frist"]
    services.delete_message(me(operator), message)
    message.refresh_from_db()
    assert message.deleted_at is not None and Message.objects.filter(pk=message.pk).exists()
    with pytest.raises(ValidationError):
        services.post_message(me(operator), room, "   ")
