"""A deployment's rollout restart (``kubectl rollout restart``): operators and admins, on a
cluster whose owner enabled actions, held for a second person where the ``k8s_restart``
approval policy asks, audited like a command. It goes through the agent in the cluster (push:
the agent must run with ``--kubernetes-allow-restart``) or the registered credentials (pull:
the API server refuses what their role does not allow, and the row says so)."""

from __future__ import annotations

import time

from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied

from accounts.actor import Actor
from accounts.choices import Role
from accounts.services import record_audit
from agents.events import agent_group
from approvals.services import gate
from chatops.api.exceptions import Conflict
from chatops.realtime import bridge
from k8s.models import Cluster, Mode, RolloutRestart
from servers.choices import ServerStatus

Status = RolloutRestart.Status
KIND = "k8s_restart"


class ActionsDisabled(Conflict):
    default_detail = "Actions are not enabled on this cluster."
    default_code = "actions_disabled"


def _finish(restart: RolloutRestart, status: str, detail: str = "", stamp: str = "") -> RolloutRestart:
    restart.status, restart.detail, restart.restarted_at = status, detail[:500], stamp
    restart.finished_at = timezone.now()
    restart.save(update_fields=["status", "detail", "restarted_at", "finished_at"])
    return restart


def request_restart(
    actor: Actor, cluster: Cluster, namespace: str, deployment: str, *, approved: bool = False
) -> RolloutRestart:
    """Restart ``namespace/deployment`` and return its row once final (or timed out)."""
    if not actor.has_role(Role.OPERATOR):
        raise PermissionDenied("Only operators and admins restart deployments.")
    if not cluster.actions_enabled:
        how = (
            "the agent runs without --kubernetes-allow-restart"
            if cluster.mode == Mode.PUSH
            else "an admin has not enabled them"
        )
        raise ActionsDisabled(f"Actions are not enabled on cluster {cluster.name} ({how}).")
    if not approved:
        payload = {"server_id": cluster.server_id, "cluster_id": cluster.pk, "namespace": namespace,
                   "deployment": deployment}  # fmt: skip
        gate(actor, KIND, payload, f"Restart deployment {namespace}/{deployment} on cluster {cluster.name}")
    with transaction.atomic():
        restart = RolloutRestart.objects.create(
            cluster=cluster, namespace=namespace, deployment=deployment, requested_by=actor.user
        )
        record_audit(
            "kubernetes.rollout_restart", actor=actor, target=cluster,
            details={"namespace": namespace, "deployment": deployment, "restart": restart.pk, "approved": approved},
        )  # fmt: skip
    if cluster.mode == Mode.PULL:
        return _restart_pulled(cluster, restart)
    return _restart_pushed(cluster, restart)


def _restart_pulled(cluster: Cluster, restart: RolloutRestart) -> RolloutRestart:
    from rest_framework.exceptions import ValidationError

    from chatops import net
    from chatops_agent import kube
    from k8s.services import allow_private, pull_client

    with net.guarded(allow_private=allow_private()) as guard:
        try:
            api = pull_client(cluster)
            try:
                stamp = kube.restart_deployment(
                    api, restart.namespace, restart.deployment, timeout=settings.K8S_REQUEST_TIMEOUT_SECONDS
                )
            finally:
                api.close()
        except (kube.KubeError, ValidationError) as exc:
            detail = guard.refused[0] if guard.refused else str(getattr(exc, "detail", exc))
            return _finish(restart, Status.FAILED, detail)
    return _finish(restart, Status.SUCCEEDED, "", stamp)


def _restart_pushed(cluster: Cluster, restart: RolloutRestart) -> RolloutRestart:
    if cluster.server.status != ServerStatus.ONLINE:
        return _finish(restart, Status.AGENT_OFFLINE, "the cluster's agent is not connected")
    layer = get_channel_layer()
    assert layer is not None
    frame = {"type": "kubernetes.restart", "id": str(restart.pk), "namespace": restart.namespace,
             "deployment": restart.deployment}  # fmt: skip
    RolloutRestart.objects.filter(pk=restart.pk).update(status=Status.SENT)
    bridge.call(layer.group_send, agent_group(cluster.server_id), {"type": "agent.send", "frame": frame})
    deadline = time.monotonic() + settings.K8S_ACTION_WAIT_SECONDS
    while time.monotonic() < deadline:
        restart.refresh_from_db()
        if restart.is_final:
            return restart
        time.sleep(0.1)
    with transaction.atomic():
        restart = RolloutRestart.objects.select_for_update().get(pk=restart.pk)
        if not restart.is_final:
            _finish(restart, Status.TIMED_OUT, "the agent did not answer in time")
    return restart


def apply_result(server_id: int, restart_id: int, ok: bool, detail: str, stamp: str, rejected: bool) -> bool:
    """The agent's answer (``kubernetes.result``) to a restart it was sent; only for its own cluster."""
    with transaction.atomic():
        restart = RolloutRestart.objects.select_for_update().filter(pk=restart_id, cluster__server_id=server_id).first()
        if restart is None or restart.is_final:
            return False
        status = Status.SUCCEEDED if ok else Status.REJECTED if rejected else Status.FAILED
        _finish(restart, status, detail, stamp if ok else "")
    return True
