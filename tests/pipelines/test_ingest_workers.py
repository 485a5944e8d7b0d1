"""Two workers applying facts of one new pipeline at once (PostgreSQL: row locks and
``ON CONFLICT``): the second one's insert waits for the first one's commit, then merges its
fact into that row instead of failing or making a second one."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from pipelines.models import Pipeline
from pipelines.receivers.facts import PipelineFact
from pipelines.services.ingest import apply_pipeline
from pipelines.services.receive import parse
from tests.pipelines.conftest import payload
from tests.threads import second_waits_for_first

pytestmark = pytest.mark.django_db(transaction=True)


def run_fact(status: str, conclusion: str | None, updated: str) -> PipelineFact:
    run = payload("github/workflow_run")
    run["action"] = status
    run["workflow_run"].update(status=status, conclusion=conclusion, updated_at=updated)
    (fact,) = [f for f in parse("github", "workflow_run", run) if isinstance(f, PipelineFact)]
    return fact


def test_a_pipeline_another_worker_inserts_meanwhile_gets_this_workers_fact(github):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time: no two workers meet")
    running = run_fact("in_progress", None, "2026-11-20T10:00:06Z")
    finished = run_fact("completed", "success", "2026-11-20T10:07:30Z")
    second_waits_for_first(
        lambda: apply_pipeline(github, running),
        lambda: apply_pipeline(github, finished),
        "the second insert should wait for the first worker's row",
    )
    (pipeline,) = Pipeline.objects.filter(integration=github, external_id=running.external_id)
    assert pipeline.status == finished.status
    assert pipeline.finished_at == finished.finished_at


@pytest.mark.django_db
def test_a_new_pipeline_is_read_and_written_by_plain_statements(github):
    """The worker's cost per fact (bench/README.md, session 19): the locked read is one
    statement with no ``ORDER BY``, the insert one ``INSERT … ON CONFLICT DO NOTHING`` with
    no savepoint around it."""
    from django.test.utils import CaptureQueriesContext

    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        apply_pipeline(github, run_fact("in_progress", None, "2026-11-20T10:00:06Z"))
    statements = [q["sql"] for q in queries if "pipelines_pipeline" in q["sql"]]
    assert not [sql for sql in statements if "ORDER BY" in sql]
    (insert,) = [sql for sql in statements if sql.startswith("INSERT")]
    assert "ON CONFLICT DO NOTHING" in insert
    assert not [q for q in queries if "SAVEPOINT" in q["sql"]]
    assert Pipeline.objects.filter(integration=github).count() == 1
