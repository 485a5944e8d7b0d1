"""The console pages of the time series, connection events and jobs open and stay read-only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.models import ConnectionEvent
from monitoring.ingest import FrameIn, record_samples
from monitoring.models import CustomMetric, LogLine
from tests.helpers import admin_url
from worker.models import JobState

pytestmark = pytest.mark.django_db

PAGES = [
    ("monitoring", "ingeststream"),
    ("monitoring", "latestsample"),
    ("monitoring", "metricsample"),
    ("monitoring", "logline"),
    ("monitoring", "metricrollup"),
    ("monitoring", "custommetric"),
    ("agents", "connectionevent"),
    ("worker", "jobstate"),
]


@pytest.fixture
def data(server, admin):
    ts = datetime(2026, 11, 20, 12, tzinfo=UTC)
    sample = {"ts": ts.timestamp(), "values": {"cpu_percent": 1.0}}
    log = {"ts": ts.timestamp(), "level": "error", "source": "x", "message": "boom"}
    frame = {"type": "data", "seq": 1, "samples": [sample], "logs": [log], "dropped": {"samples": 0, "logs": 0}}
    record_samples([FrameIn(server.pk, "stream-0001", frame)])
    CustomMetric.objects.create(name="q", value=1, ts=ts, submitted_by=admin)
    ConnectionEvent.objects.create(server=server, kind="connect")
    JobState.objects.create(name="monitoring.rollup", next_run_at=ts)


@pytest.mark.parametrize(("app", "model"), PAGES)
def test_changelists_open_and_nothing_can_be_added(console, data, app, model):
    assert console.get(admin_url(app, model, "changelist")).status_code == 200
    assert console.get(admin_url(app, model, "add")).status_code == 403


def test_log_search(console, data):
    response = console.get(admin_url("monitoring", "logline", "changelist"), {"q": "boom"})
    assert b"boom" in response.content
    line = LogLine.objects.get()
    assert console.post(admin_url("monitoring", "logline", "delete", line.pk)).status_code == 403
