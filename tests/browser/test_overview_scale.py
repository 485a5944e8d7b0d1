"""The overview with 200 servers, in Chromium against a real hub and agent: every server is
listed from a couple of list requests, samples arrive over the one fleet socket, and the page
makes no request per server while it sits open."""

from __future__ import annotations

import pytest

from tests.browser.test_dashboard import LAPTOP, TIMEOUT_MS, sign_in

pytestmark = pytest.mark.slow

SERVERS = 200
ADD_SERVERS = """
from servers.models import Server
Server.objects.bulk_create([Server(name=f"scale-{{i:03d}}", hostname=f"scale-{{i:03d}}.example.com")
                            for i in range({n})])
print(Server.objects.count())
"""


@pytest.fixture(scope="module")
def engine() -> None:
    """No container here."""
    return None


def test_two_hundred_servers_without_a_request_per_server(browser, fleet):
    assert int(fleet.hub.python(ADD_SERVERS.format(n=SERVERS - 3))) == SERVERS
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if "/api/" in request.url else None)
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    try:
        sign_in(page, fleet.hub.url)
        page.wait_for_function("n => document.querySelectorAll('#fleet-rows tr').length === n", arg=SERVERS)
        row = page.locator(f"tr[data-server-id='{fleet.server_id}']")
        row.locator(".status-text", has_text="online").wait_for()
        loaded = len(requests)
        # The agent keeps sending (1 s interval): its values arrive over the socket, not by polling.
        page.wait_for_timeout(8000)
        during = requests[loaded:]
        assert [url for url in during if "/metrics/" in url or "/servers/" in url] == [], during
        assert len(during) <= 2, during  # at most a token refresh, never one per server
        assert [url for url in sockets if url.endswith("/api/v1/ws/metrics")], sockets
        assert len(sockets) <= 3, sockets  # the fleet socket and the alerts socket, not one per server
        list_calls = [url for url in requests if "/api/v1/servers" in url]
        assert 1 <= len(list_calls) <= 3, list_calls  # pages of 100
        assert f"1 of {SERVERS} online" in page.inner_text("#fleet-summary")
        assert errors == []
    finally:
        context.close()
