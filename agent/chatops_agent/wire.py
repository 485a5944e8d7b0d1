"""The agent protocol's wire rules (version 1, ``docs/agent-protocol.md``), shared by hub and agent.

One definition of the frame types, the limits, what a metric name and a storable text are, and
the agent socket's close codes: the hub validates frames against it (``agents/protocol.py``) and
the agent builds frames within it (``chatops_agent/protocol.py``), so the two cannot drift apart.

Standard library only, and importing nothing else of this package: the hub imports this module
without psutil or websockets installed.
"""

from __future__ import annotations

import re
from typing import Any, Final, Literal, NotRequired, TypedDict

PROTOCOL_VERSION: Final = 1
WS_PATH: Final = "/api/v1/agents/ws"

# --- Frame types -----------------------------------------------------------------------------

# What the agent sends, besides the answers below.
HELLO: Final = "hello"
DATA: Final = "data"
# What the hub sends.
WELCOME: Final = "welcome"
ACK: Final = "ack"
ERROR: Final = "error"
COMMAND: Final = "command"
DOCKER: Final = "docker"
# The agent's answers to a hub's ``command`` and ``docker`` requests.
COMMAND_ANSWERS: Final = ("command.accepted", "command.rejected", "command.output", "command.result")
DOCKER_ANSWERS: Final = ("docker.rejected", "docker.result")
RESULT_STATUSES: Final = ("succeeded", "failed", "timed_out")

# --- Limits ----------------------------------------------------------------------------------

MAX_SAMPLES_PER_FRAME: Final = 120
MAX_LOGS_PER_FRAME: Final = 1000
MAX_VALUES_PER_SAMPLE: Final = 500
# A metric value's magnitude at most: rollups and history sum values in float8, and PostgreSQL
# raises on a sum that overflows (two samples of 1e308 in one minute failed the rollup job on
# every retry, and with it the rollups of every server queued behind them). 1e300 leaves room
# for any number of samples a week holds.
MAX_ABS_VALUE: Final = 1e300
MAX_MESSAGE_CHARS: Final = 8192
MAX_SOURCE_CHARS: Final = 255
MAX_METRIC_NAME_CHARS: Final = 100
# The hub's default max_frame_bytes (the welcome says the real one). Also the agent's max_size
# for what it receives.
HUB_MAX_FRAME_BYTES: Final = 1 << 20
MAX_REQUEST_ID_CHARS: Final = 64
# A command's stdout and stderr in its result, each; one command.output frame's data; a reason.
MAX_OUTPUT_CHARS: Final = 1024 * 1024
MAX_OUTPUT_DATA_CHARS: Final = 64 * 1024
MAX_REASON_CHARS: Final = 1000
MAX_DOCKER_RESULT_ITEMS: Final = 2000
# A count or seq is stored in a bigint; a frame's dropped counts are added up over time.
MAX_SEQ: Final = 2**63 - 1
MAX_DROPPED: Final = 2**31 - 1
# Samples from before 2000 or more than a day ahead are a broken clock, not data.
MIN_TS: Final = 946684800.0
MAX_FUTURE_SECONDS: Final = 86400.0

# "unknown": the line states no level. Agents leave `level` out then (older hubs read a missing
# level as "info" instead of refusing the frame); older agents always send one.
LEVELS: Final = ("debug", "info", "notice", "warning", "error", "critical", "unknown")

# --- Names and text --------------------------------------------------------------------------

# 1-100 characters: a snake_case name, optionally ":" and a device of 1-80 non-space characters.
# The device part excludes NUL here and lone surrogates in valid_metric_name (no database column
# holds either): a surrogate range in the pattern would make the OpenAPI pattern, which the hub's
# schema states, one that validators refuse.
METRIC_NAME_RE: Final = re.compile(r"^[a-z][a-z0-9_]*(:[^\s\x00]{1,80})?\Z")
STREAM_RE: Final = re.compile(r"^[A-Za-z0-9_-]{8,64}\Z")


def storable_text(value: str) -> bool:
    """Whether PostgreSQL can hold ``value`` as text: no NUL, and no lone surrogate (which the
    json module reads from a ``\\ud800`` escape but no UTF-8 encoder writes)."""
    if value.isascii():
        return "\x00" not in value
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


def valid_metric_name(name: str) -> bool:
    """Whether the hub accepts ``name`` as a metric name."""
    if len(name) > MAX_METRIC_NAME_CHARS or METRIC_NAME_RE.match(name) is None:
        return False
    return name.isascii() or storable_text(name)  # no lone surrogate after the ':'


# --- Close codes of the agent socket ---------------------------------------------------------

# 1000 or 4000-4999 only: daphne's websocket library refuses to send any other code an
# application asks for, and the socket then ends some other way.
CLOSE_HUB_STOPPING: Final = 4001
CLOSE_PROTOCOL_ERROR: Final = 4400
CLOSE_UNAUTHENTICATED: Final = 4401
CLOSE_FORBIDDEN: Final = 4403
CLOSE_SILENT: Final = 4408
CLOSE_REPLACED: Final = 4409
CLOSE_TOO_BIG: Final = 4413
CLOSE_WINDOW: Final = 4429
CLOSE_RETRY_LATER: Final = 4503
# The web server's own codes an agent may see.
CLOSE_MESSAGE_TOO_BIG: Final = 1009
CLOSE_INTERNAL_ERROR: Final = 1011

# The fatal ones mean a retry cannot succeed without an operator: the agent stops instead of
# hammering the hub.
FATAL_CLOSE_CODES: Final = {
    CLOSE_PROTOCOL_ERROR: "protocol error (the hub does not speak this agent's protocol)",
    CLOSE_UNAUTHENTICATED: "the API key is unknown, expired or revoked",
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
    CLOSE_MESSAGE_TOO_BIG: "a frame was larger than the hub's web server accepts (1 MiB)",
    CLOSE_WINDOW: "too many frames awaited acknowledgement",
    CLOSE_RETRY_LATER: "the hub could not store data; unacknowledged frames are sent again",
    CLOSE_INTERNAL_ERROR: "the hub failed",
}
# The hub is in trouble: even after a connection that lasted, the backoff does not start afresh,
# so a hub whose database fails is not asked again every second by every agent.
RETRY_LATER_CLOSE_CODES: Final = frozenset({CLOSE_RETRY_LATER, CLOSE_INTERNAL_ERROR})

# --- Frames as the hub reads them (after validation) -----------------------------------------


class Hello(TypedDict):
    type: Literal["hello"]
    protocol: int
    agent_version: str
    hostname: str
    os: str
    kernel: str
    cpu_count: int
    memory_total_bytes: int
    capabilities: list[str]
    stream: str
    interval: float


class Sample(TypedDict):
    ts: float
    values: dict[str, float]
    top: NotRequired[dict[str, Any] | None]


class LogEntry(TypedDict):
    ts: float
    level: str
    source: str
    message: str


class Data(TypedDict):
    type: Literal["data"]
    seq: int
    samples: list[Sample]
    logs: list[LogEntry]
    dropped: dict[str, int]
    containers: NotRequired[dict[str, Any] | None]


class Welcome(TypedDict):
    type: Literal["welcome"]
    protocol: int
    server_id: int
    server_name: str
    window: int
    max_frame_bytes: int
    last_seq: int


class Ack(TypedDict):
    type: Literal["ack"]
    seq: int


class ErrorFrame(TypedDict):
    type: Literal["error"]
    code: str
    detail: str
    seq: NotRequired[int]
