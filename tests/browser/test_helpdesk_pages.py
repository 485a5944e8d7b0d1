"""The helpdesk in a real browser against a real hub: a requester opens a ticket from the
queue page (the classifier files it), support staff (the admin) see it in their queue with the
analytics, add an internal note and a public reply and take the ticket; the requester's page
shows the reply live and never the note."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_dashboard import LAPTOP, TIMEOUT_MS, sign_in

pytestmark = pytest.mark.slow

REQUESTER = """
from accounts.models import User
User.objects.create_user('rita', 'rita@example.com', 'a-long-requester-passphrase', role='requester')
print('ok')
"""


@pytest.fixture(scope="module")
def engine() -> None:
    """No container here."""
    return None


def signed_in(browser, fleet, username: str, password: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{fleet.hub.url}/tickets")
    page.wait_for_url(re.compile(r"/login\?next="))
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{fleet.hub.url}/tickets")
    return context, page, errors


@pytest.fixture(scope="module")
def pages(browser, fleet) -> Iterator[tuple[Any, Any]]:
    assert fleet.hub.python(REQUESTER) == "ok"
    rita_context, rita, rita_errors = signed_in(browser, fleet, "rita", "a-long-requester-passphrase")
    admin_context = browser.new_context(viewport=LAPTOP)
    admin_context.set_default_timeout(TIMEOUT_MS)
    admin = admin_context.new_page()
    admin_errors: list[str] = []
    admin.on("pageerror", lambda error: admin_errors.append(str(error)))
    sign_in(admin, fleet.hub.url)
    yield rita, admin
    rita_context.close()
    admin_context.close()
    assert rita_errors == [] and admin_errors == [], "a page threw"


def test_a_requester_opens_a_ticket_and_support_works_it(pages, fleet):
    rita, admin = pages
    rita.locator("#tickets-list", has_text="No tickets.").wait_for()
    assert rita.locator("#ticket-analytics").is_hidden()  # analytics are for support staff
    rita.click("#new-ticket-toggle")
    rita.fill("#new-ticket-form [name=title]", "Forgot my password")
    rita.fill("#new-ticket-form [name=description]", "I cannot log in to my account, please reset my password")
    rita.click("#new-ticket-form button[type=submit]")
    rita.wait_for_url(re.compile(r"/tickets/\d+$"))
    ticket_id = rita.url.rsplit("/", 1)[1]
    rita.locator("#ticket-facts", has_text="password reset (classifier").wait_for()
    assert rita.locator("#ticket-controls").is_hidden()
    assert rita.locator("#comment-form [name=internal]").is_hidden()

    admin.goto(f"{fleet.hub.url}/tickets")
    admin.locator(".ticket-row", has_text="Forgot my password").wait_for()
    admin.locator("#ticket-analytics figure[data-chart='By category']", has_text="password reset").wait_for()
    admin.screenshot(path=str(fleet.shots / "tickets.png"), full_page=True)
    admin.click(f"a[href='/tickets/{ticket_id}']")
    admin.wait_for_url(f"{fleet.hub.url}/tickets/{ticket_id}")
    admin.fill("#comment-form [name=body]", "VIP: reset it at once")
    admin.check("#comment-form [name=internal]")
    admin.click("#comment-form button[type=submit]")
    admin.locator(".comment-internal", has_text="VIP: reset it at once").wait_for()
    admin.fill("#comment-form [name=body]", "A reset link is on its way")
    admin.click("#comment-form button[type=submit]")
    admin.locator(".comment", has_text="A reset link is on its way").wait_for()
    admin.select_option("#ticket-controls [name=status]", "in_progress")
    admin.locator("#ticket-status", has_text="in progress").wait_for()
    admin.locator("#ticket-timeline li[data-kind=status]", has_text="open → in progress").wait_for()
    admin.screenshot(path=str(fleet.shots / "ticket.png"), full_page=True)

    # The requester's page hears the changes over its socket: the reply and the new status.
    rita.locator(".comment", has_text="A reset link is on its way").wait_for()
    rita.locator("#ticket-status", has_text="in progress").wait_for()
    assert "VIP" not in rita.content()
