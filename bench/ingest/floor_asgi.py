"""The floor of a daphne process: a plain ASGI application, no Channels consumer, no channel
layer, no database. Per data frame it parses the JSON and sends an ack; ``hello`` gets a
``welcome`` (window 32, as the hub's default) so the same load generator drives it.

What daphne (Twisted, autobahn's frame parsing, masking and UTF-8 check, the ASGI queues) and
the load generator take of the machine before any work of the hub's: a hub process cannot
keep a fleet this cannot keep in the same run (``run.py --modes floor``).

    cd bench/ingest && ../../.venv/bin/python -m daphne -b 127.0.0.1 -p 8765 floor_asgi:application
"""

from __future__ import annotations

import gc
import itertools
import json
from collections.abc import Awaitable, Callable
from typing import Any

WINDOW = 32
_server_ids = itertools.count(1)

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


async def application(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    if scope["type"] != "websocket" or scope["path"] != "/api/v1/agents/ws":
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4404})
        return
    while True:
        message = await receive()
        kind = message["type"]
        if kind == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif kind == "websocket.disconnect":
            return
        elif kind == "websocket.receive":
            frame = json.loads(message.get("text") or message.get("bytes") or b"")
            if frame.get("type") == "hello":
                welcome = {
                    "type": "welcome",
                    "protocol": 1,
                    "server_id": next(_server_ids),
                    "server_name": frame.get("hostname", ""),
                    "window": WINDOW,
                    "max_frame_bytes": 1 << 20,
                    "last_seq": 0,
                }
                await send({"type": "websocket.send", "text": json.dumps(welcome, separators=(",", ":"))})
            else:
                await send({"type": "websocket.send", "text": f'{{"type":"ack","seq":{int(frame["seq"])}}}'})


# The hub process's garbage-collector tuning applies here too (see baseline_asgi.py).
gc.collect()
gc.freeze()
gc.set_threshold(50_000, 10, 10)
