"""The built-in Kubernetes alerts, on the ``alerts`` app's Alert and lifecycle: a node not
Ready, a pod in CrashLoopBackOff (or restarting more than K8S_RESTART_ALERT_COUNT times in
K8S_RESTART_ALERT_MINUTES), a cluster unreachable. Each is an alert on the cluster's server, so
routing, silences, acknowledgement and resolution work as for any alert; ``AlertSubject`` says
which node or pod an open alert stands for. A snapshot raises what began and resolves what
recovered, in its own transaction (under the cluster's row lock)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from alerts.models import OPEN, Alert, AlertKind
from alerts.services.lifecycle import AlertEvent, close, live, notify
from alerts.services.silencing import ActiveSilences, active_silences, silence_new_alert
from chatops.realtime import publish_after_commit
from k8s.models import AlertSubject, Cluster, RestartCount

CLUSTER = "cluster"


def _fire(
    cluster: Cluster, kind: str, subject: str, name: str, message: str, severity: str, started_at: datetime,
    silences: ActiveSilences,
) -> AlertEvent:  # fmt: skip
    alert = Alert.objects.create(
        kind=kind,
        server_id=cluster.server_id,
        name=name[:100],
        severity=severity,
        message=message[:300],
        started_at=started_at,
        last_notified_at=timezone.now(),
        notifications_sent=1,
    )
    alert = Alert.objects.select_related("server", "acknowledged_by", "resolved_by").get(pk=alert.pk)
    AlertSubject.objects.create(cluster=cluster, subject=subject[:330], alert=alert)
    silence_new_alert(alert, silences)
    return notify(alert, "alert.created")


def _open(cluster: Cluster) -> dict[str, Alert]:
    """The cluster's open alerts by subject (a subject whose alert was resolved by hand is
    forgotten, so it may fire again)."""
    rows = AlertSubject.objects.filter(cluster=cluster).select_related(
        "alert", "alert__server", "alert__acknowledged_by", "alert__resolved_by"
    )
    found: dict[str, Alert] = {}
    stale: list[int] = []
    for row in rows:
        if row.alert.status in OPEN:
            found[row.subject] = row.alert
        else:
            stale.append(row.pk)
    if stale:
        AlertSubject.objects.filter(pk__in=stale).delete()
    return found


def restart_rises(cluster: Cluster, now: datetime) -> dict[tuple[str, str], int]:
    """Each pod's restarts within the window (older rises are dropped here)."""
    cutoff = now - timedelta(minutes=settings.K8S_RESTART_ALERT_MINUTES)
    RestartCount.objects.filter(cluster=cluster, seen_at__lt=cutoff).delete()
    rows = (
        RestartCount.objects.filter(cluster=cluster)
        .values("namespace", "name")
        .annotate(total=Sum("increase"))
        .filter(total__gt=settings.K8S_RESTART_ALERT_COUNT)
    )
    return {(row["namespace"], row["name"]): int(row["total"]) for row in rows}


def evaluate_snapshot(
    cluster: Cluster, nodes: list[dict[str, Any]], pods: list[dict[str, Any]], now: datetime
) -> list[AlertEvent]:
    """Inside the snapshot's transaction: what the snapshot says fires, the rest resolves."""
    from chatops_agent.kube import is_failing

    wanted: dict[str, tuple[str, str, str]] = {}
    for node in nodes:
        if not node["ready"]:
            wanted[f"node/{node['name']}"] = (
                AlertKind.K8S_NODE_NOT_READY,
                f"Node {node['name']} {node['status']}",
                f"{cluster.name}: node {node['name']} is {node['status']}",
            )
    rises = restart_rises(cluster, now)
    for pod in pods:
        key = (pod["namespace"], pod["name"])
        subject = f"pod/{pod['namespace']}/{pod['name']}"
        if pod["status"] == "CrashLoopBackOff" or (
            is_failing(pod["status"], pod["phase"]) and pod["status"] != "Pending"
        ):
            wanted[subject] = (
                AlertKind.K8S_POD_FAILING,
                f"Pod {pod['namespace']}/{pod['name']} {pod['status']}",
                f"{cluster.name}: pod {pod['namespace']}/{pod['name']} is {pod['status']} ({pod['restarts']} restarts)",
            )
        elif key in rises:
            wanted[subject] = (
                AlertKind.K8S_POD_FAILING,
                f"Pod {pod['namespace']}/{pod['name']} restarting",
                f"{cluster.name}: pod {pod['namespace']}/{pod['name']} restarted {rises[key]} times in "
                f"{settings.K8S_RESTART_ALERT_MINUTES} min",
            )
    is_open = _open(cluster)
    events: list[AlertEvent] = []
    silences: ActiveSilences | None = None
    for subject, alert in is_open.items():
        if subject not in wanted:
            comment = "the cluster answers again" if subject == CLUSTER else "recovered"
            events.append(close(alert, by=None, comment=comment, at=now))
            AlertSubject.objects.filter(alert=alert).delete()
    for subject, (kind, name, message) in wanted.items():
        if subject in is_open:
            continue
        if silences is None:
            silences = active_silences(now)
        events.append(_fire(cluster, kind, subject, name, message, settings.K8S_ALERT_SEVERITY, now, silences))
    return events


def evaluate_unreachable(now: datetime | None = None) -> dict[str, int]:
    """Job: raise ``k8s.unreachable`` for clusters without a snapshot for
    K8S_UNREACHABLE_SECONDS (snapshots resolve it)."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.K8S_UNREACHABLE_SECONDS)
    counts = {"raised": 0}
    events: list[AlertEvent] = []
    with transaction.atomic():
        flagged = AlertSubject.objects.filter(subject=CLUSTER, alert__status__in=OPEN).values("cluster_id")
        silent = (
            Cluster.objects.select_for_update(skip_locked=True)
            .exclude(pk__in=flagged)
            .filter(last_snapshot_at__lt=cutoff)
        ) | Cluster.objects.select_for_update(skip_locked=True).exclude(pk__in=flagged).filter(
            last_snapshot_at__isnull=True, created_at__lt=cutoff
        )
        silences: ActiveSilences | None = None
        for cluster in silent.order_by("pk"):
            since = cluster.last_snapshot_at or cluster.created_at
            minutes = max(1, round((now - since).total_seconds() / 60))
            why = f" ({cluster.last_error})" if cluster.last_error else ""
            if silences is None:
                silences = active_silences(now)
            events.append(
                _fire(
                    cluster, AlertKind.K8S_UNREACHABLE, CLUSTER, f"Cluster {cluster.name} unreachable",
                    f"{cluster.name}: no snapshot for {minutes} min{why}", settings.K8S_UNREACHABLE_SEVERITY,
                    since, silences,
                )
            )  # fmt: skip
            counts["raised"] += 1
        publish_after_commit(live(events))
    return counts
