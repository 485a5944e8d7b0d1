"""The notifications bell in a real browser, against a real hub: a notification sent to the
signed-in user raises the count in the top bar live (no reload), the dropdown lists it, and
marking it read (one, then all) brings the count back down."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_dashboard import LAPTOP, PHONE, TIMEOUT_MS, overflowing, sign_in
from tests.e2e.helpers import call

pytestmark = pytest.mark.slow

NOTIFY_KEY = """
from accounts.models import User
from accounts.services import create_api_key
ops = User.objects.get(username='ops')
key = create_api_key(None, ops, name='bell', scopes=['notifications:read', 'notifications:write'])[1]
print(f'{ops.pk} {key}')
"""


@pytest.fixture(scope="module")
def engine() -> None:
    """No container here."""
    return None


def send(fleet: Any, token: str, user_id: int, subject: str, severity: str = "warning") -> None:
    body = {
        "subject": subject,
        "content": "The **database** restarts at 18:00; expect a minute of errors.",
        "severity": severity,
        "recipients": {"users": [user_id]},
    }
    status, answer = call(fleet.hub.url, token, "POST", "/notifications", body)
    assert status == 201, answer


def test_the_bell_counts_a_notification_sent_to_the_user_live(browser, fleet):
    user_id, token = fleet.hub.python(NOTIFY_KEY).split()
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, fleet.hub.url)
    page.locator("#bell-button").wait_for()
    page.click("#bell-button")
    page.locator("#bell-menu", has_text="No notifications yet.").wait_for()
    assert page.locator("#bell-count").is_hidden()
    page.evaluate("window.__sameDocument = true")  # gone if the page reloaded

    send(fleet, token, int(user_id), "Database restart at 18:00")
    page.locator("#bell-count", has_text="1").wait_for()
    item = page.locator("#bell-menu .bell-item.unread", has_text="Database restart at 18:00")
    item.wait_for()  # the open dropdown got it too
    assert "The database restarts at 18:00" in item.inner_text()
    assert page.get_by_role("button", name="Notifications, 1 unread").count() == 1
    assert page.evaluate("window.__sameDocument") is True, "counted live, without a reload"

    send(fleet, token, int(user_id), "Second notice", severity="critical")
    page.locator("#bell-count", has_text="2").wait_for()
    page.screenshot(path=str(fleet.shots / "notifications-bell.png"))

    item.get_by_role("button", name="Mark read").click()
    page.locator("#bell-count", has_text="1").wait_for()
    page.locator("#bell-menu .bell-item:not(.unread)", has_text="Database restart at 18:00").wait_for()
    page.click("#bell-read-all")
    page.locator("#bell-count").wait_for(state="hidden")
    assert page.locator("#bell-menu .bell-item.unread").count() == 0

    # A reload reads the same from the inbox: nothing unread, both listed, newest first.
    page.reload()
    page.click("#bell-button")
    page.locator("#bell-menu .bell-item").nth(1).wait_for()
    assert page.locator("#bell-menu .bell-item strong").all_inner_texts() == [
        "Second notice",
        "Database restart at 18:00",
    ]
    assert page.locator("#bell-count").is_hidden()
    page.keyboard.press("Escape")
    assert page.locator("#bell-menu").is_hidden()
    assert overflowing(page, PHONE) == []
    context.close()
    assert errors == [], "the page threw"
