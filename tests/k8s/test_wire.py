"""The agent socket's Kubernetes frames, handled as the socket hands them over
(``agents.frames``): a snapshot in parts, parts out of order, an agent without the capability,
a cluster name of another server, bad content."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from agents.frames import FrameContext, FrameRefused, handler_for
from k8s.models import Cluster, Pod
from servers.models import Server

pytestmark = pytest.mark.django_db(transaction=True)


def _pod(i: int) -> dict:
    return {"name": f"p-{i}", "namespace": "default", "node": "n1", "phase": "Running", "status": "Running",
            "ready": True, "restarts": 0, "cpu": None, "memory": None, "created": None}  # fmt: skip


HEAD = {"ts": 1763820000.0, "version": "v1.30.0", "metrics": False, "namespaces": ["default"],
        "nodes": [{"name": "n1", "status": "Ready", "ready": True, "cpu_allocatable": 2.0,
                   "memory_allocatable": 1e9, "cpu": None, "memory": None, "pods": 3, "created": None}]}  # fmt: skip


def frames(name: str = "edge", snapshot_id: str = "s1") -> list[dict]:
    parts = [[_pod(0)], [_pod(1), _pod(2)]]
    out = []
    for i, pods in enumerate(parts):
        frame = {"type": "kubernetes.snapshot", "cluster": name, "id": snapshot_id, "part": i, "parts": 2, "pods": pods}
        out.append({**HEAD, **frame} if i == 0 else frame)
    return out


@pytest.fixture
def context(admin) -> FrameContext:
    server = Server.objects.create(name="edge-agent", hostname="edge-agent.local")
    return FrameContext(server.pk, ("metrics", "logs", "kubernetes"), Actor.for_user(admin, "socket"), {})


async def test_a_snapshot_in_parts_is_stored_once_the_last_part_came(context):
    handle = handler_for("kubernetes.snapshot")
    first, second = frames()
    assert await handle(context, first) is None
    assert await Pod.objects.acount() == 0
    assert await handle(context, second) == {"type": "kubernetes.ack", "id": "s1"}
    cluster = await Cluster.objects.aget(name="edge")
    assert (cluster.mode, cluster.server_id, cluster.pod_count, cluster.actions_enabled) == (
        "push",
        context.server_id,
        3,
        False,
    )


async def test_a_part_out_of_order_drops_the_snapshot(context):
    handle = handler_for("kubernetes.snapshot")
    _, second = frames()
    with pytest.raises(FrameRefused, match="out of order"):
        await handle(context, second)
    assert not await Cluster.objects.aexists()


async def test_an_agent_without_the_capability_is_refused(context):
    plain = FrameContext(context.server_id, ("metrics",), context.actor, {})
    with pytest.raises(FrameRefused, match="capability"):
        await handler_for("kubernetes.snapshot")(plain, frames()[0])


async def test_a_cluster_of_another_server_is_refused(context):
    other = await Server.objects.acreate(name="other", hostname="other.local")
    await Cluster.objects.acreate(name="edge", mode="push", server=other)
    handle = handler_for("kubernetes.snapshot")
    await handle(context, frames()[0])
    with pytest.raises(FrameRefused, match="another server") as refused:
        await handle(context, frames()[1])
    assert refused.value.code == "forbidden"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"cluster": "Edge Cluster"}, "cluster"),
        ({"part": 2}, "part"),
        ({"parts": True}, "part"),
        ({"id": ""}, "id"),
        ({"pods": "many"}, "pods"),
        ({"metrics": "yes", "parts": 1}, "metrics"),
        ({"nodes": [{"name": "n1"}], "parts": 1}, "ready"),
        ({"pods": [{**_pod(0), "cpu": float("inf")}], "parts": 1}, "finite"),
        ({"pods": [_pod(0), _pod(0)], "parts": 1}, "twice"),
        ({"pods": [{**_pod(0), "name": "a\x00b"}], "parts": 1}, "text"),
    ],
)
async def test_bad_snapshots_are_refused_as_invalid(context, change, message):
    with pytest.raises(FrameRefused, match=message) as refused:
        await handler_for("kubernetes.snapshot")(context, {**frames()[0], **change})
    assert refused.value.code == "invalid_frame"
    assert not await Pod.objects.aexists()


async def test_a_result_for_another_servers_restart_changes_nothing(context):
    from k8s.models import RolloutRestart

    other = await Server.objects.acreate(name="other", hostname="other.local")
    cluster = await Cluster.objects.acreate(name="far", mode="push", server=other)
    restart = await RolloutRestart.objects.acreate(cluster=cluster, namespace="a", deployment="b", status="sent")
    await handler_for("kubernetes.result")(context, {"type": "kubernetes.result", "id": str(restart.pk), "ok": True})
    await restart.arefresh_from_db()
    assert restart.status == "sent"
    with pytest.raises(FrameRefused):
        await handler_for("kubernetes.result")(context, {"type": "kubernetes.result", "id": "x", "ok": True})
