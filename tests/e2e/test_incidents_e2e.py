"""End to end: a real agent's samples open, merge into and resolve an incident ticket.

A real daphne hub (its ingest path, alert evaluation and the embedded worker's
``helpdesk.incidents`` job), a real ``chatops-agent`` process, everything done over REST
as an admin would. The threshold watches ``cpu_percent >= 0``, which every sample of a real
agent breaches; raising its value over REST to 1000 (which no sample reaches) makes the next
sample clear it, and lowering it again makes the next one fire a new alert. Nothing is mocked:
the ticket is read back through ``/api/v1/tickets`` and the alerts through ``/api/v1/alerts``.

Run once for each ``HELPDESK_INCIDENT_ON_RECOVERY``:

- ``resolve``: the recovery resolves the incident; the next alert of the same threshold and
  server reopens that same ticket (no second incident) and counts in ``alert_count``;
- ``mark``: the recovery only marks the incident (``recovered_at``) and it stays unfinished;
  the next alert merges into it.

Both ways: acknowledging the alert over REST takes the ticket (``in_progress``, assigned to
whoever acknowledged); taking the ticket over REST acknowledges its firing alert.

And a silent agent: ``server.offline`` opens a system-down incident, its return resolves it.
"""

from __future__ import annotations

import pytest

from tests.e2e.helpers import call, rest, wait_for
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow

NEVER = 1000.0  # cpu_percent never reaches it: the next sample clears the threshold


def incidents(hub, token):
    return rest(hub.url, token, "/tickets?source=alert&size=100")


def ticket(hub, token, ticket_id):
    return rest(hub.url, token, f"/tickets/{ticket_id}")


def alert(hub, token, alert_id):
    return rest(hub.url, token, f"/alerts/{alert_id}")


def set_value(hub, token, threshold_id, value):
    status, body = call(hub.url, token, "PATCH", f"/alerts/thresholds/{threshold_id}", {"value": value})
    assert status == 200, body


def alert_events(hub, token, ticket_id):
    timeline = rest(hub.url, token, f"/tickets/{ticket_id}/timeline")
    return [entry["details"].get("event") for entry in timeline if entry["kind"] == "alert"]


@pytest.mark.parametrize("on_recovery", ["resolve", "mark"])
def test_a_real_agent_opens_merges_and_resolves_its_incident(tmp_path, on_recovery):
    with live_hub(tmp_path, HELPDESK_INCIDENT_ON_RECOVERY=on_recovery) as hub:
        fleet = setup_fleet(hub, name="web-07", hostname="web-07.local")
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        me = rest(hub.url, token, "/auth/me")
        status, body = call(hub.url, token, "POST", "/alerts/thresholds", {
            "name": "CPU in use", "metric": "cpu_percent", "operator": ">=", "value": 0,
            "duration_seconds": 0, "severity": "critical", "scope": "server", "server": server_id,
        })  # fmt: skip
        assert status == 201, body
        threshold_id = body["data"]["id"]
        assert incidents(hub, token) == []

        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            # 1. The agent's samples breach the threshold: the alert opens an incident.
            [opened] = wait_for(lambda: incidents(hub, token), timeout=60, what="the incident ticket")
            [first] = rest(hub.url, token, "/alerts?kind=threshold")
            assert first["server"] == server_id and first["status"] == "firing"
            assert opened["alert"] == first["id"] and opened["alert_count"] == 1
            assert (opened["status"], opened["priority"], opened["category"]) == (
                "open",
                "critical",
                "performance_issue",
            )
            assert opened["source"] == "alert" and opened["created_by"] is None
            assert "CPU in use" in opened["title"] and "web-07" in opened["title"]
            assert opened["sla_state"] == "running"  # the critical policy's clock started
            ticket_id = opened["id"]

            # 2. Acknowledging the alert takes the ticket.
            status, body = call(hub.url, token, "POST", f"/alerts/{first['id']}/acknowledge", {"comment": "on it"})
            assert status == 200, body
            taken = wait_for(
                lambda: (t := ticket(hub, token, ticket_id))["status"] == "in_progress" and t,
                what="the acknowledgement to show on the ticket",
            )
            assert taken["assigned_to"] == me["id"]
            assert alert_events(hub, token, ticket_id) == ["opened", "acknowledged"]

            # 3. The metric recovers (the threshold raised past any sample): the alert resolves
            # by evaluation, and the ticket is resolved or marked.
            set_value(hub, token, threshold_id, NEVER)
            wait_for(lambda: alert(hub, token, first["id"])["status"] == "resolved", what="the alert to resolve")
            recovered = wait_for(
                lambda: (t := ticket(hub, token, ticket_id))["recovered_at"] and t, what="the ticket to recover"
            )
            assert alert(hub, token, first["id"])["resolved_by"] is None  # the samples did it, not a person
            if on_recovery == "resolve":
                assert recovered["status"] == "resolved" and recovered["resolved_at"] is not None
            else:
                assert recovered["status"] == "in_progress" and recovered["resolved_at"] is None

            # 4. It comes back: a new alert of the same threshold and server merges into the same
            # ticket (reopened if the recovery had resolved it); no second incident.
            set_value(hub, token, threshold_id, 0)
            second = wait_for(
                lambda: [
                    a for a in rest(hub.url, token, "/alerts?kind=threshold&status=firing") if a["id"] != first["id"]
                ],
                timeout=60,
                what="the second alert",
            )[0]
            merged = wait_for(
                lambda: (t := ticket(hub, token, ticket_id))["alert_count"] == 2 and t, what="the repeat to merge"
            )
            assert [t["id"] for t in incidents(hub, token)] == [ticket_id]
            assert merged["alert"] == second["id"] and merged["recovered_at"] is None
            assert merged["status"] == ("open" if on_recovery == "resolve" else "in_progress")
            assert merged["resolved_at"] is None
            assert alert_events(hub, token, ticket_id)[-1] == "merged"

            # 5. The other way: taking the ticket acknowledges its firing alert.
            if merged["status"] == "in_progress":  # (mark) put it back in the queue first
                status, body = call(hub.url, token, "PATCH", f"/tickets/{ticket_id}", {"status": "open"})
                assert status == 200, body
                assert alert(hub, token, second["id"])["status"] == "firing"
            status, body = call(hub.url, token, "PATCH", f"/tickets/{ticket_id}", {"status": "in_progress"})
            assert status == 200, body
            acked = wait_for(
                lambda: (a := alert(hub, token, second["id"]))["status"] == "acknowledged" and a,
                what="taking the ticket to acknowledge the alert",
            )
            assert acked["acknowledged_by"] == me["username"]

            # 6. Recovery again: the ticket ends resolved (or marked, still being worked).
            set_value(hub, token, threshold_id, NEVER)
            wait_for(lambda: alert(hub, token, second["id"])["status"] == "resolved", what="the second recovery")
            final = wait_for(
                lambda: (t := ticket(hub, token, ticket_id))["recovered_at"] and t, what="the ticket to recover again"
            )
        finally:
            agent.stop()
        if on_recovery == "resolve":
            assert final["status"] == "resolved" and final["resolved_at"] is not None
        else:
            assert final["status"] == "in_progress" and final["resolved_at"] is None
        assert final["alert_count"] == 2 and len(incidents(hub, token)) == 1
        events = alert_events(hub, token, ticket_id)
        assert events == ["opened", "acknowledged", "recovered", "merged", "acknowledged", "recovered"], events


def test_a_silent_agent_is_a_system_down_incident_until_it_returns(tmp_path):
    with live_hub(tmp_path, ALERTS_OFFLINE_AFTER_SECONDS="4") as hub:
        fleet = setup_fleet(hub, name="db-02", hostname="db-02.local")
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            wait_for(lambda: rest(hub.url, token, f"/metrics/{server_id}")["age_seconds"] < 2, timeout=60,
                     what="the agent to report")  # fmt: skip
        finally:
            agent.stop()
        # Silence: server.offline (critical by default) opens a system-down incident.
        [opened] = wait_for(lambda: incidents(hub, token), timeout=60, what="the system-down incident")
        [offline] = rest(hub.url, token, "/alerts?kind=server.offline")
        assert opened["alert"] == offline["id"] and offline["server"] == server_id
        assert (opened["category"], opened["priority"], opened["status"]) == ("system_down", "critical", "open")
        assert "db-02" in opened["title"]
        # The agent comes back: the alert resolves and so does the incident.
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            done = wait_for(
                lambda: (t := ticket(hub, token, opened["id"]))["status"] == "resolved" and t,
                timeout=60,
                what="the incident to resolve when the agent returns",
            )
            # (Checked while the agent still reports: its silence would open the next episode.)
            assert done["recovered_at"] is not None
            assert alert(hub, token, offline["id"])["status"] == "resolved"
            assert alert_events(hub, token, opened["id"]) == ["opened", "recovered"]
        finally:
            agent.stop()
