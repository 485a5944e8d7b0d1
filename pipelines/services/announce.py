"""Telling others: each pipeline and deployment is announced once when it starts and once when
it ends — as a webhook event (queued in the same transaction: the webhooks app's outbox) and
as a post in the chat rooms that follow its repository or environment. The flags on the record
make the announcements happen once whatever the order of deliveries: a run first heard of as
finished is announced as started, then as finished."""

from __future__ import annotations

from dataclasses import dataclass

from chat.choices import MessageType
from chat.services.messages import post_bot_message
from pipelines import events
from pipelines.choices import TERMINAL_DEPLOYMENT, TERMINAL_RUN, DeploymentStatus, RunStatus, rank
from pipelines.models import Deployment, Follow, Pipeline
from pipelines.representation import deployment_data, pipeline_data
from webhooks.models import Webhook
from webhooks.services import enqueue


@dataclass(frozen=True)
class Audience:
    """Who listens, read once per batch of deliveries (both tables are small): the events some
    enabled webhook subscribes to, and the follows of rooms not archived."""

    events: frozenset[str]
    follows: tuple[tuple[int, str, str], ...]  # room, repository, environment (lower case)

    @classmethod
    def now(cls) -> Audience:
        events = frozenset(e for hook in Webhook.objects.enabled().values_list("events", flat=True) for e in hook)
        follows = Follow.objects.filter(room__archived_at__isnull=True).values_list(
            "room_id", "repository", "environment"
        )
        return cls(events, tuple((room, repo.lower(), env.lower()) for room, repo, env in follows))

    def rooms(self, repository: str = "", environment: str = "") -> list[int]:
        repository, environment = repository.lower(), environment.lower()
        return sorted(
            {room for room, repo, env in self.follows if (repo and repo == repository) or (env and env == environment)}
        )


def _post(rooms: list[int], text: str, data: dict[str, object]) -> None:
    for room_id in rooms:
        post_bot_message(room_id, text, message_type=MessageType.SYSTEM, data=data)


def pipeline_text(pipeline: Pipeline, event: str) -> str:
    what = {
        events.PIPELINE_STARTED: "started",
        events.PIPELINE_FAILED: "failed",
        events.PIPELINE_COMPLETED: f"finished: {pipeline.get_status_display().lower()}",
    }[event]
    branch = f" on {pipeline.branch}" if pipeline.branch else ""
    sha = f" ({pipeline.commit_sha[:8]})" if pipeline.commit_sha else ""
    link = f" {pipeline.url}" if pipeline.url else ""
    return f"Pipeline {pipeline.name or pipeline.external_id} of {pipeline.repository}{branch}{sha} {what}.{link}"


def deployment_text(deployment: Deployment, event: str) -> str:
    what = "started" if event == events.DEPLOYMENT_STARTED else f"{deployment.get_status_display().lower()}"
    servers = ", ".join(deployment.servers.order_by("name").values_list("name", flat=True))
    on = f" on {servers}" if servers else ""
    link = f" {deployment.url}" if deployment.url else ""
    return f"Deployment of {deployment.service} to {deployment.environment}{on}: {what}.{link}"


def pipeline_changed(pipeline: Pipeline, audience: Audience | None = None) -> list[str]:
    """Announce what the pipeline's state newly reached; returns the events emitted."""
    emitted: list[str] = []
    if not pipeline.started_announced and (rank(pipeline.status) >= 1 or pipeline.started_at):
        emitted.append(events.PIPELINE_STARTED)
        pipeline.started_announced = True
    if not pipeline.finished_announced and pipeline.status in TERMINAL_RUN:
        failed = pipeline.status == RunStatus.FAILED
        emitted.append(events.PIPELINE_FAILED if failed else events.PIPELINE_COMPLETED)
        pipeline.finished_announced = True
    if not emitted:
        return emitted
    audience = audience or Audience.now()
    rooms = audience.rooms(repository=pipeline.repository)
    for event in emitted:
        if event in audience.events:
            enqueue(event, {"pipeline": pipeline_data(pipeline)})
        if rooms:
            _post(rooms, pipeline_text(pipeline, event), {"event": event, "pipeline_id": pipeline.pk})
    return emitted


def deployment_changed(deployment: Deployment, audience: Audience | None = None) -> list[str]:
    emitted: list[str] = []
    if not deployment.started_announced and deployment.status != DeploymentStatus.QUEUED:
        emitted.append(events.DEPLOYMENT_STARTED)
        deployment.started_announced = True
    if not deployment.finished_announced and deployment.status in TERMINAL_DEPLOYMENT:
        emitted.append(events.DEPLOYMENT_COMPLETED)
        deployment.finished_announced = True
    if not emitted:
        return emitted
    audience = audience or Audience.now()
    rooms = audience.rooms(repository=deployment.repository, environment=deployment.environment)
    for event in emitted:
        if event in audience.events:
            enqueue(event, {"deployment": deployment_data(deployment)})
        if rooms:
            _post(rooms, deployment_text(deployment, event), {"event": event, "deployment_id": deployment.pk})
    return emitted
