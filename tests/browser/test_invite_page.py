"""The page an invitation's link opens: the invitee chooses a password and lands signed in on
the dashboard; the same link a second time says it is no longer valid."""

from __future__ import annotations

import json
import re

import pytest

from tests.live import live_hub

INVITE_CODE = """
import json
from accounts.actor import Actor
from accounts.models import User
from accounts.people import create_user
admin = User.objects.create_superuser('ops', 'ops@example.com', 'a-long-live-test-passphrase')
user, invitation = create_user(Actor.for_user(admin, 'system'), username='ivy', email='ivy@example.com',
                               role='operator', base_url='{base}')
print(json.dumps({{'url': invitation.url, 'emailed': invitation.emailed}}))
"""
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def hub(tmp_path_factory, static_root):
    with live_hub(tmp_path_factory.mktemp("invite"), STATIC_ROOT=str(static_root)) as hub:
        yield hub


def test_an_invitee_chooses_a_password_and_is_signed_in(browser, hub):
    made = json.loads(hub.python(INVITE_CODE.format(base=hub.url)).strip().splitlines()[-1])
    assert made["url"].startswith(f"{hub.url}/invite#token=") and made["emailed"] is True
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(made["url"])
    assert "token" not in page.url  # taken out of the address bar and the history
    page.fill("#password", "ivy-chose-a-long-passphrase")
    page.fill("#again", "ivy-chose-something-else")
    page.click("button[type=submit]")
    page.get_by_text("The two passwords differ.").wait_for()
    page.fill("#again", "ivy-chose-a-long-passphrase")
    page.click("button[type=submit]")
    page.wait_for_url(f"{hub.url}/")
    page.locator("#whoami", has_text="ivy (operator)").wait_for()
    # The link works once.
    second = context.new_page()
    second.goto(made["url"])
    second.fill("#password", "another-long-passphrase")
    second.fill("#again", "another-long-passphrase")
    second.click("button[type=submit]")
    second.get_by_text(re.compile("no longer valid")).wait_for()
    context.close()


def test_a_link_without_a_token_says_so(browser, hub):
    page = browser.new_page()
    page.goto(f"{hub.url}/invite")
    page.get_by_text("This link has no invitation in it.").wait_for(timeout=TIMEOUT_MS)
    assert page.locator("button[type=submit]").is_disabled()
    page.close()
