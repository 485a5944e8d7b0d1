"""The worker applies a batch of deliveries in one savepoint, and a delivery that fails costs
only itself: the batch is applied again one savepoint per delivery, the failure recorded on
its delivery, nothing of it kept, and the others' records and outgoing events made once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pipelines.models import Delivery, Deployment, Pipeline
from pipelines.services import ingest
from pipelines.services.ingest import process_pending
from tests.pipelines.conftest import payload, send
from webhooks.models import Delivery as Outgoing
from webhooks.models import Webhook

pytestmark = pytest.mark.django_db


def run_payload(n: int) -> dict:
    body = payload("github/workflow_run")
    body["workflow_run"]["id"] = 9_000 + n
    return body


def deployment_payload(n: int) -> dict:
    body = payload("github/deployment_status")
    body["deployment"]["id"] = 7_000 + n
    return body


@pytest.fixture
def webhook(admin):
    events = ["pipeline.started", "pipeline.completed", "pipeline.failed", "deployment.started", "deployment.completed"]
    return Webhook.objects.create(url="https://hooks.example.com/ci", events=events, secret="x" * 32)


@pytest.mark.django_db(transaction=True)  # the worker's own transaction, not a test's savepoint
def test_a_batch_takes_one_savepoint_not_one_per_delivery(github, webhook):
    for n in range(6):
        assert send(github, "workflow_run", run_payload(n), f"run-{n}").status_code == 202
    with CaptureQueriesContext(connection) as queries:
        assert process_pending() == 6
    savepoints = [q for q in queries if q["sql"].startswith("SAVEPOINT")]
    assert len(savepoints) == 1
    assert Pipeline.objects.count() == 6
    assert not Delivery.objects.filter(processed_at=None).exists()
    assert set(Delivery.objects.values_list("process_error", flat=True)) == {""}


def test_a_delivery_that_fails_costs_only_itself(github, webhook, monkeypatch, caplog):
    assert send(github, "workflow_run", run_payload(1), "run-1").status_code == 202
    assert send(github, "deployment_status", deployment_payload(1), "deploy-1").status_code == 202
    assert send(github, "workflow_run", run_payload(2), "run-2").status_code == 202
    # An accepted delivery an older reader took that this one cannot read any more.
    Delivery.objects.filter(delivery_id="run-2").update(body='{"workflow_run": {}}')
    applied = ingest.apply_deployment

    def broken(integration, fact, *args):
        applied(integration, fact, *args)  # its rows are written, then it fails
        raise RuntimeError("the mapping service fell over")

    monkeypatch.setattr(ingest, "apply_deployment", broken)
    assert process_pending() == 3

    by_id = {d.delivery_id: d for d in Delivery.objects.all()}
    assert all(d.processed_at is not None for d in by_id.values())
    assert by_id["run-1"].process_error == ""
    assert by_id["deploy-1"].process_error == "RuntimeError: the mapping service fell over"
    assert "lacks workflow_run.id" in by_id["run-2"].process_error
    assert "could not be applied" in caplog.text
    assert [p.split(":")[0] for p in Pipeline.objects.values_list("external_id", flat=True)] == ["9001"]
    assert not Deployment.objects.exists()  # rolled back with its savepoint
    # run-1's events were made once, though the batch was applied twice.
    events = sorted(Outgoing.objects.values_list("event", flat=True))
    assert events == ["pipeline.completed", "pipeline.started"] or events == ["pipeline.started"]
    assert len(events) == len(set(events))


def test_a_new_deployment_without_mapped_servers_reads_no_servers(generic):
    body = payload("generic/deployment")
    assert send(generic, "", body, "deploy-x").status_code == 202
    with CaptureQueriesContext(connection) as queries:
        assert process_pending() == 1
    assert Deployment.objects.count() == 1
    assert not [q for q in queries if "servers_server" in q["sql"] or "deployment_servers" in q["sql"]]


def test_a_batch_reads_each_mappings_servers_once(github, server):
    """Deployments of one integration to one environment and service share their servers'
    read within a batch (a query per deployment before)."""
    server.hostname = "web-1.acme.test"
    server.save()
    for n in range(5):
        assert send(github, "deployment_status", deployment_payload(n), f"deploy-{n}").status_code == 202
    with CaptureQueriesContext(connection) as queries:
        assert process_pending() == 5
    reads = [q for q in queries if q["sql"].startswith("SELECT") and '"servers_server"' in q["sql"]]
    assert len(reads) == 1
    assert [list(d.servers.values_list("pk", flat=True)) for d in Deployment.objects.all()] == [[server.pk]] * 5
