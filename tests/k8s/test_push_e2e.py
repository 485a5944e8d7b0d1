"""Push, end to end: a real daphne hub, a real ``chatops-agent --kubernetes`` process pointed at
the emulated API server (kmock) through a kubeconfig; the snapshot over the agent socket, the
REST routes, a rollout restart through the agent, and the cluster going unreachable."""

from __future__ import annotations

import pytest

from tests.e2e.helpers import call, rest, wait_for
from tests.k8s.emulator import DEPLOYMENTS, RESTARTED_AT_KEY, small_cluster
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow

KUBECONFIG = """apiVersion: v1
kind: Config
current-context: edge
clusters: [{{name: edge, cluster: {{server: "{url}"}}}}]
users: [{{name: agent, user: {{token: in-cluster-token}}}}]
contexts: [{{name: edge, context: {{cluster: edge, user: agent}}}}]
"""


def _agent(hub, fleet, tmp_path, kubeconfig, *extra: str) -> Agent:
    args = ("--kubernetes", "--kubernetes-cluster", "edge", "--kubeconfig", str(kubeconfig),
            "--kubernetes-interval", "5", *extra)  # fmt: skip
    return Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=2, extra_args=args).start()


def test_a_real_agent_pushes_snapshots_and_restarts_deployments(tmp_path):
    emulator = small_cluster()
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(KUBECONFIG.format(url=emulator.url))
    try:
        with live_hub(tmp_path, K8S_UNREACHABLE_SECONDS="12") as hub:
            fleet = setup_fleet(hub)
            token = str(fleet["token"])
            agent = _agent(hub, fleet, tmp_path, kubeconfig, "--kubernetes-allow-restart")
            try:
                cluster = wait_for(
                    lambda: (c := rest(hub.url, token, "/kubernetes/clusters/edge"))["nodes"] == 2 and c,
                    what="the agent's first snapshot",
                )
                assert (cluster["mode"], cluster["status"], cluster["pods"], cluster["namespaces"]) == (
                    "push", "degraded", 4, 3,
                )  # fmt: skip
                assert cluster["actions_enabled"] is True and cluster["server_id"] == fleet["server_id"]
                pods = rest(hub.url, token, "/kubernetes/clusters/edge/pods?namespace=shop")
                assert [p["name"] for p in pods] == ["cart-1", "cart-2"]
                nodes = rest(hub.url, token, "/kubernetes/clusters/edge/nodes")
                assert nodes[0]["cpu_usage"] == 37.5
                # Every request the agent made carried the kubeconfig's token.
                assert all(r.headers.get("Authorization") == "Bearer in-cluster-token" for r in emulator.kmock)

                status, body = call(hub.url, token, "POST", "/kubernetes/clusters/edge/restart",
                                    {"namespace": "shop", "deployment": "cart"})  # fmt: skip
                assert status == 200, body
                assert body["data"]["status"] == "succeeded"
                annotations = emulator.object(DEPLOYMENTS, "shop", "cart")["spec"]["template"]["metadata"]
                assert annotations["annotations"][RESTARTED_AT_KEY] == body["data"]["restarted_at"]

                emulator.stop()  # the API server goes away; the agent keeps running
                wait_for(
                    lambda: rest(hub.url, token, "/kubernetes/clusters/edge")["status"] == "unreachable",
                    timeout=40, what="the cluster to turn unreachable",
                )  # fmt: skip
                assert "reading the Kubernetes cluster failed" in agent.log()
            finally:
                agent.stop()
    finally:
        emulator.stop()


def test_an_agent_without_the_restart_flag_rejects_restarts(tmp_path):
    emulator = small_cluster()
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(KUBECONFIG.format(url=emulator.url))
    try:
        with live_hub(tmp_path) as hub:
            fleet = setup_fleet(hub)
            token = str(fleet["token"])
            agent = _agent(hub, fleet, tmp_path, kubeconfig)
            try:
                cluster = wait_for(
                    lambda: (c := rest(hub.url, token, "/kubernetes/clusters/edge"))["nodes"] == 2 and c,
                    what="the agent's first snapshot",
                )
                assert cluster["actions_enabled"] is False
                status, body = call(hub.url, token, "POST", "/kubernetes/clusters/edge/restart",
                                    {"namespace": "shop", "deployment": "cart"})  # fmt: skip
                assert status == 409 and body["error_code"] == "actions_disabled"
                assert emulator.requests("PATCH") == []
            finally:
                agent.stop()
    finally:
        emulator.stop()
