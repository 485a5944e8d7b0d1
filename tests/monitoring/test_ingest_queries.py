"""One representative ingest batch costs a fixed number of statements: the planning/write
split of ``record_samples`` and of the alert evaluation must not add any (the ingest benchmark
pays them per batch)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alerts.models import Alert, AlertKind, Threshold, ThresholdState
from monitoring.ingest import FrameIn, marked_minutes, record_samples
from tests.factories import ServerFactory

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def frame(server_id: int, seq: int, at: float, cpu: float) -> FrameIn:
    ts = (T0 + timedelta(seconds=at)).timestamp()
    return FrameIn(
        server_id,
        "stream-queries",
        {
            "type": "data",
            "seq": seq,
            "samples": [{"ts": ts, "values": {"cpu_percent": cpu, "mem_percent": 40.0}}],
            "logs": [{"ts": ts, "level": "info", "source": "app", "message": f"line {seq}"}],
            "dropped": {"samples": 0, "logs": 0},
            "containers": {"ts": ts, "items": [{"id": "c1", "name": "web", "state": "running"}]},
        },
    )


def test_a_batch_with_breaches_an_open_alert_and_containers_costs_a_fixed_number_of_statements():
    marked_minutes.forget()
    a, b, c = ServerFactory(), ServerFactory(), ServerFactory()
    rule = Threshold.objects.create(
        name="High CPU", metric="cpu_percent", operator=">", value=90.0, duration_seconds=60, clear_value=80.0
    )
    record_samples([frame(a.pk, 1, 0, 95), frame(b.pk, 1, 0, 50), frame(c.pk, 1, 0, 95)])  # a and c pending
    record_samples([frame(c.pk, 2, 61, 96)])  # c fires
    assert ThresholdState.objects.filter(threshold=rule).count() == 1
    assert Alert.objects.filter(kind=AlertKind.THRESHOLD).count() == 1
    batch = [
        frame(a.pk, 2, 30, 97),  # a: a higher peak of its pending breach
        frame(b.pk, 2, 30, 95),  # b: a breach begins
        frame(c.pk, 3, 62, 99),  # c: a new peak of its alert
        frame(c.pk, 3, 62, 99),  # a duplicate
    ]
    with CaptureQueriesContext(connection) as queries:
        result = record_samples(batch)
    assert (result.stored, result.duplicates) == (3, 1)
    expected = 13 if connection.vendor == "postgresql" else 16
    import os

    if os.environ.get("DUMP_SQL"):
        with open(os.environ["DUMP_SQL"], "w") as out:
            out.write("\n".join(re.sub(r"[0-9]+", "N", q["sql"])[:150] for q in queries))
    assert len(queries) == expected, [q["sql"][:80] for q in queries]
    # c's open alert is met by every sample and only its peak changes: it is neither loaded nor
    # locked (after a storm, thousands of such alerts a second made ingest slower), only updated.
    assert not [q["sql"] for q in queries if q["sql"].startswith('SELECT "alerts_alert"."id"')]
    assert Alert.objects.get(server=c).peak_value == 99.0
