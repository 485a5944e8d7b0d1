"""Fuzzing the agent socket: hostile data frames through the real consumer and ingest batcher.

Each example sends one generated frame (lone surrogates, NUL and any other text; integers of
hundreds of digits, NaN and infinities; JSON nested past what a parser reads; frames past the
size limit) on one socket while a well-behaved agent's frame is written in the same batch. The
frame must be stored and acknowledged, or refused with an error carrying its seq and then
acknowledged (or, unreadable, refused as malformed; too large, closed 4413); the other socket
is acknowledged every time; nothing crashes.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any

import pytest
from channels.db import database_sync_to_async
from hypothesis import HealthCheck, event, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.services import create_api_key
from monitoring.models import IngestStream
from tests.factories import ServerFactory
from tests.sockets import connect_agent, data, recv, send

pytestmark = pytest.mark.django_db(transaction=True)

MAX_FRAME_BYTES = 16384
DEEP = "__deep__"


@st.composite
def sometimes(draw: st.DrawFn, usual: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]) -> Any:
    """``hostile`` about one time in five: most frames should pass, to reach storage."""
    return draw(hostile) if draw(st.integers(0, 4)) == 4 else draw(usual)


# Any text; now and then a lone surrogate or a NUL in it.
texts = st.lists(sometimes(st.characters(), st.characters(categories=["Cs"]) | st.just("\x00")), max_size=12).map(
    "".join
)
numbers = st.one_of(
    st.floats(),  # NaN and infinities included
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from([10**400, -(2**64), 2**63, 1e308]),
)
json_values = st.recursive(
    st.none() | st.booleans() | numbers | texts,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=8,
)
devices = st.text(st.characters(exclude_categories=["Z", "Cc", "Cs"]), min_size=1, max_size=12)
names = sometimes(st.sampled_from(["cpu_percent", "load_1"]) | devices.map(lambda t: f"disk_percent:{t}"), texts)


@st.composite
def frames(draw: st.DrawFn) -> tuple[str, bool]:
    """A data frame with seq 1 as text, and whether it is over the size limit."""
    now = time.time()
    sample: dict[str, Any] = {
        "ts": draw(sometimes(st.just(now), numbers)),
        "values": draw(st.dictionaries(names, sometimes(st.floats(-1e6, 1e6), numbers), max_size=3)),
    }
    if draw(st.booleans()):
        sample["top"] = draw(sometimes(st.dictionaries(texts, json_values, max_size=3), st.just({"cpu": DEEP})))
    line = {
        "ts": now,
        "level": draw(sometimes(st.sampled_from(["info", "error"]), texts)),
        "source": draw(texts),
        "message": draw(texts),
    }
    frame: dict[str, Any] = {"type": "data", "seq": 1, "samples": [sample], "logs": [line]}
    if draw(st.booleans()):
        frame["containers"] = {"ts": now, "items": draw(st.lists(st.dictionaries(texts, json_values), max_size=2))}
    if draw(st.booleans()):
        frame["dropped"] = {"samples": draw(sometimes(st.integers(0, 1000), numbers)), "logs": 0}
    if draw(sometimes(st.just(False), st.just(True))):
        frame["extra"] = DEEP
    if draw(st.sampled_from([False] * 9 + [True])):
        frame["pad"] = "x" * MAX_FRAME_BYTES
    depth = draw(st.integers(1, 1200))
    text = json.dumps(frame).replace(json.dumps(DEEP), "[" * depth + "]" * depth)
    return text, len(text.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES


async def answers_until_ack(ws: Any, seq: int) -> list[dict[str, Any]]:
    """The socket's frames until the ack of ``seq``, a malformed error, or the close."""
    seen: list[dict[str, Any]] = []
    while True:
        message = await ws.receive_output(timeout=10)
        if message["type"] == "websocket.close":
            return [*seen, {"type": "close", "code": message.get("code")}]
        frame = json.loads(message["text"])
        seen.append(frame)
        if frame == {"type": "ack", "seq": seq} or frame.get("code") == "malformed":
            return seen


async def exchange(hostile_key: str, other_key: str, frame: str, oversized: bool) -> None:
    stream = uuid.uuid4().hex[:16]
    other, _ = await connect_agent(other_key, stream=uuid.uuid4().hex[:16])
    hostile, _ = await connect_agent(hostile_key, stream=stream)
    try:
        await send(other, data(1))
        assert await recv(other) == {"type": "ack", "seq": 1}
        # The next batch waits for the batch interval: both frames below are written in it.
        await send(hostile, frame)
        await send(other, data(2))
        assert await recv(other) == {"type": "ack", "seq": 2}, "the other socket was not acknowledged"
        answers = await answers_until_ack(hostile, 1)
        row = await database_sync_to_async(IngestStream.objects.get)(stream=stream)
        kinds = [(a["type"], a.get("code"), a.get("seq")) for a in answers]
        event(" ".join(str(a.get("code") or a["type"]) for a in answers))
        if oversized:
            assert kinds == [("close", 4413, None)]
        elif kinds == [("ack", None, 1)]:
            assert (row.last_seq, row.rejected_frames) == (1, 0)  # stored
        elif kinds == [("error", "invalid_frame", 1), ("ack", None, 1)]:
            assert (row.last_seq, row.rejected_frames) == (1, 1)  # refused, counted, acknowledged
        else:
            assert kinds == [("error", "malformed", None)], kinds  # nested past what can be read
            assert row.last_seq == 0
        if not oversized:
            await send(hostile, data(2))
            assert (await answers_until_ack(hostile, 2))[-1] == {"type": "ack", "seq": 2}
    finally:
        await hostile.disconnect()
        await other.disconnect()


@pytest.fixture
def keys(admin, settings) -> tuple[str, str]:
    """Two agents' keys; set once for all examples (each settings change adds a layer)."""
    settings.AGENT_MAX_FRAME_BYTES = MAX_FRAME_BYTES
    settings.INGEST_BATCH_INTERVAL_MS = 150
    hostile = create_api_key(None, admin, name="hostile", server=ServerFactory(created_by=admin))[1]
    other = create_api_key(None, admin, name="other", server=ServerFactory(created_by=admin))[1]
    return hostile, other


def known(deep: int = 0, pad: int = 0, **changes: Any) -> tuple[str, bool]:
    """One of the classes every run must try, whatever Hypothesis draws."""
    frame = {**data(1), **changes, "extra": DEEP, "pad": "x" * pad}
    text = json.dumps(frame).replace(json.dumps(DEEP), "[" * deep + "]" * deep)
    return text, len(text.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES


def line(message: str, source: str = "app") -> list[dict[str, Any]]:
    return [{"ts": time.time(), "level": "info", "source": source, "message": message}]


@example(generated=known(logs=line("\ud800")))
@example(generated=known(logs=line("ok", source="\x00")))
@example(generated=known(logs=line("nul \x00 inside")))  # replaced, stored
@example(generated=known(samples=[{"ts": time.time(), "values": {"cpu_percent": 10**400}}]))
@example(generated=known(samples=[{"ts": time.time(), "values": {"cpu_percent": float("nan")}}]))
@example(generated=known(samples=[{"ts": time.time(), "values": {}, "top": {"pid": 10**400}}]))
@example(generated=known(deep=935))
@example(generated=known(deep=1100, samples=[{"ts": time.time(), "values": {"cpu_percent": float("inf")}}]))
@example(generated=known(pad=MAX_FRAME_BYTES))
@hypothesis_settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(generated=frames())
def test_no_frame_crashes_the_socket_or_stalls_the_other_agents_in_its_batch(keys, generated):
    asyncio.run(exchange(*keys, *generated))
