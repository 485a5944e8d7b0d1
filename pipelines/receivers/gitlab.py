"""GitLab webhooks: Pipeline, Job and Deployment hooks
(https://docs.gitlab.com/user/project/integrations/webhook_events/). GitLab names each build's
stage but gives stages no status or times: the hub derives them from the builds."""

from __future__ import annotations

from datetime import datetime
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
    timestamp,
)

EVENTS = ("Pipeline Hook", "Job Hook", "Deployment Hook")


def run_status(status: str) -> str:
    return {
        "running": RunStatus.RUNNING,
        "success": RunStatus.SUCCESS,
        "failed": RunStatus.FAILED,
        "canceled": RunStatus.CANCELED,
        "canceling": RunStatus.CANCELED,
        "skipped": RunStatus.SKIPPED,
        "manual": RunStatus.SKIPPED,  # waits for someone to start it: not run
    }.get(status, RunStatus.QUEUED)  # created, pending, waiting_for_resource, preparing, scheduled


def parse(event: str, payload: Any) -> list[Fact]:
    if event == "Pipeline Hook":
        return [_pipeline(payload)]
    if event == "Job Hook":
        return [_job(payload)]
    if event == "Deployment Hook":
        return [_deployment(payload)]
    raise UnknownEvent(event)


def _pipeline(payload: Any) -> PipelineFact:
    r = Reader(payload, "Pipeline Hook")
    attrs = r.obj("object_attributes")
    pipeline_id = r.req("object_attributes.id")
    status = r.text("object_attributes.status")
    repository = r.text("project.path_with_namespace")
    created = r.time("object_attributes.created_at", required=True)
    builds = payload.get("builds", []) if isinstance(payload, dict) else []
    if not isinstance(builds, list):
        r.missing.append("builds")
        builds = []
    jobs: list[JobFact] = []
    for index, build in enumerate(builds):
        b = Reader(build, "Pipeline Hook")
        build_id, name, stage, build_status = b.req("id"), b.text("name"), b.text("stage"), b.text("status")
        r.missing.extend(f"builds.{index}.{field}" for field in b.missing)
        if b.missing:
            continue
        jobs.append(
            _job_fact(
                pipeline_id,
                build_id,
                name,
                stage,
                build_status,
                b.time("created_at"),
                b.time("started_at"),
                b.time("finished_at"),
                build.get("allow_failure") is True,
            )
        )
    r.done()
    normalized = run_status(status)
    finished = r.time("object_attributes.finished_at")
    commit = as_dict(payload.get("commit"))
    author = as_dict(commit.get("author"))
    started = min((job.started_at for job in jobs if job.started_at), default=None)
    moments = [t for job in jobs for t in (job.started_at, job.finished_at) if t]
    stages = attrs.get("stages")
    return PipelineFact(
        external_id=pipeline_id,
        repository=repository,
        status=normalized,
        status_at=finished or max(moments, default=created),
        name=r.opt("object_attributes.name") or f"pipeline #{r.opt('object_attributes.iid') or pipeline_id}",
        branch=r.opt("object_attributes.ref"),
        url=r.opt("object_attributes.url") or _pipeline_url(r.opt("project.web_url"), pipeline_id),
        commit=CommitFact(
            sha=r.opt("object_attributes.sha") or str(commit.get("id") or ""),
            message=str(commit.get("message") or ""),
            author=str(author.get("email") or author.get("name") or ""),
            timestamp=timestamp(commit.get("timestamp")),
        ),
        started_at=(started or created) if normalized != RunStatus.QUEUED else None,
        finished_at=finished if normalized not in (RunStatus.QUEUED, RunStatus.RUNNING) else None,
        stage_order=[str(s) for s in stages] if isinstance(stages, list) else [],
        jobs=jobs,
    )


def _pipeline_url(project_url: str, pipeline_id: str) -> str:
    return f"{project_url}/-/pipelines/{pipeline_id}" if project_url else ""


def _job_fact(
    pipeline_id: str,
    build_id: str,
    name: str,
    stage: str,
    status: str,
    created: datetime | None,
    started: datetime | None,
    finished: datetime | None,
    allow_failure: bool,
    **context: str,
) -> JobFact:
    normalized = run_status(status)
    return JobFact(
        pipeline_id=pipeline_id,
        external_id=build_id,
        name=name,
        stage=stage,
        status=normalized,
        status_at=finished or started or created,
        started_at=started if normalized != RunStatus.QUEUED else None,
        finished_at=finished if normalized not in (RunStatus.QUEUED, RunStatus.RUNNING) else None,
        allow_failure=allow_failure,
        **context,
    )


def _job(payload: Any) -> JobFact:
    r = Reader(payload, "Job Hook")
    build_id, name, stage = r.req("build_id"), r.text("build_name"), r.text("build_stage")
    status, pipeline_id = r.text("build_status"), r.req("pipeline_id")
    repository = r.text("project.path_with_namespace")
    r.done()
    return _job_fact(
        pipeline_id,
        build_id,
        name,
        stage,
        status,
        r.time("build_created_at"),
        r.time("build_started_at"),
        r.time("build_finished_at"),
        payload.get("build_allow_failure") is True,
        repository=repository,
        branch=r.opt("ref"),
        commit_sha=r.opt("sha"),
    )


def _deployment(payload: Any) -> DeploymentFact:
    r = Reader(payload, "Deployment Hook")
    deployment_id = r.req("deployment_id")
    status = r.text("status")
    environment = r.text("environment")
    repository = r.text("project.path_with_namespace")
    changed = r.time("status_changed_at", required=True)
    r.done()
    normalized = {
        "running": DeploymentStatus.RUNNING,
        "success": DeploymentStatus.SUCCESS,
        "failed": DeploymentStatus.FAILED,
        "canceled": DeploymentStatus.CANCELED,
    }.get(status, DeploymentStatus.QUEUED)
    commit_url = r.opt("commit_url")
    # The hook carries the short SHA; the commit URL ends with the full one.
    sha = commit_url.rstrip("/").rsplit("/", 1)[-1] if "/commit/" in commit_url else r.opt("short_sha")
    terminal = normalized in (DeploymentStatus.SUCCESS, DeploymentStatus.FAILED, DeploymentStatus.CANCELED)
    return DeploymentFact(
        external_id=deployment_id,
        service=r.opt("project.name") or repository.rsplit("/", 1)[-1],
        environment=environment,
        status=normalized,
        status_at=changed,
        repository=repository,
        ref=r.opt("ref"),
        sha=sha,
        url=r.opt("deployable_url"),
        description=r.opt("commit_title")[:500],
        started_at=changed,
        finished_at=changed if terminal else None,
    )
