"""``chatops containers`` against a real agent with ``--allow-docker`` and a real container engine
(podman's Docker API): list, stop, start and restart a container, each through the hub."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.e2e.conftest import container_engine  # noqa: F401 - the fixture, shared with tests/e2e
from tests.e2e.helpers import wait_for
from tests.live import Agent
from tests.sdk.conftest import PASSWORD
from tests.sdk.test_cli import CLI

pytestmark = pytest.mark.slow

AGENT_KEY = """
from accounts.models import User
from accounts.services import create_api_key
from servers.models import Server
admin = User.objects.get(username='ops')
server = Server.objects.create(name='sdk-docker', hostname='sdk-docker.local', created_by=admin)
print(create_api_key(None, admin, name='docker agent', server=server)[1])
"""


@pytest.fixture(scope="module")
def cli(fleet, tmp_path_factory) -> CLI:
    tool = CLI(tmp_path_factory.mktemp("cli-docker") / "config.yaml")
    result = tool("login", fleet.url, "--username", "ops", "--password-stdin", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    return tool


@pytest.fixture(scope="module")
def docker_box(fleet, cli, container_engine, tmp_path_factory):  # noqa: F811 - the fixture imported above
    import docker

    engine = container_engine
    client = docker.DockerClient(base_url=engine["DOCKER_HOST"])
    name = f"sdk-cli-{uuid.uuid4().hex[:8]}"
    box = client.containers.run(
        engine["CHATOPS_TEST_IMAGE"], ["sh", "-c", "while true; do sleep 1; done"], name=name, detach=True
    )
    key = fleet.hub.python(AGENT_KEY).strip().splitlines()[-1]
    agent = Agent(
        fleet.url, key, tmp_path_factory.mktemp("docker-agent"), interval=1,
        extra_args=("--allow-docker",), env={"DOCKER_HOST": engine["DOCKER_HOST"]},
    ).start()  # fmt: skip
    try:

        def online() -> bool:
            listed = cli("servers", "list", "--status", "online", "-o", "json")
            return listed.returncode == 0 and "sdk-docker" in [s["name"] for s in json.loads(listed.stdout)]

        wait_for(online, timeout=60, every=1, what="the docker agent")
        yield name
    finally:
        agent.stop()
        box.remove(force=True)
        # The session's other tests count the fleet's servers: leave it as it was.
        fleet.hub.python("from servers.models import Server; Server.objects.filter(name='sdk-docker').delete()")


def state_of(cli: CLI, name: str) -> str:
    listed = cli("containers", "list", "sdk-docker", "-o", "json")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    assert data["live"] is True and data["docker_control"] is True, data
    [found] = [c for c in data["containers"] if c["name"] == name]
    return str(found["state"])


def test_containers_are_listed_live_stopped_started_and_restarted(cli, docker_box):
    assert state_of(cli, docker_box) == "running"
    table = cli("containers", "list", "sdk-docker")
    assert table.stdout.splitlines()[0].split()[:4] == ["NAME", "IMAGE", "STATE", "STATUS"]
    assert docker_box in table.stdout

    stopped = cli("containers", "stop", "sdk-docker", docker_box, timeout=120)
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.startswith(f"container {docker_box} exited")
    assert state_of(cli, docker_box) == "exited"

    started = cli("containers", "start", "sdk-docker", docker_box, "-o", "json", timeout=120)
    assert started.returncode == 0, started.stderr
    assert json.loads(started.stdout)["state"] == "running"

    restarted = cli("containers", "restart", "sdk-docker", docker_box, timeout=120)
    assert restarted.returncode == 0, restarted.stderr
    assert state_of(cli, docker_box) == "running"

    missing = cli("containers", "stop", "sdk-docker", "no-such-container")
    assert missing.returncode == 3, (missing.stdout, missing.stderr)
