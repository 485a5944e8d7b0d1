"""A room's event log: the next id, the stored copy, the broadcast after commit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import F

from chat.events import RoomEventData, room_group
from chat.models import Room, RoomEvent
from chatops.realtime import publish_after_commit


def record_event(room: Room | int, type: str, data: Mapping[str, Any]) -> RoomEventData:
    """Give the event the room's next id, store it and publish it once the caller's
    transaction commits. The room's row is the lock that keeps the ids in commit order."""
    room_id = room if isinstance(room, int) else room.pk
    data = dict(data)
    with transaction.atomic():
        Room.objects.filter(pk=room_id).update(last_event_id=F("last_event_id") + 1)
        event_id = Room.objects.filter(pk=room_id).values_list("last_event_id", flat=True).get()
        RoomEvent.objects.create(room_id=room_id, event_id=event_id, type=type, payload=data)
        event = RoomEventData(type=type, room_id=room_id, event_id=event_id, data=data)
        publish_after_commit([(room_group(room_id), event)])
    return event


def events_after(room_id: int, event_id: int, limit: int = 1000) -> list[RoomEventData]:
    """The stored events after ``event_id``, oldest first (at most ``limit``)."""
    rows = RoomEvent.objects.filter(room_id=room_id, event_id__gt=event_id).order_by("event_id")[:limit]
    return [RoomEventData(type=row.type, room_id=room_id, event_id=row.event_id, data=row.payload) for row in rows]
