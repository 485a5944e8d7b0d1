"""The writes of the k8s app: a snapshot stored (push or pull), clusters registered, updated and
deleted by admins, and the poll of a registered cluster. Each write by a person takes an
``Actor``; rollout restarts are in ``k8s.actions``."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.services import record_audit
from alerts.services.lifecycle import live
from chatops import net
from chatops.realtime import publish_after_commit
from k8s import alerting
from k8s.models import Cluster, ClusterSample, Mode, Node, Pod, RestartCount
from k8s.snapshot import Snapshot
from servers.models import Server, Tag

logger = logging.getLogger(__name__)
BATCH = 2000


class ClusterRefused(Exception):
    """A push agent may not report this cluster (the name is another server's or registered for pull)."""


def _when(ts: float | None) -> datetime | None:
    return datetime.fromtimestamp(ts, UTC) if ts is not None else None


def _sum(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def cluster_for_agent(server_id: int, name: str, *, actions: bool) -> Cluster:
    """The push cluster ``name`` of the agent of ``server_id``, created at its first snapshot
    (the agent's key was issued by an admin for this server, as for enrolment)."""
    with transaction.atomic():
        cluster = Cluster.objects.select_for_update().filter(name__iexact=name).first()
        if cluster is None:
            cluster = Cluster.objects.filter(server_id=server_id).first()
            if cluster is not None:
                raise ClusterRefused(f"this server already reports cluster {cluster.name!r}")
            return Cluster.objects.create(name=name, mode=Mode.PUSH, server_id=server_id, actions_enabled=actions)
        if cluster.mode != Mode.PUSH or cluster.server_id != server_id:
            raise ClusterRefused(f"cluster {name!r} is reported by another server or polled by the hub")
        if cluster.actions_enabled != actions:
            cluster.actions_enabled = actions
            cluster.save(update_fields=["actions_enabled"])
        return cluster


def record_snapshot(cluster_id: int, snap: Snapshot, *, now: datetime | None = None) -> Cluster:
    """Replace the cluster's nodes and pods with the snapshot's, add its totals to the history,
    and raise or resolve its alerts: one transaction, under the cluster's row lock."""
    now = now or timezone.now()
    with transaction.atomic():
        cluster = Cluster.objects.select_for_update().get(pk=cluster_id)
        before = dict(
            ((ns, name), restarts)
            for ns, name, restarts in Pod.objects.filter(cluster=cluster).values_list("namespace", "name", "restarts")
        )
        rises = []
        for pod in snap.pods:
            old = before.get((pod["namespace"], pod["name"]))
            if old is not None and pod["restarts"] > old:
                rises.append(
                    RestartCount(cluster=cluster, namespace=pod["namespace"], name=pod["name"], seen_at=now,
                                 increase=pod["restarts"] - old)
                )  # fmt: skip
        RestartCount.objects.bulk_create(rises, batch_size=BATCH)
        Node.objects.filter(cluster=cluster).delete()
        Pod.objects.filter(cluster=cluster).delete()
        Node.objects.bulk_create(
            [Node(cluster=cluster, **{**n, "created": _when(n["created"])}) for n in snap.nodes], batch_size=BATCH
        )
        Pod.objects.bulk_create(
            [Pod(cluster=cluster, **{**p, "created": _when(p["created"])}) for p in snap.pods], batch_size=BATCH
        )
        from chatops_agent.kube import is_failing

        not_ready = sum(1 for n in snap.nodes if not n["ready"])
        failing = sum(1 for p in snap.pods if is_failing(p["status"], p["phase"]))
        ClusterSample.objects.create(
            cluster=cluster,
            ts=now,
            node_count=len(snap.nodes),
            nodes_ready=len(snap.nodes) - not_ready,
            pod_count=len(snap.pods),
            phases=dict(Counter(p["phase"] for p in snap.pods)),
            cpu=_sum([n["cpu"] for n in snap.nodes]) if snap.metrics else None,
            memory=_sum([n["memory"] for n in snap.nodes]) if snap.metrics else None,
            cpu_allocatable=_sum([n["cpu_allocatable"] for n in snap.nodes]),
            memory_allocatable=_sum([n["memory_allocatable"] for n in snap.nodes]),
        )
        cluster.version = snap.version or cluster.version
        cluster.last_snapshot_at = now
        cluster.metrics_available = snap.metrics
        cluster.node_count, cluster.nodes_not_ready = len(snap.nodes), not_ready
        cluster.pod_count, cluster.pods_failing = len(snap.pods), failing
        cluster.namespaces = snap.namespaces
        cluster.namespace_count = len(snap.namespaces)
        cluster.last_error = ""
        # A polled cluster's server row keeps no last_seen: its silence is k8s.unreachable,
        # not also server.offline.
        cluster.save()
        events = alerting.evaluate_snapshot(cluster, snap.nodes, snap.pods, now)
        publish_after_commit(live(events))
    return cluster


def prune_history(now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=settings.K8S_HISTORY_DAYS)
    deleted, _ = ClusterSample.objects.filter(ts__lt=cutoff).delete()
    return deleted


# --- Registered (pull) clusters -------------------------------------------------------------------


def _require_admin(actor: Actor) -> None:
    if not actor.has_role(Role.ADMIN):
        raise PermissionDenied("Only admins register Kubernetes clusters.")


def api_server_of(cluster: Cluster) -> str:
    """The API server's URL the cluster's credentials name (its kubeconfig's current context)."""
    if cluster.api_url:
        return cluster.api_url
    import yaml

    try:
        loaded = yaml.safe_load(cluster.kubeconfig) or {}
        context_name = loaded.get("current-context")
        contexts = {c["name"]: c["context"] for c in loaded.get("contexts") or []}
        clusters = {c["name"]: c["cluster"] for c in loaded.get("clusters") or []}
        context = contexts.get(context_name) or next(iter(contexts.values()))
        return str(clusters[context["cluster"]]["server"])
    except (yaml.YAMLError, AttributeError, KeyError, TypeError, StopIteration) as exc:
        raise ValidationError(
            {"kubeconfig": [f"Not a kubeconfig with a current context and its cluster: {exc}"]}
        ) from None


def check_target(url: str) -> None:
    """The house's rule for outgoing requests (``chatops.net``): http(s) only, and no private,
    loopback or metadata address unless OUTGOING_ALLOW_PRIVATE (or K8S_ALLOW_PRIVATE: an API
    server usually sits on a private network) allows it."""
    try:
        net.check_url(url, allow_private=allow_private())
    except net.UnsafeURL as exc:
        raise ValidationError({"api_url": [str(exc)]}) from None


def register_cluster(actor: Actor, *, name: str, tags: list[str], **fields: Any) -> Cluster:
    """A cluster the hub polls, with the server row that carries its visibility (tags) and alerts."""
    _require_admin(actor)
    if Cluster.objects.filter(name__iexact=name).exists() or Server.objects.filter(name__iexact=f"k8s:{name}").exists():
        raise ValidationError({"name": ["A cluster with this name exists."]})
    with transaction.atomic():
        server = Server.objects.create(
            name=f"k8s:{name}", hostname=f"{name}.k8s.invalid", description=f"Kubernetes cluster {name} (polled)",
            created_by=actor.user,
        )  # fmt: skip
        server.tags.set([Tag.objects.get_or_create(name=t)[0] for t in tags])
        cluster = Cluster(name=name, mode=Mode.PULL, server=server, created_by=actor.user, **fields)
        check_target(api_server_of(cluster))
        cluster.next_poll_at = timezone.now()
        cluster.save()
        record_audit("kubernetes.cluster.created", actor=actor, target=cluster, details={"name": name, "tags": tags})
    return cluster


def update_cluster(actor: Actor, cluster: Cluster, *, tags: list[str] | None = None, **fields: Any) -> Cluster:
    _require_admin(actor)
    with transaction.atomic():
        for key, value in fields.items():
            setattr(cluster, key, value)
        if cluster.mode == Mode.PULL and ({"api_url", "kubeconfig"} & set(fields)):
            check_target(api_server_of(cluster))
        cluster.save()
        if tags is not None:
            cluster.server.tags.set([Tag.objects.get_or_create(name=t)[0] for t in tags])
        changed = sorted(set(fields) - {"kubeconfig", "token"}) + [
            f"{k} (secret)" for k in ("kubeconfig", "token") if k in fields
        ]
        record_audit("kubernetes.cluster.updated", actor=actor, target=cluster, details={"changed": changed})
    return cluster


def delete_cluster(actor: Actor, cluster: Cluster) -> None:
    """The cluster and its data; a polled cluster's server row goes with it (a push cluster's
    server is the agent's and stays)."""
    _require_admin(actor)
    with transaction.atomic():
        record_audit("kubernetes.cluster.deleted", actor=actor, target=cluster, details={"name": cluster.name})
        if cluster.mode == Mode.PULL:
            cluster.server.delete()
        else:
            cluster.delete()


def allow_private() -> bool:
    return net.private_allowed() or bool(settings.K8S_ALLOW_PRIVATE)


def pull_client(cluster: Cluster) -> Any:
    """The official client for a registered cluster, once its address passed the guard."""
    from chatops_agent import kube

    url = api_server_of(cluster)
    check_target(url)
    if urlsplit(url).scheme not in ("http", "https"):
        raise kube.KubeError("the API server's URL is not http(s)")
    if cluster.kubeconfig:
        return kube.api_client(kubeconfig_text=cluster.kubeconfig)
    return kube.api_client(
        server=cluster.api_url, token=cluster.token, ca_cert=cluster.ca_cert or None, verify_tls=cluster.verify_tls
    )


def poll(cluster_id: int) -> bool:
    """One poll of a registered cluster: a stored snapshot, or the error kept on the cluster
    (no snapshot: the cluster turns unreachable once K8S_UNREACHABLE_SECONDS pass)."""
    from chatops_agent import kube
    from k8s.snapshot import SnapshotInvalid, parse

    cluster = Cluster.objects.get(pk=cluster_id)
    # The URL is checked before, and every connection the client makes inside (the name
    # resolved again, a redirect) by the guard: the same rule as every outgoing request.
    with net.guarded(allow_private=allow_private()) as guard:
        try:
            api = pull_client(cluster)
            try:
                raw = kube.collect(api, timeout=settings.K8S_REQUEST_TIMEOUT_SECONDS)
            finally:
                api.close()
            snap = parse(raw)
        except (kube.KubeError, ValidationError, SnapshotInvalid) as exc:
            error: Exception | None = exc
        else:
            error = None
    if error is not None:
        detail = error.detail if isinstance(error, ValidationError) else str(error)
        if guard.refused:
            detail = guard.refused[0]
        Cluster.objects.filter(pk=cluster_id).update(last_error=str(detail)[:500], last_error_at=timezone.now())
        logger.warning("Kubernetes cluster %s: %s", cluster.name, detail)
        return False
    record_snapshot(cluster_id, snap)
    return True


def poll_due(now: datetime | None = None, limit: int = 10) -> dict[str, int]:
    """Job: poll the registered clusters whose time has come; each is claimed (its next poll
    moved ahead) in PostgreSQL first, so two workers never poll one cluster at once."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Cluster.objects.select_for_update(skip_locked=True)
            .filter(mode=Mode.PULL, next_poll_at__lte=now)
            .order_by("next_poll_at")[:limit]
        )
        for cluster in due:
            cluster.next_poll_at = now + timedelta(seconds=cluster.poll_interval_seconds)
            cluster.save(update_fields=["next_poll_at"])
    counts = {"polled": 0, "failed": 0}
    for cluster in due:
        counts["polled" if poll(cluster.pk) else "failed"] += 1
    return counts
