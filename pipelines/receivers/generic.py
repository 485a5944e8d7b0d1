"""The generic receiver: the hub's own signed JSON (docs/pipelines.md, for Jenkins or any CI)
and CDEvents (https://cdevents.dev) in their CloudEvents JSON form (structured mode)."""

from __future__ import annotations

import re
from typing import Any

from pipelines.choices import DeploymentStatus, RunStatus
from pipelines.receivers.facts import (
    CommitFact,
    DeploymentFact,
    Fact,
    JobFact,
    MissingFields,
    PipelineFact,
    Reader,
    UnknownEvent,
    as_dict,
    timestamp,
)

OWN_TYPES = ("pipeline", "job", "deployment")
_RUN_STATUSES = {s.value for s in RunStatus}
_DEPLOY_STATUSES = {s.value for s in DeploymentStatus}
_CDEVENT = re.compile(r"^dev\.cdevents\.(?P<subject>[a-z]+)\.(?P<predicate>[a-z]+)\.\d+\.\d+\.\d+")
_CD_OUTCOME = {
    "success": RunStatus.SUCCESS,
    "failure": RunStatus.FAILED,
    "error": RunStatus.FAILED,
    "cancel": RunStatus.CANCELED,
}


def event_of(payload: Any) -> str:
    """The event a generic delivery carries: our ``type``, or the CloudEvent's."""
    if not isinstance(payload, dict):
        return ""
    if "specversion" in payload or "context" in payload:
        context = as_dict(payload.get("context"))
        return str(payload.get("type") or context.get("type") or "")
    return str(payload.get("type") or "")


def delivery_id_of(payload: Any) -> str:
    if not isinstance(payload, dict):
        return ""
    if "specversion" in payload:
        return str(payload.get("id") or "")
    context = payload.get("context")
    if isinstance(context, dict):
        return str(context.get("id") or "")
    return ""


def parse(event: str, payload: Any) -> list[Fact]:
    if event in OWN_TYPES:
        return [_own(event, payload)]
    match = _CDEVENT.match(event)
    if match:
        return _cdevent(match["subject"], match["predicate"], event, payload)
    if not event:
        raise MissingFields(["type"], "generic")
    raise UnknownEvent(event)


def _own(kind: str, payload: Any) -> Fact:
    r = Reader(payload, kind)
    external_id = r.req("id")
    status = r.text("status")
    at = r.time("timestamp", required=True)
    allowed = _DEPLOY_STATUSES if kind == "deployment" else _RUN_STATUSES
    if status and status not in allowed:
        r.missing.append(f"status (one of {', '.join(sorted(allowed))})")
    started, finished = r.time("started_at"), r.time("finished_at")
    if kind == "deployment":
        service, environment = r.text("service"), r.text("environment")
        r.done()
        return DeploymentFact(
            external_id=external_id,
            service=service,
            environment=environment,
            status=status,
            status_at=at,
            repository=r.opt("repository"),
            ref=r.opt("ref"),
            sha=r.opt("sha"),
            url=r.opt("url"),
            description=r.opt("description")[:500],
            started_at=started or at,
            finished_at=(finished or at) if status not in ("queued", "running") else None,
            first_commit_at=r.time("first_commit_at"),
        )
    repository = r.text("repository")
    if kind == "job":
        pipeline_id, name = r.req("pipeline_id"), r.text("name")
        r.done()
        return JobFact(
            pipeline_id=pipeline_id,
            external_id=external_id,
            name=name,
            stage=r.opt("stage") or name,
            status=status,
            status_at=at,
            started_at=started,
            finished_at=finished,
            repository=repository,
        )
    stages = payload.get("stages", []) if isinstance(payload, dict) else []
    jobs = []
    for index, stage in enumerate(stages if isinstance(stages, list) else []):
        s = Reader(stage, kind)
        name, stage_status = s.text("name"), s.text("status")
        if stage_status and stage_status not in _RUN_STATUSES:
            s.missing.append("status")
        r.missing.extend(f"stages.{index}.{field}" for field in s.missing)
        if not s.missing:
            jobs.append(
                JobFact(
                    pipeline_id=external_id,
                    external_id=f"stage:{name}",
                    name=name,
                    stage=name,
                    status=stage_status,
                    status_at=s.time("finished_at") or s.time("started_at") or at,
                    started_at=s.time("started_at"),
                    finished_at=s.time("finished_at"),
                )
            )
    r.done()
    commit = CommitFact(
        sha=r.opt("commit.sha"),
        message=r.opt("commit.message"),
        author=r.opt("commit.author"),
        timestamp=r.time("commit.timestamp"),
    )
    return PipelineFact(
        external_id=external_id,
        repository=repository,
        status=status,
        status_at=at,
        name=r.opt("name"),
        branch=r.opt("branch"),
        url=r.opt("url"),
        commit=commit,
        started_at=started or (at if status != "queued" else None),
        finished_at=(finished or at) if status not in ("queued", "running") else None,
        stage_order=[job.name for job in jobs],
        jobs=jobs,
    )


def _cdevent(subject: str, predicate: str, event: str, payload: Any) -> list[Fact]:
    # Structured CloudEvent: the CDEvent is its ``data``; a bare CDEvent is accepted too.
    cdevent = payload.get("data") if "specversion" in payload else payload
    r = Reader(cdevent, event)
    context_id = r.req("context.id")
    at = r.time("context.timestamp", required=True)
    subject_id = r.req("subject.id")
    custom = cdevent.get("customData") if isinstance(cdevent, dict) else None
    custom = as_dict(custom)
    source = r.opt("subject.source") or r.opt("context.source")
    repository = str(custom.get("repository") or source)
    if subject == "pipelinerun" and predicate in ("queued", "started", "finished"):
        name = r.text("subject.content.pipelineName")
        r.done()
        status: str | None = {"queued": RunStatus.QUEUED, "started": RunStatus.RUNNING}.get(predicate)
        status = status or _CD_OUTCOME.get(r.opt("subject.content.outcome"), RunStatus.FAILED)
        commit = CommitFact(sha=str(custom.get("sha") or ""), timestamp=timestamp(custom.get("commit_timestamp")))
        return [
            PipelineFact(
                external_id=subject_id,
                repository=repository,
                status=status,
                status_at=at,
                name=name,
                branch=str(custom.get("branch") or ""),
                url=r.opt("subject.content.url"),
                commit=commit,
                started_at=at if predicate == "started" else None,
                finished_at=at if predicate == "finished" else None,
            )
        ]
    if subject == "taskrun" and predicate in ("started", "finished"):
        name = r.text("subject.content.taskName")
        pipeline_id = r.req("subject.content.pipelineRun.id")
        r.done()
        status = (
            RunStatus.RUNNING
            if predicate == "started"
            else _CD_OUTCOME.get(r.opt("subject.content.outcome"), RunStatus.FAILED)
        )
        return [
            JobFact(
                pipeline_id=pipeline_id,
                external_id=subject_id,
                name=name,
                stage=name,
                status=status,
                status_at=at,
                started_at=at if predicate == "started" else None,
                finished_at=at if predicate == "finished" else None,
                repository=repository,
            )
        ]
    if subject == "service" and predicate in ("deployed", "upgraded", "rolledback"):
        environment = r.text("subject.content.environment.id")
        r.done()
        status = DeploymentStatus.ROLLED_BACK if predicate == "rolledback" else DeploymentStatus.SUCCESS
        return [
            DeploymentFact(
                external_id=context_id,
                service=subject_id,
                environment=environment,
                status=status,
                status_at=at,
                repository=repository if custom.get("repository") else "",
                sha=str(custom.get("sha") or ""),
                description=r.opt("subject.content.artifactId")[:500],
                started_at=at,
                finished_at=at,
                first_commit_at=timestamp(custom.get("first_commit_at")),
            )
        ]
    raise UnknownEvent(event)
