"""Broadcast after commit: nothing is pushed that was rolled back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from channels.layers import get_channel_layer
from django.db import transaction

from chatops.realtime import bridge
from chatops.realtime.groups import group_send_many

# (group, event): an event is a TypedDict of its app's ``events.py``, with a dotted ``type``.
Messages = Sequence[tuple[str, Mapping[str, Any]]]


def publish_after_commit(messages: Messages) -> None:
    """From synchronous code inside a transaction: publish once it commits (not at all if it
    rolls back), on the hub's event loop or the process's bridge loop (``bridge.call``)."""
    if messages:
        transaction.on_commit(lambda: bridge.call(publish, messages))


async def publish(messages: Messages) -> None:
    """Send to groups. Call only after the data is committed: the channel layer is fan-out,
    at most once; the database holds the durable copy."""
    layer = get_channel_layer()
    if layer is None:
        return
    await group_send_many(layer, [(group, dict(event)) for group, event in messages])
