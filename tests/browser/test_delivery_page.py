"""CI deliveries in a real browser, against a real hub and agent: a deployment sent to the
hub's generic receiver shows as a marker on the charts of the server it touched, and the
delivery page shows the four DORA metrics, their trend and the diagnostics."""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.request
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.browser.test_dashboard import LAPTOP, TIMEOUT_MS, sign_in
from tests.e2e.helpers import wait_for

pytestmark = pytest.mark.slow

SECRET = "browser-ci-secret-0123456789"
INTEGRATION = """
from accounts.actor import Actor
from accounts.models import User
from pipelines.services.integrations import create_integration
integration, _ = create_integration(
    Actor.for_user(User.objects.get(username="ops"), "system"), name="Jenkins", provider="generic",
    secret="{secret}", server_mapping=[{{"environment": "production", "hostnames": ["web-1.example.com"]}}],
)
print(integration.pk)
"""


@pytest.fixture(scope="module")
def engine() -> None:
    """No container here."""
    return None


def post(hub_url: str, integration: int, body: dict[str, Any]) -> int:
    raw = json.dumps(body).encode()
    signature = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
    request = urllib.request.Request(  # noqa: S310 - loopback test hub
        f"{hub_url}/api/v1/integrations/generic/{integration}", data=raw, method="POST",
        headers={"Content-Type": "application/json", "X-Webhook-Signature": signature},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def test_a_deployment_marks_the_server_charts_and_the_delivery_page_explains(browser, fleet):
    integration = int(fleet.hub.python(INTEGRATION.format(secret=SECRET)))
    now = datetime.now(UTC)
    deploy = {
        "type": "deployment", "id": "deploy-1", "service": "shop", "environment": "production", "status": "success",
        "timestamp": iso(now - timedelta(minutes=2)), "started_at": iso(now - timedelta(minutes=4)),
        "finished_at": iso(now - timedelta(minutes=2)), "first_commit_at": iso(now - timedelta(hours=3, minutes=2)),
    }  # fmt: skip
    assert post(fleet.hub.url, integration, deploy) == 202
    # The hub's embedded worker applies it a moment later.
    applied = "from pipelines.models import Deployment; print(Deployment.objects.filter(status='success').count())"
    wait_for(lambda: fleet.hub.python(applied) == "1", what="the deployment applied")
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, fleet.hub.url)
    page.goto(f"{fleet.hub.url}/servers/{fleet.server_id}")
    page.locator("figure[data-chart=cpu][data-markers='1']").wait_for()
    page.locator(".deploy-markers li", has_text="deploy shop → production: success").wait_for()
    page.screenshot(path=str(fleet.shots / "server-deployment-marker.png"), full_page=True)

    page.click("a[data-nav=delivery]")
    page.wait_for_url(f"{fleet.hub.url}/delivery")
    tile = page.locator(".tile[data-metric=lead_time] .tile-value")
    tile.filter(has_text="3 h 0 min").wait_for()
    page.locator(".tile[data-metric=deployment_frequency] .tile-value", has_text="/ day").wait_for()
    # Just deployed: the failure window is still open, and nothing failed.
    page.locator("#dora-diagnostics li[data-code=failure_window_open]").wait_for()
    page.locator("#dora-diagnostics li[data-code=no_failures]").wait_for()
    assert page.locator("#dora-charts figure").count() == 4
    page.screenshot(path=str(fleet.shots / "delivery.png"), full_page=True)
    # Another environment: nothing mapped to it, and the page says so.
    page.fill("#dora-environment", "staging")
    page.locator("#dora-diagnostics li[data-code=no_deployments_in_environment]").wait_for()
    page.locator("#dora-note", has_text="No deployment finished").wait_for()
    context.close()
    assert errors == [], "the page threw"
