"""Deliveries out of order and repeated give the same stored state and the same announcements
as the ones in order: each sequence is shuffled with several seeds, some deliveries repeated
(same delivery id: a duplicate; a new id: a retry the provider numbered afresh), and applied one
by one as the worker would."""

from __future__ import annotations

import random
from typing import Any

import pytest

from pipelines.models import Deployment, Pipeline
from pipelines.services.ingest import process_pending
from tests.pipelines.conftest import payload, send
from webhooks.models import Delivery as Outgoing
from webhooks.models import Webhook

pytestmark = pytest.mark.django_db

EVENTS = ["pipeline.started", "pipeline.completed", "pipeline.failed", "deployment.started", "deployment.completed"]


def github_sequence() -> list[tuple[str, dict[str, Any]]]:
    seq: list[tuple[str, dict[str, Any]]] = []
    for status, conclusion, updated in (
        ("requested", None, "2026-11-20T10:00:00Z"),
        ("in_progress", None, "2026-11-20T10:00:06Z"),
        ("completed", "failure", "2026-11-20T10:07:30Z"),
    ):
        run = payload("github/workflow_run")
        run["action"] = status
        run["workflow_run"].update(status=status, conclusion=conclusion, updated_at=updated)
        seq.append(("workflow_run", run))
    for job_id, name, start, end, conclusion in (
        (1, "build", "2026-11-20T10:00:10Z", "2026-11-20T10:03:10Z", "success"),
        (2, "test", "2026-11-20T10:03:20Z", "2026-11-20T10:07:00Z", "failure"),
    ):
        for status in ("queued", "in_progress", "completed"):
            job = payload("github/workflow_job")
            job["action"] = status
            job["workflow_job"].update(
                id=job_id,
                name=name,
                status=status,
                conclusion=conclusion if status == "completed" else None,
                started_at=start,
                completed_at=end if status == "completed" else None,
            )
            seq.append(("workflow_job", job))
    seq.append(("deployment", payload("github/deployment")))
    for state, created in (
        ("queued", "2026-11-20T10:10:01Z"),
        ("in_progress", "2026-11-20T10:10:05Z"),
        ("success", "2026-11-20T10:14:00Z"),
    ):
        event = payload("github/deployment_status")
        event["deployment_status"].update(state=state, created_at=created, id=hash(state) % 10**6)
        seq.append(("deployment_status", event))
    return seq


def gitlab_sequence() -> list[tuple[str, dict[str, Any]]]:
    seq: list[tuple[str, dict[str, Any]]] = []
    final = payload("gitlab/pipeline_hook")
    running = payload("gitlab/pipeline_hook")
    running["object_attributes"].update(status="running", finished_at=None, duration=None)
    for build in running["builds"][1:]:
        build.update(status="pending", started_at=None, finished_at=None)
    pending = payload("gitlab/pipeline_hook")
    pending["object_attributes"].update(status="pending", finished_at=None, duration=None)
    for build in pending["builds"]:
        build.update(status="created", started_at=None, finished_at=None)
    seq += [("Pipeline Hook", pending), ("Pipeline Hook", running), ("Pipeline Hook", final)]
    for build in final["builds"]:
        for status in ("running", build["status"]):
            job = payload("gitlab/job_hook")
            job.update(
                build_id=build["id"],
                build_name=build["name"],
                build_stage=build["stage"],
                build_status=status,
                build_started_at=build["started_at"],
                build_finished_at=build["finished_at"] if status != "running" else None,
                build_allow_failure=build["allow_failure"],
            )
            seq.append(("Job Hook", job))
    for status, changed in (("running", "2026-11-20 11:05:30 +0100"), ("success", "2026-11-20 11:08:50 +0100")):
        hook = payload("gitlab/deployment_hook")
        hook.update(status=status, status_changed_at=changed)
        seq.append(("Deployment Hook", hook))
    return seq


def state() -> dict[str, Any]:
    """Everything the hub stored about runs and deploys, without row ids and clocks of our own."""
    pipelines = [
        {
            **{
                k: v
                for k, v in Pipeline.objects.filter(pk=p.pk).values()[0].items()
                if k not in ("id", "created_at", "updated_at")
            },
            "jobs": sorted(
                (j.external_id, j.name, j.stage, j.status, j.status_at, j.started_at, j.finished_at, j.allow_failure)
                for j in p.jobs.all()
            ),
        }
        for p in Pipeline.objects.order_by("external_id")
    ]
    deployments = [
        {
            **{
                k: v
                for k, v in Deployment.objects.filter(pk=d.pk).values()[0].items()
                if k not in ("id", "created_at", "updated_at")
            },
            "servers": sorted(d.servers.values_list("pk", flat=True)),
        }
        for d in Deployment.objects.order_by("external_id")
    ]
    events = sorted(Outgoing.objects.values_list("event", flat=True))
    return {"pipelines": pipelines, "deployments": deployments, "events": events}


def run(integration, sequence: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    for index, (event, body) in enumerate(sequence):
        delivery_id = body.get("_delivery") or f"{index}-{event}"
        response = send(integration, event, {k: v for k, v in body.items() if k != "_delivery"}, delivery_id)
        assert response.status_code == 202, response.content
        process_pending()
    return state()


def reset() -> None:
    Pipeline.objects.all().delete()
    Deployment.objects.all().delete()
    Outgoing.objects.all().delete()


def shuffled_with_repeats(sequence, seed: int):
    rng = random.Random(seed)
    items = [dict(body, _delivery=f"{i}") for i, (_, body) in enumerate(sequence)]
    events = [event for event, _ in sequence]
    indices = list(range(len(sequence)))
    # Some sent twice with the same delivery id (a replay), some again under a new id (a retry).
    extra = [(i, f"{i}") for i in rng.sample(indices, 3)] + [(i, f"{i}-retry") for i in rng.sample(indices, 3)]
    order = [(i, f"{i}") for i in indices] + extra
    rng.shuffle(order)
    return [(events[i], dict(items[i], _delivery=delivery)) for i, delivery in order]


@pytest.fixture
def webhook(admin):
    return Webhook.objects.create(url="https://hooks.example.com/ci", events=EVENTS, secret="x" * 32)


@pytest.mark.parametrize("provider", ["github", "gitlab"])
def test_shuffled_and_repeated_deliveries_store_the_same_state(provider, request, webhook):
    integration = request.getfixturevalue(provider)
    sequence = github_sequence() if provider == "github" else gitlab_sequence()
    expected = run(integration, [(e, dict(b, _delivery=f"{i}")) for i, (e, b) in enumerate(sequence)])
    assert expected["pipelines"] and expected["deployments"]
    if provider == "github":
        assert expected["events"] == [
            "deployment.completed",
            "deployment.started",
            "pipeline.failed",
            "pipeline.started",
        ]
    else:
        assert expected["events"] == [
            "deployment.completed",
            "deployment.started",
            "pipeline.completed",
            "pipeline.started",
        ]
    for seed in range(6):
        reset()
        integration.deliveries.all().delete()
        assert run(integration, shuffled_with_repeats(sequence, seed)) == expected, f"seed {seed}"


def test_the_in_order_github_state_is_what_the_provider_said(github, webhook):
    final = run(github, [(e, dict(b, _delivery=str(i))) for i, (e, b) in enumerate(github_sequence())])
    (pipeline,) = final["pipelines"]
    assert (pipeline["status"], pipeline["started_announced"], pipeline["finished_announced"]) == ("failed", True, True)
    assert [(j[1], j[3]) for j in pipeline["jobs"]] == [("build", "success"), ("test", "failed")]
    (deployment,) = final["deployments"]
    assert deployment["status"] == "success"
