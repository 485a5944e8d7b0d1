"""``/api/v1/ws/chat``: one socket per client for every room it follows (docs/chat.md, "Live").

The client subscribes to rooms, each with the last event id it saw; the hub replays what it
missed from the room's event log (``RoomEvent``), then forwards the room's events live. The
room's group is joined *before* the log is read, so nothing committed in between is lost, and
a live event the replay already sent (its id at most the replay's last) is dropped: nothing
is sent twice. While a subscription is replayed, the socket's live events wait in the channel
layer (the consumer handles one message at a time) and are checked against it afterwards.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.auth import get_user_model

from chat import presence as presence_state
from chat.events import STORED_EVENTS, RoomEventData, chat_user_group, room_group
from chat.models import Membership, Room
from chat.representation import user_brief
from chat.services import events_after
from chatops.loops import PerLoop
from chatops.realtime import StreamConsumer, announce, publish

logger = logging.getLogger(__name__)

#: More missed events than this: the client reloads the room by REST (``resync``).
MAX_REPLAY = 500
#: Rooms one socket may follow at once.
MAX_ROOMS = 500
#: A client frame larger than this (UTF-8 bytes) is refused unread.
MAX_FRAME_BYTES = 64 * 1024
#: One typing notice per room and socket this often; more are dropped.
TYPING_EVERY_SECONDS = 2.0
#: Per socket and minute: room subscriptions (each reads the database) and presence changes
#: (each reaches every room of the user). More are refused with ``rate_limited``.
SUBSCRIPTIONS_PER_MINUTE = 2 * MAX_ROOMS
PRESENCE_CHANGES_PER_MINUTE = 30


class BadFrame(Exception):
    def __init__(self, code: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.frame = {"type": "error", "code": code, "detail": detail, **extra}


class Budget:
    """At most ``limit`` units per rolling minute (one socket's)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent: deque[tuple[float, int]] = deque()
        self.total = 0

    def take(self, units: int = 1) -> bool:
        now = time.monotonic()
        while self.spent and now - self.spent[0][0] >= 60:
            self.total -= self.spent.popleft()[1]
        if self.total + units > self.limit:
            return False
        self.spent.append((now, units))
        self.total += units
        return True


@dataclass
class Subscription:
    private: bool
    #: Live events up to this id were sent by the replay (or are older than the client's state).
    replayed: int


@dataclass
class Snapshot:
    private: bool
    current: int
    events: list[RoomEventData]
    resync: bool


def _size(raw: str | bytes) -> int:
    if isinstance(raw, bytes) or len(raw) * 4 <= MAX_FRAME_BYTES:
        return len(raw)  # (at most 4 bytes a character: small enough either way)
    return len(raw.encode("utf-8", "surrogatepass"))


def _room_id(value: Any, what: str = "room_id") -> int:
    if type(value) is not int or not 0 < value < 2**63:
        raise BadFrame("invalid", f"{what} must be a positive integer")
    return value


def _snapshot(user: Any, room_id: int, last: int | None) -> Snapshot | None:
    """The room's current id and the events after ``last`` (None: the user may not see it).
    The id is read first: every event up to it is committed, so the log read next holds them."""
    room = Room.objects.visible_to(user).filter(pk=room_id).values("private", "last_event_id").first()
    if room is None:
        return None
    current = int(room["last_event_id"])
    if last is None or last == current:
        return Snapshot(room["private"], current, [], resync=False)
    if last > current or current - last > MAX_REPLAY:
        return Snapshot(room["private"], current, [], resync=True)
    events = [event for event in events_after(room_id, last, limit=MAX_REPLAY) if event["event_id"] <= current]
    # The log no longer reaches back to ``last`` (pruned): the client must reload.
    pruned = not events or events[0]["event_id"] != last + 1
    return Snapshot(room["private"], current, [] if pruned else events, resync=pruned)


def _member_ids(room_id: int) -> list[int]:
    return list(Membership.objects.filter(room_id=room_id).values_list("user_id", flat=True))


def _room_ids_of(user_id: int) -> list[int]:
    return list(Membership.objects.filter(user_id=user_id).values_list("room_id", flat=True))


def _typing_event_id(user_id: int, room_id: int) -> int | None:
    """The room's current id if the user is a member, else None."""
    return (
        Membership.objects.filter(user_id=user_id, room_id=room_id)
        .values_list("room__last_event_id", flat=True)
        .first()
    )


def _briefs(user_ids: list[int]) -> list[dict[str, Any]]:
    users = get_user_model()._default_manager.filter(pk__in=user_ids).select_related("client").order_by("pk")
    return [dict(brief) for user in users if (brief := user_brief(user)) is not None]


def _still_visible(user: Any, room_id: int) -> bool:
    return Room.objects.visible_to(user).filter(pk=room_id).exists()


def _memberships(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which of these (user, room) pairs are memberships."""
    users, rooms = {user_id for user_id, _ in pairs}, {room_id for _, room_id in pairs}
    found = Membership.objects.filter(user_id__in=users, room_id__in=rooms).values_list("user_id", "room_id")
    return {(user_id, room_id) for user_id, room_id in found} & pairs


class PrivateWatch:
    """The backstop for a lost ``member.left`` (the channel layer is at most once): every
    ``AGENT_KEY_RECHECK_SECONDS``, one query per process checks that the non-admin sockets
    following private rooms still belong to them; a socket that no longer does is told to
    recheck (it then drops the room and answers ``not_found``)."""

    def __init__(self) -> None:
        self.sockets: set[ChatConsumer] = set()
        self.task: asyncio.Task[None] | None = None

    def add(self, consumer: ChatConsumer) -> None:
        self.sockets.add(consumer)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._run(), name="chat-private-watch")

    def discard(self, consumer: ChatConsumer) -> None:
        self.sockets.discard(consumer)

    async def _run(self) -> None:
        while self.sockets:
            await asyncio.sleep(settings.AGENT_KEY_RECHECK_SECONDS)
            held = [
                (consumer, room_id)
                for consumer in self.sockets
                for room_id, subscription in consumer.rooms.items()
                if subscription.private
            ]
            if not held:
                continue
            try:
                kept = await database_sync_to_async(_memberships)({(c.user_id, room_id) for c, room_id in held})
            except Exception:
                logger.exception("Could not recheck the private rooms of chat sockets")
                continue
            for consumer, room_id in held:
                if (consumer.user_id, room_id) not in kept:
                    # Through its own channel: handled in order with the socket's other messages.
                    await consumer.channel_layer.send(
                        consumer.channel_name, {"type": "chat.recheck", "room_id": room_id}
                    )


private_watch = PerLoop(PrivateWatch)


class ChatConsumer(StreamConsumer):
    """Client frames: ``subscribe``, ``unsubscribe``, ``typing``, ``presence``, ``ping``.
    Hub frames: the room events (``chat.events.STORED_EVENTS``, as stored), ``read.updated``,
    ``typing``, ``presence``, ``subscribed``, ``resync``, ``error``."""

    forwards = ("read.updated",)

    async def resolve_groups(self, user: Any) -> list[str] | None:
        self.rooms: dict[int, Subscription] = {}
        self.typed_at: dict[int, float] = {}
        self.presence_sent: dict[int, str] = {}
        self.subscriptions = Budget(SUBSCRIPTIONS_PER_MINUTE)
        self.presence_changes = Budget(PRESENCE_CHANGES_PER_MINUTE)
        self.is_admin = bool(getattr(user, "is_admin", False))
        self.brief = await database_sync_to_async(user_brief)(user)  # (is it a bot: maybe a query)
        return [chat_user_group(int(user.pk))]

    async def connect(self) -> None:
        await super().connect()
        if getattr(self, "groups_to_join", None) and hasattr(self, "user_id"):
            if not self.is_admin:
                private_watch().add(self)
            await self._presence("online")

    async def disconnect(self, code: int) -> None:
        private_watch().discard(self)
        for room_id in list(getattr(self, "rooms", {})):
            await self.channel_layer.group_discard(room_group(room_id), self.channel_name)
        if hasattr(self, "brief") and hasattr(self, "user_id"):
            before, after = await presence_state.presence().remove(self.user_id, self.channel_name)
            await self._announce_presence(before, after)
        await super().disconnect(code)

    # --- frames in ------------------------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any) -> None:
        raw = text_data if text_data is not None else bytes_data
        if raw is not None and _size(raw) > MAX_FRAME_BYTES:
            await self.send_json({"type": "error", "code": "too_large", "detail": f"at most {MAX_FRAME_BYTES} bytes"})
            return
        if text_data is None:
            await self.send_json({"type": "error", "code": "malformed", "detail": "send JSON text frames"})
            return
        await super().receive(text_data=text_data, bytes_data=None, **kwargs)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        kind = content.get("type") if isinstance(content, dict) else None
        handler = {
            "subscribe": self._subscribe,
            "unsubscribe": self._unsubscribe,
            "typing": self._typing,
            "presence": self._set_presence,
        }.get(kind if isinstance(kind, str) else "")
        try:
            if not isinstance(content, dict):
                raise BadFrame("invalid", "a frame is a JSON object")
            if kind == "ping":
                await self.send_json({"type": "pong"})
            elif handler is None:
                raise BadFrame("unknown_type", f"unknown frame type {str(kind)[:40]!r}")
            else:
                await handler(content)
        except BadFrame as exc:
            await self.send_json(exc.frame)

    async def _subscribe(self, frame: dict[str, Any]) -> None:
        rooms = frame.get("rooms")
        if not isinstance(rooms, list) or not all(isinstance(item, dict) for item in rooms):
            raise BadFrame("invalid", "rooms must be a list of {room_id, last_event_id}")
        wanted: list[tuple[int, int | None]] = []
        for item in rooms:
            last = item.get("last_event_id")
            if last is not None and (type(last) is not int or not 0 <= last < 2**63):
                raise BadFrame("invalid", "last_event_id must be null or an integer of at least 0")
            wanted.append((_room_id(item.get("room_id")), last))
        new = {room_id for room_id, _ in wanted} - set(self.rooms)
        if len(self.rooms) + len(new) > MAX_ROOMS:
            raise BadFrame("too_many_rooms", f"a socket follows at most {MAX_ROOMS} rooms")
        if not self.subscriptions.take(len(wanted)):
            raise BadFrame("rate_limited", f"at most {SUBSCRIPTIONS_PER_MINUTE} room subscriptions a minute")
        for room_id, last in wanted:
            await self._subscribe_one(room_id, last)

    async def _subscribe_one(self, room_id: int, last: int | None) -> None:
        # Joined before the log is read: an event committed after the read arrives live.
        joined = room_id in self.rooms
        if not joined:
            await self.channel_layer.group_add(room_group(room_id), self.channel_name)
            await announce(self.channel_layer, room_group(room_id))
        snapshot = await database_sync_to_async(_snapshot)(self.scope["user"], room_id, last)
        if snapshot is None:  # (a followed room the user may no longer see is dropped too)
            self.rooms.pop(room_id, None)
            await self.channel_layer.group_discard(room_group(room_id), self.channel_name)
            await self.send_json({"type": "error", "code": "not_found", "room_id": room_id, "detail": "no such room"})
            return
        self.rooms[room_id] = Subscription(private=snapshot.private, replayed=snapshot.current)
        for event in snapshot.events:
            await self.send_json(event)
        kind = "resync" if snapshot.resync else "subscribed"
        await self.send_json({"type": kind, "room_id": room_id, "event_id": snapshot.current})
        await self._members_presence(room_id)

    async def _unsubscribe(self, frame: dict[str, Any]) -> None:
        room_ids = frame.get("room_ids")
        if not isinstance(room_ids, list):
            raise BadFrame("invalid", "room_ids must be a list of room ids")
        for room_id in [_room_id(value, "room_ids") for value in room_ids]:
            await self._drop(room_id)

    async def _drop(self, room_id: int) -> None:
        if self.rooms.pop(room_id, None) is not None:
            await self.channel_layer.group_discard(room_group(room_id), self.channel_name)

    async def _typing(self, frame: dict[str, Any]) -> None:
        room_id = _room_id(frame.get("room_id"))
        now = time.monotonic()
        if now - self.typed_at.get(room_id, -TYPING_EVERY_SECONDS) < TYPING_EVERY_SECONDS:
            return  # a client typing sends often: one notice per period is enough
        event_id = await database_sync_to_async(_typing_event_id)(self.user_id, room_id)
        if event_id is None:
            raise BadFrame("not_member", "only the room's members may type in it", room_id=room_id)
        if len(self.typed_at) >= MAX_ROOMS:
            self.typed_at.clear()
        self.typed_at[room_id] = now
        event = {"type": "chat.typing", "room_id": room_id, "user": self.brief, "event_id": event_id}
        await publish([(room_group(room_id), event)])

    async def _set_presence(self, frame: dict[str, Any]) -> None:
        state = frame.get("state")
        if state not in presence_state.STATES:
            raise BadFrame("invalid", "state must be online or away")
        if not self.presence_changes.take():
            raise BadFrame("rate_limited", f"at most {PRESENCE_CHANGES_PER_MINUTE} presence changes a minute")
        await self._presence(state)

    # --- presence -------------------------------------------------------------------------------

    async def _presence(self, state: str) -> None:
        before, after = await presence_state.presence().set(self.user_id, self.channel_name, state)
        await self._announce_presence(before, after)

    async def _announce_presence(self, before: str, after: str) -> None:
        """The user's state changed: tell every room they are in (not stored)."""
        if before == after:
            return
        room_ids = await database_sync_to_async(_room_ids_of)(self.user_id)
        event = {"type": "chat.presence", "user": self.brief, "state": after}
        await publish([(room_group(room_id), event) for room_id in room_ids])

    async def _members_presence(self, room_id: int) -> None:
        """After a subscription: the room's members who are online or away."""
        member_ids = await database_sync_to_async(_member_ids)(room_id)
        states = await presence_state.presence().states(member_ids)
        online = [user_id for user_id, state in states.items() if state != presence_state.OFFLINE]
        if not online:
            return
        users = await database_sync_to_async(_briefs)(online)
        for user in users:
            await self._send_presence(user, states[user["id"]])

    async def _send_presence(self, user: dict[str, Any], state: str) -> None:
        # One change reaches this socket once per room the user shares with it: sent once.
        if self.presence_sent.get(user["id"]) == state:
            return
        self.presence_sent[user["id"]] = state
        await self.send_json({"type": "presence", "user": user, "state": state})

    # --- channel layer events -------------------------------------------------------------------

    async def dispatch(self, message: dict[str, Any]) -> None:
        if message["type"] in STORED_EVENTS:
            await self.room_event(message)
        else:
            await super().dispatch(message)

    async def room_event(self, event: dict[str, Any]) -> None:
        room_id = event.get("room_id")
        subscription = self.rooms.get(room_id) if isinstance(room_id, int) else None
        if subscription is None or event["event_id"] <= subscription.replayed:
            return
        await self.send_json(event)
        data = event.get("data") or {}
        if event["type"] == "member.left" and (data.get("user") or {}).get("id") == self.user_id:
            if subscription.private and not self.is_admin:
                await self._drop(room_id)  # type: ignore[arg-type]
        elif event["type"] == "room.updated" and isinstance(data.get("private"), bool):
            became_private = data["private"] and not subscription.private
            subscription.private = data["private"]
            if became_private and not await database_sync_to_async(_still_visible)(self.scope["user"], room_id):
                await self._drop(room_id)  # type: ignore[arg-type]

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event["room_id"] in self.rooms and event["user"]["id"] != self.user_id:
            frame = {
                "type": "typing",
                "room_id": event["room_id"],
                "user": event["user"],
                "event_id": event["event_id"],
            }
            await self.send_json(frame)

    async def chat_presence(self, event: dict[str, Any]) -> None:
        await self._send_presence(event["user"], event["state"])

    async def chat_recheck(self, event: dict[str, Any]) -> None:
        """``PrivateWatch`` found this socket following a private room it left."""
        room_id = event["room_id"]
        if room_id in self.rooms and not await database_sync_to_async(_still_visible)(self.scope["user"], room_id):
            await self._drop(room_id)
            await self.send_json({"type": "error", "code": "not_found", "room_id": room_id, "detail": "no such room"})
