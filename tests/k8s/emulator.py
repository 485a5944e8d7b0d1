"""A Kubernetes API server for tests: kmock's ``KubernetesEmulator`` on 127.0.0.1, in a thread
with its own event loop (our tests are synchronous; the official client is too).

Two gaps of kmock 0.8 are filled here, and only here: ``GET /version/`` (the client's
``VersionApi`` asks with the trailing slash) is answered, and ``/api/v1/namespaces`` is parsed
as the namespace list (kmock reads the word as a namespace segment and fails with a 500).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import kmock
from kmock import resource
from kmock._internal import parsing

NODES = resource("v1/nodes")
PODS = resource("v1/pods")
NAMESPACES = resource("v1/namespaces")
DEPLOYMENTS = resource("apps/v1/deployments")
NODE_METRICS = resource("metrics.k8s.io/v1beta1/nodes")
POD_METRICS = resource("metrics.k8s.io/v1beta1/pods")
RESTARTED_AT_KEY = "kubectl.kubernetes.io/restartedAt"

_parse_path = parsing.parse_path


def _parse_namespaces_too(path: str) -> parsing.ParsedPath:
    if path.strip("/") == "api/v1/namespaces":
        return parsing.ParsedPath("", "v1", "namespaces", None, None, None)
    return _parse_path(path)


parsing.parse_path = _parse_namespaces_too

VERSION = {
    "major": "1",
    "minor": "30",
    "gitVersion": "v1.30.2",
    "gitCommit": "0000000000000000000000000000000000000000",
    "gitTreeState": "clean",
    "buildDate": "2024-06-11T00:00:00Z",
    "goVersion": "go1.22.4",
    "compiler": "gc",
    "platform": "linux/amd64",
}


class Cluster:
    """One emulated API server; ``url`` while started. Objects are added as the API has them."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="kmock")
        self.thread.start()
        self._run(self._start())

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    async def _start(self) -> None:
        self.kmock = kmock.KubernetesEmulator()
        await self.kmock.__aenter__()
        self.server = kmock.Server(self.kmock)
        await self.server.__aenter__()
        self.kmock["get /version/"] << VERSION
        self.kmock["get /version"] << VERSION
        # Declared, so that an empty list is a list (not a 404 "unknown resource").
        for res in (NODES, PODS, NAMESPACES, DEPLOYMENTS):
            self.kmock.resources[res] = {}  # type: ignore[assignment]  # kmock's stubs want a ResourceInfo

    @property
    def url(self) -> str:
        return str(self.server.url).rstrip("/")

    def stop(self) -> None:
        """The API server goes away (the port refuses connections). Once; again is a no-op."""
        if not self.thread.is_alive():
            return

        async def stop() -> None:
            # Not ``Server.__aexit__``: its aiohttp resolver hook (which our clients never use)
            # must be undone in the reverse order of starting, which two emulators in one test
            # do not keep.
            server = self.server
            assert server._managed_client is not None and server._managed_server is not None
            await server._managed_client.close()
            await server._managed_server.close()
            await self.kmock.__aexit__(None, None, None)

        self._run(stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    # --- objects -----------------------------------------------------------------------------

    def put(self, res: Any, namespace: str | None, name: str, obj: dict[str, Any]) -> None:
        self.kmock.objects[res, namespace, name] = obj

    def node(self, name: str, *, ready: bool = True, cpu: str = "4", memory: str = "8Gi") -> None:
        self.put(
            NODES,
            None,
            name,
            {
                "apiVersion": "v1",
                "kind": "Node",
                "metadata": {"name": name, "creationTimestamp": "2026-01-01T00:00:00Z"},
                "status": {
                    "conditions": [{"type": "Ready", "status": "True" if ready else "False"}],
                    "allocatable": {"cpu": cpu, "memory": memory},
                    "capacity": {"cpu": cpu, "memory": memory},
                },
            },
        )

    def namespace(self, name: str) -> None:
        self.put(NAMESPACES, None, name, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})

    def pod(
        self,
        namespace: str,
        name: str,
        *,
        node: str = "node-1",
        phase: str = "Running",
        ready: bool = True,
        restarts: int = 0,
        waiting: str | None = None,
    ) -> None:
        state: dict[str, Any] = {"waiting": {"reason": waiting}} if waiting else {"running": {}}
        self.put(
            PODS,
            namespace,
            name,
            {
                "apiVersion": "v1",
                "kind": "Pod",
                "metadata": {"name": name, "namespace": namespace, "creationTimestamp": "2026-01-02T00:00:00Z"},
                "spec": {"nodeName": node, "containers": [{"name": "app", "image": "app:1"}]},
                "status": {
                    "phase": phase,
                    "conditions": [{"type": "Ready", "status": "True" if ready else "False"}],
                    "containerStatuses": [
                        {"name": "app", "ready": ready, "restartCount": restarts, "image": "app:1",
                         "imageID": "", "state": state}
                    ],
                },
            },
        )  # fmt: skip

    def deployment(self, namespace: str, name: str) -> None:
        self.put(
            DEPLOYMENTS,
            namespace,
            name,
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": {"name": name, "namespace": namespace},
                "spec": {
                    "selector": {"matchLabels": {"app": name}},
                    "template": {"metadata": {"labels": {"app": name}}, "spec": {"containers": [{"name": "app"}]}},
                },
            },
        )

    def metrics(self, nodes: dict[str, tuple[str, str]], pods: dict[tuple[str, str], tuple[str, str]]) -> None:
        """metrics-server's answers: (cpu, memory) quantities per node and per pod."""
        for name, (cpu, memory) in nodes.items():
            self.put(NODE_METRICS, None, name, {"metadata": {"name": name}, "usage": {"cpu": cpu, "memory": memory}})
        for (namespace, name), (cpu, memory) in pods.items():
            self.put(
                POD_METRICS,
                namespace,
                name,
                {
                    "metadata": {"name": name, "namespace": namespace},
                    "containers": [{"name": "app", "usage": {"cpu": cpu, "memory": memory}}],
                },
            )

    def metrics_unavailable(self, status: int = 503) -> None:
        """metrics-server registered but down: its API answers ``status``."""
        self.kmock["/apis/metrics.k8s.io/v1beta1/nodes"] << status
        self.kmock["/apis/metrics.k8s.io/v1beta1/pods"] << status

    def deny(self, method: str, path: str) -> None:
        """The credentials may not do this: 403 (RBAC)."""
        self.kmock[f"{method} {path}"] << 403

    def requests(self, method: str) -> list[Any]:
        return [
            r for r in list(self.kmock) if str(r.method.value if hasattr(r.method, "value") else r.method) == method
        ]

    def object(self, res: Any, namespace: str | None, name: str) -> dict[str, Any]:
        return dict(self.kmock.objects[res, namespace, name].raw)


def small_cluster() -> Cluster:
    """Two nodes (one NotReady), three namespaces, four pods, metrics-server running."""
    cluster = Cluster()
    cluster.node("node-1")
    cluster.node("node-2", ready=False)
    for ns in ("default", "kube-system", "shop"):
        cluster.namespace(ns)
    cluster.pod("default", "web-1", restarts=1)
    cluster.pod("shop", "cart-1")
    cluster.pod("shop", "cart-2", node="node-2", phase="Pending", ready=False)
    cluster.pod("kube-system", "dns-1")
    cluster.deployment("shop", "cart")
    cluster.metrics(
        {"node-1": ("1500m", "2Gi"), "node-2": ("250m", "512Mi")},
        {("default", "web-1"): ("100m", "128Mi"), ("shop", "cart-1"): ("250m", "256Mi"),
         ("kube-system", "dns-1"): ("5m", "20Mi")},
    )  # fmt: skip
    return cluster
