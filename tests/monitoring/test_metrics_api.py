"""Metrics and logs over REST: latest, history from the right source, logs, custom metrics."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from agents.jobs import mark_silent_servers_offline
from agents.protocol import parse_data
from monitoring.ingest import FrameIn, record_samples
from monitoring.jobs import prune, rollup_pending
from monitoring.models import CustomMetric, LogLine, MetricRollup, MetricSample, RollupPending
from servers.models import Server
from tests.helpers import assert_error, assert_ok
from worker.runner import Job, run_due_jobs

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def frame(server, seq, ts, logs=(), stream="stream-000001", **values):
    return FrameIn(
        server.pk,
        stream,
        {
            "type": "data",
            "seq": seq,
            "samples": [{"ts": ts.timestamp(), "values": values}],
            "logs": list(logs),
            "dropped": {"samples": 0, "logs": 0},
        },
    )


def ingest_minutes(server, minutes, per_minute=6, start=T0):
    frames, seq = [], 0
    for m in range(minutes):
        for i in range(per_minute):
            seq += 1
            ts = start + timedelta(minutes=m, seconds=i * 60 / per_minute)
            frames.append(frame(server, seq, ts, cpu_percent=float(m), load_1=float(i)))
    record_samples(frames)
    rollup_pending(limit=100_000)


class TestIngestService:
    def test_a_batch_is_stored_once(self, server):
        frames = [frame(server, 1, T0, cpu_percent=1.0), frame(server, 2, T0 + timedelta(seconds=1), cpu_percent=2.0)]
        result = record_samples(frames)
        assert (result.stored, result.duplicates, result.samples) == (2, 0, 2)
        again = record_samples(frames)
        assert (again.stored, again.duplicates) == (0, 2)
        assert MetricSample.objects.filter(server=server).count() == 2

    def test_streams_count_separately(self, server):
        record_samples([frame(server, 1, T0, cpu_percent=1.0)])
        record_samples([frame(server, 1, T0, stream="stream-000002", cpu_percent=1.0)])
        assert MetricSample.objects.filter(server=server).count() == 2

    def test_events_are_returned_for_after_commit(self, server):
        result = record_samples([frame(server, 1, T0, cpu_percent=3.0)])
        groups = [group for group, _ in result.events]
        assert groups == [f"server.{server.pk}.metrics", "fleet.metrics"]
        assert result.events[0][1] == {
            "type": "metrics.sample", "server_id": server.pk, "ts": T0.timestamp(), "values": {"cpu_percent": 3.0}
        }  # fmt: skip

    def test_server_is_marked_seen(self, server):
        record_samples([frame(server, 1, T0, cpu_percent=3.0)])
        server.refresh_from_db()
        assert server.status == "online"
        assert server.last_seen is not None


class TestLatest:
    def test_latest_sample(self, viewer_client, server):
        record_samples(
            [frame(server, 1, T0, cpu_percent=1.0), frame(server, 2, T0 + timedelta(seconds=5), cpu_percent=9.0)]
        )
        data = assert_ok(viewer_client.get(f"/api/v1/metrics/{server.pk}"))
        assert data["values"] == {"cpu_percent": 9.0}
        assert data["age_seconds"] > 0

    def test_an_old_replay_does_not_turn_the_clock_back(self, viewer_client, server):
        record_samples([frame(server, 2, T0 + timedelta(seconds=5), cpu_percent=9.0)])
        record_samples([frame(server, 3, T0, stream="stream-000002", cpu_percent=1.0)])
        assert assert_ok(viewer_client.get(f"/api/v1/metrics/{server.pk}"))["values"] == {"cpu_percent": 9.0}

    def test_no_data_yet(self, viewer_client, server):
        data = assert_ok(viewer_client.get(f"/api/v1/metrics/{server.pk}"))
        assert data["ts"] is None
        assert data["values"] == {}

    def test_unknown_server_is_404_and_credentials_needed(self, viewer_client, anon, server):
        assert_error(viewer_client.get("/api/v1/metrics/999999"), 404)
        assert_error(anon.get(f"/api/v1/metrics/{server.pk}"), 401)


class TestHistory:
    def url(self, server):
        return f"/api/v1/metrics/{server.pk}/history"

    def test_short_range_from_raw_samples(self, viewer_client, server):
        ingest_minutes(server, 2)
        q = {"metric": "load_1", "start": T0.isoformat(), "end": (T0 + timedelta(minutes=2)).isoformat(), "points": 12}
        data = assert_ok(viewer_client.get(self.url(server), q))
        assert data["source"] == "raw"
        assert data["bucket_seconds"] == 10
        assert len(data["points"]) == 12
        assert data["points"][0]["avg"] == 0.0
        assert data["points"][1]["max"] == 1.0

    def test_start_and_end_may_be_unix_seconds_as_the_sockets_send_them(self, viewer_client, server):
        ingest_minutes(server, 2)
        as_iso = {"metric": "load_1", "start": T0.isoformat(), "end": (T0 + timedelta(minutes=2)).isoformat()}
        start, end = T0.timestamp(), (T0 + timedelta(minutes=2)).timestamp()
        as_unix = {"metric": "load_1", "start": f"{start:.3f}", "end": str(int(end))}
        data = assert_ok(viewer_client.get(self.url(server), as_unix))
        assert (data["start"], data["end"]) == ("2026-11-20T12:00:00Z", "2026-11-20T12:02:00Z")
        assert data["points"] == assert_ok(viewer_client.get(self.url(server), as_iso))["points"] != []

    @pytest.mark.parametrize("value", ["-5", "1e9", "253402300800", "0x10", "12.5.1"])
    def test_unix_seconds_out_of_range_or_malformed_are_400(self, viewer_client, server, value):
        assert_error(viewer_client.get(self.url(server), {"metric": "load_1", "start": value}), 400)

    @pytest.mark.parametrize(
        ("span", "points", "source", "starts"),
        [
            (timedelta(minutes=2), 12, "raw", ["2026-11-20T12:00:00Z", "2026-11-20T12:00:10Z"]),
            (timedelta(days=1), 144, "1m", ["2026-11-20T12:00:00Z", "2026-11-20T12:10:00Z"]),
            (timedelta(days=30), 720, "1h", ["2026-11-20T12:00:00Z", "2026-11-20T13:00:00Z"]),
        ],
    )
    def test_points_start_at_their_bucket_in_utc_with_a_z(self, viewer_client, server, span, points, source, starts):
        ingest_minutes(server, 90)
        q = {"metric": "cpu_percent", "start": T0.isoformat(), "end": (T0 + span).isoformat(), "points": points}
        data = assert_ok(viewer_client.get(self.url(server), q))
        assert data["source"] == source
        assert [p["ts"] for p in data["points"][:2]] == starts

    def test_day_range_from_minute_rollups(self, viewer_client, server):
        ingest_minutes(server, 30)
        q = {
            "metric": "cpu_percent",
            "start": T0.isoformat(),
            "end": (T0 + timedelta(hours=24)).isoformat(),
            "points": 144,
        }
        data = assert_ok(viewer_client.get(self.url(server), q))
        assert data["source"] == "1m"
        assert data["bucket_seconds"] == 600
        assert [p["avg"] for p in data["points"]] == [4.5, 14.5, 24.5]
        assert data["points"][0]["min"] == 0.0
        assert data["points"][0]["max"] == 9.0
        assert data["points"][0]["count"] == 60

    def test_long_range_from_hour_rollups(self, viewer_client, server):
        ingest_minutes(server, 90, per_minute=2)
        q = {
            "metric": "cpu_percent",
            "start": T0.isoformat(),
            "end": (T0 + timedelta(days=30)).isoformat(),
            "points": 100,
        }
        data = assert_ok(viewer_client.get(self.url(server), q))
        assert data["source"] == "1h"
        assert data["points"][0]["count"] == 180
        assert data["points"][0]["max"] == 89.0

    def test_the_browsable_api_shows_the_points(self, viewer_client, server):
        ingest_minutes(server, 30)
        q = {"metric": "cpu_percent", "start": T0.isoformat(), "end": (T0 + timedelta(hours=24)).isoformat()}
        response = viewer_client.get(self.url(server), {**q, "points": 144}, HTTP_ACCEPT="text/html")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        page = response.content.decode()
        assert "&quot;ts&quot;: &quot;2026-11-20T12:10:00Z&quot;" in page
        assert "&quot;avg&quot;: 14.5" in page

    def test_rollups_agree_with_raw(self, viewer_client, server):
        ingest_minutes(server, 10)
        raw = {(r.bucket, r.metric): r for r in MetricRollup.objects.filter(resolution=60)}
        assert len(raw) == 20
        one = raw[(T0, "cpu_percent")]
        assert (one.min, one.max, one.sum, one.count) == (0.0, 0.0, 0.0, 6)

    def test_late_samples_are_rolled_up_again(self, server):
        ingest_minutes(server, 1)
        record_samples([frame(server, 100, T0 + timedelta(seconds=59), cpu_percent=100.0)])
        assert RollupPending.objects.count() == 1
        rollup_pending()
        assert MetricRollup.objects.get(resolution=60, metric="cpu_percent", bucket=T0).max == 100.0
        assert MetricRollup.objects.get(resolution=3600, metric="cpu_percent").max == 100.0

    @pytest.mark.parametrize(
        "query",
        [
            {},
            {"metric": "Not A Metric"},
            {"metric": "cpu_percent", "points": 0},
            {"metric": "cpu_percent", "points": 5000},
            {"metric": "cpu_percent", "start": "2026-01-02T00:00:00Z", "end": "2026-01-01T00:00:00Z"},
            {"metric": "cpu_percent", "start": "yesterday"},
        ],
    )
    def test_bad_queries_are_400(self, viewer_client, server, query):
        assert_error(viewer_client.get(self.url(server), query), 400)

    def test_unknown_server_is_404(self, viewer_client):
        assert_error(viewer_client.get("/api/v1/metrics/424242/history", {"metric": "cpu_percent"}), 404)

    def test_default_range_is_the_last_hour(self, viewer_client, server):
        data = assert_ok(viewer_client.get(self.url(server), {"metric": "cpu_percent"}))
        assert data["points"] == []
        span = datetime.fromisoformat(data["end"]) - datetime.fromisoformat(data["start"])
        assert span == timedelta(hours=1)


class TestLogs:
    @pytest.fixture
    def lines(self, server):
        logs = [
            {"ts": (T0 + timedelta(seconds=i)).timestamp(), "level": level, "source": src, "message": msg}
            for i, (level, src, msg) in enumerate(
                [
                    ("info", "/var/log/app.log", "started"),
                    ("warning", "/var/log/app.log", "slow query"),
                    ("error", "journald:nginx", "upstream timed out"),
                    ("critical", "journald:nginx", "out of memory"),
                ]
            )
        ]
        record_samples([frame(server, 1, T0, logs=logs, cpu_percent=1.0)])

    def messages(self, client, server, **query):
        return [line["message"] for line in assert_ok(client.get(f"/api/v1/logs/{server.pk}", query))]

    def test_newest_first_with_filters(self, viewer_client, server, lines):
        assert self.messages(viewer_client, server) == ["out of memory", "upstream timed out", "slow query", "started"]
        assert self.messages(viewer_client, server, min_level="error") == ["out of memory", "upstream timed out"]
        assert self.messages(viewer_client, server, source="journald:nginx", search="TIMED") == ["upstream timed out"]
        start = (T0 + timedelta(seconds=1)).isoformat()
        end = (T0 + timedelta(seconds=3)).isoformat()
        assert self.messages(viewer_client, server, start=start, end=end) == ["upstream timed out", "slow query"]

    def test_several_levels(self, viewer_client, server, lines):
        response = viewer_client.get(f"/api/v1/logs/{server.pk}?level=info&level=critical")
        assert [line["level"] for line in assert_ok(response)] == ["critical", "info"]

    def test_paginated(self, viewer_client, server, lines):
        body = viewer_client.get(f"/api/v1/logs/{server.pk}", {"size": 3}).json()
        assert body["pagination"]["total"] == 4
        assert len(body["data"]) == 3

    @pytest.mark.parametrize("query", [{"level": "loud"}, {"min_level": "x"}, {"start": "then"}, {"sort": "message"}])
    def test_bad_filters_are_400(self, viewer_client, server, lines, query):
        assert_error(viewer_client.get(f"/api/v1/logs/{server.pk}", query), 400)

    def test_lines_of_unknown_level_are_kept_out_of_min_level(self, viewer_client, server, lines):
        # A current agent leaves `level` out where a line states none; an older one always sends one.
        raw = {"type": "data", "seq": 2, "logs": [{"ts": (T0 + timedelta(seconds=9)).timestamp(), "message": "GET /x"}]}
        record_samples([FrameIn(server.pk, "stream-000001", parse_data(raw, now=T0.timestamp()))])
        explicit = [{"ts": (T0 + timedelta(seconds=8)).timestamp(), "level": "unknown", "message": "GET /y"}]
        record_samples([FrameIn(server.pk, "stream-000001", parse_data({**raw, "seq": 3, "logs": explicit}))])
        assert self.messages(viewer_client, server)[:2] == ["GET /x", "GET /y"]
        assert self.messages(viewer_client, server, min_level="error") == ["out of memory", "upstream timed out"]
        assert "GET /x" not in self.messages(viewer_client, server, min_level="debug")
        assert self.messages(viewer_client, server, level="unknown") == ["GET /x", "GET /y"]
        assert_error(viewer_client.get(f"/api/v1/logs/{server.pk}", {"min_level": "unknown"}), 400)

    def test_404_and_401(self, viewer_client, anon, server):
        assert_error(viewer_client.get("/api/v1/logs/999999"), 404)
        assert_error(anon.get(f"/api/v1/logs/{server.pk}"), 401)


class TestCustomMetrics:
    URL = "/api/v1/metrics"

    def test_operator_sends_and_anyone_reads(self, operator_client, viewer_client, server):
        body = {
            "metrics": [
                {
                    "name": "deploy_duration_seconds",
                    "value": 42,
                    "unit": "s",
                    "tags": {"env": "prod"},
                    "server": server.pk,
                },
                {"name": "queue_depth", "value": 7.5, "timestamp": "2026-11-20T12:00:00Z"},
            ]
        }
        assert assert_ok(operator_client.post(self.URL, body, format="json"), 201) == {"accepted_count": 2}
        data = assert_ok(viewer_client.get(self.URL, {"name": "deploy_duration_seconds"}))
        assert data[0]["value"] == 42.0
        assert data[0]["tags"] == {"env": "prod"}
        assert [m["name"] for m in assert_ok(viewer_client.get(self.URL, {"tags": "env:prod"}))] == [
            "deploy_duration_seconds"
        ]
        assert assert_ok(viewer_client.get(self.URL, {"tags": "env:dev"})) == []
        assert len(assert_ok(viewer_client.get(self.URL, {"end": "2026-11-21T00:00:00Z"}))) == 1

    def test_viewers_may_not_send(self, viewer_client):
        body = {"metrics": [{"name": "x", "value": 1}]}
        assert_error(viewer_client.post(self.URL, body, format="json"), 403)

    def test_needs_credentials(self, anon):
        assert_error(anon.get(self.URL), 401)
        assert_error(anon.post(self.URL, {"metrics": []}, format="json"), 401)

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"metrics": []},
            {"metrics": [{"name": "Bad Name", "value": 1}]},
            {"metrics": [{"name": "ok", "value": "1"}]},
            {"metrics": [{"name": "ok", "value": True}]},
            {"metrics": [{"name": "ok", "value": 1, "tags": {"Bad Key": "x"}}]},
            {"metrics": [{"name": "ok", "value": 1, "tags": {"env\n": "x"}}]},  # `$` let this through
            {"metrics": [{"name": "ok", "value": 1, "tags": {"k": 5}}]},
            {"metrics": [{"name": "ok", "value": 1, "server": 999999}]},
            {"metrics": [{"name": "ok", "value": 1}] * 1001},
        ],
    )
    def test_bad_batches_are_400_and_store_nothing(self, operator_client, body):
        assert_error(operator_client.post(self.URL, body, format="json"), 400)
        assert not CustomMetric.objects.exists()

    def test_nan_is_refused(self, operator_client):
        response = operator_client.post(
            self.URL, '{"metrics": [{"name": "x", "value": NaN}]}', content_type="application/json"
        )
        assert_error(response, 400)

    @pytest.mark.parametrize("tags", ["env", "a__b:c", ":x"])
    def test_bad_tag_filters_are_400(self, viewer_client, tags):
        assert_error(viewer_client.get(self.URL, {"tags": tags}), 400)


class TestJobs:
    def test_prune_deletes_only_what_is_past_retention(self, server, settings):
        now = timezone.now()
        record_samples(
            [frame(server, 1, now - timedelta(days=8), cpu_percent=1.0), frame(server, 2, now, cpu_percent=2.0)]
        )
        LogLine.objects.create(server=server, ts=now - timedelta(days=30), message="old")
        LogLine.objects.create(server=server, ts=now, message="new")
        result = prune(now)
        assert result["samples"] == 1
        assert result["logs"] == 1
        assert MetricSample.objects.count() == 1
        call_command("prune")

    def test_silent_servers_go_offline(self, server, settings):
        Server.objects.filter(pk=server.pk).update(status="online", last_seen=timezone.now() - timedelta(minutes=10))
        assert mark_silent_servers_offline() == 1
        server.refresh_from_db()
        assert server.status == "offline"
        assert server.connection_events.get().reason == "silent"

    def test_a_claimed_job_runs_once_per_period(self):
        calls = []
        job = Job("test.job", 3600, lambda: calls.append(1) or len(calls))
        assert run_due_jobs([job]) == {"test.job": 1}
        assert run_due_jobs([job]) == {}
        assert calls == [1]

    def test_a_failing_job_is_recorded(self):
        from worker.models import JobState

        def boom():
            raise RuntimeError("nope")

        run_due_jobs([Job("test.boom", 60, boom)])
        assert "RuntimeError" in JobState.objects.get(name="test.boom").last_error


def test_a_sample_without_top_keeps_the_last_top_known(viewer_client, server):
    top = {"cpu": [{"pid": 1, "name": "init", "cpu_percent": 1.0, "memory_percent": 0.1}], "memory": []}
    first = frame(server, 1, T0, cpu_percent=1.0)
    first.data["samples"][0]["top"] = top
    record_samples([first, frame(server, 2, T0 + timedelta(seconds=1), cpu_percent=2.0)])
    data = assert_ok(viewer_client.get(f"/api/v1/metrics/{server.pk}"))
    assert data["values"] == {"cpu_percent": 2.0}
    assert data["top"] == top


class TestRecent:
    def rollup(self, server, minutes_ago, avg, metric="cpu_percent"):
        bucket = (timezone.now() - timedelta(minutes=minutes_ago)).replace(second=0, microsecond=0)
        MetricRollup.objects.create(
            server=server, metric=metric, resolution=60, bucket=bucket, min=avg, max=avg, sum=avg * 6, count=6
        )

    def test_every_servers_last_minutes_in_one_request(self, viewer_client, server, admin):
        other, silent = Server.objects.create(name="b", hostname="b"), Server.objects.create(name="c", hostname="c")
        for minutes_ago, avg in [(20, 99.0), (3, 10.0), (2, 20.0)]:
            self.rollup(server, minutes_ago, avg)
        self.rollup(other, 1, 50.0)
        self.rollup(other, 1, 7.0, metric="memory_percent")
        data = assert_ok(viewer_client.get("/api/v1/metrics/recent"))
        found = {entry["server_id"]: [p["avg"] for p in entry["points"]] for entry in data}
        assert found == {server.pk: [10.0, 20.0], other.pk: [50.0]}  # 15 minutes of cpu_percent
        assert silent.pk not in found
        data = assert_ok(viewer_client.get("/api/v1/metrics/recent", {"metric": "memory_percent", "minutes": 60}))
        assert [(e["server_id"], [p["avg"] for p in e["points"]]) for e in data] == [(other.pk, [7.0])]

    @pytest.mark.parametrize("query", [{"minutes": 0}, {"minutes": 61}, {"metric": "no spaces"}])
    def test_bad_queries_are_400(self, viewer_client, query):
        assert_error(viewer_client.get("/api/v1/metrics/recent", query), 400)

    def test_needs_credentials(self, anon):
        assert_error(anon.get("/api/v1/metrics/recent"), 401)
