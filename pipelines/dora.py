"""DORA metrics from the hub's own records: deployments received from CI, the pipelines that
name their commits, and the hub's alerts on the servers a deployment touched.

- Deployment frequency: successful deployments to the environment per day of the range.
- Lead time for changes: from the first commit of the change to its successful deployment
  (median). The first commit is the one the deployment names (our format, CDEvents), else the
  earliest commit seen by the repository's pipelines after the previous successful deployment's
  commit, up to the deployed one.
- Change failure rate: finished deployments that failed, were rolled back, or were followed by
  an alert on one of their servers within the failure window, over all finished deployments.
- Time to restore: for an alert, from its firing to its resolution; for a failed or rolled-back
  deployment, to the next successful deployment of the service (median).

Whatever makes a metric empty or partial is said in ``diagnostics``, one entry per cause."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from alerts.models import Alert
from pipelines.choices import DeploymentStatus
from pipelines.models import Deployment, Integration, Pipeline

FAILED = (DeploymentStatus.FAILED, DeploymentStatus.ROLLED_BACK)
METRICS = ("deployment_frequency", "lead_time", "change_failure_rate", "time_to_restore")


@dataclass
class Change:
    """One finished deployment, judged."""

    deployment: Deployment
    succeeded: bool
    failed: bool = False
    lead_time: float | None = None
    restore: float | None = None
    restored: bool = True
    has_servers: bool = False


@dataclass
class Query:
    start: datetime
    end: datetime
    environment: str
    service: str | None = None
    bucket_days: int = 7
    window: timedelta = field(default_factory=lambda: timedelta(minutes=settings.DORA_FAILURE_WINDOW_MINUTES))


def _median(values: list[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _end(deployment: Deployment) -> datetime:
    assert deployment.finished_at is not None  # finished deployments only
    return deployment.finished_at


def _first_commit(deployment: Deployment, previous: Deployment | None) -> datetime | None:
    if deployment.first_commit_at:
        return deployment.first_commit_at
    if not deployment.repository or not deployment.sha:
        return None
    runs = Pipeline.objects.filter(repository__iexact=deployment.repository, commit_timestamp__isnull=False)
    head = runs.filter(commit_sha=deployment.sha).order_by("commit_timestamp").first()
    if head is None or head.commit_timestamp is None:
        return None
    earliest = head.commit_timestamp
    if previous is not None and previous.sha:
        before = runs.filter(commit_sha=previous.sha).order_by("commit_timestamp").first()
        floor = before.commit_timestamp if before else None
        changes = runs.filter(commit_timestamp__lte=head.commit_timestamp)
        if floor is not None:
            changes = changes.filter(commit_timestamp__gt=floor)
        else:
            changes = changes.filter(commit_timestamp__gt=_end(previous))
        first = changes.order_by("commit_timestamp").values_list("commit_timestamp", flat=True).first()
        earliest = min(earliest, first) if first else earliest
    return earliest


def judge(query: Query, start: datetime, end: datetime) -> list[Change]:
    """The finished deployments of ``[start, end)``, each judged."""
    base = Deployment.objects.filter(environment=query.environment)
    if query.service:
        base = base.filter(service=query.service)
    finished = list(
        base.finished()
        .filter(finished_at__gte=start, finished_at__lt=end)
        .prefetch_related("servers")
        .order_by("finished_at", "pk")
    )
    successes = list(base.filter(status=DeploymentStatus.SUCCESS, finished_at__isnull=False).order_by("finished_at"))
    server_ids = {s.pk for d in finished for s in d.servers.all()}
    alerts_by_server: dict[int, list[Alert]] = defaultdict(list)
    if server_ids:
        latest = end + query.window
        for alert in Alert.objects.filter(server_id__in=server_ids, fired_at__gte=start, fired_at__lt=latest).order_by(
            "fired_at", "pk"
        ):
            alerts_by_server[alert.server_id].append(alert)
    changes: list[Change] = []
    for deployment in finished:
        assert deployment.finished_at is not None
        servers = [s.pk for s in deployment.servers.all()]
        change = Change(deployment, succeeded=deployment.status == DeploymentStatus.SUCCESS, has_servers=bool(servers))
        same_service = [d for d in successes if d.service == deployment.service]
        if change.succeeded:
            previous = next((d for d in reversed(same_service) if _end(d) < deployment.finished_at), None)
            first = _first_commit(deployment, previous)
            if first is not None:
                change.lead_time = max(0.0, (deployment.finished_at - first).total_seconds())
            until = deployment.finished_at + query.window
            hits = [a for pk in servers for a in alerts_by_server[pk] if deployment.finished_at <= a.fired_at < until]
            if hits:
                alert = min(hits, key=lambda a: (a.fired_at, a.pk))
                change.failed = True
                change.restored = alert.resolved_at is not None
                if alert.resolved_at is not None:
                    change.restore = (alert.resolved_at - alert.fired_at).total_seconds()
        else:
            change.failed = True
            after = next((d for d in same_service if _end(d) > deployment.finished_at), None)
            change.restored = after is not None
            if after is not None:
                change.restore = (_end(after) - deployment.finished_at).total_seconds()
        changes.append(change)
    return changes


def figures(changes: list[Change], days: float) -> dict[str, Any]:
    successes = [c for c in changes if c.succeeded]
    failures = [c for c in changes if c.failed]
    lead = [c.lead_time for c in successes if c.lead_time is not None]
    restore = [c.restore for c in failures if c.restore is not None]
    return {
        "deployments": len(changes),
        "successful_deployments": len(successes),
        "failures": len(failures),
        "deployment_frequency": len(successes) / days if days > 0 else None,
        "lead_time": _median(lead),
        "change_failure_rate": len(failures) / len(changes) if changes else None,
        "time_to_restore": _median(restore),
    }


def _diagnostic(code: str, metrics: tuple[str, ...], message: str) -> dict[str, Any]:
    return {"code": code, "metrics": list(metrics), "message": message}


def diagnostics(query: Query, changes: list[Change], now: datetime) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if not Integration.objects.exists():
        return [_diagnostic("no_integrations", METRICS, "No CI integration is configured: nothing sends deployments.")]
    if not Deployment.objects.exists():
        providers = ", ".join(sorted(set(Integration.objects.values_list("provider", flat=True))))
        return [
            _diagnostic(
                "no_deployment_events",
                METRICS,
                f"No integration ({providers}) has sent a deployment yet. GitHub sends deployment events only "
                "for jobs that name an environment; GitLab for jobs with an environment; CDEvents as service.*.",
            )
        ]
    envs = sorted(set(Deployment.objects.values_list("environment", flat=True)))
    if query.environment not in envs:
        return [
            _diagnostic(
                "no_deployments_in_environment",
                METRICS,
                f"No deployment is mapped to the {query.environment!r} environment; deployments name "
                f"{', '.join(repr(e) for e in envs)}. Map them in the integration's environment mapping.",
            )
        ]
    in_range = Deployment.objects.filter(environment=query.environment)
    if query.service:
        in_range = in_range.filter(service=query.service)
    running = in_range.filter(
        status__in=[DeploymentStatus.QUEUED, DeploymentStatus.RUNNING],
        started_at__gte=query.start,
        started_at__lt=query.end,
    ).count()
    if running:
        found.append(
            _diagnostic(
                "unfinished_deployments",
                METRICS,
                f"{running} deployment(s) in the range have not finished and are not counted yet.",
            )
        )
    if not changes:
        found.append(
            _diagnostic(
                "no_deployments_in_range",
                METRICS,
                f"No deployment to {query.environment!r} finished between {query.start.isoformat()} and "
                f"{query.end.isoformat()}.",
            )
        )
        return found
    successes = [c for c in changes if c.succeeded]
    no_commit = [c for c in successes if c.lead_time is None]
    if no_commit:
        found.append(
            _diagnostic(
                "commits_lack_timestamps",
                ("lead_time",),
                f"{len(no_commit)} of {len(successes)} successful deployment(s) have no time for their first "
                "commit (no pipeline reported the deployed commit, or the deployment names no commit): "
                "lead time leaves them out.",
            )
        )
    unmapped = [c for c in changes if not c.has_servers]
    if unmapped:
        found.append(
            _diagnostic(
                "no_servers_mapped",
                ("change_failure_rate", "time_to_restore"),
                f"{len(unmapped)} of {len(changes)} deployment(s) touched no known server (no hostname or tag "
                "mapping matches): alerts after them cannot count as failures.",
            )
        )
    open_window = [c for c in successes if c.deployment.finished_at and c.deployment.finished_at + query.window > now]
    if open_window:
        found.append(
            _diagnostic(
                "failure_window_open",
                ("change_failure_rate",),
                f"{len(open_window)} deployment(s) finished less than {int(query.window.total_seconds() // 60)} "
                "minutes ago: an alert may still make them failures.",
            )
        )
    failures = [c for c in changes if c.failed]
    if not failures:
        found.append(
            _diagnostic("no_failures", ("time_to_restore",), "No change failed in the range: nothing to restore.")
        )
    unrestored = [c for c in failures if not c.restored]
    if unrestored:
        found.append(
            _diagnostic(
                "unrestored_failures",
                ("time_to_restore",),
                f"{len(unrestored)} of {len(failures)} failure(s) are not restored yet (alert still open, or no "
                "successful deployment since): time to restore leaves them out.",
            )
        )
    return found


def report(query: Query, now: datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    span = query.end - query.start
    days = span.total_seconds() / 86400
    changes = judge(query, query.start, query.end)
    overall = figures(changes, days)
    previous = figures(judge(query, query.start - span, query.start), days)
    trend = []
    step = timedelta(days=query.bucket_days)
    cursor = query.start
    while cursor < query.end:
        upper = min(cursor + step, query.end)
        bucket = [c for c in changes if cursor <= c.deployment.finished_at < upper]  # type: ignore[operator]
        trend.append({"start": cursor, "end": upper, **figures(bucket, (upper - cursor).total_seconds() / 86400)})
        cursor = upper
    by_service = []
    for service in sorted({c.deployment.service for c in changes}):
        mine = [c for c in changes if c.deployment.service == service]
        by_service.append({"service": service, "environment": query.environment, **figures(mine, days)})
    return {
        "start": query.start,
        "end": query.end,
        "environment": query.environment,
        "service": query.service,
        "failure_window_minutes": int(query.window.total_seconds() // 60),
        **overall,
        "previous": previous,
        "trend": trend,
        "by_service": by_service,
        "diagnostics": diagnostics(query, changes, now),
    }
