"""Thresholds and custom metrics in a real browser, against a real hub and agent: an admin
manages thresholds on the alerts page with the metric picker, a viewer only reads them, a
custom metric has its chart, and an alert card says what fired in words, units and rounded
numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_dashboard import LAPTOP, PHONE, TIMEOUT_MS, overflowing, sign_in
from tests.e2e.helpers import call, rest, wait_for

pytestmark = pytest.mark.slow

VIEWER = """
from accounts.models import User
User.objects.create_user('vera', 'vera@example.com', 'a-long-viewer-passphrase')
print('ok')
"""
CUSTOM_POINTS = """
from datetime import timedelta
from django.utils import timezone
from accounts.actor import Actor
from accounts.models import User
from monitoring.services import record_custom_metrics
now = timezone.now()
points = [{"name": "queue_depth", "value": float(i % 7), "unit": "jobs", "tags": {"queue": "mail"},
           "ts": now - timedelta(minutes=i)} for i in range(120)]
print(record_custom_metrics(Actor.for_user(User.objects.get(username="ops"), "system"), points))
"""


@pytest.fixture(scope="module")
def engine() -> None:
    """No container here."""
    return None


@pytest.fixture(scope="module")
def admin_page(browser, fleet) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, fleet.hub.url)
    yield page
    context.close()
    assert errors == [], "the page threw"


def thresholds(fleet) -> list[dict[str, Any]]:
    return rest(fleet.hub.url, fleet.token, "/alerts/thresholds")


def test_an_admin_creates_edits_disables_and_deletes_a_threshold_with_the_picker(admin_page, fleet):
    page = admin_page
    page.goto(f"{fleet.hub.url}/alerts")
    page.locator("#thresholds-list", has_text="No thresholds yet").wait_for()
    page.click("#threshold-new")
    picker = page.locator("#threshold-metric")
    # The agent's metrics, with labels and units, and what this server reports per device.
    picker.locator("option", has_text="Memory used — memory_percent (%)").wait_for(state="attached")
    picker.locator("option[value^='cpu_percent:core']").first.wait_for(state="attached")
    page.fill("#threshold-name", "Memory high")
    picker.select_option("memory_percent")
    page.locator("#threshold-unit", has_text="%").wait_for()
    page.fill("#threshold-value", "90")
    page.fill("#threshold-duration", "120")
    page.select_option("#threshold-severity", "critical")
    page.screenshot(path=str(fleet.shots / "threshold-form.png"), full_page=True)
    page.click("#threshold-form button[type=submit]")
    row = page.locator("#thresholds-list tr", has_text="Memory high")
    row.locator(".condition", has_text="Memory used > 90 % for 2 min").wait_for()
    assert page.locator("#threshold-form").count() == 0
    made = thresholds(fleet)
    assert [(t["metric"], t["value"], t["severity"], t["metric_expected"]) for t in made] == [
        ("memory_percent", 90.0, "critical", False)
    ]

    row.get_by_role("button", name="Edit").click()
    page.fill("#threshold-value", "95.5")
    page.click("#threshold-form button[type=submit]")
    row.locator(".condition", has_text="Memory used > 95.5 %").wait_for()

    row.get_by_role("button", name="Disable").click()
    row.locator(".state", has_text="disabled").wait_for()
    assert thresholds(fleet)[0]["enabled"] is False
    row.get_by_role("button", name="Enable").click()
    row.locator(".state", has_text="enabled").wait_for()

    # A metric nothing reports yet only when said so; the API's refusal shows at the field.
    page.click("#threshold-new")
    page.fill("#threshold-name", "Backups stale")
    page.locator("#threshold-metric").select_option("__other__")
    page.fill("#threshold-metric-other", "backup_age_seconds")
    page.fill("#threshold-value", "86400")
    page.click("#threshold-form button[type=submit]")
    page.locator("#thresholds-list tr", has_text="Backups stale").get_by_text("expected later").wait_for()

    row.get_by_role("button", name="Delete").click()
    row.get_by_role("button", name="Yes, delete").click()
    row.wait_for(state="detached")
    assert [t["name"] for t in thresholds(fleet)] == ["Backups stale"]
    page.screenshot(path=str(fleet.shots / "alerts.png"), full_page=True)
    assert overflowing(page, PHONE) == []


def test_a_viewer_sees_the_thresholds_and_no_controls(browser, fleet):
    fleet.hub.python(VIEWER)
    status, body = call(fleet.hub.url, fleet.token, "POST", "/alerts/thresholds", {
        "name": "Load high", "metric": "load_1", "operator": ">", "value": 8, "scope": "all",
    })  # fmt: skip
    assert status == 201, body
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    sign_in(page, fleet.hub.url, "vera", "a-long-viewer-passphrase")
    page.goto(f"{fleet.hub.url}/alerts")
    row = page.locator("#thresholds-list tr", has_text="Load high")
    row.locator(".condition", has_text="Load (1 min) > 8").wait_for()
    assert page.locator("#thresholds button").count() == 0
    assert page.locator("#thresholds input, #thresholds select").count() == 0
    context.close()


def test_a_custom_metric_has_a_chart_with_points(admin_page, fleet):
    assert fleet.hub.python(CUSTOM_POINTS) == "120"
    page = admin_page
    page.goto(f"{fleet.hub.url}/alerts")
    page.click("a[data-nav=metrics]")
    page.wait_for_url(re.compile(r"/custom-metrics"))
    page.wait_for_function("() => Number(document.querySelector('figure[data-chart=custom]')?.dataset.points) > 0")
    assert "queue_depth" in page.inner_text("figure[data-chart=custom] figcaption")
    assert "(jobs)" in page.inner_text("figure[data-chart=custom] figcaption")
    page.select_option("#custom-tags", "queue:mail")
    page.locator("figure[data-chart=custom] figcaption", has_text="queue:mail").wait_for()
    page.wait_for_function("() => Number(document.querySelector('figure[data-chart=custom]').dataset.points) > 0")
    page.click("#custom-ranges [data-range='1h']")
    page.wait_for_function("() => Number(document.querySelector('figure[data-chart=custom]').dataset.points) >= 50")
    page.screenshot(path=str(fleet.shots / "custom-metrics.png"), full_page=True)
    assert overflowing(page, PHONE) == []


def test_an_alert_card_shows_the_metric_label_unit_and_rounded_values(admin_page, fleet):
    status, body = call(fleet.hub.url, fleet.token, "POST", "/alerts/thresholds", {
        "name": "CPU awake", "metric": "cpu_percent", "operator": ">=", "value": 0, "scope": "server",
        "server": fleet.server_id, "severity": "info",
    })  # fmt: skip
    assert status == 201, body
    fired = wait_for(
        lambda: [a for a in rest(fleet.hub.url, fleet.token, "/alerts?status=firing") if a["name"] == "CPU awake"],
        what="the alert firing",
    )[0]
    page = admin_page
    page.goto(f"{fleet.hub.url}/alerts")
    text = page.locator("#alerts-list .alert", has_text="CPU awake").locator(".alert-text")
    text.wait_for()
    shown = text.inner_text()
    assert re.fullmatch(r"CPU ≥ 0 %: fired at \d+(\.\d{1,2})? %(, peak \d+(\.\d{1,2})? %)?", shown), shown
    assert "cpu_percent" not in shown
    assert (fired["metric_label"], fired["metric_unit"]) == ("CPU", "%")


def test_an_operator_silences_an_alert_from_its_row_and_ends_the_silence(admin_page, fleet):
    status, body = call(fleet.hub.url, fleet.token, "POST", "/alerts/thresholds", {
        "name": "Load awake", "metric": "load_1", "operator": ">=", "value": 0, "scope": "server",
        "server": fleet.server_id, "severity": "warning",
    })  # fmt: skip
    assert status == 201, body
    fired = wait_for(
        lambda: [a for a in rest(fleet.hub.url, fleet.token, "/alerts?status=firing") if a["name"] == "Load awake"],
        what="the alert firing",
    )[0]
    assert fired["silenced"] is False
    page = admin_page
    page.goto(f"{fleet.hub.url}/alerts")
    row = page.locator("#alerts-list .alert", has_text="Load awake")
    row.wait_for()
    row.get_by_label("Silence for").select_option(label="4 h")
    row.get_by_label("Comment").fill("kernel upgrade")
    row.get_by_role("button", name="Silence", exact=True).click()
    row.locator(".badge-silenced", has_text="silenced").wait_for()
    shown = rest(fleet.hub.url, fleet.token, f"/alerts/{fired['id']}")
    assert shown["silenced"] is True
    silence = rest(fleet.hub.url, fleet.token, f"/silences/{shown['silence']}")
    assert silence["comment"] == "kernel upgrade" and silence["state"] == "active"
    assert {m["label"]: m["value"] for m in silence["matchers"]} == {
        "alert_name": "Load awake",
        "server": fired["server_name"],
    }
    page.screenshot(path=str(fleet.shots / "alert-silenced.png"), full_page=True)
    row.get_by_role("button", name="Unsilence").click()
    row.locator(".badge-silenced").wait_for(state="detached")
    assert rest(fleet.hub.url, fleet.token, f"/silences/{silence['id']}")["state"] == "expired"
    assert rest(fleet.hub.url, fleet.token, f"/alerts/{fired['id']}")["silenced"] is False
