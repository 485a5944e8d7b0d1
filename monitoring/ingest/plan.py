"""The pure half of a batch: from its frames and each stream's last stored seq (read under
lock), what to write and what to publish. No database here: ``write.record_samples`` reads
the streams, asks ``plan_batch`` and carries the plan out.

A frame whose seq is not above its stream's last stored one (or one stored earlier in the same
batch) is a duplicate. Every other frame adds its samples and log lines, moves its stream on,
and keeps the newest sample and container list per server.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from chatops_agent.wire import Data
from monitoring.events import (
    FLEET_METRICS_GROUP,
    Event,
    LogsLinesEvent,
    MetricsSampleEvent,
    server_logs_group,
    server_metrics_group,
)
from monitoring.ingest.evaluators import SampleIn

StreamKey = tuple[int, str]  # (server_id, stream)
SampleRow = tuple[int, datetime, dict[str, float]]
LogRow = tuple[int, datetime, str, str, str]
# server_id -> (ts, values, top): the newest sample of the batch, with the newest top known.
Latest = dict[int, tuple[float, dict[str, float], Any]]


@dataclass(frozen=True)
class FrameIn:
    """A validated data frame of one agent stream."""

    server_id: int
    stream: str
    data: Data


@dataclass
class StreamAdvance:
    """A stream the batch moves on: its new last seq, and the drops its agent reported."""

    last_seq: int
    dropped_samples: int = 0
    dropped_logs: int = 0


@dataclass
class BatchPlan:
    stored: int = 0
    duplicates: int = 0
    streams: dict[StreamKey, StreamAdvance] = field(default_factory=dict)
    sample_rows: list[SampleRow] = field(default_factory=list)
    log_rows: list[LogRow] = field(default_factory=list)
    latest: Latest = field(default_factory=dict)
    minutes: set[tuple[int, datetime]] = field(default_factory=set)
    containers: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: The samples' and log lines' live events, in frame order.
    events: list[tuple[str, Event]] = field(default_factory=list)
    #: (server_id, the frame's drop counts) of frames whose agent dropped data, to log.
    dropped: list[tuple[int, dict[str, int]]] = field(default_factory=list)

    @property
    def samples(self) -> list[SampleIn]:
        """The stored samples as the evaluators take them."""
        return [(s, ts.timestamp(), v) for s, ts, v in self.sample_rows]

    def fleet_events(self) -> list[tuple[str, Event]]:
        """The fleet view gets one event per server per batch: its newest sample."""
        return [
            (FLEET_METRICS_GROUP, MetricsSampleEvent(type="metrics.sample", server_id=s, ts=ts, values=values))
            for s, (ts, values, _top) in sorted(self.latest.items())
        ]


def utc(ts: float) -> datetime:
    """A unix timestamp as an aware UTC datetime."""
    return datetime.fromtimestamp(ts, UTC)


def plan_batch(frames: Sequence[FrameIn], last_seqs: Mapping[StreamKey, int]) -> BatchPlan:
    """What storing ``frames`` writes and publishes, given each stream's last stored seq."""
    plan = BatchPlan()
    seen = dict(last_seqs)
    for frame in frames:
        key = (frame.server_id, frame.stream)
        data = frame.data
        if data["seq"] <= seen[key]:
            plan.duplicates += 1
            continue
        seen[key] = data["seq"]
        advance = plan.streams.setdefault(key, StreamAdvance(data["seq"]))
        advance.last_seq = data["seq"]
        advance.dropped_samples += data["dropped"]["samples"]
        advance.dropped_logs += data["dropped"]["logs"]
        plan.stored += 1
        _plan_samples(plan, frame.server_id, data)
        for line in data["logs"]:
            plan.log_rows.append((frame.server_id, utc(line["ts"]), line["level"], line["source"], line["message"]))
        reported = data.get("containers")
        containers = plan.containers
        if reported and (frame.server_id not in containers or containers[frame.server_id]["ts"] <= reported["ts"]):
            containers[frame.server_id] = reported
        if data["logs"]:
            plan.events.append(
                (
                    server_logs_group(frame.server_id),
                    LogsLinesEvent(type="logs.lines", server_id=frame.server_id, lines=list(data["logs"])),
                )
            )
        if data["dropped"]["samples"] or data["dropped"]["logs"]:
            plan.dropped.append((frame.server_id, data["dropped"]))
    return plan


def _plan_samples(plan: BatchPlan, server_id: int, data: Data) -> None:
    for sample in data["samples"]:
        ts = utc(sample["ts"])
        plan.sample_rows.append((server_id, ts, sample["values"]))
        plan.minutes.add((server_id, ts.replace(second=0, microsecond=0)))
        previous = plan.latest.get(server_id)
        if previous is None or previous[0] <= sample["ts"]:
            top = sample.get("top") or (previous[2] if previous else None)
            plan.latest[server_id] = (sample["ts"], sample["values"], top)
        plan.events.append(
            (
                server_metrics_group(server_id),
                MetricsSampleEvent(
                    type="metrics.sample", server_id=server_id, ts=sample["ts"], values=sample["values"]
                ),
            )
        )
