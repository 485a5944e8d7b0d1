"""/api/v1/ws/chat through the real ASGI application: subscriptions with replay from the room's
event log, live room events, read markers, typing, presence, and bad frames."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import User
from accounts.services import announce_access_change, issue_tokens
from chat import services
from chat.consumers import MAX_FRAME_BYTES, MAX_REPLAY
from chat.jobs import prune_events
from chat.models import Room, RoomEvent
from chatops import registry
from tests.sockets import browser_socket, closed_with, recv, send
from tests.threads import off_the_loop

pytestmark = pytest.mark.django_db(transaction=True)
PATH = "/api/v1/ws/chat"


def me(user):
    return Actor.for_user(user, "api")


def db(fn, *args, **kwargs):
    return database_sync_to_async(fn)(*args, **kwargs)


async def connect(user) -> WebsocketCommunicator:
    token = await db(lambda: issue_tokens(user).access_token)
    ws = browser_socket(PATH, token)
    connected, subprotocol = await ws.connect()
    assert connected and subprotocol == "bearer"
    return ws


async def frame(ws, skip: tuple[str, ...] = ("presence",), timeout: float = 5) -> dict[str, Any]:
    """The next frame whose type is not in ``skip``."""
    while True:
        got = await recv(ws, timeout)
        if got["type"] not in skip:
            return got


async def subscribe(ws, room_id: int, last: int | None = None) -> list[dict[str, Any]]:
    """Subscribe to one room; every frame up to its ``subscribed`` / ``resync`` / ``error``."""
    await send(ws, {"type": "subscribe", "rooms": [{"room_id": room_id, "last_event_id": last}]})
    frames = []
    while True:
        got = await frame(ws)
        frames.append(got)
        if got["type"] in ("subscribed", "resync", "error"):
            return frames


async def quiet(ws) -> None:
    """Nothing is waiting on the socket: a ping's answer is the next frame."""
    await send(ws, {"type": "ping"})
    assert await frame(ws) == {"type": "pong"}


async def last_event_id(room) -> int:
    return await db(lambda: Room.objects.get(pk=room.pk).last_event_id)


@pytest.fixture
def room(db, operator, viewer):
    room = services.create_room(me(operator), name="ops")
    services.join_room(me(viewer), room)
    return room


@pytest.fixture
def private_room(db, operator, viewer):
    room = services.create_room(me(operator), name="secret", private=True)
    services.add_member(me(operator), room, viewer.pk)
    return room


# --- connecting --------------------------------------------------------------------------------


async def test_without_a_token_the_chat_socket_closes_4401():
    ws = browser_socket(PATH, None)
    await ws.connect()
    assert await closed_with(ws) == 4401


async def test_a_foreign_origin_is_refused(viewer):
    token = await db(lambda: issue_tokens(viewer).access_token)
    ws = browser_socket(PATH, token, origin="http://evil.example")
    connected, _ = await ws.connect()
    assert not connected


async def test_deactivating_the_user_closes_their_chat_socket(viewer, admin, room):
    ws = await connect(viewer)
    await subscribe(ws, room.pk)

    def deactivate() -> None:
        User.objects.filter(pk=viewer.pk).update(is_active=False)
        announce_access_change(viewer, deactivated=True, role_changed=False)

    await db(deactivate)
    assert await closed_with(ws) == 4401


# --- subscribe, replay, resync ----------------------------------------------------------------


async def test_subscribing_replays_what_came_after_the_last_id_then_says_subscribed(operator, viewer, room):
    start = await last_event_id(room)
    for text in ("one", "two", "three"):
        await db(services.post_message, me(operator), room, text)
    end = await last_event_id(room)
    ws = await connect(viewer)
    frames = await subscribe(ws, room.pk, start)
    assert [f["event_id"] for f in frames[:-1]] == list(range(start + 1, end + 1))
    assert [f["data"]["content"] for f in frames[:-1]] == ["one", "two", "three"]
    assert frames[-1] == {"type": "subscribed", "room_id": room.pk, "event_id": end}
    stored = await db(services.events_after, room.pk, start)
    assert frames[:-1] == stored  # exactly as stored (chat.events.RoomEventData)
    # Without a last id: nothing replayed.
    again = await connect(viewer)
    assert await subscribe(again, room.pk) == [{"type": "subscribed", "room_id": room.pk, "event_id": end}]
    await ws.disconnect()
    await again.disconnect()


async def test_a_gap_of_more_than_500_events_or_a_pruned_log_asks_for_a_resync(operator, viewer, room):
    start = await last_event_id(room)

    def fill() -> None:
        events = [
            RoomEvent(room=room, event_id=start + n, type="room.updated", payload={}) for n in range(1, MAX_REPLAY + 2)
        ]
        RoomEvent.objects.bulk_create(events)
        Room.objects.filter(pk=room.pk).update(last_event_id=start + MAX_REPLAY + 1)

    await db(fill)
    end = start + MAX_REPLAY + 1
    ws = await connect(viewer)
    assert await subscribe(ws, room.pk, start) == [{"type": "resync", "room_id": room.pk, "event_id": end}]
    # 500 behind: replayed.
    frames = await subscribe(ws, room.pk, start + 1)
    assert len(frames) == MAX_REPLAY + 1 and frames[-1]["type"] == "subscribed"
    # An id ahead of the room's (another database): resync too.
    assert (await subscribe(ws, room.pk, end + 7))[-1]["type"] == "resync"
    # The log pruned past the client's id: resync.
    assert await db(prune_events, timezone.now() + timezone.timedelta(days=30)) > MAX_REPLAY
    assert (await subscribe(ws, room.pk, end - 3))[-1] == {"type": "resync", "room_id": room.pk, "event_id": end}
    assert (await subscribe(ws, room.pk, end))[-1]["type"] == "subscribed"
    await ws.disconnect()


async def test_the_prune_job_is_registered_and_keeps_recent_events(operator, room, settings):
    assert registry.jobs.get("chat.prune_events").period == 3600
    await db(services.post_message, me(operator), room, "hello")
    settings.CHAT_EVENT_RETENTION_DAYS = 7
    assert await db(prune_events, timezone.now() + timezone.timedelta(days=6)) == 0
    kept = await db(RoomEvent.objects.filter(room=room).count)
    assert kept > 0
    assert await db(prune_events, timezone.now() + timezone.timedelta(days=8)) == kept


async def test_a_private_room_is_not_found_by_a_non_member_as_if_it_did_not_exist(
    operator, outsider, admin, room, private_room
):
    ws = await connect(outsider)
    refused = await subscribe(ws, private_room.pk, 0)
    missing = await subscribe(ws, 999_999, 0)
    assert refused == [{"type": "error", "code": "not_found", "room_id": private_room.pk, "detail": "no such room"}]
    assert missing == [{"type": "error", "code": "not_found", "room_id": 999_999, "detail": "no such room"}]
    await subscribe(ws, room.pk)
    # Nothing of the private room reaches them later either; an admin may listen to it.
    admin_ws = await connect(admin)
    assert (await subscribe(admin_ws, private_room.pk))[-1]["type"] == "subscribed"
    await db(services.post_message, me(operator), private_room, "psst")
    await db(services.post_message, me(operator), room, "hello all")
    assert (await frame(admin_ws))["data"]["content"] == "psst"
    assert (await frame(ws))["data"]["content"] == "hello all"
    await ws.disconnect()
    await admin_ws.disconnect()


async def test_a_lost_member_left_is_caught_by_the_recheck(operator, viewer, room, private_room, settings):
    """The channel layer may lose the ``member.left``: the membership is removed here without
    any event, and the periodic recheck still stops the room's delivery."""
    settings.AGENT_KEY_RECHECK_SECONDS = 1
    ws = await connect(viewer)
    await subscribe(ws, private_room.pk)
    await subscribe(ws, room.pk)
    await db(lambda: private_room.memberships.filter(user=viewer).delete())
    error = await frame(ws, timeout=5)
    assert error == {"type": "error", "code": "not_found", "room_id": private_room.pk, "detail": "no such room"}
    await db(services.post_message, me(operator), private_room, "unseen")
    await db(services.post_message, me(operator), room, "seen")
    assert (await frame(ws))["data"]["content"] == "seen"
    await ws.disconnect()


async def test_a_room_made_private_stops_reaching_those_who_no_longer_see_it(operator, viewer, outsider, room):
    member, former = await connect(viewer), await connect(outsider)
    for ws in (member, former):
        await subscribe(ws, room.pk)
    await db(services.update_room, me(operator), room, private=True)
    for ws in (member, former):
        assert (await frame(ws))["type"] == "room.updated"
    await db(services.post_message, me(operator), room, "members only now")
    assert (await frame(member, skip=("presence", "message.updated")))["data"]["content"] == "members only now"
    await quiet(former)
    assert (await subscribe(former, room.pk))[-1]["code"] == "not_found"
    await member.disconnect()
    await former.disconnect()


# --- live events ---------------------------------------------------------------------------------


async def test_a_posted_message_reaches_the_rooms_sockets_live(operator, viewer, outsider, room, private_room):
    ws = await connect(viewer)
    await subscribe(ws, room.pk)
    await subscribe(ws, private_room.pk)
    outsiders = await connect(outsider)
    await subscribe(outsiders, room.pk)  # a public room: anyone who sees it may listen
    message = await db(services.post_message, me(operator), room, "deploying web-1")
    event = await frame(ws)
    assert event["type"] == "message.created" and event["room_id"] == room.pk
    assert event["event_id"] == await last_event_id(room)
    assert event["data"]["id"] == message.pk and event["data"]["author"]["username"] == operator.username
    assert (await frame(outsiders))["data"]["id"] == message.pk
    await db(services.edit_message, me(operator), message, "deploying web-2")
    for listener in (ws, outsiders):
        assert (await frame(listener))["type"] == "message.updated"
    secret = await db(services.post_message, me(operator), private_room, "in private")
    assert (await frame(ws))["data"]["id"] == secret.pk
    await db(services.post_message, me(operator), room, "done")
    # The private room's message never reached the outsider: the next one is the public room's.
    assert (await frame(outsiders))["data"]["content"] == "done"
    await ws.disconnect()
    await outsiders.disconnect()


async def test_a_read_marker_reaches_the_users_other_sessions(operator, viewer, room):
    await db(services.post_message, me(operator), room, "read me")
    phone, laptop = await connect(viewer), await connect(viewer)
    other = await connect(operator)
    await db(services.mark_read, me(viewer), room, None)
    expected = await db(lambda: room.memberships.get(user=viewer).last_read_id)
    for ws in (phone, laptop):
        assert await frame(ws) == {"type": "read.updated", "room_id": room.pk, "last_read_id": expected}
    await quiet(other)
    for ws in (phone, laptop, other):
        await ws.disconnect()


async def test_leaving_a_private_room_stops_its_delivery(operator, viewer, room, private_room):
    ws = await connect(viewer)
    await subscribe(ws, private_room.pk)
    await subscribe(ws, room.pk)
    await db(services.leave_room, me(viewer), private_room)
    left = await frame(ws)
    assert (left["type"], left["room_id"], left["data"]["user"]["id"]) == ("member.left", private_room.pk, viewer.pk)
    await db(services.post_message, me(operator), private_room, "after you left")
    await db(services.post_message, me(operator), room, "in the public room")
    # The next event is the public room's: the private room's system line and message never came.
    event = await frame(ws)
    assert (event["room_id"], event["data"]["content"]) == (room.pk, "in the public room")
    # And subscribing again is refused like any room they cannot see.
    assert (await subscribe(ws, private_room.pk))[-1]["code"] == "not_found"
    await ws.disconnect()


async def test_a_socket_reconnecting_with_its_last_id_receives_everything_sent_while_it_was_gone(
    operator, viewer, room
):
    ws = await connect(viewer)
    await subscribe(ws, room.pk)
    first = await db(services.post_message, me(operator), room, "before the drop")
    seen = await frame(ws)
    assert seen["data"]["id"] == first.pk
    await ws.disconnect()
    sent = [await db(services.post_message, me(operator), room, f"while gone {n}") for n in range(5)]
    await db(services.post_message, me(operator), room, "a reply", thread_id=sent[0].pk)
    await db(services.delete_message, me(operator), sent[1])
    ws = await connect(viewer)
    frames = await subscribe(ws, room.pk, seen["event_id"])
    end = await last_event_id(room)
    assert [f["event_id"] for f in frames[:-1]] == list(range(seen["event_id"] + 1, end + 1))
    created = [f["data"]["content"] for f in frames if f["type"] == "message.created"]
    assert created == [f"while gone {n}" for n in range(5)] + ["a reply"]
    assert any(f["type"] == "message.deleted" and f["data"]["id"] == sent[1].pk for f in frames)
    assert frames[-1] == {"type": "subscribed", "room_id": room.pk, "event_id": end}
    await ws.disconnect()


async def test_messages_posted_while_subscribing_are_neither_lost_nor_doubled(operator, viewer, room):
    """The window between reading the log and joining the group: messages are posted from
    another thread while the socket subscribes; every event id arrives exactly once, in order."""
    start = await last_event_id(room)
    ws = await connect(viewer)
    count = 40

    def post_many() -> None:
        for n in range(count):
            services.post_message(me(operator), room, f"burst {n}")

    poster = asyncio.ensure_future(off_the_loop(post_many))
    await asyncio.sleep(0.05)
    frames = await subscribe(ws, room.pk, start)
    await poster
    end = await last_event_id(room)
    ids = [f["event_id"] for f in frames if f["type"] != "subscribed"]
    while not ids or ids[-1] < end:
        ids.append((await frame(ws))["event_id"])
    assert ids == list(range(start + 1, end + 1))
    await quiet(ws)
    await ws.disconnect()


@pytest.mark.parametrize("when", ["before", "after"])
async def test_a_message_committed_right_before_or_after_the_log_is_read_arrives_once(
    operator, viewer, room, monkeypatch, when
):
    """The window made certain: a message is posted (committed and published) in the very
    call that reads the log, just before the read or just after it. Before: the replay has it
    and its live copy is dropped. After: the group, joined before the read, delivers it."""
    from chat import consumers

    read = consumers._snapshot

    def snapshot_with_a_message(*args: Any) -> Any:
        if when == "before":
            services.post_message(me(operator), room, "in the window")
        result = read(*args)
        if when == "after":
            services.post_message(me(operator), room, "in the window")
        return result

    monkeypatch.setattr(consumers, "_snapshot", snapshot_with_a_message)
    start = await last_event_id(room)
    ws = await connect(viewer)
    frames = await subscribe(ws, room.pk, start)
    end = await last_event_id(room)
    while frames[-1]["type"] == "subscribed" and frames[-1]["event_id"] < end:
        frames.append(await frame(ws))
    events = [f for f in frames if f["type"] != "subscribed"]
    assert [f["event_id"] for f in events] == [end]
    assert events[0]["data"]["content"] == "in the window"
    await db(services.post_message, me(operator), room, "after")
    assert (await frame(ws))["data"]["content"] == "after"  # no second copy came before it
    await ws.disconnect()


# --- typing and presence ----------------------------------------------------------------------


async def test_typing_reaches_the_other_members_once_per_period(operator, viewer, outsider, room):
    typist, listener = await connect(viewer), await connect(operator)
    await subscribe(typist, room.pk)
    await subscribe(listener, room.pk)
    await send(typist, {"type": "typing", "room_id": room.pk})
    await send(typist, {"type": "typing", "room_id": room.pk})  # within 2 s: dropped
    event = await frame(listener)
    current = await last_event_id(room)
    assert event == {
        "type": "typing",
        "room_id": room.pk,
        "user": {"id": viewer.pk, "username": viewer.username, "bot": False},
        "event_id": current,
    }
    await quiet(typist)  # the typist does not hear themselves
    await db(services.post_message, me(operator), room, "next")
    assert (await frame(listener))["type"] == "message.created"  # the second notice was dropped
    assert (await frame(typist))["type"] == "message.created"
    # Not a member (a public room they may watch): refused, the socket stays open.
    watcher = await connect(outsider)
    await subscribe(watcher, room.pk)
    await send(watcher, {"type": "typing", "room_id": room.pk})
    error = await frame(watcher)
    assert (error["type"], error["code"], error["room_id"]) == ("error", "not_member", room.pk)
    await quiet(watcher)
    await quiet(listener)
    for ws in (typist, listener, watcher):
        await ws.disconnect()


async def presence_of(ws, user) -> str:
    while True:
        got = await recv(ws)
        if got["type"] == "presence" and got["user"]["id"] == user.pk:
            return str(got["state"])


async def test_presence_follows_every_socket_of_a_user(operator, viewer, room):
    watcher = await connect(operator)
    await subscribe(watcher, room.pk)
    phone = await connect(viewer)
    assert await presence_of(watcher, viewer) == "online"
    laptop = await connect(viewer)
    await quiet(laptop)  # its connection is handled (it counts as online) before the ping's answer
    await send(phone, {"type": "presence", "state": "away"})
    await quiet(phone)
    await quiet(watcher)  # still online: the laptop is
    await send(laptop, {"type": "presence", "state": "away"})
    assert await presence_of(watcher, viewer) == "away"
    # A new subscriber is told who is there.
    late = await connect(operator)
    await send(late, {"type": "subscribe", "rooms": [{"room_id": room.pk}]})
    assert await presence_of(late, viewer) == "away"
    await send(phone, {"type": "presence", "state": "online"})
    assert await presence_of(watcher, viewer) == "online"
    # The phone (online) goes: the laptop is away, so is the user; then nobody is left.
    await phone.disconnect()
    assert await presence_of(watcher, viewer) == "away"
    await laptop.disconnect()
    assert await presence_of(watcher, viewer) == "offline"
    await watcher.disconnect()
    await late.disconnect()


# --- bad frames ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "code"),
    [
        ("not json", "malformed"),
        ("[1, 2]", "invalid"),
        ('{"type": "shout"}', "unknown_type"),
        ('{"no": "type"}', "unknown_type"),
        ('{"type": "subscribe", "rooms": 3}', "invalid"),
        ('{"type": "subscribe", "rooms": [{"room_id": "3"}]}', "invalid"),
        ('{"type": "subscribe", "rooms": [{"room_id": true}]}', "invalid"),
        ('{"type": "subscribe", "rooms": [{"room_id": 3, "last_event_id": -1}]}', "invalid"),
        ('{"type": "unsubscribe", "room_ids": "all"}', "invalid"),
        ('{"type": "typing"}', "invalid"),
        ('{"type": "presence", "state": "busy"}', "invalid"),
        ("[" * 100_000 + "]" * 100_000, "too_large"),
        ("x" * (MAX_FRAME_BYTES + 1), "too_large"),
        (json.dumps({"type": "ping", "pad": "é" * (MAX_FRAME_BYTES // 2)}), "too_large"),
        ('{"type": "\\ud800"}', "unknown_type"),
        ("[" * 5000 + "]" * 5000, "malformed"),
    ],
)
async def test_a_bad_frame_gets_an_error_and_harms_no_one(operator, viewer, room, sent, code):
    ws, other = await connect(viewer), await connect(operator)
    await subscribe(other, room.pk)
    await ws.send_to(text_data=sent)
    error = await frame(ws)
    assert error["type"] == "error" and error["code"] == code and error["detail"]
    await quiet(ws)
    await db(services.post_message, me(viewer), room, "still here")
    assert (await frame(other))["data"]["content"] == "still here"
    await ws.disconnect()
    await other.disconnect()


async def test_a_binary_frame_is_refused_and_the_socket_stays(viewer):
    ws = await connect(viewer)
    await ws.send_to(bytes_data=json.dumps({"type": "ping"}).encode())
    assert (await frame(ws))["code"] == "malformed"
    await quiet(ws)
    await ws.disconnect()


async def test_unsubscribing_stops_the_rooms_events(operator, viewer, room):
    ws = await connect(viewer)
    await subscribe(ws, room.pk)
    await send(ws, {"type": "unsubscribe", "room_ids": [room.pk]})
    await quiet(ws)
    await db(services.post_message, me(operator), room, "unheard")
    await quiet(ws)
    await ws.disconnect()


async def test_too_many_subscriptions_or_presence_changes_are_refused_and_the_socket_stays(viewer, room, monkeypatch):
    from chat import consumers

    monkeypatch.setattr(consumers, "SUBSCRIPTIONS_PER_MINUTE", 3)
    ws = await connect(viewer)
    for _ in range(3):
        assert (await subscribe(ws, room.pk))[-1]["type"] == "subscribed"
    await send(ws, {"type": "subscribe", "rooms": [{"room_id": room.pk}]})
    assert (await frame(ws))["code"] == "rate_limited"
    for n in range(consumers.PRESENCE_CHANGES_PER_MINUTE):
        await send(ws, {"type": "presence", "state": ("away", "online")[n % 2]})
    await quiet(ws)
    await send(ws, {"type": "presence", "state": "away"})
    assert (await frame(ws))["code"] == "rate_limited"
    await quiet(ws)
    await ws.disconnect()
