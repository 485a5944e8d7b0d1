"""The dashboard in Firefox: Debian's Firefox ESR, headless, driven over its built-in Marionette
protocol (the marionette_driver package; Playwright cannot drive Debian's Firefox). A shorter
walk than the Chromium tests: sign in, the fleet, a server's charts and latest values, the
alerts, phone width, and no script errors in the browser console.

The browser gets a fresh profile and a free Marionette port of its own, and is always stopped.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser.conftest import PASSWORD, unavailable
from tests.e2e.helpers import call

pytestmark = pytest.mark.slow

FIREFOX = os.environ.get("CHATOPS_FIREFOX", "/usr/bin/firefox-esr")
TIMEOUT = 30.0

# In the browser's own (chrome) context: the console's errors since it was last cleared, from
# the hub's pages or from any page script (uncaught exceptions and rejections, CSP refusals).
CONSOLE_ERRORS = """
const [origin] = arguments;
const quiet = Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag;
return Services.console.getMessageArray()
  .filter(m => m instanceof Ci.nsIScriptError && !(m.flags & quiet))
  .filter(m => m.category === "content javascript" || (m.sourceName || "").startsWith(origin))
  .map(m => `${m.category}: ${m.errorMessage} (${m.sourceName}:${m.lineNumber})`);
"""


@pytest.fixture(scope="module")
def engine() -> None:
    """No container: these tests do not need one (overrides the conftest's fixture)."""
    return None


@pytest.fixture(scope="module")
def firefox(tmp_path_factory) -> Iterator[Any]:
    if sys.version_info >= (3, 13):
        # marionette_driver's runner imports telnetlib, which Python 3.13 removed.
        pytest.skip("marionette_driver does not run on Python 3.13+; Firefox is tested on 3.11 and 3.12")
    if not os.path.exists(FIREFOX):
        unavailable(f"no Firefox at {FIREFOX}", "firefox-esr")
    try:
        from marionette_driver.marionette import Marionette
    except ImportError:
        unavailable("the marionette_driver package is not installed (pip install -e '.[dev]')", "firefox-esr")
    work = tmp_path_factory.mktemp("firefox")
    # port=0: a free port, written into the fresh profile's marionette.port.
    client = Marionette(
        bin=FIREFOX, port=0, headless=True, gecko_log=str(work / "gecko.log"), workspace=str(work), startup_timeout=60
    )
    try:
        client.start_session()
        client.timeout.page_load = TIMEOUT
        with client.using_context(client.CONTEXT_CHROME):
            # The browser window will not go narrower than 500 px on its own; a phone is narrower.
            client.execute_script("document.documentElement.style.minWidth = '0px'")
        client.set_window_rect(width=1280, height=800)
        yield client
    finally:
        client.cleanup()  # ends the session, stops Firefox and removes its profile


@pytest.fixture
def firefox_page(firefox, fleet) -> Iterator[Any]:
    """The browser, its console cleared; the test fails if a page logged a script error."""
    with firefox.using_context(firefox.CONTEXT_CHROME):
        firefox.execute_script("Services.console.reset()")
    yield firefox
    with firefox.using_context(firefox.CONTEXT_CHROME):
        errors = firefox.execute_script(CONSOLE_ERRORS, script_args=[fleet.hub.url])
    assert errors == [], "the console has script errors"


def until(what: str, check: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; last: {found!r}")
        time.sleep(0.2)


def js_until(browser, what: str, script: str, *args: Any, timeout: float = TIMEOUT) -> Any:
    """Wait until ``script`` (a function body, its arguments in ``arguments``) returns truthy."""
    return until(what, lambda: browser.execute_script(script, script_args=list(args)), timeout)


def text(browser, selector: str) -> str:
    return str(browser.execute_script("return document.querySelector(arguments[0])?.textContent ?? ''", [selector]))


def no_overflow_at_phone_width(browser) -> None:
    """At 390x844 nothing makes the page scroll sideways (charts resize on the next frame)."""
    browser.set_window_rect(width=390, height=844)
    try:
        assert browser.execute_script("return innerWidth") <= 390
        js_until(
            browser,
            f"no horizontal overflow on {browser.get_url()}",
            "const e = document.documentElement; return e.scrollWidth <= e.clientWidth",
            timeout=5,
        )
    finally:
        browser.set_window_rect(width=1280, height=800)


def test_sign_in_see_the_server_online_and_its_charts(firefox_page, fleet):
    browser = firefox_page
    hub = fleet.hub.url
    browser.navigate(f"{hub}/servers/{fleet.server_id}")
    until("the sign-in page", lambda: re.search(r"/login\?next=%2Fservers%2F", browser.get_url()))
    js_until(browser, "the sign-in form", "return document.querySelector('#username')")
    browser.find_element("css selector", "#username").send_keys("ops")
    browser.find_element("css selector", "#password").send_keys(PASSWORD)
    browser.find_element("css selector", "button[type=submit]").click()
    until("back on the server page", lambda: browser.get_url() == f"{hub}/servers/{fleet.server_id}")

    browser.navigate(f"{hub}/")
    js_until(
        browser,
        "the server online on the overview",
        "return document.querySelector(`tr[data-server-id='${arguments[0]}'] .status-text`)?.textContent === 'online'",
        fleet.server_id,
    )
    assert "1 of 3 online" in text(browser, "#fleet-summary")
    no_overflow_at_phone_width(browser)

    browser.find_element("css selector", f"tr[data-server-id='{fleet.server_id}'] .server-link").click()
    until("the server page", lambda: browser.get_url() == f"{hub}/servers/{fleet.server_id}")
    js_until(browser, "the server online", "return /online/.test(document.querySelector('#server-status').textContent)")
    js_until(browser, "the latest values", "return /\\d %/.test(document.querySelector('#latest').textContent)")
    for chart in ("cpu", "memory", "network"):
        size = js_until(
            browser,
            f"the {chart} chart drawn",
            """const figure = document.querySelector(`figure[data-chart=${arguments[0]}]`);
               const canvas = figure?.querySelector('.uplot canvas');
               return canvas && Number(figure.dataset.points) > 0 && canvas.width > 0 && canvas.height > 0
                 && [canvas.width, canvas.height]""",
            chart,
        )
        assert min(size) > 0
    points = "return Number(document.querySelector('figure[data-chart=cpu]').dataset.points)"
    first = int(browser.execute_script(points))
    js_until(
        browser,
        "the cpu chart moving",
        f"{points} > arguments[0]",
        first,
    )
    no_overflow_at_phone_width(browser)


def test_an_alert_on_the_alerts_page(firefox_page, fleet):
    browser = firefox_page
    hub = fleet.hub.url
    status, body = call(hub, fleet.token, "POST", "/alerts/thresholds", {
        "name": "Firefox CPU", "metric": "cpu_percent", "operator": ">=", "value": 0, "duration_seconds": 0,
        "severity": "warning", "scope": "server", "server": fleet.server_id,
    })  # fmt: skip
    assert status == 201, body
    browser.navigate(f"{hub}/")  # still signed in: the tab keeps its session
    until("the overview", lambda: browser.get_url() == f"{hub}/")
    browser.find_element("css selector", "a[data-nav=alerts]").click()
    until("the alerts page", lambda: browser.get_url().startswith(f"{hub}/alerts"))
    js_until(
        browser,
        "the alert listed as firing",
        "return [...document.querySelectorAll('#alerts-list .alert')].some(a => a.textContent.includes('Firefox CPU'))",
    )
    assert text(browser, "#alert-tabs [data-status=firing] .count") == "1"
    no_overflow_at_phone_width(browser)
