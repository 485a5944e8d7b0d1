"""The agent socket's Kubernetes frames (registered with ``agents.frames``): snapshots from an
agent running ``--kubernetes`` (push), and its answers to rollout restarts.

A snapshot of a large cluster is larger than one frame may be (``max_frame_bytes``, 1 MiB), so
the agent sends it in parts: part 0 carries the cluster's fields, nodes and namespaces, every
part a slice of the pods. The hub keeps the parts of one snapshot per socket and stores the
snapshot once the last part came; a part out of order drops it (the next one starts afresh).
Nothing of it is buffered by the agent: a lost snapshot is replaced by the next one.
"""

from __future__ import annotations

import re
from typing import Any

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.db import close_old_connections, connection

from agents.frames import FrameContext, FrameRefused, register_frame
from k8s import actions, services
from k8s.snapshot import MAX_PODS, SnapshotInvalid, parse

SNAPSHOT = "kubernetes.snapshot"
RESULT = "kubernetes.result"
CAPABILITY = "kubernetes"
CAN_RESTART = "kubernetes.restart"
MAX_PARTS = 1000
NAME = re.compile(r"^[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?$")


def _store(server_id: int, name: str, can_restart: bool, head: dict[str, Any], pods: list[Any]) -> int:
    """In a thread of its own, not the process's one database thread: a 20,000-pod snapshot
    takes seconds, which would hold up every other agent's frames on this process."""
    close_old_connections()
    try:
        snap = parse(head, pods=pods)
        cluster = services.cluster_for_agent(server_id, name, actions=can_restart)
        return services.record_snapshot(cluster.pk, snap).pk
    finally:
        connection.close()


async def on_snapshot(context: FrameContext, frame: dict[str, Any]) -> dict[str, Any] | None:
    if CAPABILITY not in context.capabilities:
        raise FrameRefused("invalid_frame", "kubernetes.snapshot from an agent without the kubernetes capability")
    name, snapshot_id = frame.get("cluster"), frame.get("id")
    part: Any = frame.get("part")
    parts: Any = frame.get("parts")
    if not isinstance(name, str) or not NAME.match(name):
        raise FrameRefused("invalid_frame", "cluster: a name of 1-63 lowercase letters, digits, '-', '_' or '.'")
    if not isinstance(snapshot_id, str) or not 1 <= len(snapshot_id) <= 64:
        raise FrameRefused("invalid_frame", "id: a text of 1 to 64 characters")
    if any(isinstance(v, bool) or not isinstance(v, int) for v in (part, parts)) or not 0 <= part < parts <= MAX_PARTS:
        raise FrameRefused("invalid_frame", f"part and parts: 0 <= part < parts <= {MAX_PARTS}")
    pods = frame.get("pods")
    if not isinstance(pods, list):
        raise FrameRefused("invalid_frame", "pods: a list")
    state = context.state
    if part == 0:
        state["k8s"] = {"id": snapshot_id, "name": name, "head": frame, "pods": list(pods), "next": 1}
    else:
        pending = state.get("k8s")
        if not pending or pending["id"] != snapshot_id or pending["next"] != part or pending["name"] != name:
            state.pop("k8s", None)
            raise FrameRefused("invalid_frame", f"snapshot {snapshot_id[:64]}: part {part} out of order; dropped")
        pending["pods"].extend(pods)
        pending["next"] += 1
        if len(pending["pods"]) > MAX_PODS:
            state.pop("k8s", None)
            raise FrameRefused("invalid_frame", f"snapshot {snapshot_id[:64]}: more than {MAX_PODS} pods")
    pending = state["k8s"]
    if part + 1 < parts:
        return None
    state.pop("k8s", None)
    try:
        await sync_to_async(_store, thread_sensitive=False)(
            context.server_id, name, CAN_RESTART in context.capabilities, pending["head"], pending["pods"]
        )
    except SnapshotInvalid as exc:
        raise FrameRefused("invalid_frame", f"snapshot {snapshot_id[:64]}: {exc}") from None
    except services.ClusterRefused as exc:
        raise FrameRefused("forbidden", str(exc)) from None
    return {"type": "kubernetes.ack", "id": snapshot_id}


async def on_result(context: FrameContext, frame: dict[str, Any]) -> dict[str, Any] | None:
    raw_id, ok = frame.get("id"), frame.get("ok")
    if not isinstance(raw_id, str) or not raw_id.isdigit() or len(raw_id) > 18 or not isinstance(ok, bool):
        raise FrameRefused("invalid_frame", "kubernetes.result: id (a request's id) and ok (true or false)")
    detail, stamp = frame.get("detail") or "", frame.get("restarted_at") or ""
    if not isinstance(detail, str) or not isinstance(stamp, str):
        raise FrameRefused("invalid_frame", "kubernetes.result: detail and restarted_at are texts")
    await database_sync_to_async(actions.apply_result)(
        context.server_id, int(raw_id), ok, detail[:500], stamp[:40], bool(frame.get("rejected"))
    )
    return None


def register() -> None:
    """From ``K8sConfig.ready``."""
    register_frame(SNAPSHOT, on_snapshot)
    register_frame(RESULT, on_result)
