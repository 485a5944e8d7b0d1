"""End to end: which real ``chatops-agent`` a real hub lets in.

An admin's enrolment key enrols a new server by hostname, as docs/agent.md describes; an agent
holding a script's key and naming a connected server's hostname is refused (exit 77) and the
real agent of that server is not pushed off.
"""

from __future__ import annotations

import time

import pytest

from tests.e2e.helpers import call, rest, wait_for
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow


def new_key(hub_url: str, token: str, body: dict[str, object]) -> str:
    status, created = call(hub_url, token, "POST", "/api-keys", body)
    assert status == 201, created
    return str(created["data"]["key"])


def test_enrolment_keys_enrol_and_other_keys_cannot_impersonate(tmp_path):
    with live_hub(tmp_path, AGENT_SILENCE_SECONDS="30") as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        real = Agent(hub.url, str(fleet["key"]), tmp_path / "real", interval=1).start()
        enrolled = impostor = None
        try:
            wait_for(lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "online", what="online")
            enrol = new_key(hub.url, token, {"name": "enrol", "scopes": ["enrol"]})
            enrolled = Agent(
                hub.url, enrol, tmp_path / "enrolled", interval=1, extra_args=("--hostname", "new-box.example.org")
            ).start()
            box = wait_for(
                lambda: [s for s in rest(hub.url, token, "/servers?search=new-box") if s["status"] == "online"],
                what="the enrolled server to come online",
            )
            assert box[0]["hostname"] == "new-box.example.org"

            script = new_key(hub.url, token, {"name": "script", "scopes": ["servers:read"]})
            impostor = Agent(
                hub.url, script, tmp_path / "impostor", interval=1, extra_args=("--hostname", "e2e-box.local")
            ).start()
            assert impostor.process is not None
            assert impostor.process.wait(timeout=30) == 77, impostor.log()
            time.sleep(1.5)  # a replaced agent would have been closed (4409) by now
            assert real.process is not None and real.process.poll() is None
            assert rest(hub.url, token, f"/servers/{server_id}")["status"] == "online"
            assert "4409" not in real.log()
        finally:
            for agent in (real, enrolled, impostor):
                if agent is not None:
                    agent.stop()
