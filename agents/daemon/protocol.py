"""The agent's side of protocol version 1 (``docs/agent-protocol.md``): limits, shapes, encoding.

Everything here is pure: no I/O, so the buffer, the connection and the tests share one
definition of what a valid frame is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final, NamedTuple, NotRequired, TypedDict

PROTOCOL_VERSION: Final = 1
WS_PATH: Final = "/api/v1/agents/ws"

MAX_SAMPLES_PER_FRAME: Final = 120
MAX_LOGS_PER_FRAME: Final = 1000
MAX_MESSAGE_CHARS: Final = 8192
MAX_SOURCE_CHARS: Final = 255
# The hub's max_frame_bytes. Also the agent's max_size for what it receives.
HUB_MAX_FRAME_BYTES: Final = 1 << 20
# What the agent aims a stored frame at. Half the hub's limit: the frame is stored before any
# welcome says the real limit, so it must fit a hub configured somewhat tighter, and the
# header added at send time ("type", "seq", "dropped") must never push it over.
FRAME_BUDGET_BYTES: Final = HUB_MAX_FRAME_BYTES // 2

MAX_REQUEST_ID_CHARS: Final = 64

# "unknown": the line states no level; the agent then leaves ``level`` out (see logs.log_line).
LEVELS: Final = ("debug", "info", "notice", "warning", "error", "critical", "unknown")

# 1-100 characters: a snake_case name, optionally ":" and a device of 1-80 non-space characters
# (no NUL; no lone surrogate either, checked apart: the hub's schema states the pattern).
METRIC_NAME_RE: Final = re.compile(r"^[a-z][a-z0-9_]*(:[^\s\x00]{1,80})?\Z")
MAX_METRIC_NAME_CHARS: Final = 100
# The hub refuses a frame with a value past this magnitude (its sums must stay finite).
MAX_ABS_VALUE: Final = 1e300

# Close codes of the hub (the "Closing" table). The fatal ones mean a retry cannot succeed
# without an operator: the agent stops instead of hammering the hub.
CLOSE_PROTOCOL_ERROR: Final = 4400
CLOSE_UNAUTHORIZED: Final = 4401
CLOSE_FORBIDDEN: Final = 4403
CLOSE_SILENT: Final = 4408
CLOSE_REPLACED: Final = 4409
CLOSE_HUB_STOPPING: Final = 4001  # the hub process is stopping (a restart): reconnect
CLOSE_TOO_BIG: Final = 4413
CLOSE_WINDOW: Final = 4429
CLOSE_RETRY_LATER: Final = 4503
FATAL_CLOSE_CODES: Final = {
    CLOSE_PROTOCOL_ERROR: "protocol error (the hub does not speak this agent's protocol)",
    CLOSE_UNAUTHORIZED: "the API key is unknown, expired or revoked",
    CLOSE_FORBIDDEN: (
        "the API key may not open this agent socket (use the key bound to this server, or an admin's enrolment key)"
    ),
}
# The others are followed by a reconnect; these say why, in the agent's log.
CLOSE_MEANINGS: Final = {
    CLOSE_HUB_STOPPING: "the hub process is stopping (a restart)",
    CLOSE_SILENT: "the hub heard nothing from this agent for too long",
    CLOSE_REPLACED: "another connection of this server replaced this one",
    CLOSE_TOO_BIG: "a frame was larger than the hub's max_frame_bytes",
    1009: "a frame was larger than the hub's web server accepts (1 MiB)",
    CLOSE_WINDOW: "too many frames awaited acknowledgement",
    CLOSE_RETRY_LATER: "the hub could not store data; unacknowledged frames are sent again",
    1011: "the hub failed",
}
# The hub is in trouble: even after a connection that lasted, the backoff does not start afresh,
# so a hub whose database fails is not asked again every second by every agent.
RETRY_LATER_CLOSE_CODES: Final = frozenset({CLOSE_RETRY_LATER, 1011})


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


def valid_metric_name(name: str) -> bool:
    """Whether the hub accepts ``name`` as a metric name."""
    if len(name) > MAX_METRIC_NAME_CHARS or METRIC_NAME_RE.match(name) is None:
        return False
    return name.isascii() or name == clean_text(name, MAX_METRIC_NAME_CHARS)  # no lone surrogate


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
