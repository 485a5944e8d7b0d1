"""Applying accepted deliveries: the worker's side of the receivers.

Every fact moves a record forward only: a status replaces another when it is further along
(queued < running < finished) or, at the same stage, stated at a later provider time; start
times keep the earliest, end times come with the status that won. So deliveries give the same
stored state in any order, and a repeated one changes nothing. A record's row is locked while a
fact is applied, so two workers applying facts of one pipeline queue instead of racing."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from chatops.db import insert_plain, lookup_where, select_plain
from pipelines.choices import TERMINAL_DEPLOYMENT, TERMINAL_RUN, rank
from pipelines.models import Delivery, Deployment, Integration, Job, Pipeline
from pipelines.receivers.facts import DeploymentFact, Fact, JobFact, MissingFields, PipelineFact, UnknownEvent
from pipelines.services import announce
from pipelines.services.announce import Audience
from pipelines.services.receive import parse
from servers.models import Server

logger = logging.getLogger(__name__)
M = TypeVar("M", bound=models.Model)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
BATCH = 100


def _upsert(
    model: type[M], lookup: dict[str, Any], defaults: dict[str, Any], merge: Callable[[M], None]
) -> tuple[M, bool]:
    """Apply ``merge`` to the row for ``lookup``, locked for this transaction, or to a new one
    made of ``lookup`` and ``defaults``; saved either way. The locked read and the insert are
    one plain statement each (``select_plain``, ``insert_plain``): the ORM compiled a query
    with an ``ORDER BY`` for every fact, and its insert took a savepoint (bench/README.md,
    session 19). Returns the row and whether this call inserted it."""
    where, params = lookup_where(model, lookup)
    found = _locked(model, where, params)
    if found is None:
        fresh = model(**lookup, **defaults)
        merge(fresh)
        # ON CONFLICT DO NOTHING: a row another worker inserted meanwhile is waited for (its
        # commit) and kept; this fact is then merged into it.
        if insert_plain(fresh, skip_conflicts=True):
            return fresh, True
        found = _locked(model, where, params)
        if found is None:
            raise RuntimeError(f"{model.__name__} {lookup} conflicted on insert but cannot be read")
    merge(found)
    found.save()
    return found, False


def _locked(model: type[M], where: str, params: list[Any]) -> M | None:
    rows = select_plain(model, where, params, lock=True)
    return rows[0] if rows else None


def _wins(obj: Any, status: str, at: datetime | None) -> bool:
    """Does a fact stating ``status`` at ``at`` replace the record's status?"""
    new = (rank(status), at or _EPOCH, status)
    old = (rank(obj.status), obj.status_at or _EPOCH, obj.status)
    return new > old


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return min((t for t in (a, b) if t is not None), default=None)


def _fill(obj: Any, **values: Any) -> None:
    """Set fields the record lacks (a later delivery may carry what an earlier one did not)."""
    for name, value in values.items():
        if value and not getattr(obj, name):
            setattr(obj, name, value)


def apply_pipeline(integration: Integration, fact: PipelineFact, audience: Audience | None = None) -> Pipeline:
    def merge(pipeline: Pipeline) -> None:
        if _wins(pipeline, fact.status, fact.status_at):
            pipeline.status, pipeline.status_at = fact.status, fact.status_at
            pipeline.finished_at = fact.finished_at if fact.status in TERMINAL_RUN else None
        pipeline.started_at = _earliest(pipeline.started_at, fact.started_at)
        _fill(
            pipeline, name=fact.name, branch=fact.branch, url=fact.url, repository=fact.repository,
            commit_sha=fact.commit.sha, commit_message=fact.commit.message, commit_author=fact.commit.author,
            commit_timestamp=fact.commit.timestamp,
        )  # fmt: skip
        if len(fact.stage_order) > len(pipeline.stage_order or []):
            pipeline.stage_order = fact.stage_order

    pipeline, _ = _upsert(
        Pipeline,
        {"integration": integration, "external_id": fact.external_id},
        {"provider": integration.provider, "repository": fact.repository},
        merge,
    )
    if fact.jobs:
        # One query for the jobs already known (a GitLab hook lists every build each time).
        manager: Any = Job.objects
        known = {j.external_id: j for j in manager.select_for_update().filter(pipeline=pipeline)}
        for job in fact.jobs:
            _apply_job(pipeline, job, known.get(job.external_id))
    _announced(pipeline, announce.pipeline_changed(pipeline, audience))
    return pipeline


def _announced(record: Pipeline | Deployment, emitted: list[str]) -> None:
    if emitted:
        record.save(update_fields=["started_announced", "finished_announced"])


def _apply_job(pipeline: Pipeline, fact: JobFact, known: Job | None = None) -> Job:
    def merge(job: Job) -> None:
        if _wins(job, fact.status, fact.status_at):
            job.status, job.status_at = fact.status, fact.status_at
            job.finished_at = fact.finished_at if fact.status in TERMINAL_RUN else None
        job.started_at = _earliest(job.started_at, fact.started_at)
        job.allow_failure = job.allow_failure or fact.allow_failure

    if known is not None:  # already locked by the caller
        merge(known)
        known.save()
        return known
    job, _ = _upsert(
        Job, {"pipeline": pipeline, "external_id": fact.external_id}, {"name": fact.name, "stage": fact.stage}, merge
    )
    return job


def apply_job(integration: Integration, fact: JobFact) -> Job:
    """A job on its own (GitHub's workflow_job, GitLab's Job Hook): its pipeline is created
    from what the job says when the pipeline's own delivery has not come yet."""

    def merge(pipeline: Pipeline) -> None:
        _fill(pipeline, name=fact.pipeline_name, branch=fact.branch, commit_sha=fact.commit_sha)

    pipeline, _ = _upsert(
        Pipeline,
        {"integration": integration, "external_id": fact.pipeline_id},
        {"provider": integration.provider, "repository": fact.repository},
        merge,
    )
    return _apply_job(pipeline, fact)


def servers_for(integration: Integration, environment: str, service: str) -> list[int]:
    """The servers the integration's server mapping names for this environment and service."""
    hostnames: set[str] = set()
    tags: set[str] = set()
    for entry in integration.server_mapping or []:
        if entry.get("environment") not in ("", None, environment):
            continue
        if entry.get("service") not in ("", None, service):
            continue
        hostnames.update(h.lower() for h in entry.get("hostnames") or [])
        tags.update(entry.get("tags") or [])
    if not hostnames and not tags:
        return []
    query = Q(tags__name__in=sorted(tags)) if tags else Q(pk__in=[])
    for hostname in sorted(hostnames):
        query |= Q(hostname__iexact=hostname) | Q(name__iexact=hostname)
    return sorted(set(Server.objects.filter(query).values_list("pk", flat=True)))


class ServerMap:
    """:func:`servers_for`, read once per batch of deliveries for each integration, environment
    and service: a batch's deployments mostly share them, and each read was a query of the
    worker's per deployment. Within the batch's transaction, as the audience is."""

    def __init__(self) -> None:
        self._found: dict[tuple[int, str, str], list[int]] = {}

    def servers(self, integration: Integration, environment: str, service: str) -> list[int]:
        key = (integration.pk, environment, service)
        if key not in self._found:
            self._found[key] = servers_for(integration, environment, service)
        return self._found[key]


def apply_deployment(
    integration: Integration,
    fact: DeploymentFact,
    audience: Audience | None = None,
    server_map: ServerMap | None = None,
) -> Deployment:
    def merge(deployment: Deployment) -> None:
        if fact.status is not None and _wins(deployment, fact.status, fact.status_at):
            deployment.status, deployment.status_at = fact.status, fact.status_at
            deployment.finished_at = fact.finished_at if fact.status in TERMINAL_DEPLOYMENT else None
        deployment.started_at = _earliest(deployment.started_at, fact.started_at)
        deployment.first_commit_at = _earliest(deployment.first_commit_at, fact.first_commit_at)
        _fill(
            deployment, repository=fact.repository, ref=fact.ref, sha=fact.sha, url=fact.url,
            description=fact.description,
        )  # fmt: skip

    environment = integration.environment_for(fact.environment)
    deployment, created = _upsert(
        Deployment,
        {"integration": integration, "external_id": fact.external_id},
        {
            "provider": integration.provider, "service": fact.service, "environment": environment,
            "provider_environment": fact.environment,
        },
        merge,
    )  # fmt: skip
    servers = (server_map or ServerMap()).servers(integration, deployment.environment, deployment.service)
    if not created:
        deployment.servers.set(servers)
    elif servers:  # a new deployment has none to compare with: one INSERT, no read
        deployment.servers.add(*servers)
    _announced(deployment, announce.deployment_changed(deployment, audience))
    return deployment


def apply(
    integration: Integration, facts: list[Fact], audience: Audience | None = None, server_map: ServerMap | None = None
) -> None:
    for fact in facts:
        if isinstance(fact, PipelineFact):
            apply_pipeline(integration, fact, audience)
        elif isinstance(fact, JobFact):
            apply_job(integration, fact)
        else:
            apply_deployment(integration, fact, audience, server_map)


def process_delivery(delivery: Delivery, audience: Audience | None = None, server_map: ServerMap | None = None) -> bool:
    """Apply one accepted delivery in a savepoint of the caller's transaction; False if it
    could not be (its ``process_error`` says why, and nothing of it is kept). The caller marks
    it processed."""
    integration = delivery.integration
    try:
        with transaction.atomic():
            _apply_delivery(delivery, audience, server_map)
        return True
    except (MissingFields, UnknownEvent, ValueError) as exc:  # accepted by an older reader
        delivery.process_error = str(exc)[:500]
    except Exception as exc:
        logger.exception("Delivery %s of integration %s could not be applied", delivery.pk, integration.pk)
        delivery.process_error = f"{type(exc).__name__}: {exc}"[:500]
    return False


def _apply_delivery(delivery: Delivery, audience: Audience | None, server_map: ServerMap | None) -> None:
    integration = delivery.integration
    apply(integration, parse(integration.provider, delivery.event, json.loads(delivery.body)), audience, server_map)


def _apply_batch(batch: list[Delivery], audience: Audience, server_map: ServerMap) -> list[Delivery]:
    """Apply ``batch`` in the caller's transaction; the deliveries that could not be applied.

    All of it in one savepoint first: a savepoint per delivery was two of the worker's seven
    or eight statements per delivery (bench/README.md, session 20). If any delivery fails,
    that savepoint is rolled back (with the webhook events and broadcasts it registered) and
    the batch is applied again one savepoint per delivery, as before, so a bad delivery costs
    only itself."""
    try:
        with transaction.atomic():
            for delivery in batch:
                _apply_delivery(delivery, audience, server_map)
        return []
    except Exception:  # any failure: the careful pass below names and logs it
        return [delivery for delivery in batch if not process_delivery(delivery, audience, server_map)]


def process_pending(limit: int = 2000) -> int:
    """Apply accepted deliveries not yet applied, oldest first, in batches claimed with
    ``SKIP LOCKED`` (several workers share them). Returns how many were applied."""
    done = 0
    while done < limit:
        with transaction.atomic():
            batch = list(
                Delivery.objects.unprocessed()
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("integration")
                .order_by("received_at", "pk")[:BATCH]
            )
            if not batch:
                break
            now = timezone.now()
            failed = _apply_batch(batch, Audience.now(), ServerMap())
            for delivery in failed:
                Delivery.objects.filter(pk=delivery.pk).update(processed_at=now, process_error=delivery.process_error)
            failed_pks = {delivery.pk for delivery in failed}
            Delivery.objects.filter(pk__in=[d.pk for d in batch if d.pk not in failed_pks]).update(processed_at=now)
        done += len(batch)
        if len(batch) < BATCH:
            break
    return done
