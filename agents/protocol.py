"""The agent protocol's frames (docs/agent-protocol.md) as types, and their validation.

Validation is hand-written and strict: it runs for every frame on the hot path, and every
refusal must say exactly what was wrong so the agent's log can show it.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any

import orjson

# The wire rules (limits, names, frames) are shared with the agent; the hub re-exports them here
# for its own callers.
from chatops_agent.wire import (
    COMMAND_ANSWERS,
    DOCKER_ANSWERS,
    LEVELS,
    MAX_ABS_VALUE,
    MAX_DOCKER_RESULT_ITEMS,
    MAX_DROPPED,
    MAX_FUTURE_SECONDS,
    MAX_LOGS_PER_FRAME,
    MAX_MESSAGE_CHARS,
    MAX_OUTPUT_CHARS,
    MAX_OUTPUT_DATA_CHARS,
    MAX_REASON_CHARS,
    MAX_SAMPLES_PER_FRAME,
    MAX_SEQ,
    MAX_SOURCE_CHARS,
    MAX_VALUES_PER_SAMPLE,
    METRIC_NAME_RE,
    MIN_TS,
    PROTOCOL_VERSION,
    RESULT_STATUSES,
    STREAM_RE,
    Data,
    Hello,
    LogEntry,
    Sample,
    storable_text,
    valid_metric_name,
)

__all__ = [
    "COMMAND_ANSWERS",
    "DOCKER_ANSWERS",
    "LEVELS",
    "MAX_ABS_VALUE",
    "MAX_LOGS_PER_FRAME",
    "MAX_SAMPLES_PER_FRAME",
    "METRIC_NAME_RE",
    "PROTOCOL_VERSION",
    "Data",
    "Hello",
    "LogEntry",
    "ProtocolError",
    "Sample",
    "parse_answer",
    "parse_data",
    "parse_hello",
    "storable",
    "storable_text",
]


class ProtocolError(ValueError):
    """A frame the hub refuses; ``code`` is the error frame's code."""

    def __init__(self, code: str, detail: str, seq: int | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.seq = seq


def _text(
    frame: dict[str, Any], key: str, max_len: int, *, required: bool = True, nul: str | None = None, where: str = ""
) -> str:
    """A string field; NUL is refused, or replaced by ``nul`` where a NUL may well occur (log lines)."""
    value = frame.get(key, None if required else "")
    where = where or key
    if not isinstance(value, str):
        raise ProtocolError("invalid_frame", f"{where}: must be a string")
    if len(value) > max_len:
        raise ProtocolError("invalid_frame", f"{where}: at most {max_len} characters")
    if nul is not None and "\x00" in value:
        value = value.replace("\x00", nul)
    if not storable_text(value):
        raise ProtocolError("invalid_frame", f"{where}: not valid text (NUL or a lone surrogate)")
    return value


def _int(value: Any, where: str, minimum: int = 0, maximum: int = MAX_SEQ) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise ProtocolError("invalid_frame", f"{where}: must be a whole number from {minimum} to {maximum}")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProtocolError("invalid_frame", f"{where}: not a finite number")
    try:
        number = float(value)  # an integer too large for a float overflows
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ProtocolError("invalid_frame", f"{where}: not a finite number")
    return number


def _value(value: Any, where: str) -> float:
    number = _number(value, where)
    if abs(number) > MAX_ABS_VALUE:
        raise ProtocolError("invalid_frame", f"{where}: out of range (at most 1e300 either way)")
    return number


def parse_hello(frame: dict[str, Any]) -> Hello:
    protocol = frame.get("protocol")
    if protocol != PROTOCOL_VERSION:
        raise ProtocolError("unsupported_protocol", f"protocol {protocol!r} is not supported; this hub speaks 1")
    stream = _text(frame, "stream", 64)
    if not STREAM_RE.match(stream):
        raise ProtocolError("invalid_frame", "stream: 8-64 characters of A-Z a-z 0-9 _ -")
    hostname = _text(frame, "hostname", 253).strip().lower()
    if not hostname:
        raise ProtocolError("invalid_frame", "hostname: must not be empty")
    capabilities = frame.get("capabilities", [])
    if not isinstance(capabilities, list) or not all(
        isinstance(c, str) and len(c) <= 32 and storable_text(c) for c in capabilities
    ):
        raise ProtocolError("invalid_frame", "capabilities: must be a list of short strings")
    interval = _number(frame.get("interval", 5), "interval")
    return {
        "type": "hello",
        "protocol": PROTOCOL_VERSION,
        "agent_version": _text(frame, "agent_version", 50),
        "hostname": hostname,
        "os": _text(frame, "os", 100, required=False),
        "kernel": _text(frame, "kernel", 100, required=False),
        "cpu_count": _int(frame.get("cpu_count", 0), "cpu_count"),
        "memory_total_bytes": _int(frame.get("memory_total_bytes", 0), "memory_total_bytes"),
        "capabilities": sorted(set(capabilities))[:16],
        "stream": stream,
        "interval": interval,
    }


def _ts(value: Any, where: str, now: float) -> float:
    ts = _number(value, where)
    if ts < MIN_TS or ts > now + MAX_FUTURE_SECONDS:
        raise ProtocolError("invalid_frame", f"{where}: not a plausible unix time")
    return ts


# Metric names already found valid. Agents send the same few dozen names in every sample, and
# the regex per name was a fifth of the event loop's own time under load; a set lookup is not.
# Bounded, so names that vary (labels) cannot grow it without end: past the bound, the regex.
_KNOWN_NAMES: set[str] = set()
MAX_KNOWN_NAMES = 10_000


def _valid_name(name: Any) -> bool:
    if not isinstance(name, str) or not valid_metric_name(name):
        return False
    if len(_KNOWN_NAMES) < MAX_KNOWN_NAMES:
        _KNOWN_NAMES.add(name)
    return True


# A \u0000 escape that is not itself escaped: PostgreSQL's jsonb refuses it.
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


def storable(value: Any) -> bool:
    """Whether ``value`` is stored as JSON (as ``orjson.dumps`` writes it: NaN as null). Not:
    integers past 64 bits, which the json module reads but orjson, and so ingest, cannot write;
    lone surrogates (orjson refuses them); nesting past orjson's 255 levels; NUL in a string
    (jsonb refuses it)."""
    try:
        dumped = orjson.dumps(value)
    except TypeError:
        return False
    return b"\\u0000" not in dumped or _JSON_NUL.search(dumped) is None


def _json(value: Any) -> Any:
    """``value`` as it will be stored: through orjson, so NaN is null everywhere (a Django
    JSONField would write NaN, which jsonb refuses)."""
    return orjson.loads(orjson.dumps(value))


def _sample(raw: Any, where: str, now: float) -> Sample:
    if not isinstance(raw, dict):
        raise ProtocolError("invalid_frame", f"{where}: must be an object")
    values = raw.get("values")
    if not isinstance(values, dict) or len(values) > MAX_VALUES_PER_SAMPLE:
        raise ProtocolError("invalid_frame", f"{where}.values: an object of at most {MAX_VALUES_PER_SAMPLE} metrics")
    clean: dict[str, float] = {}
    for name, value in values.items():
        if name not in _KNOWN_NAMES and not _valid_name(name):
            raise ProtocolError("invalid_frame", f"{where}.values: {str(name)[:40]!r} is not a metric name")
        # The common case first, without building the error's path for every value.
        if type(value) is float and -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE:  # NaN compares false
            clean[name] = value
        else:
            clean[name] = _value(value, f"{where}.values.{name}")
    sample: Sample = {"ts": _ts(raw.get("ts"), f"{where}.ts", now), "values": clean}
    top = raw.get("top")
    if top is not None:
        if not isinstance(top, dict) or not storable(top):
            raise ProtocolError("invalid_frame", f"{where}.top: must be an object of JSON values")
        sample["top"] = top
    return sample


def _log(raw: Any, where: str, now: float) -> LogEntry:
    if not isinstance(raw, dict):
        raise ProtocolError("invalid_frame", f"{where}: must be an object")
    level = raw.get("level", "unknown")
    if level not in LEVELS:
        raise ProtocolError("invalid_frame", f"{where}.level: one of {', '.join(LEVELS)}")
    return {
        "ts": _ts(raw.get("ts"), f"{where}.ts", now),
        "level": level,
        "source": _text(raw, "source", MAX_SOURCE_CHARS, required=False, where=f"{where}.source"),
        # NUL cannot be stored in PostgreSQL text; a log line may well contain one.
        "message": _text(raw, "message", MAX_MESSAGE_CHARS, nul="\ufffd", where=f"{where}.message"),
    }


def parse_data(frame: dict[str, Any], now: float | None = None) -> Data:
    now = datetime.now(UTC).timestamp() if now is None else now
    seq = _int(frame.get("seq"), "seq", minimum=1, maximum=MAX_SEQ)
    try:
        samples = frame.get("samples", [])
        logs = frame.get("logs", [])
        if not isinstance(samples, list) or len(samples) > MAX_SAMPLES_PER_FRAME:
            raise ProtocolError("invalid_frame", f"samples: a list of at most {MAX_SAMPLES_PER_FRAME}")
        if not isinstance(logs, list) or len(logs) > MAX_LOGS_PER_FRAME:
            raise ProtocolError("invalid_frame", f"logs: a list of at most {MAX_LOGS_PER_FRAME}")
        dropped_raw = frame.get("dropped") or {}
        if not isinstance(dropped_raw, dict):
            raise ProtocolError("invalid_frame", "dropped: must be an object")
        dropped = {
            key: _int(dropped_raw.get(key, 0), f"dropped.{key}", maximum=MAX_DROPPED) for key in ("samples", "logs")
        }
        data: Data = {
            "type": "data",
            "seq": seq,
            "samples": [_sample(s, f"samples[{i}]", now) for i, s in enumerate(samples)],
            "logs": [_log(line, f"logs[{i}]", now) for i, line in enumerate(logs)],
            "dropped": dropped,
        }
        containers = parse_containers(frame.get("containers"), now)
        if containers is not None:
            data["containers"] = containers
        return data
    except ProtocolError as exc:
        exc.seq = seq
        raise


# --- Commands and Docker -------------------------------------------------------------------


def _id(frame: dict[str, Any]) -> int:
    """Answers carry the hub's id as a string; ours are row ids."""
    raw = frame.get("id")
    if not isinstance(raw, str) or not (raw.isascii() and raw.isdigit()) or len(raw) > 19:
        raise ProtocolError("invalid_frame", "id: the id the hub sent")
    return int(raw)


def parse_answer(frame: dict[str, Any]) -> dict[str, Any]:
    """Validate an agent's answer to a command or Docker request; returns the fields the hub
    uses, with ``history_id``."""
    kind = frame["type"]
    answer: dict[str, Any] = {"type": kind, "history_id": _id(frame)}
    if kind in ("command.rejected", "docker.rejected"):
        answer["reason"] = _text(frame, "reason", MAX_REASON_CHARS)
    elif kind == "command.output":
        stream = frame.get("stream")
        if stream not in ("stdout", "stderr"):
            raise ProtocolError("invalid_frame", "stream: stdout or stderr")
        answer["stream"] = stream
        answer["data"] = _text(frame, "data", MAX_OUTPUT_DATA_CHARS)
    elif kind == "command.result":
        status = frame.get("status")
        if status not in RESULT_STATUSES:
            raise ProtocolError("invalid_frame", f"status: one of {', '.join(RESULT_STATUSES)}")
        exit_code = frame.get("exit_code")
        if exit_code is not None and (isinstance(exit_code, bool) or not isinstance(exit_code, int)):
            raise ProtocolError("invalid_frame", "exit_code: a whole number or null")
        answer.update(
            status=status,
            exit_code=exit_code,
            stdout=_text(frame, "stdout", MAX_OUTPUT_CHARS, required=False, nul="\ufffd"),
            stderr=_text(frame, "stderr", MAX_OUTPUT_CHARS, required=False, nul="\ufffd"),
            stdout_truncated=bool(frame.get("stdout_truncated", False)),
            stderr_truncated=bool(frame.get("stderr_truncated", False)),
            duration_ms=_int(frame.get("duration_ms", 0), "duration_ms"),
        )
    elif kind == "docker.result":
        ok = frame.get("ok")
        if not isinstance(ok, bool):
            raise ProtocolError("invalid_frame", "ok: true or false")
        error = frame.get("error")
        if error is not None and (not isinstance(error, str) or not storable_text(error)):
            raise ProtocolError("invalid_frame", "error: a string or null")
        data = frame.get("data")
        if not storable(data):
            raise ProtocolError("invalid_frame", "data: JSON the hub can store")
        answer.update(ok=ok, data=_json(data), error=(error or "")[:2000])
    return answer


def parse_containers(raw: Any, now: float) -> dict[str, Any] | None:
    """The optional ``containers`` field of a data frame."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
        raise ProtocolError("invalid_frame", "containers: {ts, items: [...]}")
    items = raw["items"]
    if len(items) > MAX_DOCKER_RESULT_ITEMS or not all(isinstance(i, dict) for i in items):
        raise ProtocolError("invalid_frame", f"containers.items: at most {MAX_DOCKER_RESULT_ITEMS} objects")
    if not storable(items):
        raise ProtocolError("invalid_frame", "containers.items: JSON the hub can store")
    return {"ts": _ts(raw.get("ts"), "containers.ts", now), "items": _json(items)}
