"""The pure half of an ingest batch, on plain data: no database (pytest-django refuses any
query in these tests), only frames and the streams' last stored seq."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from monitoring.events import FLEET_METRICS_GROUP, server_logs_group, server_metrics_group
from monitoring.ingest import FrameIn, plan_batch
from monitoring.ingest.plan import StreamAdvance

T0 = datetime(2026, 11, 20, 12, 0, 30, tzinfo=UTC).timestamp()


def frame(server_id: int, seq: int, *samples: tuple[float, dict[str, float]], **extra: Any) -> FrameIn:
    data: dict[str, Any] = {
        "type": "data",
        "seq": seq,
        "samples": [{"ts": ts, "values": values} for ts, values in samples],
        "logs": extra.pop("logs", []),
        "dropped": extra.pop("dropped", {"samples": 0, "logs": 0}),
        **extra,
    }
    return FrameIn(server_id, "s", data)  # type: ignore[arg-type]


def test_frames_at_or_below_the_streams_last_seq_are_duplicates_and_write_nothing():
    plan = plan_batch([frame(1, 4, (T0, {"cpu": 1.0})), frame(1, 5, (T0, {"cpu": 2.0}))], {(1, "s"): 5})
    assert (plan.stored, plan.duplicates) == (0, 2)
    assert plan.sample_rows == [] and plan.streams == {} and plan.events == [] and plan.fleet_events() == []


def test_a_seq_repeated_within_the_batch_is_a_duplicate_of_the_first():
    plan = plan_batch([frame(1, 1, (T0, {"cpu": 1.0})), frame(1, 1, (T0 + 1, {"cpu": 9.0}))], {(1, "s"): 0})
    assert (plan.stored, plan.duplicates) == (1, 1)
    assert [values for _s, _ts, values in plan.sample_rows] == [{"cpu": 1.0}]


def test_streams_advance_to_the_last_stored_seq_and_add_up_the_drops():
    frames = [
        frame(1, 1, dropped={"samples": 2, "logs": 0}),
        frame(1, 2, dropped={"samples": 1, "logs": 3}),
        frame(2, 7),
    ]
    plan = plan_batch(frames, {(1, "s"): 0, (2, "s"): 6})
    assert plan.streams == {(1, "s"): StreamAdvance(2, 3, 3), (2, "s"): StreamAdvance(7, 0, 0)}
    assert plan.dropped == [(1, {"samples": 2, "logs": 0}), (1, {"samples": 1, "logs": 3})]


def test_samples_logs_minutes_and_events_in_frame_order():
    line = {"ts": T0, "level": "info", "source": "app", "message": "hi"}
    plan = plan_batch(
        [frame(1, 1, (T0, {"cpu": 1.0}), (T0 + 40, {"cpu": 2.0}), logs=[line])],
        {(1, "s"): 0},
    )
    minute = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    assert plan.sample_rows == [
        (1, datetime.fromtimestamp(T0, UTC), {"cpu": 1.0}),
        (1, datetime.fromtimestamp(T0 + 40, UTC), {"cpu": 2.0}),
    ]
    assert plan.minutes == {(1, minute), (1, minute.replace(minute=1))}
    assert plan.log_rows == [(1, datetime.fromtimestamp(T0, UTC), "info", "app", "hi")]
    assert [(group, event["type"]) for group, event in plan.events] == [
        (server_metrics_group(1), "metrics.sample"),
        (server_metrics_group(1), "metrics.sample"),
        (server_logs_group(1), "logs.lines"),
    ]
    assert plan.samples == [(1, T0, {"cpu": 1.0}), (1, T0 + 40, {"cpu": 2.0})]


def test_the_newest_sample_per_server_is_kept_with_the_last_top_known_and_goes_to_the_fleet():
    top = [{"pid": 1, "name": "init"}]
    first = frame(1, 1, (T0 + 5, {"cpu": 5.0}))
    first.data["samples"][0]["top"] = top
    older = frame(1, 2, (T0, {"cpu": 0.5}))  # a replayed older sample does not win
    newer = frame(1, 3, (T0 + 9, {"cpu": 9.0}))
    plan = plan_batch([first, older, newer], {(1, "s"): 0})
    assert plan.latest == {1: (T0 + 9, {"cpu": 9.0}, top)}
    assert plan.fleet_events() == [
        (FLEET_METRICS_GROUP, {"type": "metrics.sample", "server_id": 1, "ts": T0 + 9, "values": {"cpu": 9.0}})
    ]


def test_the_newest_container_list_per_server_is_kept():
    new = {"ts": T0 + 5, "items": [{"name": "web"}]}
    old = {"ts": T0, "items": []}
    plan = plan_batch([frame(1, 1, containers=new), frame(1, 2, containers=old)], {(1, "s"): 0})
    assert plan.containers == {1: new}
