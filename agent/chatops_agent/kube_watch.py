"""``--kubernetes``: a snapshot of the cluster every ``--kubernetes-interval`` seconds, sent in
``kubernetes.snapshot`` parts over the hub link, and rollout restarts when the hub asks and
``--kubernetes-allow-restart`` allows (docs/agent-protocol.md, "Kubernetes").

Snapshots are not data frames: no seq, never in the on-disk buffer. One that cannot be sent
(the link is down) is dropped; the next one replaces it.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from typing import Any

from chatops_agent import kube
from chatops_agent.config import Settings
from chatops_agent.protocol import dumps

log = logging.getLogger(__name__)
SNAPSHOT = "kubernetes.snapshot"
RESULT = "kubernetes.result"


def split(snapshot: dict[str, Any], cluster: str, budget: int) -> list[dict[str, Any]]:
    """The snapshot as frames of at most about ``budget`` bytes each: part 0 carries the
    cluster's fields, nodes and namespaces; every part a slice of the pods."""
    snapshot_id = uuid.uuid4().hex[:16]
    head = {k: v for k, v in snapshot.items() if k != "pods"}
    frames: list[dict[str, Any]] = []
    current: list[dict[str, Any]] = []
    size = len(dumps(head).encode()) + 200
    for pod in snapshot["pods"]:
        pod_size = len(dumps(pod).encode()) + 1
        if current and size + pod_size > budget:
            frames.append({"pods": current})
            current, size = [], 200
        current.append(pod)
        size += pod_size
    frames.append({"pods": current})
    frames[0] = {**head, **frames[0]}
    return [
        {"type": SNAPSHOT, "cluster": cluster, "id": snapshot_id, "part": i, "parts": len(frames), **frame}
        for i, frame in enumerate(frames)
    ]


class KubeWatcher:
    """Reads the cluster on a schedule and answers the hub's restart requests."""

    def __init__(self, settings: Settings, send: Callable[..., None], max_frame_bytes: Callable[[], int]) -> None:
        self.settings = settings
        self._send = send
        self._max_frame_bytes = max_frame_bytes
        self._api: Any = None
        self._tasks: set[asyncio.Task[None]] = set()

    def _client(self) -> Any:
        if self._api is None:
            if self.settings.kubeconfig:
                self._api = kube.api_client(kubeconfig=self.settings.kubeconfig)
            else:
                self._api = kube.api_client(in_cluster=True)
        return self._api

    async def run(self) -> None:
        interval = self.settings.kubernetes_interval
        failing = False
        while True:
            try:
                snapshot = await asyncio.to_thread(lambda: kube.collect(self._client()))
            except kube.KubeError as exc:
                if not failing:  # once per outage
                    log.warning("reading the Kubernetes cluster failed: %s", exc)
                failing = True
            except Exception:
                log.exception("reading the Kubernetes cluster failed")
                failing = True
            else:
                if failing:
                    log.info("the Kubernetes cluster answers again")
                failing = False
                budget = int(min(self._max_frame_bytes(), 1 << 20) * 0.8)
                for frame in split(snapshot, self.settings.kubernetes_cluster, budget):
                    self._send(frame, live=True)
            await asyncio.sleep(interval)

    def handle_restart(self, frame: dict[str, Any]) -> None:
        """``kubernetes.restart`` from the hub: refused unless ``--kubernetes-allow-restart``."""
        request_id = str(frame.get("id"))[:64]
        namespace, name = frame.get("namespace"), frame.get("deployment")
        if not self.settings.kubernetes_allow_restart:
            why = "rollout restarts are disabled on this agent (--kubernetes-allow-restart)"
            self._send({"type": RESULT, "id": request_id, "ok": False, "rejected": True, "detail": why})
            return
        if not isinstance(namespace, str) or not isinstance(name, str) or not namespace or not name:
            self._send({"type": RESULT, "id": request_id, "ok": False, "detail": "namespace and deployment required"})
            return
        task = asyncio.get_running_loop().create_task(self._restart(request_id, namespace, name))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _restart(self, request_id: str, namespace: str, name: str) -> None:
        try:
            stamp = await asyncio.to_thread(lambda: kube.restart_deployment(self._client(), namespace, name))
        except kube.KubeError as exc:
            self._send({"type": RESULT, "id": request_id, "ok": False, "detail": str(exc)})
            return
        log.warning("rollout restart of deployment %s/%s, asked by the hub", namespace, name)
        self._send({"type": RESULT, "id": request_id, "ok": True, "restarted_at": stamp})
