"""A cluster snapshot as the hub takes it: the fields ``chatops_agent.kube.collect`` makes, from
an agent (push, the ``kubernetes.snapshot`` frames) or the hub's own poll (pull), checked before
anything is stored. An agent is trusted with its own cluster's data, not with the hub's
database: every field is typed and bounded here."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

MAX_NODES = 5_000
MAX_PODS = 150_000
MAX_NAMESPACES = 10_000


class SnapshotInvalid(ValueError):
    """What is wrong with a snapshot (the agent gets it back as ``invalid_frame``)."""


@dataclass
class Snapshot:
    ts: float
    version: str
    metrics: bool
    nodes: list[dict[str, Any]] = field(default_factory=list)
    pods: list[dict[str, Any]] = field(default_factory=list)
    namespaces: list[str] = field(default_factory=list)


def _text(value: Any, where: str, limit: int, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value) or len(value) > limit or "\x00" in value:
        raise SnapshotInvalid(f"{where}: a text of 1 to {limit} characters")
    try:
        value.encode()
    except UnicodeEncodeError:
        raise SnapshotInvalid(f"{where}: not storable text") from None
    return value


def _number(value: Any, where: str, *, nullable: bool = True) -> float | None:
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SnapshotInvalid(f"{where}: a finite number")
    if not 0 <= value <= 1e18:
        raise SnapshotInvalid(f"{where}: between 0 and 1e18")
    return float(value)


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 2**31 - 1:
        raise SnapshotInvalid(f"{where}: a whole number from 0 to 2^31-1")
    return value


def _list(value: Any, where: str, limit: int) -> list[Any]:
    if not isinstance(value, list) or len(value) > limit:
        raise SnapshotInvalid(f"{where}: a list of at most {limit}")
    return value


def parse_node(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise SnapshotInvalid(f"{where}: an object")
    ready = raw.get("ready")
    if not isinstance(ready, bool):
        raise SnapshotInvalid(f"{where}.ready: true or false")
    return {
        "name": _text(raw.get("name"), f"{where}.name", 253),
        "status": _text(raw.get("status"), f"{where}.status", 16),
        "ready": ready,
        "cpu_allocatable": _number(raw.get("cpu_allocatable"), f"{where}.cpu_allocatable"),
        "memory_allocatable": _number(raw.get("memory_allocatable"), f"{where}.memory_allocatable"),
        "cpu": _number(raw.get("cpu"), f"{where}.cpu"),
        "memory": _number(raw.get("memory"), f"{where}.memory"),
        "pods": _count(raw.get("pods", 0), f"{where}.pods"),
        "created": _number(raw.get("created"), f"{where}.created"),
    }


def parse_pod(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise SnapshotInvalid(f"{where}: an object")
    ready = raw.get("ready")
    if not isinstance(ready, bool):
        raise SnapshotInvalid(f"{where}.ready: true or false")
    return {
        "name": _text(raw.get("name"), f"{where}.name", 253),
        "namespace": _text(raw.get("namespace"), f"{where}.namespace", 63),
        "node": _text(raw.get("node"), f"{where}.node", 253, required=False),
        "phase": _text(raw.get("phase"), f"{where}.phase", 16),
        "status": _text(raw.get("status"), f"{where}.status", 64),
        "ready": ready,
        "restarts": _count(raw.get("restarts", 0), f"{where}.restarts"),
        "cpu": _number(raw.get("cpu"), f"{where}.cpu"),
        "memory": _number(raw.get("memory"), f"{where}.memory"),
        "created": _number(raw.get("created"), f"{where}.created"),
    }


def parse(raw: dict[str, Any], *, pods: list[Any] | None = None) -> Snapshot:
    """A whole snapshot (``pods`` given apart when it arrived in parts)."""
    metrics = raw.get("metrics")
    if not isinstance(metrics, bool):
        raise SnapshotInvalid("metrics: true or false")
    ts = _number(raw.get("ts"), "ts", nullable=False)
    assert ts is not None
    nodes = [parse_node(n, f"nodes[{i}]") for i, n in enumerate(_list(raw.get("nodes"), "nodes", MAX_NODES))]
    pod_list = _list(raw.get("pods") if pods is None else pods, "pods", MAX_PODS)
    parsed_pods = [parse_pod(p, f"pods[{i}]") for i, p in enumerate(pod_list)]
    namespaces = [
        _text(n, f"namespaces[{i}]", 63)
        for i, n in enumerate(_list(raw.get("namespaces"), "namespaces", MAX_NAMESPACES))
    ]
    if len({n["name"] for n in nodes}) != len(nodes):
        raise SnapshotInvalid("nodes: a name twice")
    if len({(p["namespace"], p["name"]) for p in parsed_pods}) != len(parsed_pods):
        raise SnapshotInvalid("pods: a namespace and name twice")
    return Snapshot(
        ts=ts,
        version=_text(raw.get("version", ""), "version", 64, required=False),
        metrics=metrics,
        nodes=nodes,
        pods=parsed_pods,
        namespaces=sorted(set(namespaces)),
    )
