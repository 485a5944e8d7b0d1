"""The ceiling to compare the hub with: a bare Channels consumer that does the least a hub
must do per data frame, on the same server (daphne) and channel layer (Redis pub/sub).

Per frame: ``json.loads``, one ``group_send`` of the sample to the server's group, an ack.
No validation, no database, no batching. ``hello`` gets a ``welcome`` (window 32, like the
hub's default) so the same load generator drives both.

    cd bench/ingest && DJANGO_SETTINGS_MODULE=baseline_settings \\
        ../../.venv/bin/python -m daphne -b 127.0.0.1 -p 8765 baseline_asgi:application
"""

from __future__ import annotations

import gc
import itertools
import json
import os
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baseline_settings")
django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402 - needs Django set up
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

WINDOW = int(os.environ.get("AGENT_WINDOW", "32"))
_server_ids = itertools.count(1)


class BaselineAgentConsumer(AsyncWebsocketConsumer):
    server_id = 0

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        frame: dict[str, Any] = json.loads(text_data if text_data is not None else (bytes_data or b""))
        if frame.get("type") == "hello":
            self.server_id = next(_server_ids)
            welcome = {
                "type": "welcome",
                "protocol": 1,
                "server_id": self.server_id,
                "server_name": frame.get("hostname", ""),
                "window": WINDOW,
                "max_frame_bytes": 1 << 20,
                "last_seq": 0,
            }
            await self.send(text_data=json.dumps(welcome, separators=(",", ":")))
            return
        sample = frame["samples"][0]
        await self.channel_layer.group_send(
            f"server.{self.server_id}.metrics",
            {"type": "metrics.sample", "server_id": self.server_id, "ts": sample["ts"], "values": sample["values"]},
        )
        await self.send(text_data=json.dumps({"type": "ack", "seq": frame["seq"]}, separators=(",", ":")))


application = ProtocolTypeRouter({"websocket": URLRouter([path("api/v1/agents/ws", BaselineAgentConsumer.as_asgi())])})

# The hub process's garbage-collector tuning (chatops.runtime.tune_gc, HUB_GC_THRESHOLD's
# default) applies here too: it is process tuning, not work per frame, and the ceiling must
# not be lowered by pauses the hub no longer has.
gc.collect()
gc.freeze()
gc.set_threshold(50_000, 10, 10)
