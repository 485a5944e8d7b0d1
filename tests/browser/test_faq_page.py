"""The FAQ page and the help bot's widget in a real browser: a requester reads the FAQ and asks
the bot (answered, then handed over to a ticket); support staff add an FAQ with the editor,
which a requester never sees."""

from __future__ import annotations

import os

import pytest

from tests.live import ROOT, live_hub

PASSWORD = "a-long-live-test-passphrase"
TIMEOUT_MS = 20_000
USERS_CODE = """
from accounts.models import User
for name, role in (('rita', 'requester'), ('sam', 'support')):
    User.objects.create_user(name, f'{name}@example.com', 'a-long-live-test-passphrase', role=role)
print('ok')
"""


@pytest.fixture(scope="module")
def hub(tmp_path_factory, static_root):
    with live_hub(tmp_path_factory.mktemp("faqs"), STATIC_ROOT=str(static_root)) as hub:
        assert hub.python(USERS_CODE) == "ok"
        yield hub


def sign_in(page, hub_url: str, username: str) -> None:
    page.goto(f"{hub_url}/login?next=/faqs")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{hub_url}/faqs")


def shots(tmp_path):
    return ROOT / "docs" / "screenshots" if os.environ.get("CHATOPS_SCREENSHOTS") else tmp_path


def test_a_requester_reads_the_faq_and_asks_the_bot(browser, hub, tmp_path):
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    sign_in(page, hub.url, "rita")
    page.get_by_text("How do I read an alert?").wait_for()
    assert page.locator("#faq-add").count() == 0  # no editor for requesters
    page.fill("#bot-message", "I forgot my password, how can I change it?")
    page.click("#bot-form button[type=submit]")
    page.locator(".bot-bot", has_text="invitation link").wait_for()
    page.fill("#bot-message", "can you recommend a good pizza place")
    page.click("#bot-form button[type=submit]")
    page.locator(".bot-bot", has_text="ticket #").first.wait_for()
    page.screenshot(path=str(shots(tmp_path) / "faq-bot.png"), full_page=True)
    context.close()


def test_support_adds_an_faq_with_the_editor(browser, hub, tmp_path):
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    sign_in(page, hub.url, "sam")
    page.click("#faq-add")
    page.fill("#faq-question", "How do I export a chart as an image?")
    page.fill("#faq-answer", "Right-click the chart and choose Save image.")
    page.fill("#faq-form-category", "Dashboard")
    page.fill("#faq-tags", "charts, export")
    page.click("#faq-save")
    page.locator("summary", has_text="How do I export a chart as an image?").wait_for()
    page.screenshot(path=str(shots(tmp_path) / "faq-editor.png"), full_page=True)
    # The bot answers from it at once.
    page.fill("#bot-message", "export a chart image")
    page.click("#bot-form button[type=submit]")
    page.locator(".bot-bot", has_text="Save image").wait_for()
    context.close()
