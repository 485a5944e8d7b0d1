"""A Kubernetes cluster seen through the official ``kubernetes`` client: one snapshot of its
nodes, pods, namespaces and usage, and a deployment's rollout restart.

The agent's ``--kubernetes`` mode (push) and the hub's poller (pull) both call this module, so
both send the same snapshot (its fields in docs/agent-protocol.md, "Kubernetes"). The client is
an optional dependency (``chatops-agent[kubernetes]``), imported only here and only when used.

Lists are read without the client's model classes (``_preload_content=False``): a 20,000-pod
cluster would otherwise build 20,000 objects of some hundred attributes each, and the snapshot
keeps a dozen fields. Usage comes from ``metrics.k8s.io``; where metrics-server does not run
(the API answers 404 or 503) the usage fields are ``None`` and ``metrics`` is false: no error.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

#: Pods (and nodes) read per list request: a large cluster is read in pages.
PAGE = 500
#: What a pod's container waiting or terminated ``reason`` says about it (kubectl shows these
#: in place of the phase).
FAILING_REASONS = frozenset(
    {
        "CrashLoopBackOff",
        "ImagePullBackOff",
        "ErrImagePull",
        "CreateContainerConfigError",
        "CreateContainerError",
        "InvalidImageName",
        "RunContainerError",
        "OOMKilled",
        "Error",
    }
)
RESTARTED_AT = "kubectl.kubernetes.io/restartedAt"


class KubeError(Exception):
    """The cluster could not be read or acted on; the message says why (never a secret)."""


def api_client(
    *,
    in_cluster: bool = False,
    kubeconfig: str | None = None,
    kubeconfig_text: str | None = None,
    server: str | None = None,
    token: str | None = None,
    ca_cert: str | None = None,
    verify_tls: bool = True,
) -> Any:
    """An ``ApiClient`` from in-cluster config, a kubeconfig (path or text), or a server URL
    and a service-account token (with the cluster's CA certificate in PEM, if not public)."""
    import tempfile

    import yaml
    from kubernetes import client, config

    configuration = client.Configuration()
    try:
        if in_cluster:
            config.load_incluster_config(client_configuration=configuration)
        elif kubeconfig:
            config.load_kube_config(config_file=kubeconfig, client_configuration=configuration)
        elif kubeconfig_text:
            loaded = yaml.safe_load(kubeconfig_text)
            if not isinstance(loaded, dict):
                raise KubeError("the kubeconfig is not a YAML mapping")
            config.load_kube_config_from_dict(loaded, client_configuration=configuration)
        elif server and token:
            configuration.host = server.rstrip("/")
            configuration.api_key = {"authorization": f"Bearer {token}"}
            configuration.verify_ssl = verify_tls
            if ca_cert:
                with tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False) as handle:
                    handle.write(ca_cert)
                configuration.ssl_ca_cert = handle.name
        else:
            raise KubeError("no way to reach the cluster: in-cluster, a kubeconfig, or a server and a token")
    except config.ConfigException as exc:
        raise KubeError(f"bad Kubernetes configuration: {exc}") from None
    return client.ApiClient(configuration)


def api_host(api: Any) -> str:
    """The API server's URL this client talks to."""
    return str(api.configuration.host)


def _stamp(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _quantity(value: Any) -> float | None:
    from kubernetes.utils import parse_quantity

    if value is None:
        return None
    try:
        return float(parse_quantity(value))
    except ValueError:
        return None


def _read(call: Any, timeout: float, **kwargs: Any) -> dict[str, Any]:
    """One list call, its raw JSON; a refusal or an unreachable server is a ``KubeError``."""
    from kubernetes.client.exceptions import ApiException
    from urllib3.exceptions import HTTPError

    try:
        response = call(_preload_content=False, _request_timeout=timeout, **kwargs)
    except ApiException as exc:
        raise KubeError(f"the API server answered {exc.status} {exc.reason or ''}".strip()) from None
    except (HTTPError, OSError) as exc:
        raise KubeError(f"the API server cannot be reached: {type(exc).__name__}") from None
    status = getattr(response, "status", 200)
    if status >= 400:
        raise KubeError(f"the API server answered {status}")
    body = json.loads(response.data)
    if not isinstance(body, dict):
        raise KubeError("the API server answered something that is not a list")
    return body


def _list_all(call: Any, timeout: float) -> list[dict[str, Any]]:
    """Every item of a list, in pages of PAGE (a server that ignores ``limit`` sends all)."""
    items: list[dict[str, Any]] = []
    token: str | None = None
    while True:
        kwargs: dict[str, Any] = {"limit": PAGE}
        if token:
            kwargs["_continue"] = token
        body = _read(call, timeout, **kwargs)
        items.extend(item for item in body.get("items") or [] if isinstance(item, dict))
        token = (body.get("metadata") or {}).get("continue")
        if not token:
            return items


def _metrics(api: Any, plural: str, timeout: float) -> list[dict[str, Any]] | None:
    """``metrics.k8s.io`` items, or None where metrics-server does not answer (404, 503)."""
    from kubernetes import client
    from kubernetes.client.exceptions import ApiException

    custom = client.CustomObjectsApi(api)
    try:
        response = custom.list_cluster_custom_object(
            "metrics.k8s.io", "v1beta1", plural, _preload_content=False, _request_timeout=timeout
        )
    except ApiException as exc:
        if exc.status in (404, 503, 403):
            return None  # 403: the role may not read metrics; the rest of the snapshot stands
        raise KubeError(f"metrics.k8s.io answered {exc.status}") from None
    if getattr(response, "status", 200) >= 400:
        return None
    body = json.loads(response.data)  # type: ignore[attr-defined]
    return [item for item in body.get("items") or [] if isinstance(item, dict)]


def node_status(node: dict[str, Any]) -> tuple[str, bool]:
    """``Ready``, ``NotReady`` or ``Unknown`` from the Ready condition, and whether ready."""
    for condition in (node.get("status") or {}).get("conditions") or []:
        if condition.get("type") == "Ready":
            if condition.get("status") == "True":
                return "Ready", True
            if condition.get("status") == "False":
                return "NotReady", False
            return "Unknown", False
    return "Unknown", False


def pod_status(pod: dict[str, Any]) -> tuple[str, bool, int]:
    """The status kubectl would show (a container's waiting or terminated reason before the
    phase), whether the pod is Ready, and its containers' restarts."""
    status = pod.get("status") or {}
    shown = str(status.get("phase") or "Unknown")
    restarts = 0
    for container in status.get("containerStatuses") or []:
        restarts += int(container.get("restartCount") or 0)
        state = container.get("state") or {}
        reason = (state.get("waiting") or {}).get("reason") or (state.get("terminated") or {}).get("reason")
        if reason and reason != "Completed" and shown in ("Running", "Pending", "Failed", "Unknown"):
            shown = str(reason)
    if (pod.get("metadata") or {}).get("deletionTimestamp"):
        shown = "Terminating"
    ready = any(c.get("type") == "Ready" and c.get("status") == "True" for c in status.get("conditions") or [])
    return shown[:64], ready, restarts


def is_failing(status: str, phase: str) -> bool:
    """A pod the cluster's health counts against it."""
    return status in FAILING_REASONS or phase in ("Failed", "Unknown")


def _usage(items: list[dict[str, Any]] | None, key: Any) -> dict[Any, tuple[float, float]]:
    """(cores, bytes) per item key, containers summed."""
    usage: dict[Any, tuple[float, float]] = {}
    for item in items or []:
        if "containers" in item:
            parts = [c.get("usage") or {} for c in item.get("containers") or []]
        else:
            parts = [item.get("usage") or {}]
        cpu = sum(_quantity(p.get("cpu")) or 0.0 for p in parts)
        memory = sum(_quantity(p.get("memory")) or 0.0 for p in parts)
        usage[key(item)] = (cpu, memory)
    return usage


def collect(api: Any, *, timeout: float = 20.0) -> dict[str, Any]:
    """One snapshot of the cluster (the ``kubernetes.snapshot`` frame's fields, undivided)."""
    from kubernetes import client

    core = client.CoreV1Api(api)
    try:
        version = client.VersionApi(api).get_code(_request_timeout=timeout).git_version
    except Exception:
        version = ""
    nodes_raw = _list_all(core.list_node, timeout)
    pods_raw = _list_all(core.list_pod_for_all_namespaces, timeout)
    namespaces_raw = _list_all(core.list_namespace, timeout)
    node_metrics = _metrics(api, "nodes", timeout)
    pod_metrics = _metrics(api, "pods", timeout) if node_metrics is not None else None
    metrics = node_metrics is not None and pod_metrics is not None
    node_usage = _usage(node_metrics, lambda i: (i.get("metadata") or {}).get("name"))
    pod_usage = _usage(
        pod_metrics, lambda i: ((i.get("metadata") or {}).get("namespace"), (i.get("metadata") or {}).get("name"))
    )
    pods: list[dict[str, Any]] = []
    per_node: dict[str, int] = {}
    for pod in pods_raw:
        meta = pod.get("metadata") or {}
        name, namespace = str(meta.get("name") or ""), str(meta.get("namespace") or "")
        if not name:
            continue
        shown, ready, restarts = pod_status(pod)
        node_name = str((pod.get("spec") or {}).get("nodeName") or "")
        if node_name:
            per_node[node_name] = per_node.get(node_name, 0) + 1
        cpu, memory = pod_usage.get((namespace, name), (None, None)) if metrics else (None, None)
        pods.append(
            {
                "name": name[:253],
                "namespace": namespace[:63],
                "node": node_name[:253],
                "phase": str((pod.get("status") or {}).get("phase") or "Unknown")[:16],
                "status": shown,
                "ready": ready,
                "restarts": restarts,
                "cpu": cpu,
                "memory": memory,
                "created": _stamp(meta.get("creationTimestamp")),
            }
        )
    nodes: list[dict[str, Any]] = []
    for node in nodes_raw:
        meta = node.get("metadata") or {}
        name = str(meta.get("name") or "")
        if not name:
            continue
        shown, ready = node_status(node)
        allocatable = (node.get("status") or {}).get("allocatable") or (node.get("status") or {}).get("capacity") or {}
        cpu, memory = node_usage.get(name, (None, None)) if metrics else (None, None)
        nodes.append(
            {
                "name": name[:253],
                "status": shown,
                "ready": ready,
                "cpu_allocatable": _quantity(allocatable.get("cpu")),
                "memory_allocatable": _quantity(allocatable.get("memory")),
                "cpu": cpu,
                "memory": memory,
                "pods": per_node.get(name, 0),
                "created": _stamp(meta.get("creationTimestamp")),
            }
        )
    namespaces = sorted(str((n.get("metadata") or {}).get("name") or "")[:63] for n in namespaces_raw)
    return {
        "ts": time.time(),
        "version": str(version or "")[:64],
        "metrics": metrics,
        "nodes": nodes,
        "namespaces": [n for n in namespaces if n],
        "pods": pods,
    }


def restart_deployment(api: Any, namespace: str, name: str, *, timeout: float = 20.0) -> str:
    """``kubectl rollout restart``: stamp the pod template, which rolls the pods. Returns the
    stamp; a refusal (403: the credentials do not allow it; 404: no such deployment) raises."""
    from kubernetes import client
    from kubernetes.client.exceptions import ApiException
    from urllib3.exceptions import HTTPError

    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = {"spec": {"template": {"metadata": {"annotations": {RESTARTED_AT: stamp}}}}}
    try:
        client.AppsV1Api(api).patch_namespaced_deployment(
            name, namespace, body, _request_timeout=timeout, _preload_content=False
        )
    except ApiException as exc:
        if exc.status == 403:
            raise KubeError("the cluster's credentials do not allow restarting this deployment (403)") from None
        if exc.status == 404:
            raise KubeError(f"no deployment {namespace}/{name}") from None
        raise KubeError(f"the API server answered {exc.status}") from None
    except (HTTPError, OSError) as exc:
        raise KubeError(f"the API server cannot be reached: {type(exc).__name__}") from None
    return stamp
