"""How k8s carries out a rollout restart a second person approved (``approvals.registry``)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from accounts.actor import Actor
from k8s.actions import KIND, request_restart
from k8s.models import Cluster


def restart(actor: Actor, payload: dict[str, Any]) -> dict[str, Any]:
    user = actor.user
    clusters = Cluster.objects.visible_to(user) if user is not None else Cluster.objects.all()
    cluster = get_object_or_404(clusters, pk=int(payload["cluster_id"]))
    row = request_restart(actor, cluster, str(payload["namespace"]), str(payload["deployment"]), approved=True)
    if row.status != row.Status.SUCCEEDED:
        raise RuntimeError(f"The restart ended {row.status}: {row.detail}")
    return {"restart_id": row.pk, "status": row.status, "restarted_at": row.restarted_at}


def register() -> None:
    """From ``K8sConfig.ready``."""
    from approvals.registry import register_kind

    register_kind(KIND, "Restart a Kubernetes deployment", restart)
