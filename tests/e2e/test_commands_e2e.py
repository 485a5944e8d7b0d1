"""End to end: commands and Docker control through a real agent connected to a real hub.

Each action leaves exactly one history row and one audit entry; the agent's own settings,
not the hub, decide whether commands and Docker are allowed at all.
"""

from __future__ import annotations

import json
import uuid

import pytest

import docker
from tests.e2e.helpers import call, rest, wait_for
from tests.e2e.helpers import shared_redis_url as _redis_url
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow

VIEWER_CODE = """
from accounts.models import User
from accounts.services import issue_tokens
user = User.objects.create_user('vic', 'vic@example.com', 'a-long-viewer-passphrase')
print(issue_tokens(user).access_token)
"""


def records(hub, server_id: int) -> tuple[int, int]:
    out = hub.python(
        "import json; from agents.models import CommandHistory; from accounts.models import AuditLog;"
        f"print(json.dumps([CommandHistory.objects.filter(server_id={server_id}).count(),"
        " AuditLog.objects.filter(action__startswith='command.').count()"
        " + AuditLog.objects.filter(action__startswith='docker.').count()]))"
    )
    rows, entries = json.loads(out)
    return rows, entries


def online(hub, token: str, server_id: int) -> None:
    wait_for(lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "online", what="the agent")


def test_commands_through_a_real_agent(tmp_path):
    with live_hub(tmp_path) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        viewer_token = hub.python(VIEWER_CODE)
        agent = Agent(
            hub.url, str(fleet["key"]), tmp_path / "agent", interval=1,
            extra_args=("--allow-commands", "--command-deny", r"rm\b.*"),
        ).start()  # fmt: skip
        try:
            online(hub, token, server_id)
            status, body = call(hub.url, token, "POST", f"/commands/{server_id}", {"command": "echo hello world"})
            assert status == 200, body
            assert body["data"]["status"] == "succeeded"
            assert body["data"]["exit_code"] == 0
            assert body["data"]["stdout"] == "hello world\n"

            status, body = call(hub.url, token, "POST", f"/commands/{server_id}", {"command": "false"})
            assert (status, body["data"]["status"], body["data"]["exit_code"]) == (200, "failed", 1)

            status, body = call(hub.url, token, "POST", f"/commands/{server_id}", {"command": "sleep 30", "timeout": 1})
            assert (status, body["data"]["status"]) == (200, "timed_out")

            status, body = call(hub.url, token, "POST", f"/commands/{server_id}", {"command": "rm -rf /tmp/x"})
            assert (status, body["error_code"], body["data"]["status"]) == (409, "command_rejected", "rejected")
            assert body["data"]["reason"]

            status, body = call(hub.url, viewer_token, "POST", f"/commands/{server_id}", {"command": "echo no"})
            assert status == 403

            status, body = call(
                hub.url, token, "POST", f"/commands/{server_id}", {"command": "echo later", "wait": False}
            )
            assert status == 202
            later = body["data"]["id"]
            wait_for(
                lambda: rest(hub.url, token, f"/commands/{server_id}/{later}")["status"] == "succeeded",
                what="the command sent without waiting",
            )
            rows, entries = records(hub, server_id)
            assert (rows, entries) == (5, 5)  # the viewer's refusal is no request
        finally:
            agent.stop()


def test_an_agent_refuses_commands_by_default(tmp_path):
    with live_hub(tmp_path) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            online(hub, token, server_id)
            status, body = call(hub.url, token, "POST", f"/commands/{server_id}", {"command": "echo hi"})
            assert (status, body["error_code"], body["data"]["status"]) == (409, "command_rejected", "rejected")
            # Its hello offered no Docker: the hub answers without asking it, and records nothing.
            status, body = call(hub.url, token, "GET", f"/docker/{server_id}/containers")
            assert (status, body["data"]["docker_control"], body["data"]["live"]) == (200, False, False)
            assert records(hub, server_id) == (1, 1)
        finally:
            agent.stop()
        wait_for(lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "offline", what="offline")
        status, body = call(hub.url, token, "POST", f"/commands/{server_id}", {"command": "echo hi"})
        assert (status, body["error_code"]) == (409, "agent_offline")


def test_docker_through_a_real_agent(tmp_path, container_engine):
    client = docker.DockerClient(base_url=container_engine["DOCKER_HOST"])
    name = f"chatops-e2e-{uuid.uuid4().hex[:8]}"
    box = client.containers.run(
        container_engine["CHATOPS_TEST_IMAGE"], ["sh", "-c", "while true; do echo tick; sleep 1; done"],
        name=name, detach=True,
    )  # fmt: skip
    try:
        with live_hub(tmp_path) as hub:
            fleet = setup_fleet(hub)
            token, server_id = str(fleet["token"]), int(fleet["server_id"])
            agent = Agent(
                hub.url, str(fleet["key"]), tmp_path / "agent", interval=1,
                extra_args=("--allow-docker",), env={"DOCKER_HOST": container_engine["DOCKER_HOST"]},
            ).start()  # fmt: skip
            try:
                online(hub, token, server_id)
                base = f"/docker/{server_id}/containers"
                status, body = call(hub.url, token, "GET", base)
                assert status == 200, body
                assert body["data"]["live"] is True
                assert name in [c["name"] for c in body["data"]["containers"]]

                status, body = call(hub.url, token, "POST", f"{base}/{name}/stop")
                assert (status, body["data"]["state"]) == (200, "exited"), body
                status, body = call(hub.url, token, "POST", f"{base}/{name}/start")
                assert status == 200, body
                assert body["data"]["state"] == "running", body
                status, body = call(hub.url, token, "POST", f"{base}/{name}/restart")
                assert status == 200, body
                assert body["data"]["state"] == "running", body
                status, body = call(hub.url, token, "GET", f"{base}/{name}/logs?tail=5")
                assert status == 200, body
                assert "tick" in body["data"]["lines"]
                status, body = call(hub.url, token, "POST", f"{base}/no-such-box/start")
                assert status == 404, body
                assert records(hub, server_id) == (6, 6)
            finally:
                agent.stop()
    finally:
        box.remove(force=True)


@pytest.mark.skipif(_redis_url() is None, reason="needs a Redis server to share between the two hub processes")
def test_a_command_reaches_the_agent_on_the_other_hub_process(tmp_path):
    with live_hub(tmp_path, processes=2, REDIS_URL=str(_redis_url())) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        first, second = (f"http://127.0.0.1:{port}" for port in hub.ports)
        agent = Agent(
            first, str(fleet["key"]), tmp_path / "agent", interval=1, extra_args=("--allow-commands",)
        ).start()
        try:
            wait_for(lambda: rest(second, token, f"/servers/{server_id}")["status"] == "online", what="the agent")
            status, body = call(second, token, "POST", f"/commands/{server_id}", {"command": "echo across"})
            assert status == 200, body
            assert body["data"]["stdout"] == "across\n"
        finally:
            agent.stop()
