"""The hook through which alerts judge ingest batches: monitoring knows the hook, not alerts."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from alerts.models import Alert, Threshold
from alerts.services.evaluation import evaluate
from monitoring.ingest import FrameIn, SampleIn, evaluators, record_samples, register_evaluator, run_evaluators
from monitoring.services import record_custom_metrics
from tests.factories import ServerFactory

MONITORING = Path(__file__).resolve().parents[2] / "monitoring"


def test_monitoring_imports_nothing_from_alerts():
    found = []
    for path in MONITORING.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.name}: {name}" for name in names if name.split(".")[0] == "alerts"]
    assert found == []


def test_the_alerts_app_registers_its_evaluation_once():
    assert evaluators._evaluators.count(evaluate) == 1


def test_evaluators_run_in_the_order_registered_and_once_each(monkeypatch):
    monkeypatch.setattr(evaluators, "_evaluators", [])
    calls: list[tuple[str, bool]] = []

    def first(samples: list[SampleIn], *, servers_locked: bool = False) -> list:
        calls.append(("first", servers_locked))
        return [("g", {"type": "one"})]

    def second(samples: list[SampleIn], *, servers_locked: bool = False) -> list:
        calls.append(("second", servers_locked))
        return [("g", {"type": "two"})]

    register_evaluator(first)
    register_evaluator(second)
    register_evaluator(first)
    assert run_evaluators([(1, 0.0, {"cpu": 1.0})], servers_locked=True) == [
        ("g", {"type": "one"}),
        ("g", {"type": "two"}),
    ]
    assert calls == [("first", True), ("second", True)]


@pytest.mark.django_db
def test_ingest_still_fires_alerts_in_its_batch():
    server = ServerFactory()
    Threshold.objects.create(name="High CPU", metric="cpu_percent", operator=">", value=90.0, duration_seconds=0)
    data = {"type": "data", "seq": 1, "samples": [{"ts": 1_790_000_000.0, "values": {"cpu_percent": 95.0}}],
            "logs": [], "dropped": {"samples": 0, "logs": 0}}  # fmt: skip
    result = record_samples([FrameIn(server.pk, "stream-hook", data)])
    assert [event["type"] for _group, event in result.events if event["type"].startswith("alert.")] == ["alert.created"]
    assert Alert.objects.get().server_id == server.pk


@pytest.mark.django_db
def test_custom_metrics_about_a_server_are_judged_too(admin):
    from accounts.actor import Actor

    server = ServerFactory()
    Threshold.objects.create(name="Deep queue", metric="queue_depth", operator=">", value=100.0, duration_seconds=0)
    point = {"name": "queue_depth", "value": 150.0, "server": server}
    assert record_custom_metrics(Actor.for_user(admin, "api"), [point]) == 1
    assert Alert.objects.get().metric == "queue_depth"
