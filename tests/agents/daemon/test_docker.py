"""Docker control against a real Docker Engine API (podman, see conftest.docker_engine).

No mock of the SDK: each test makes its own throwaway container from CHATOPS_TEST_IMAGE,
named with a unique prefix, and removes it at the end whatever happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from chatops_agent.docker_ops import DockerOps, parse_request, port_strings
from tests.agents.daemon.conftest import make_agent, make_settings, running, until

docker = pytest.importorskip("docker")

# Ends at once on SIGTERM (sh as PID 1 would otherwise ignore it and make `stop` wait 10 s).
TICKER = "trap 'exit 0' TERM; while true; do echo tick; sleep 0.2; done"


@pytest.fixture(scope="module")
def client(docker_engine) -> Iterator[Any]:
    try:
        engine = docker.from_env()
    except docker.errors.DockerException as exc:
        pytest.skip(f"the container engine does not answer: {exc}")
    yield engine
    engine.close()


@pytest.fixture
def container(client, docker_engine) -> Iterator[Any]:
    """A running container printing "tick" five times a second; removed at the end."""
    image = docker_engine.get("CHATOPS_TEST_IMAGE") or "localhost/busybox:latest"
    name = f"chatops-test-{uuid.uuid4().hex[:10]}"
    try:
        made = client.containers.run(image, ["sh", "-c", TICKER], name=name, detach=True, stop_signal="SIGTERM")
    except docker.errors.ImageNotFound:
        pytest.skip(f"the test image {image} is not on this engine")
    try:
        yield made
    finally:
        with contextlib.suppress(docker.errors.NotFound):
            made.remove(force=True)


class Answers:
    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = []

    def __call__(self, frame: dict[str, Any], *, live: bool = False) -> None:
        self.frames.append(dict(frame))

    def of(self, request_id: str) -> dict[str, Any] | None:
        return next((frame for frame in self.frames if frame["id"] == request_id), None)


@pytest.fixture
async def ops(docker_engine):
    made: list[DockerOps] = []

    def make(enabled: bool = True) -> DockerOps:
        executor = DockerOps(enabled, Answers(), lambda: 1 << 20)
        made.append(executor)
        return executor

    yield make
    for executor in made:
        await executor.close()


async def ask(executor: DockerOps, **request: Any) -> dict[str, Any]:
    request_id = f"d-{uuid.uuid4().hex[:8]}"
    executor.handle({"type": "docker", "id": request_id, **request})
    answers = executor._send
    assert isinstance(answers, Answers)
    await until(lambda: answers.of(request_id) is not None, timeout=20, what=f"the answer to {request}")
    answer = answers.of(request_id)
    assert answer is not None
    return answer


async def test_list_shows_the_container_with_its_details(ops, container):
    executor = ops()
    first = await ask(executor, action="list")
    assert first["type"] == "docker.result" and first["ok"] is True and first["error"] is None
    (item,) = [item for item in first["data"] if item["name"] == container.name]
    assert item["id"] == container.id
    assert item["image"].endswith("busybox:latest")
    assert item["state"] == "running" and item["status"].startswith("Up")
    assert isinstance(item["created"], float) and abs(item["created"] - time.time()) < 600
    assert item["ports"] == []
    assert isinstance(item["memory_bytes"], int) and item["memory_bytes"] > 0
    assert item["memory_limit_bytes"] is None or item["memory_limit_bytes"] >= item["memory_bytes"]
    # A one-shot reading has no rate: the CPU % comes from the previous reading of the container.
    assert item["cpu_percent"] is None
    soon = await ask(executor, action="list")
    assert [item["cpu_percent"] for item in soon["data"] if item["name"] == container.name] == [None]  # too soon
    await asyncio.sleep(1.0)
    later = await ask(executor, action="list")
    (again,) = [item for item in later["data"] if item["name"] == container.name]
    assert isinstance(again["cpu_percent"], float) and again["cpu_percent"] >= 0


async def test_stop_start_and_restart_answer_with_the_container_after_the_action(ops, container):
    executor = ops()
    stopped = await ask(executor, action="stop", container=container.name)
    assert stopped["ok"] is True and stopped["data"]["state"] == "exited"
    assert stopped["data"]["cpu_percent"] is None and stopped["data"]["memory_bytes"] is None
    started = await ask(executor, action="start", container=container.id[:12])  # a short id works too
    assert started["ok"] is True and started["data"]["state"] == "running"
    container.reload()
    before = container.attrs["State"]["StartedAt"]
    restarted = await ask(executor, action="restart", container=container.name)
    assert restarted["ok"] is True and restarted["data"]["state"] == "running"
    container.reload()
    assert container.attrs["State"]["StartedAt"] != before


async def test_logs_return_the_last_lines(ops, container):
    executor = ops()
    await until(lambda: container.logs().count(b"tick") >= 3, timeout=5, what="some ticks")
    answer = await ask(executor, action="logs", container=container.name)
    assert answer["ok"] is True and answer["data"]["truncated"] is False
    assert answer["data"]["lines"] and set(answer["data"]["lines"]) == {"tick"}
    one = await ask(executor, action="logs", container=container.name, tail=1)
    assert one["data"]["lines"] == ["tick"]
    future = await ask(executor, action="logs", container=container.name, since=time.time() + 3600)
    assert future["data"] == {"lines": [], "truncated": False}


async def test_an_unknown_container_is_an_engine_error(ops, docker_engine):
    answer = await ask(ops(), action="stop", container="chatops-test-no-such-container")
    assert answer["type"] == "docker.result" and answer["ok"] is False and answer["data"] is None
    assert "no such container" in answer["error"].lower()


@pytest.mark.parametrize(
    ("request_fields", "reason"),
    [
        ({"action": "remove", "container": "x"}, "action must be one of"),
        ({"action": "stop"}, "container must be"),
        ({"action": "start", "container": "../images/json"}, "container must be"),
        ({"action": "logs", "container": "x", "tail": "all"}, "tail must be"),
        ({"action": "logs", "container": "x", "since": "yesterday"}, "since must be"),
    ],
)
async def test_a_malformed_request_is_rejected_before_reaching_the_engine(ops, request_fields, reason):
    answer = await ask(ops(), **request_fields)
    assert answer["type"] == "docker.rejected" and reason in answer["reason"]


def test_request_arguments_are_checked_and_clamped():
    assert parse_request({"action": "logs", "container": "/web"}) == ("logs", "web", {"tail": 200, "since": None})
    assert parse_request({"action": "logs", "container": "a", "tail": 99999, "since": 0})[2] == {
        "tail": 5000,
        "since": None,
    }
    everywhere = "0.0.0.0"  # noqa: S104 - what the engine reports, not an address bound here
    ports = [
        {"IP": everywhere, "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
        {"IP": "::", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
        {"PrivatePort": 443, "Type": "tcp"},
    ]
    assert port_strings(ports) == ["0.0.0.0:8080->80/tcp", "[::]:8080->80/tcp", "443/tcp"]


async def test_an_agent_without_allow_docker_rejects_every_action(ops):
    answer = await ask(ops(enabled=False), action="list")
    assert answer["type"] == "docker.rejected"
    assert answer["reason"] == "Docker control is disabled on this agent"


async def test_an_unreachable_engine_is_rejected_as_not_available(ops, monkeypatch, tmp_path):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-such.sock")
    answer = await ask(ops(), action="list")
    assert answer["type"] == "docker.rejected"
    assert answer["reason"].startswith("Docker is not available on this server: ")


async def test_the_container_list_rides_with_the_samples_and_requests_go_through_the_hub(hub, tmp_path, container):
    agent = make_agent(make_settings(tmp_path, hub.url, allow_docker=True), containers_every=0.3)
    async with running(agent):

        def lists() -> list[dict[str, Any]]:
            return [frame["containers"] for _, frame in hub.received if "containers" in frame]

        await until(lambda: len(lists()) >= 2, timeout=10, what="two container lists")
        await hub.send({"type": "docker", "id": "d1", "action": "logs", "container": container.name, "tail": 2})
        await until(lambda: hub.final("d1") is not None, timeout=10, what="the logs")
    first, second = lists()[:2]
    assert container.name in [item["name"] for item in first["items"]]
    assert second["ts"] - first["ts"] >= 0.25  # at most one list per period, not one per frame
    assert len(lists()) < len(hub.received) / 2
    answer = hub.final("d1")
    assert answer is not None and answer["ok"] is True and answer["data"]["lines"] == ["tick", "tick"]


async def test_a_failing_engine_never_breaks_the_data_frames(hub, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-such.sock")
    agent = make_agent(make_settings(tmp_path, hub.url, allow_docker=True), containers_every=0.05)
    async with running(agent):
        await until(lambda: len(hub.received) >= 10, what="frames")
    assert not any("containers" in frame for _, frame in hub.received)
    assert caplog.text.count("Docker is not available") == 1  # once per outage, not every time
