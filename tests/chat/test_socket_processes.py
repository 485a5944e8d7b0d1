"""/api/v1/ws/chat across two hub processes sharing Redis (the way production scales out): one
hub for room events, presence and replay. Starts real daphne processes (slow)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async

from tests.e2e.helpers import browser_connect, next_event, shared_redis_url
from tests.live import live_hub

PATH = "/api/v1/ws/chat"


HUB_SETUP = """
import json
from accounts.actor import Actor
from accounts.models import User
from accounts.services import issue_tokens
from chat import services
a = User.objects.create_user('ann', 'ann@example.com', 'a-long-live-test-passphrase')
b = User.objects.create_user('bob', 'bob@example.com', 'a-long-live-test-passphrase')
room = services.create_room(Actor.for_user(a, 'api'), name='ops')
services.join_room(Actor.for_user(b, 'api'), room)
token = lambda user: [user.pk, issue_tokens(user).access_token]
print(json.dumps({'room': room.pk, 'a': token(a), 'b': token(b)}))
"""

HUB_POST = """
from accounts.actor import Actor
from accounts.models import User
from chat import services
from chat.models import Room
ann = Actor.for_user(User.objects.get(username='ann'), 'api')
for n in range({count}):
    services.post_message(ann, Room.objects.get(pk={room}), '{text} %d' % n)
print(Room.objects.get(pk={room}).last_event_id)
"""


async def presence_for(ws: Any, user_id: int) -> str:
    """A live hub's socket (``websockets``): the next presence of ``user_id``."""
    while True:
        got = json.loads(await asyncio.wait_for(ws.recv(), 10))
        if got["type"] == "presence" and got["user"]["id"] == user_id:
            return str(got["state"])


@pytest.mark.slow
async def test_two_hub_processes_are_one_hub_for_chat_sockets(tmp_path):
    """Two daphne processes sharing Redis: a message posted by a third process reaches both;
    presence is one state across them; a socket dropped on one and reconnected to the other
    with its last id receives everything sent while it was gone."""
    redis_url = shared_redis_url()
    if redis_url is None:
        pytest.skip("needs a Redis server to share between the two hub processes")

    async def hub_python(hub: Any, code: str) -> str:
        return await sync_to_async(hub.python, thread_sensitive=False)(code)

    with live_hub(tmp_path, processes=2, REDIS_URL=redis_url, EMBEDDED_WORKER="false") as hub:
        setup = json.loads(await hub_python(hub, HUB_SETUP))
        room, (ann_id, ann_token), (bob_id, bob_token) = setup["room"], setup["a"], setup["b"]
        first, second = (f"http://127.0.0.1:{port}" for port in hub.ports)
        subscribe_frame = json.dumps({"type": "subscribe", "rooms": [{"room_id": room}]})
        async with browser_connect(first, PATH, ann_token) as ann:
            await ann.send(subscribe_frame)
            subscribed = await next_event(ann, "subscribed")
            async with browser_connect(second, PATH, bob_token) as bob:
                assert await presence_for(ann, bob_id) == "online"
                await bob.send(subscribe_frame)
                await next_event(bob, "subscribed")
                assert await presence_for(bob, ann_id) == "online"  # the other process's user, shared
                await bob.send(json.dumps({"type": "presence", "state": "away"}))
                assert await presence_for(ann, bob_id) == "away"
                await hub_python(hub, HUB_POST.format(count=1, room=room, text="hello"))
                for ws in (ann, bob):
                    event = await next_event(ws, "message.created")
                    assert event["data"]["content"] == "hello 0"
                last_seen = event["event_id"]
            assert await presence_for(ann, bob_id) == "offline"
            end = int(await hub_python(hub, HUB_POST.format(count=5, room=room, text="while gone")))
            async with browser_connect(first, PATH, bob_token) as bob:
                await bob.send(
                    json.dumps({"type": "subscribe", "rooms": [{"room_id": room, "last_event_id": last_seen}]})
                )
                replayed = []
                while True:
                    got = json.loads(await asyncio.wait_for(bob.recv(), 10))
                    if got["type"] == "subscribed":
                        break
                    if got["type"] != "presence":
                        replayed.append(got)
                assert [e["event_id"] for e in replayed] == list(range(last_seen + 1, end + 1))
                assert [e["data"]["content"] for e in replayed] == [f"while gone {n}" for n in range(5)]
            assert subscribed["event_id"] < last_seen
