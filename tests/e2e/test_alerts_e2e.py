"""End to end: a real daphne hub, a real agent, thresholds over the API.

A threshold's pending duration and its open alert survive restarts of the hub: the alert fires
with the start of the breach seen before the restart, and a second restart does not fire it
again. A silent agent raises ``server.offline``, and its return resolves it.
"""

from __future__ import annotations

import json

import pytest

from tests.e2e.helpers import call, rest, wait_for
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow

STATE = (
    "import json; from alerts.models import ThresholdState;"
    "print(json.dumps([s.pending_since.timestamp() for s in ThresholdState.objects.all()]))"
)


def alerts(hub, token, query=""):
    return rest(hub.url, token, f"/alerts?size=100{query}")


def test_pending_durations_and_open_alerts_survive_hub_restarts(tmp_path):
    with live_hub(tmp_path, ALERTS_OFFLINE_AFTER_SECONDS="4") as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        port = hub.ports[0]
        status, body = call(hub.url, token, "POST", "/alerts/thresholds", {
            "name": "Up at all", "metric": "uptime_seconds", "operator": ">", "value": 0,
            "duration_seconds": 15, "severity": "warning", "scope": "server", "server": server_id,
        })  # fmt: skip
        assert status == 201, body
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            pending = wait_for(lambda: json.loads(hub.python(STATE)), what="a pending breach")
            assert alerts(hub, token) == []
            # A restart while the breach is pending: the duration keeps counting from before.
            hub.stop_daphne(port)
            hub.start_daphne(port)
            fired = wait_for(lambda: alerts(hub, token, "&kind=threshold"), timeout=90, what="the alert to fire")
            assert len(fired) == 1
            alert = fired[0]
            assert alert["status"] == "firing"
            started = alert["started_at"]
            assert abs(_ts(started) - pending[0]) < 0.01, (started, pending)
            assert _ts(alert["fired_at"]) - pending[0] >= 15
            # A restart with the alert open fires nothing new.
            hub.stop_daphne(port)
            hub.start_daphne(port)
            wait_for(lambda: rest(hub.url, token, f"/metrics/{server_id}")["age_seconds"] < 2, timeout=90,
                     what="the agent to be back")  # fmt: skip
            assert [a["id"] for a in alerts(hub, token, "&kind=threshold")] == [alert["id"]]

            # Silence: the agent stops; server.offline fires, and clears when it returns.
        finally:
            agent.stop()
        # (A restart longer than the silence limit may have raised and resolved one already.)
        offline = wait_for(
            lambda: alerts(hub, token, "&kind=server.offline&status=firing"), timeout=30, what="server.offline"
        )
        assert len(offline) == 1 and offline[0]["server"] == server_id
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            resolved = wait_for(
                lambda: [a for a in alerts(hub, token, "&status=resolved") if a["id"] == offline[0]["id"]],
                timeout=60,
                what="server.offline to resolve",
            )
            assert resolved[0]["resolved_by"] is None
        finally:
            agent.stop()


def _ts(value: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
