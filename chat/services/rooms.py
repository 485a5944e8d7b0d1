"""Rooms and their members. Each use case takes the ``Actor`` who acts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.services import record_audit
from chat.choices import MemberRole, MessageType
from chat.events import chat_user_group
from chat.models import Membership, Message, Room
from chat.representation import room_data, user_brief
from chat.services.log import record_event
from chatops.api.exceptions import UniqueConflict
from chatops.db import MAX_ID, select_plain
from chatops.realtime import publish_after_commit

#: One statement for the room and whether the caller belongs to it. Every message posted and
#: every page read starts here, and the ORM's query (an ``Exists`` annotation) cost ~1 ms of
#: CPU to build against ~0.15 ms for this (bench/README.md, "the one-statement room lookup");
#: read without ``Room.objects.raw``, whose own setup was another fifth (session 17).
_CALLER_IS_MEMBER = "EXISTS (SELECT 1 FROM {membership} m WHERE m.room_id = t.id AND m.user_id = %s)"


def visible_room(actor: Actor, room_id: int) -> Room:
    """The room if the actor may see it; 404 otherwise (a private room is not confirmed)."""
    user = actor.user
    user_id = user.pk if user is not None else None
    extra = {"caller_is_member": _CALLER_IS_MEMBER.format(membership=Membership._meta.db_table)}
    found = select_plain(Room, "t.id = %s", [user_id, room_id], extra=extra) if 0 < room_id <= MAX_ID else []
    room = found[0] if found else None
    if room is not None and user_id is not None:
        room.remember_member(user, bool(getattr(room, "caller_is_member", False)))
    if room is None or not room.can_see(user):
        raise NotFound("No such room.")
    return room


def member_room(actor: Actor, room_id: int) -> Room:
    """A room the actor belongs to (to post, read, mark read). A public room they have not
    joined answers 403 (they may join it); a room they cannot see answers 404."""
    room = visible_room(actor, room_id)
    if not room.is_member(actor.user):
        raise PermissionDenied("Join the room first.")
    return room


def _active(room: Room) -> None:
    if room.archived_at is not None:
        raise ValidationError({"room_id": ["This room is archived."]})


def _system_line(room: Room, text: str) -> None:
    from chat.services.messages import post_bot_message

    post_bot_message(room, text, message_type=MessageType.SYSTEM)


def create_room(actor: Actor, *, name: str, topic: str = "", private: bool = False) -> Room:
    try:
        with transaction.atomic():
            room = Room.objects.create(name=name, topic=topic, private=private, owner=actor.user)
            Membership.objects.create(room=room, user=actor.user, role=MemberRole.OWNER)  # type: ignore[misc]
            record_audit("room.created", actor=actor, target=room, details={"name": name, "private": private})
    except IntegrityError:
        raise UniqueConflict({"name": ["A room with this name already exists."]}) from None
    return room


def update_room(actor: Actor, room: Room, **fields: Any) -> Room:
    if not room.can_manage(actor.user):
        raise PermissionDenied("Only the room's owner or an admin may change it.")
    _active(room)
    changed = {name: value for name, value in fields.items() if getattr(room, name) != value}
    if not changed:
        return room
    try:
        with transaction.atomic():
            for name, value in changed.items():
                setattr(room, name, value)
            # Only the changed fields: a full save would write back a stale ``last_event_id``
            # (the room's event counter, moved by every event since the room was read).
            room.save(update_fields=[*changed, "updated_at"])
            record_event(room, "room.updated", room_data(room))
            if "topic" in changed:
                _system_line(room, f"{actor.name} set the topic: {room.topic}")
            record_audit("room.updated", actor=actor, target=room, details={"fields": sorted(changed)})
    except IntegrityError:
        raise UniqueConflict({"name": ["A room with this name already exists."]}) from None
    return room


def archive_room(actor: Actor, room: Room) -> None:
    if not room.can_manage(actor.user):
        raise PermissionDenied("Only the room's owner or an admin may archive it.")
    if room.archived_at is not None:
        return
    with transaction.atomic():
        room.archived_at = timezone.now()
        room.save(update_fields=["archived_at", "updated_at"])
        record_event(room, "room.updated", room_data(room))
        record_audit("room.archived", actor=actor, target=room, details={"name": room.name})


def join_room(actor: Actor, room: Room) -> Membership:
    """Public rooms: anyone who sees them. Private ones: only by invitation (404 to others,
    who cannot see them; admins, who see every room, may join)."""
    _active(room)
    if room.private and not getattr(actor.user, "is_admin", False):
        raise NotFound("No such room.")
    return _add(actor, room, actor.user)


def add_member(actor: Actor, room: Room, user_id: int) -> Membership:
    """Invite someone: into a private room, its owner or an admin; into a public one, any
    member."""
    _active(room)
    allowed = room.can_manage(actor.user) or (not room.private and room.is_member(actor.user))
    if not allowed:
        raise PermissionDenied("Only the room's owner or an admin may add members to a private room.")
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise ValidationError({"user_id": ["No such active user."]})
    return _add(actor, room, user)


def _add(actor: Actor, room: Room, user: Any) -> Membership:
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            room=room, user=user, defaults={"last_read_id": _last_message_id(room)}
        )
        room.remember_member(user, True)
        if created:
            record_event(room, "member.joined", {"user": user_brief(user)})
            _system_line(
                room, f"{user.username} joined" if user == actor.user else f"{actor.name} added {user.username}"
            )
    return membership


def leave_room(actor: Actor, room: Room) -> None:
    with transaction.atomic():
        deleted, _ = Membership.objects.filter(room=room, user=actor.user).delete()
        room.remember_member(actor.user, False)
        if not deleted:
            raise ValidationError({"room_id": ["You are not a member of this room."]})
        record_event(room, "member.left", {"user": user_brief(actor.user)})
        _system_line(room, f"{actor.name} left")


def mark_read(actor: Actor, room: Room, message_id: int | None) -> int:
    """Move the actor's read marker forward (never back) to ``message_id``, or to the room's
    newest message; their other sessions hear it."""
    newest = _last_message_id(room)
    target = newest if message_id is None else min(message_id, newest)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(room=room, user=actor.user)
        if target > membership.last_read_id:
            membership.last_read_id = target
            membership.save(update_fields=["last_read_id"])
            event = {"type": "read.updated", "room_id": room.pk, "last_read_id": target}
            publish_after_commit([(chat_user_group(actor.user.pk), event)])  # type: ignore[union-attr]
    return membership.last_read_id


def _last_message_id(room: Room) -> int:
    return Message.objects.filter(room=room).order_by("-id").values_list("id", flat=True).first() or 0
