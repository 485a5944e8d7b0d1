"""GitHub webhooks: ``workflow_run``, ``workflow_job``, ``deployment``, ``deployment_status``
and ``ping`` (https://docs.github.com/en/webhooks/webhook-events-and-payloads)."""

from __future__ import annotations

from typing import Any

from pipelines.choices import DeploymentStatus, RunStatus
from pipelines.receivers.facts import (
    CommitFact,
    DeploymentFact,
    Fact,
    JobFact,
    PipelineFact,
    Reader,
    UnknownEvent,
    as_dict,
)

EVENTS = ("workflow_run", "workflow_job", "deployment", "deployment_status", "ping")
_FAILED = {"failure", "timed_out", "startup_failure", "action_required"}


def run_status(status: str, conclusion: str) -> str:
    if status != "completed":
        return RunStatus.RUNNING if status == "in_progress" else RunStatus.QUEUED
    if conclusion in ("success", "neutral"):
        return RunStatus.SUCCESS
    if conclusion in ("cancelled", "stale"):
        return RunStatus.CANCELED
    if conclusion == "skipped":
        return RunStatus.SKIPPED
    return RunStatus.FAILED  # failure, timed_out, startup_failure, action_required, or none given


def deployment_status(state: str) -> str | None:
    return {
        "queued": DeploymentStatus.QUEUED,
        "pending": DeploymentStatus.QUEUED,
        "in_progress": DeploymentStatus.RUNNING,
        "success": DeploymentStatus.SUCCESS,
        "failure": DeploymentStatus.FAILED,
        "error": DeploymentStatus.FAILED,
    }.get(state)  # "inactive": a later deployment superseded this one; its outcome stands


def parse(event: str, payload: Any) -> list[Fact]:
    if event == "ping":
        ping = Reader(payload, event)
        ping.req("hook_id")
        ping.done()
        return []
    if event == "workflow_run":
        return [_workflow_run(payload)]
    if event == "workflow_job":
        return [_workflow_job(payload)]
    if event in ("deployment", "deployment_status"):
        return [_deployment(event, payload)]
    raise UnknownEvent(event)


def _workflow_run(payload: Any) -> PipelineFact:
    r = Reader(payload, "workflow_run")
    run = r.obj("workflow_run")
    run_id = r.req("workflow_run.id")
    status = r.text("workflow_run.status")
    repository = r.text("repository.full_name")
    updated = r.time("workflow_run.updated_at", required=True)
    r.done()
    conclusion = r.opt("workflow_run.conclusion")
    head = as_dict(run.get("head_commit"))
    author = as_dict(head.get("author"))
    normalized = run_status(status, conclusion)
    started = r.time("workflow_run.run_started_at") or r.time("workflow_run.created_at")
    return PipelineFact(
        external_id=f"{run_id}:{r.opt('workflow_run.run_attempt') or '1'}",
        repository=repository,
        status=normalized,
        status_at=updated,
        name=r.opt("workflow_run.name"),
        branch=r.opt("workflow_run.head_branch"),
        url=r.opt("workflow_run.html_url"),
        commit=CommitFact(
            sha=r.opt("workflow_run.head_sha"),
            message=str(head.get("message") or ""),
            author=str(author.get("email") or author.get("name") or ""),
            timestamp=r.time("workflow_run.head_commit.timestamp"),
        ),
        started_at=started if normalized != RunStatus.QUEUED else None,
        finished_at=updated if status == "completed" else None,
    )


def _workflow_job(payload: Any) -> JobFact:
    r = Reader(payload, "workflow_job")
    r.obj("workflow_job")
    job_id = r.req("workflow_job.id")
    run_id = r.req("workflow_job.run_id")
    name = r.text("workflow_job.name")
    status = r.text("workflow_job.status")
    repository = r.text("repository.full_name")
    r.done()
    started = r.time("workflow_job.started_at")
    finished = r.time("workflow_job.completed_at")
    normalized = run_status(status, r.opt("workflow_job.conclusion"))
    return JobFact(
        pipeline_id=f"{run_id}:{r.opt('workflow_job.run_attempt') or '1'}",
        external_id=job_id,
        name=name,
        stage=name,  # a GitHub job is its own stage
        status=normalized,
        status_at=finished or started or r.time("workflow_job.created_at"),
        started_at=started if normalized != RunStatus.QUEUED else None,
        finished_at=finished if status == "completed" else None,
        repository=repository,
        branch=r.opt("workflow_job.head_branch"),
        pipeline_name=r.opt("workflow_job.workflow_name"),
        commit_sha=r.opt("workflow_job.head_sha"),
    )


def _deployment(event: str, payload: Any) -> DeploymentFact:
    r = Reader(payload, event)
    deployment = r.obj("deployment")
    deployment_id = r.req("deployment.id")
    environment = r.text("deployment.environment")
    created = r.time("deployment.created_at", required=True)
    repository = r.text("repository.full_name")
    status: str | None = DeploymentStatus.QUEUED
    status_at = created
    url = ""
    if event == "deployment_status":
        state = r.text("deployment_status.state")
        status_at = r.time("deployment_status.created_at", required=True)
        r.done()
        status = deployment_status(state)
        url = r.opt("deployment_status.log_url") or r.opt("deployment_status.target_url")
    r.done()
    extra = deployment.get("payload")
    service = extra.get("service") if isinstance(extra, dict) else None
    terminal = status in (DeploymentStatus.SUCCESS, DeploymentStatus.FAILED)
    return DeploymentFact(
        external_id=deployment_id,
        service=str(service or r.opt("repository.name") or repository.rsplit("/", 1)[-1]),
        environment=environment,
        status=status,
        status_at=status_at,
        repository=repository,
        ref=r.opt("deployment.ref"),
        sha=r.opt("deployment.sha"),
        url=url,
        description=r.opt("deployment.description")[:500],
        started_at=created if status is not None else None,
        finished_at=status_at if terminal else None,
    )
