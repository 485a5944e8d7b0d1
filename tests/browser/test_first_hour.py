"""A newcomer's first hour on the server pages, in Chromium against a real hub and agent: a
server no agent has reported for says how to connect one; history charts cover the range asked
for, with each bucket where it belongs, gaps and "no data yet"; the overview's sparklines have
points as soon as it loads; a log filter that matches nothing says so; and an agent without
Docker control is not asked for its containers on every page view.

The agent here runs without --allow-docker, and the hub holds minute rollups written for the
test at known times (before the agent started, so the rollup job never rewrites them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import API_KEY_CODE
from tests.browser.test_dashboard import LAPTOP, TIMEOUT_MS, more_points, points, sign_in
from tests.e2e.helpers import call, rest, wait_for
from tests.live import Agent, Hub, live_hub, setup_fleet

pytestmark = pytest.mark.slow

# Minute rollups of cpu_percent: three minutes 5 h ago and three 2 h ago (a gap between them in
# the 24 h and 7 d charts), and minutes 10 to 3 ago (the overview's sparkline). Times in unix s.
ROLLUPS_CODE = """
import json
from datetime import timedelta
from django.utils import timezone
from monitoring.models import MetricRollup
now = timezone.now().replace(second=0, microsecond=0)
minutes = [300, 299, 298, 120, 119, 118] + list(range(10, 2, -1))
MetricRollup.objects.bulk_create([
    MetricRollup(server_id={server_id}, metric="cpu_percent", resolution=60, bucket=now - timedelta(minutes=m),
                 min=40, max=60, sum=50 * 6, count=6)
    for m in minutes
])
print(json.dumps([(now - timedelta(minutes=m)).timestamp() for m in minutes]))
"""
# A server whose agent connected once and sent nothing: charts with no data at all.
SILENT_CODE = """
from django.utils import timezone
from servers.models import Server
server = Server.objects.create(name="idle-1", hostname="idle-1.example.com", status="offline", last_seen=timezone.now())
print(server.pk)
"""
VIEWER_CODE = """
from accounts.models import User
User.objects.create_user('vera', 'vera@example.com', 'a-long-viewer-passphrase')
print('ok')
"""
DOCKER_LIST_CODE = """
from accounts.models import AuditLog
print(AuditLog.objects.filter(action='docker.list', target_id='{server_id}').count())
"""


@dataclass
class Hour:
    hub: Hub
    token: str
    server_id: int  # web-1, with a real agent without Docker control
    never_id: int  # db-1, no agent ever
    silent_id: int  # idle-1, connected once, no samples
    rollups: list[float]
    app_log: Path
    agent: Agent


@pytest.fixture(scope="module")
def hour(tmp_path_factory, static_root) -> Iterator[Hour]:
    work = tmp_path_factory.mktemp("first-hour")
    app_log = work / "app.log"
    app_log.write_text("")
    with live_hub(work, STATIC_ROOT=str(static_root), AGENT_SILENCE_SECONDS="30") as hub:
        made = setup_fleet(hub, name="web-1", hostname="web-1.example.com")
        token, server_id = hub.python(API_KEY_CODE), int(str(made["server_id"]))
        status, body = call(hub.url, token, "POST", "/servers", {"name": "db-1", "hostname": "db-1.example.com"})
        assert status == 201, body
        rollups = json.loads(hub.python(ROLLUPS_CODE.format(server_id=server_id)))
        silent_id = int(hub.python(SILENT_CODE))
        hub.python(VIEWER_CODE)
        agent = Agent(hub.url, str(made["key"]), work / "agent", interval=1, log_files=(app_log,)).start()
        try:
            wait_for(lambda: rest(hub.url, token, f"/servers/{server_id}")["status"] == "online", what="the agent")
            yield Hour(hub, token, server_id, int(body["data"]["id"]), silent_id, rollups, app_log, agent)
        finally:
            agent.stop()


@pytest.fixture
def page(browser, hour) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, hour.hub.url)
    yield page
    context.close()
    assert errors == [], "the page threw"


def test_a_server_no_agent_reported_for_shows_how_to_connect_one(page, browser, hour):
    page.goto(f"{hour.hub.url}/servers/{hour.never_id}")
    panel = page.locator("#connect-panel")
    panel.get_by_text("Connect an agent").wait_for()
    start = f"sudo chatops-agent --hub {hour.hub.url} --key-file /etc/chatops-agent/key"
    assert start in panel.inner_text()
    assert "docs/agent.md" in panel.inner_text()
    for hidden in ["#console-panel", "#charts", "#logs", "#containers"]:
        assert page.locator(hidden).is_hidden(), hidden
    assert "agent did not answer" not in page.inner_text("main")

    page.click("#create-agent-key")
    key = page.locator("#connect-key pre").inner_text().strip()
    assert key
    assert f"printf '%s\\n' '{key}'" in page.inner_text("#connect-commands")
    code = f"from accounts.models import APIKey; k = APIKey.objects.for_raw_key({key!r}); print(k.server_id, k.scopes)"
    assert hour.hub.python(code) == f"{hour.never_id} ['agent']"

    context = browser.new_context(viewport=LAPTOP)  # a viewer is told an admin must make the key
    context.set_default_timeout(TIMEOUT_MS)
    viewer = context.new_page()
    sign_in(viewer, hour.hub.url, "vera", "a-long-viewer-passphrase")
    viewer.goto(f"{hour.hub.url}/servers/{hour.never_id}")
    viewer.locator("#connect-panel", has_text="An admin must create it").wait_for()
    assert viewer.locator("#create-agent-key").count() == 0
    context.close()


SCALE = """chart => { const u = document.querySelector(`figure[data-chart=${chart}]`).plot;
    return {min: u.scales.x.min, max: u.scales.x.max, xs: u.data[0], ys: u.data[1], now: Date.now() / 1000}; }"""


def chart_range(page, chart: str, seconds: int) -> dict[str, Any]:
    """Once the chart shows the range: its x scale and data, and the page's clock."""
    page.wait_for_function(
        "([chart, s]) => { const u = document.querySelector(`figure[data-chart=${chart}]`).plot;"
        " return u && u.scales.x.max - u.scales.x.min > s - 60; }",
        arg=[chart, seconds],
    )
    return dict(page.evaluate(SCALE, chart))


BUCKET = """async ([id, seconds]) => {
    const token = JSON.parse(sessionStorage.getItem('chatops.auth')).access;
    const start = new Date(Date.now() - seconds * 1000).toISOString();
    const query = `metric=cpu_percent&points=${seconds === 86400 ? 288 : 336}&start=${encodeURIComponent(start)}`;
    const answer = await fetch(`/api/v1/metrics/${id}/history?${query}`, {headers: {Authorization: `Bearer ${token}`}});
    return (await answer.json()).data.bucket_seconds; }"""


@pytest.mark.parametrize(("range_", "seconds"), [("24h", 86400), ("7d", 7 * 86400)])
def test_history_charts_cover_the_range_with_each_bucket_in_its_place(page, hour, range_, seconds):
    page.goto(f"{hour.hub.url}/servers/{hour.server_id}")
    page.locator("#server-status", has_text="online").wait_for()
    page.click(f"#ranges [data-range='{range_}']")
    found = chart_range(page, "cpu", seconds)
    assert abs(found["min"] - (found["now"] - seconds)) < 60
    assert abs(found["max"] - found["now"]) < 60
    assert all(found["now"] - seconds - 1 <= x <= found["now"] + 1 for x in found["xs"])
    # Each bucket at its middle, not its start; the 3 hours without data are a break in the line.
    bucket = page.evaluate(BUCKET, [hour.server_id, seconds])  # as the page asks: 360 s, 1860 s
    middles = sorted({(t // bucket) * bucket + bucket / 2 for t in hour.rollups[:6]})
    xs = found["xs"]
    for middle in middles:
        assert middle in xs, (middle, xs)
    first, last = xs.index(middles[0]), xs.index(middles[-1])
    assert None in found["ys"][first:last]
    # Units on the axis: a rate, not a size.
    ticks = page.evaluate("() => document.querySelector('figure[data-chart=network]').plot.axes[1]._values")
    assert ticks and all(tick.endswith("/s") for tick in ticks), ticks

    page.goto(f"{hour.hub.url}/servers/{hour.silent_id}")
    page.click(f"#ranges [data-range='{range_}']")
    chart_range(page, "memory", seconds)
    page.locator("figure[data-chart=memory] .chart-empty", has_text="no data yet").wait_for()


def test_the_overview_sparkline_has_points_as_soon_as_it_loads(page, hour):
    held: list[Any] = []

    def hold(ws: Any) -> None:
        held.append(ws)  # open to the page, and silent

    page.route_web_socket(re.compile(r"/api/v1/ws/metrics$"), hold)
    page.goto(f"{hour.hub.url}/")
    page.wait_for_function(
        "id => Number(document.querySelector(`tr[data-server-id='${id}'] canvas.spark`)?.dataset.points) >= 2",
        arg=hour.server_id,
    )
    assert page.locator(f"tr[data-server-id='{hour.server_id}'] canvas.spark").is_visible()
    assert held  # no sample came on the socket: the points are the last minutes read at load


def test_a_log_filter_that_matches_nothing_says_so(page, hour):
    page.goto(f"{hour.hub.url}/servers/{hour.server_id}")
    page.locator("#server-status", has_text="online").wait_for()
    page.fill("#log-search", "no-line-says-this")
    page.locator("#logs .empty", has_text="No lines match").wait_for()
    with hour.app_log.open("a") as handle:  # a live line the filter drops leaves the message there
        handle.write("INFO something else entirely\n")
    stored = "from monitoring.models import LogLine; print(LogLine.objects.filter(message__contains='else').count())"
    wait_for(lambda: hour.hub.python(stored) == "1", what="the line stored")
    page.wait_for_timeout(1000)
    assert page.locator("#logs .empty", has_text="No lines match").is_visible()


def test_the_page_of_a_server_whose_agent_has_no_docker_asks_it_nothing(page, hour):
    before = int(hour.hub.python(DOCKER_LIST_CODE.format(server_id=hour.server_id)))
    for _ in range(2):
        page.goto(f"{hour.hub.url}/servers/{hour.server_id}")
        page.locator("#containers", has_text="Docker control is off").wait_for()
    assert int(hour.hub.python(DOCKER_LIST_CODE.format(server_id=hour.server_id))) == before == 0


def test_the_server_page_shows_its_agent_going_away_at_once(page, hour):
    """The hub publishes server.status when an agent disconnects; the page does not wait for
    its 30-second reread of the server. And a read of the server that was on its way when the
    agent left (the one the live socket asks for once open, held here until the page shows
    offline) does not paint it online again. Last in the module: it stops the agent."""
    reads: list[object] = []
    held: list[tuple[Any, Any]] = []

    def reads_of_the_server(route: Any) -> None:
        reads.append(route)
        if len(reads) == 2:  # the socket's read, answered "online" and delivered late
            held.append((route, route.fetch()))
        else:
            route.continue_()

    page.route(f"**/api/v1/servers/{hour.server_id}", reads_of_the_server)
    page.goto(f"{hour.hub.url}/servers/{hour.server_id}")
    page.locator("#server-status", has_text="online").wait_for()
    more_points(page, "cpu", points(page, "cpu"))  # a sample came on the socket: it is open
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page did not read the server again once its socket was open"
    hour.agent.stop()
    page.locator("#server-status", has_text="offline").wait_for(timeout=10_000)
    route, stale = held[0]
    route.fulfill(response=stale)
    page.wait_for_timeout(1_000)
    assert "offline" in page.inner_text("#server-status")
