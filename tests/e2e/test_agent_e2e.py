"""End to end: a real daphne hub and a real ``chatops-agent`` process.

The agent comes online, its metrics reach the REST API, the history endpoint and live
browser sockets, a line appended to a tailed log file shows up, and the server goes offline
when the agent stops. An outage of the hub loses nothing; two hub processes on one Redis act
as one hub.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e.helpers import browser_connect, next_event, rest, shared_redis_url, wait_for
from tests.live import Agent, live_hub, setup_fleet

pytestmark = pytest.mark.slow


_redis_url = shared_redis_url


async def test_agent_to_rest_and_browsers(tmp_path):
    app_log = tmp_path / "app.log"
    app_log.write_text("old line that must not be sent\n")
    with live_hub(tmp_path, AGENT_SILENCE_SECONDS="30") as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1, log_files=(app_log,)).start()
        try:
            server = wait_for(
                lambda: (s := rest(hub.url, token, f"/servers/{server_id}"))["status"] == "online" and s,
                what="the server to come online",
            )
            assert server["agent_version"]
            async with browser_connect(hub.url, f"/api/v1/ws/metrics/{server_id}", token) as metrics_ws:
                sample = await next_event(metrics_ws, "metrics.sample")
                assert sample["server_id"] == server_id
                assert {"cpu_percent", "memory_percent", "disk_percent", "load_1", "uptime_seconds"} <= set(
                    sample["values"]
                )
            async with browser_connect(hub.url, f"/api/v1/ws/logs/{server_id}", token) as logs_ws:
                await asyncio.sleep(1.5)  # the tailer is running; this line is new
                with app_log.open("a") as handle:
                    handle.write("ERROR payment service unreachable\n")
                event = await next_event(logs_ws, "logs.lines")
                assert any("payment service unreachable" in line["message"] for line in event["lines"])
            latest = rest(hub.url, token, f"/metrics/{server_id}")
            assert latest["values"]["cpu_percent"] >= 0
            start = (datetime.now(UTC) - timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
            history = rest(hub.url, token, f"/metrics/{server_id}/history?metric=cpu_percent&start={start}&points=300")
            assert history["source"] == "raw"
            assert history["points"]
            lines = rest(hub.url, token, f"/logs/{server_id}?search=payment")
            assert [line["message"] for line in lines] == ["ERROR payment service unreachable"]
            assert rest(hub.url, token, f"/logs/{server_id}?search=must%20not") == []
        finally:
            agent.stop()
        wait_for(
            lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "offline",
            what="the server to go offline",
        )


def test_the_hubs_own_access_log_raises_no_false_alarm(tmp_path):
    """An agent that follows the hub's own log: a request for alert-feed.js or for
    ?min_level=error is no error; a line that states its level still has it."""
    with live_hub(tmp_path) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        own_log = hub.var_dir / f"daphne-{hub.ports[0]}.log"
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1, log_files=(own_log,)).start()
        try:
            wait_for(lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "online", what="online")
            time.sleep(1.5)  # the tailer is running: what follows is new
            with contextlib.suppress(urllib.error.HTTPError):  # served or not, the request is logged
                urllib.request.urlopen(f"{hub.url}/static/dashboard/js/alert-feed.js", timeout=10).close()  # noqa: S310
            rest(hub.url, token, f"/logs/{server_id}?min_level=error")
            with own_log.open("a") as handle:
                handle.write("ERROR a real one\n")
            found = wait_for(
                lambda: (lines := rest(hub.url, token, f"/logs/{server_id}?search=a%20real%20one")) and lines,
                what="the real error line",
            )
            assert found[0]["level"] == "error"
            access = rest(hub.url, token, f"/logs/{server_id}?search=alert-feed.js")
            assert access and {line["level"] for line in access} == {"unknown"}
            errors = rest(hub.url, token, f"/logs/{server_id}?min_level=error")
            assert [line["message"] for line in errors] == ["ERROR a real one"]
        finally:
            agent.stop()


def test_an_outage_of_the_hub_loses_no_sample_and_stores_none_twice(tmp_path):
    with live_hub(tmp_path) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        port = hub.ports[0]
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            wait_for(lambda: rest(hub.url, token, f"/metrics/{server_id}")["ts"], what="a first sample")
            hub.stop_daphne(port)
            outage_started = time.monotonic()
            time.sleep(30)
            hub.start_daphne(port)
            outage = time.monotonic() - outage_started
            wait_for(
                lambda: rest(hub.url, token, f"/metrics/{server_id}")["age_seconds"] < 3,
                # Full-jitter backoff is capped at 60 s, so the first retry after the hub is
                # back may come that late; then the buffer drains in a few seconds.
                timeout=150,
                what="the agent to catch up",
            )
            time.sleep(3)
        finally:
            agent.stop()
        rows = hub.python(
            "import json; from monitoring.models import MetricSample;"
            f"print(json.dumps([s.ts.timestamp() for s in MetricSample.objects.filter(server_id={server_id})"
            ".order_by('ts')]))"
        )
    stamps = json.loads(rows)
    assert len(stamps) == len(set(stamps)), "a sample was stored twice"
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    assert max(gaps) < 2.5, f"samples are missing: largest gap {max(gaps):.1f}s over a {outage:.0f}s outage"
    assert len(stamps) >= outage


@pytest.mark.skipif(_redis_url() is None, reason="needs a Redis server to share between the two hub processes")
async def test_two_hub_processes_on_one_redis_act_as_one_hub(tmp_path):
    with live_hub(tmp_path, processes=2, REDIS_URL=str(_redis_url())) as hub:
        fleet = setup_fleet(hub)
        token, server_id = str(fleet["token"]), int(fleet["server_id"])
        first, second = (f"http://127.0.0.1:{port}" for port in hub.ports)
        async with browser_connect(second, f"/api/v1/ws/metrics/{server_id}", token) as ws:
            agent = Agent(first, str(fleet["key"]), tmp_path / "agent", interval=1).start()
            try:
                event = await next_event(ws, "metrics.sample")
                assert event["server_id"] == server_id
            finally:
                agent.stop()
