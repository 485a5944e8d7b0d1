"""The agent's side of protocol version 1 (``docs/agent-protocol.md``): the shapes it sends, encoding.

The limits, names and close codes are :mod:`chatops_agent.wire`, shared with the hub. Everything
here is pure: no I/O, so the buffer, the connection and the tests share one definition of what a
valid frame is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final, NamedTuple, NotRequired, TypedDict

from chatops_agent.wire import (
    HUB_MAX_FRAME_BYTES,
    MAX_LOGS_PER_FRAME,
    MAX_REQUEST_ID_CHARS,
    MAX_SAMPLES_PER_FRAME,
)

# What the agent aims a stored frame at. Half the hub's limit: the frame is stored before any
# welcome says the real limit, so it must fit a hub configured somewhat tighter, and the
# header added at send time ("type", "seq", "dropped") must never push it over.
FRAME_BUDGET_BYTES: Final = HUB_MAX_FRAME_BYTES // 2


class ProcessInfo(TypedDict):
    """One process in a sample's ``top`` lists."""

    pid: int
    name: str
    cpu_percent: float
    memory_percent: float


class Top(TypedDict):
    """The busiest processes: 5 by CPU, 5 by memory."""

    cpu: list[ProcessInfo]
    memory: list[ProcessInfo]


class Sample(TypedDict):
    """One collection: unix time and metric values, with the top processes when measured."""

    ts: float
    values: dict[str, float]
    top: NotRequired[Top]


class LogLine(TypedDict):
    """One log line as the protocol carries it."""

    ts: float
    level: NotRequired[str]  # left out when the line states none: the hub reads "unknown"
    source: str
    message: str


class ContainerInfo(TypedDict):
    """One container as ``docker list`` answers it and the data frame's ``containers`` carries it."""

    id: str
    name: str
    image: str
    state: str
    status: str
    created: float | None  # unix seconds
    ports: list[str]  # as `docker ps` shows them: "0.0.0.0:8080->80/tcp", "443/tcp"
    cpu_percent: float | None
    memory_bytes: int | None
    memory_limit_bytes: int | None


class ContainerList(TypedDict):
    """The data frame's optional ``containers`` field: when the list was taken, and the list."""

    ts: float
    items: list[ContainerInfo]


class FrameBody(NamedTuple):
    """A data frame's content as stored in the buffer: JSON of ``samples`` and ``logs``."""

    body: str
    samples: int
    logs: int


def request_id(frame: Mapping[str, Any]) -> str | None:
    """The id of a hub's request (``command``, ``docker``) if usable: a string of 1 to 64 characters.

    Without one no answer could say what it answers, so such a request gets none.
    """
    value = frame.get("id")
    return value if isinstance(value, str) and 1 <= len(value) <= MAX_REQUEST_ID_CHARS else None


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut said by a trailing "…" (as the protocol asks)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def clean_text(text: str, limit: int) -> str:
    """Text the hub can store: no NUL, no lone surrogate, at most ``limit`` characters.

    PostgreSQL refuses NUL in text, and a lone surrogate (possible from JSON escapes in
    journald output) cannot be encoded as UTF-8 at all; either would get the frame refused.
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return clip(text, limit)


def dumps(value: object) -> str:
    """Compact JSON, UTF-8 left as is, and no NaN or infinity (not JSON: the hub would refuse it)."""
    # allow_nan=False: a collector bug must fail here, loudly, rather than produce a frame the
    # hub refuses forever.
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def encoded_size(value: Mapping[str, Any]) -> int:
    """Bytes of ``value`` as a frame on the wire."""
    return len(dumps(value).encode("utf-8"))


def encode_bodies(
    samples: list[Sample],
    logs: list[LogLine],
    budget: int = FRAME_BUDGET_BYTES,
    containers: ContainerList | None = None,
) -> list[FrameBody]:
    """Split one interval's samples and log lines into frame bodies within the protocol's limits.

    Usually one body. A burst of logs becomes several: at most 1000 lines each, and at most
    ``budget`` bytes each (halving a chunk until it fits), so no frame is ever too large for
    the hub. Samples go first, with the first chunk of lines, and so does ``containers`` (which
    the caller keeps well under the budget).
    """
    bodies: list[FrameBody] = []
    sample_chunks = [samples[i : i + MAX_SAMPLES_PER_FRAME] for i in range(0, len(samples), MAX_SAMPLES_PER_FRAME)]
    log_chunks = [logs[i : i + MAX_LOGS_PER_FRAME] for i in range(0, len(logs), MAX_LOGS_PER_FRAME)]
    pending: list[tuple[list[Sample], list[LogLine]]] = []
    for index in range(max(len(sample_chunks), len(log_chunks))):
        pending.append(
            (
                sample_chunks[index] if index < len(sample_chunks) else [],
                log_chunks[index] if index < len(log_chunks) else [],
            )
        )
    if containers is not None and not pending:
        pending.append(([], []))
    while pending:
        chunk_samples, chunk_logs = pending.pop(0)
        content: dict[str, object] = {"samples": chunk_samples, "logs": chunk_logs}
        if containers is not None and not bodies:
            content["containers"] = containers
        body = dumps(content)
        if len(chunk_logs) > 1 and len(body.encode("utf-8")) > budget:
            half = len(chunk_logs) // 2
            pending[0:0] = [(chunk_samples, chunk_logs[:half]), ([], chunk_logs[half:])]
            continue
        bodies.append(FrameBody(body, len(chunk_samples), len(chunk_logs)))
    return bodies


def data_frame_text(seq: int, dropped_samples: int, dropped_logs: int, body: str) -> str:
    """The ``data`` frame for a stored body, without parsing it again.

    ``body`` is a JSON object as made by :func:`encode_bodies`; the header fields are spliced
    in front of its members, which keeps sending cheap for a frame replayed many times.
    """
    header = f'{{"type":"data","seq":{seq},"dropped":{{"samples":{dropped_samples},"logs":{dropped_logs}}},'
    return header + body[1:]
