"""A room's event log: the next id, the stored copy, the broadcast after commit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from chat.events import RoomEventData, room_group
from chat.models import Message, Room, RoomEvent
from chatops.db import insert_statement
from chatops.realtime import publish_after_commit


def record_event(room: Room | int, type: str, data: Mapping[str, Any]) -> RoomEventData:
    """Give the event the room's next id, store it and publish it once the caller's
    transaction commits. The room's row is the lock that keeps the ids in commit order."""
    room_id = room if isinstance(room, int) else room.pk
    data = dict(data)
    with transaction.atomic(savepoint=False):
        event_id = _next_event(room_id, type, data)
        event = RoomEventData(type=type, room_id=room_id, event_id=event_id, data=data)
        publish_after_commit([(room_group(room_id), event)])
    return event


def _next_event(room_id: int, type: str, data: dict[str, Any]) -> int:
    """Take the room's next event id (its row is the lock) and store the event under it.

    PostgreSQL: one statement (a data-modifying ``WITH``) instead of an ``UPDATE … RETURNING``
    and the ORM's ``INSERT``: every message posted pays it (bench/README.md, "Session 17").
    SQLite allows no ``UPDATE`` in a ``WITH``: two statements there."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Room._meta.db_table} SET last_event_id = last_event_id + 1 WHERE id = %s"  # noqa: S608 - the model's own table
                " RETURNING last_event_id",
                [room_id],
            )
            (event_id,) = cursor.fetchone()
        RoomEvent.objects.create(room_id=room_id, event_id=event_id, type=type, payload=data)
        return int(event_id)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {_NEXT_ID} {_INSERT_EVENT} SELECT id, last_event_id, %s, %s, %s FROM next RETURNING event_id",  # noqa: S608 - the models' own tables
            [room_id, *_event_values(type, data, timezone.now())],
        )
        (event_id,) = cursor.fetchone()
    return int(event_id)


# PostgreSQL: the room's next event id (its row is the lock) as a ``WITH`` query named ``next``,
# and the event's insert, shared by ``_next_event`` and ``insert_with_event``.
_NEXT_ID = (
    f"next AS (UPDATE {Room._meta.db_table} SET last_event_id = last_event_id + 1"  # noqa: S608 - the model's own table
    " WHERE id = %s RETURNING id, last_event_id)"
)
_INSERT_EVENT = f"INSERT INTO {RoomEvent._meta.db_table} (room_id, event_id, type, payload, created_at)"


def _event_values(type: str, data: Mapping[str, Any], created_at: Any) -> list[Any]:
    """The event's type, payload and time as the insert takes them."""
    fields = RoomEvent._meta
    return [
        type,
        fields.get_field("payload").get_db_prep_save(data, connection),
        fields.get_field("created_at").get_db_prep_save(created_at, connection),
    ]


def insert_with_event(message: Message, type: str, build: Callable[[Message], Mapping[str, Any]]) -> RoomEventData:
    """PostgreSQL: insert the new ``message`` and store its room's next event in one statement
    (a data-modifying ``WITH``; on its own, one statement is its own transaction), then publish
    after commit as ``record_event`` does. ``build(message)`` makes the event's data once the
    row's values are set (``created_at``); the ``id`` in it is the one the insert returns.

    A message in the main flow that mentions nobody costs this one statement instead of a
    ``BEGIN``, the insert, the event and a ``COMMIT`` (bench/README.md, "Session 18")."""
    assert connection.vendor == "postgresql"
    insert, params = insert_statement(message, using=connection.alias)
    data = dict(build(message))
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH m AS ({insert}), {_NEXT_ID}, ev AS ({_INSERT_EVENT}"  # noqa: S608 - the models' own tables
            " SELECT next.id, next.last_event_id, %s, jsonb_set(%s::jsonb, '{id}', to_jsonb(m.id)), %s FROM next, m"
            " RETURNING event_id) SELECT m.id, ev.event_id FROM m, ev",
            [*params, message.room_id, *_event_values(type, data, message.created_at)],
        )
        row = cursor.fetchone()
    if row is None:  # the room's row is gone: its key would have refused the message first
        raise Room.DoesNotExist(f"room {message.room_id}")
    message.pk, event_id = row
    message._state.adding = False
    message._state.db = connection.alias
    data["id"] = message.pk
    event = RoomEventData(type=type, room_id=message.room_id, event_id=int(event_id), data=data)
    publish_after_commit([(room_group(message.room_id), event)])
    return event


def events_after(room_id: int, event_id: int, limit: int = 1000) -> list[RoomEventData]:
    """The stored events after ``event_id``, oldest first (at most ``limit``)."""
    rows = RoomEvent.objects.filter(room_id=room_id, event_id__gt=event_id).order_by("event_id")[:limit]
    return [RoomEventData(type=row.type, room_id=room_id, event_id=row.event_id, data=row.payload) for row in rows]
