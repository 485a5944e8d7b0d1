"""The ceiling to compare the chat hub with: the least a hub must do per chat message, on the
same server (daphne) and channel layer (Redis pub/sub), with no database and no Django views.

- ``POST /api/v1/messages``: read the body, ``json.loads``, build an event shaped like the
  hub's ``message.created`` (``chat.representation.message_data``'s fields, the content
  escaped into ``content_html``), one ``group_send`` to the room's group, answer 201.
- ``/api/v1/ws/chat``: a bare ``AsyncWebsocketConsumer`` that accepts the ``bearer``
  subprotocol (the token is not checked), answers ``subscribe`` with one ``group_add`` per
  room and ``subscribed``, and forwards every group message as JSON text.

The same load generator (``load_clients.py``) drives it and the hub. Its settings are the ingest
baseline's (``bench/ingest/baseline_settings.py``: no database, the pub/sub layer).

    cd bench/chat && PYTHONPATH=../ingest DJANGO_SETTINGS_MODULE=baseline_settings \\
        ../../.venv/bin/python -m daphne -b 127.0.0.1 -p 8765 baseline_asgi:application
"""

from __future__ import annotations

import gc
import html
import itertools
import json
import os
from datetime import UTC, datetime
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baseline_settings")
django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402 - needs Django set up
from channels.layers import get_channel_layer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

_ids = itertools.count(1)
_event_ids: dict[int, itertools.count[int]] = {}


def room_group(room_id: int) -> str:
    return f"chat.room.{room_id}"  # the hub's name (chat.events.room_group)


class BaselineChatConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        await self.accept(subprotocol="bearer")

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        frame: dict[str, Any] = json.loads(text_data if text_data is not None else (bytes_data or b""))
        if frame.get("type") != "subscribe":
            return
        for room in frame.get("rooms", []):
            room_id = int(room["room_id"])
            await self.channel_layer.group_add(room_group(room_id), self.channel_name)
            await self.send(text_data=json.dumps({"type": "subscribed", "room_id": room_id, "event_id": 0}))

    async def chat_event(self, message: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(message["event"], separators=(",", ":")))


def _event(frame: dict[str, Any]) -> dict[str, Any]:
    room_id = int(frame["room_id"])
    content = str(frame["content"])
    now = datetime.now(UTC).isoformat()
    event_id = next(_event_ids.setdefault(room_id, itertools.count(1)))
    data = {
        "id": next(_ids),
        "room_id": room_id,
        "author": {"id": 0, "username": "baseline"},
        "message_type": "text",
        "content": content,
        "content_html": f"<p>{html.escape(content)}</p>",
        "thread_id": None,
        "reply_count": 0,
        "last_reply_at": None,
        "data": {},
        "mentions": [],
        "created_at": now,
        "edited": False,
        "edited_at": None,
        "deleted": False,
    }
    return {"type": "message.created", "room_id": room_id, "event_id": event_id, "data": data}


async def post_message(scope: dict[str, Any], receive: Any, send: Any) -> None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    status, answer = 404, {"detail": "Not found."}
    if scope["method"] == "POST" and scope["path"] == "/api/v1/messages":
        event = _event(json.loads(body))
        await get_channel_layer().group_send(room_group(event["room_id"]), {"type": "chat.event", "event": event})
        status, answer = 201, {"data": event["data"], "message": "Message posted."}
    payload = json.dumps(answer, separators=(",", ":")).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


application = ProtocolTypeRouter(
    {
        "http": post_message,
        "websocket": URLRouter([path("api/v1/ws/chat", BaselineChatConsumer.as_asgi())]),
    }
)

# The hub process's garbage-collector tuning applies here too (see the ingest baseline).
gc.collect()
gc.freeze()
gc.set_threshold(50_000, 10, 10)
