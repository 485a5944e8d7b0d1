"""End to end: slash commands typed in a chat room of a real hub, run on a real agent.

A user posts ``/run`` in a room (``POST /api/v1/messages``) and reads the thread under it
(``GET /api/v1/messages?thread_id=``) while the command runs: the one ``command_result``
message shows the output as it comes, then the exit code. With a Redis to share, the hub runs
two daphne processes, the agent connected to one and the user to the other.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

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
TICKS = "sh -c 'for i in 1 2 3 4 5 6; do echo tick $i; sleep 0.6; done'"


def say(hub_url: str, token: str, room_id: int, content: str) -> int:
    status, body = call(hub_url, token, "POST", "/messages", {"room_id": room_id, "content": content})
    assert status == 201, body
    return int(body["data"]["id"])


def thread(hub_url: str, token: str, room_id: int, root: int) -> list[dict[str, Any]]:
    return list(rest(hub_url, token, f"/messages?room_id={room_id}&thread_id={root}"))


def result(hub_url: str, token: str, room_id: int, root: int) -> dict[str, Any] | None:
    found = [m for m in thread(hub_url, token, room_id, root) if m["message_type"] == "command_result"]
    return found[0] if found else None


def test_a_user_in_a_room_sees_a_commands_output_stream_into_its_thread(tmp_path):
    redis = _redis_url()
    extra = {"REDIS_URL": redis} if redis else {}
    with live_hub(tmp_path, processes=2 if redis else 1, **extra) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        agent_hub, user_hub = hub.url, f"http://127.0.0.1:{hub.ports[-1]}"
        agent = Agent(agent_hub, str(fleet["key"]), tmp_path / "agent", extra_args=("--allow-commands",)).start()
        try:
            wait_for(lambda: rest(user_hub, token, f"/servers/{server_id}")["status"] == "online", what="the agent")
            status, body = call(user_hub, token, "POST", "/rooms", {"name": "ops"})
            assert status == 201, body
            room_id = int(body["data"]["id"])
            root = say(user_hub, token, room_id, f'/run e2e-box "{TICKS}"')

            seen: list[str] = []
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                message = result(user_hub, token, room_id, root)
                if message is not None and (not seen or seen[-1] != message["content"]):
                    seen.append(message["content"])
                if message is not None and message["data"].get("final"):
                    break
                time.sleep(0.1)
            assert message is not None and message["data"]["final"], seen
            # The output came in while it ran (some ticks, not all), then the end.
            assert any("tick 1" in text and "tick 6" not in text for text in seen), seen
            assert "tick 6" in message["content"] and "exit 0 · " in message["content"]
            assert message["data"]["stdout"] == "".join(f"tick {i}\n" for i in range(1, 7))
            history = rest(user_hub, token, message["data"]["history_url"].removeprefix("/api/v1"))
            assert (history["status"], history["exit_code"]) == ("succeeded", 0)
            # One answer in the thread: updated in place, not a flood of messages.
            assert len(thread(user_hub, token, room_id, root)) == 1
        finally:
            agent.stop()


def test_a_viewer_is_refused_and_an_agent_without_allow_commands_refuses(tmp_path):
    with live_hub(tmp_path) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        viewer_token = hub.python(VIEWER_CODE)
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent").start()  # commands not allowed
        try:
            wait_for(lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "online", what="the agent")
            status, body = call(hub.url, token, "POST", "/rooms", {"name": "ops"})
            assert status == 201, body
            room_id = int(body["data"]["id"])
            assert call(hub.url, viewer_token, "POST", f"/rooms/{room_id}/join")[0] in (200, 201)

            root = say(hub.url, viewer_token, room_id, "/run e2e-box uptime")
            refused = wait_for(lambda: result(hub.url, token, room_id, root), what="the viewer's answer")
            assert refused["content"] == "Refused: Only operators and admins may do this."

            root = say(hub.url, token, room_id, "/run e2e-box uptime")
            answer = wait_for(
                lambda: (found := result(hub.url, token, room_id, root)) and found["data"].get("final") and found,
                what="the agent's refusal",
            )
            assert answer["data"]["status"] == "rejected" and "refused by the agent: " in answer["content"]
            entries = rest(hub.url, token, "/audit-logs?action=request.refused")
            assert [(e["via"], e["actor_label"]) for e in entries] == [("chat", "vic")]
        finally:
            agent.stop()
