"""The chat page in Chromium, against a real hub and a real agent (with --allow-commands): two
operators in one room see each other's messages, typing and badges live, and a dropped socket
loses nothing; a command typed with completion streams its output into a thread; with
two-person approval on, one operator's /run waits until another approves it from its card; an
alert card is acknowledged from the room. With CHATOPS_SCREENSHOTS set, the screenshots go to
docs/screenshots (chat-*.png, in the README)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.browser.test_dashboard import LAPTOP, PHONE, TIMEOUT_MS, overflowing, sign_in
from tests.e2e.helpers import call, rest, wait_for

pytestmark = pytest.mark.slow

OPERATOR_PASSWORD = "a-long-operator-passphrase"
PEOPLE = """
import json
from accounts.actor import Actor
from accounts.models import User
from chat.services import add_member, create_room
ops = User.objects.get(username='ops')
olga = User.objects.create_user('olga', 'olga@example.com', '{password}', role='operator')
otto = User.objects.create_user('otto', 'otto@example.com', '{password}', role='operator')
vera = User.objects.create_user('vera', 'vera@example.com', '{password}')
actor = Actor.for_user(ops, 'system')
room = create_room(actor, name='fleet', topic='Where the fleet is run')
quiet = create_room(actor, name='quiet')
for user in (olga, otto, vera):
    add_member(actor, room, user.pk)
    add_member(actor, quiet, user.pk)
print(json.dumps({{'room': room.pk, 'quiet': quiet.pk}}))
"""
HISTORY = """
from accounts.actor import Actor
from accounts.models import User
from chat.models import Room
from chat.services import post_message
room = Room.objects.create(name='history', owner=User.objects.get(username='ops'))
actor = Actor.for_user(User.objects.get(username='ops'), 'api')
room.memberships.create(user=actor.user)
room.memberships.create(user=User.objects.get(username='olga'))
for n in range(120):
    post_message(actor, room, f'old message {n:03d}')
print(room.pk)
"""
BURST = """
from accounts.actor import Actor
from accounts.models import User
from chat.models import Room
from chat.services import post_message
room = Room.objects.get(pk={room})
actor = Actor.for_user(User.objects.get(username='otto'), 'api')
for n in range(520):
    post_message(actor, room, f'burst {{n:03d}}')
print('ok')
"""
TOKEN = """
from accounts.models import User
from accounts.services import issue_tokens
print(issue_tokens(User.objects.get(username='{username}')).access_token)
"""


@pytest.fixture(scope="module")
def engine() -> None:
    """No container here."""
    return None


@dataclass
class Chat:
    fleet: Any
    room: int
    quiet: int

    def token(self, username: str) -> str:
        """A fresh access token (the hub's live a minute here)."""
        return self.fleet.hub.python(TOKEN.format(username=username))

    def messages(self, username: str, **query: Any) -> list[dict[str, Any]]:
        params = "&".join(f"{key}={value}" for key, value in {"room_id": self.room, "size": 100, **query}.items())
        return rest(self.fleet.hub.url, self.token(username), f"/messages?{params}")


@pytest.fixture(scope="module")
def chat(fleet) -> Chat:
    made = json.loads(fleet.hub.python(PEOPLE.format(password=OPERATOR_PASSWORD)))
    wait_for(
        lambda: rest(fleet.hub.url, fleet.token, f"/servers/{fleet.server_id}")["status"] == "online", what="the agent"
    )
    return Chat(fleet, made["room"], made["quiet"])


@pytest.fixture(scope="module")
def pages(browser, chat) -> Iterator[dict[str, Any]]:
    """A signed-in chat page per person, each in its own browser context, and the script errors
    they saw (none allowed)."""
    opened: dict[str, Any] = {}
    errors: list[str] = []
    contexts = []
    for username in ("olga", "otto"):
        context = browser.new_context(viewport=LAPTOP)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error, who=username: errors.append(f"{who}: {error}"))
        sign_in_to_chat(page, chat, username)
        opened[username] = page
    yield opened
    for context in contexts:
        context.close()
    assert errors == [], "a page threw"


def sign_in_to_chat(page, chat: Chat, username: str) -> None:
    sign_in(page, chat.fleet.hub.url, username, OPERATOR_PASSWORD)
    page.click("a[data-nav=chat]")
    page.wait_for_url(f"{chat.fleet.hub.url}/chat/{chat.room}")  # the first room, by name
    page.locator("#room-name", has_text="fleet").wait_for()
    page.locator("#message-input").wait_for()


def until(page, check, what: str) -> Any:
    """Wait for check() while Playwright runs (it calls the socket route handlers only then)."""
    for _ in range(300):
        if found := check():
            return found
        page.wait_for_timeout(100)
    raise AssertionError(f"timed out waiting for {what}")


def send(page, text: str) -> None:
    page.fill("#message-input", text)
    page.press("#message-input", "Enter")


def message(page, text: str, within: str = "#timeline") -> Any:
    return page.locator(f"{within} .msg", has_text=text)


def test_two_operators_in_one_room_see_each_other_live(pages, chat):
    olga, otto = pages["olga"], pages["otto"]
    send(olga, "Morning @otto, web-1 looks **busy**")
    seen = message(otto, "Morning @otto")
    seen.wait_for()
    assert seen.locator("strong", has_text="busy").count() == 1  # the hub's Markdown, as HTML
    assert "msg-mentions-me" in (seen.get_attribute("class") or "")
    send(otto, "On it <script>alert(1)</script>")
    answer = message(olga, "On it")
    answer.wait_for()
    assert answer.locator("script").count() == 0
    assert "<script>alert(1)</script>" in answer.inner_text()  # shown as text, never run

    olga.locator("#room-members .member-online", has_text="otto").wait_for()  # presence
    assert olga.locator("#room-members .member-offline", has_text="vera").count() == 1
    # Typing, and the badges of a room not shown: unread, and a mention of the reader.
    otto.wait_for_timeout(2500)  # the hub passes on one typing notice per 2 s and socket
    otto.fill("#message-input", "let me look")
    olga.locator("#typing", has_text="otto is typing").wait_for()
    otto.click(f"#room-list a[data-room-id='{chat.quiet}']")
    otto.wait_for_url(re.compile(rf"/chat/{chat.quiet}$"))
    send(otto, "@olga a word in the quiet room")
    message(otto, "a word in the quiet room").wait_for()
    link = olga.locator(f"#room-list a[data-room-id='{chat.quiet}']")
    link.locator(".badge-unread", has_text="1").wait_for()
    link.locator(".badge-mention", has_text="@1").wait_for()
    olga.screenshot(path=str(chat.fleet.shots / "chat-room.png"))
    link.click()
    message(olga, "a word in the quiet room").wait_for()
    link.locator(".badge-unread").wait_for(state="detached")
    olga.go_back()
    olga.wait_for_url(re.compile(rf"/chat/{chat.room}$"))
    message(olga, "Morning @otto").wait_for()
    otto.click(f"#room-list a[data-room-id='{chat.room}']")
    message(otto, "Morning @otto").wait_for()

    # An edit and a deletion reach the other page in place.
    mine = olga.locator(
        f"#timeline .msg[data-message-id='{message(olga, 'Morning @otto').get_attribute('data-message-id')}']"
    )
    mine.hover()
    mine.get_by_role("button", name="Edit").click()
    mine.locator("textarea").fill("Morning @otto, web-1 looks **very busy**")
    mine.get_by_role("button", name="Save").click()
    edited = message(otto, "looks very busy")
    edited.get_by_text("(edited)").wait_for()
    theirs = message(otto, "On it")
    theirs.hover()
    theirs.get_by_role("button", name="Delete").click()
    theirs.get_by_role("button", name="Delete it?").click()
    olga.locator("#timeline .msg", has_text="message deleted").wait_for()
    assert message(olga, "On it").count() == 0


class RoutedSocket:
    """A page whose chat socket goes through the test: dropped when the test says, new ones
    refused while it is held, and every subscribe frame the page sends kept."""

    def __init__(self, browser, chat: Chat, username: str) -> None:
        self.allow = True
        self.sockets: list[Any] = []
        self.subscribes: list[dict[str, Any]] = []
        self.reads: list[str] = []
        self.context = browser.new_context(viewport=LAPTOP)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.page.route_web_socket(re.compile(r"/api/v1/ws/chat$"), self.route)
        sign_in_to_chat(self.page, chat, username)
        until(self.page, lambda: self.subscribes, "the first subscribe")
        self.page.wait_for_timeout(500)
        self.page.on("request", lambda r: self.reads.append(r.url) if "/api/v1/messages" in r.url else None)

    def route(self, ws) -> None:
        if not self.allow:
            ws.close(code=1011, reason="refused by the test")
            return
        server = ws.connect_to_server()

        def upstream(frame: str | bytes) -> None:
            if isinstance(frame, str) and '"subscribe"' in frame:
                self.subscribes.append(json.loads(frame))
            server.send(frame)

        ws.on_message(upstream)
        self.sockets.append(ws)

    def drop(self) -> None:
        self.allow = False
        self.sockets[-1].close(code=1011, reason="dropped by the test")
        self.page.locator("#banner", has_text="Live chat: disconnected").wait_for()

    def last_event_id(self, room: int) -> int | None:
        resumed = [s for s in self.subscribes if any(r["room_id"] == room for r in s["rooms"])][-1]
        return next(r["last_event_id"] for r in resumed["rooms"] if r["room_id"] == room)


def test_a_dropped_socket_loses_nothing(browser, chat):
    """Olga's socket is dropped, and new ones refused while Otto writes three messages, then
    let through. The page subscribes with the last event id it saw and the hub replays the
    three: they appear without any page read of the messages."""
    olga = RoutedSocket(browser, chat, "olga")
    olga.drop()
    token = chat.token("otto")
    for n in range(3):
        status, body = call(
            chat.fleet.hub.url, token, "POST", "/messages", {"room_id": chat.room, "content": f"while away {n}"}
        )
        assert status == 201, body
    olga.allow = True
    for n in range(3):
        message(olga.page, f"while away {n}").wait_for(timeout=60_000)
    assert olga.page.locator("#banner").is_hidden()
    assert (olga.last_event_id(chat.room) or 0) > 0
    assert olga.reads == [], "the messages came by replay, not by reading the room again"
    olga.context.close()


def test_a_socket_away_too_long_reads_the_room_again(browser, chat):
    """More than the hub replays (500 events) while away: it answers resync, and the page reads
    the room by REST."""
    olga = RoutedSocket(browser, chat, "olga")
    olga.page.click(f"#room-list a[data-room-id='{chat.quiet}']")
    message(olga.page, "a word in the quiet room").wait_for()
    olga.reads.clear()
    olga.drop()
    chat.fleet.hub.python(BURST.format(room=chat.quiet))
    olga.allow = True
    message(olga.page, "burst 519").wait_for(timeout=60_000)
    assert any(f"room_id={chat.quiet}" in url for url in olga.reads), "read by REST after the resync"
    assert message(olga.page, "burst 000").count() == 0  # the newest page only, older ones on scrolling up
    olga.context.close()


def test_older_messages_load_as_one_scrolls_up(pages, chat):
    history = int(chat.fleet.hub.python(HISTORY))
    olga = pages["olga"]
    olga.goto(f"{chat.fleet.hub.url}/chat/{history}")
    message(olga, "old message 119").wait_for()
    olga.locator(f"#room-list a[data-room-id='{history}'] .badge-unread").wait_for(state="detached")  # read
    assert message(olga, "old message 069").count() == 0  # the newest 50 first
    for oldest in ("old message 020", "old message 000"):
        olga.eval_on_selector("#timeline", "el => { el.scrollTop = 0; }")
        message(olga, oldest).wait_for()
    olga.get_by_text("The beginning of the room.").wait_for()
    shown = olga.eval_on_selector_all("#timeline .msg .msg-body", "els => els.map(e => e.innerText.trim())")
    assert shown == [f"old message {n:03d}" for n in range(120)]
    olga.goto(f"{chat.fleet.hub.url}/chat/{chat.room}")
    message(olga, "while away 2").wait_for()


def test_a_room_is_made_from_the_page_and_joined_by_its_link(browser, pages, chat):
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    admin = context.new_page()
    sign_in(admin, chat.fleet.hub.url)
    admin.click("a[data-nav=chat]")
    admin.locator("#room-name", has_text="fleet").wait_for()
    admin.click("#room-new")
    admin.fill("#room-form-name", "FLEET")
    admin.click("#room-form button[type=submit]")
    admin.locator("#room-form-error", has_text="already exists").wait_for()
    admin.fill("#room-form-name", "incident-42")
    admin.fill("#room-form-topic", "web-1 slow")
    admin.click("#room-form button[type=submit]")
    admin.locator("#room-name", has_text="incident-42").wait_for()
    admin.locator("#room-topic", has_text="web-1 slow").wait_for()
    made = int(re.fullmatch(r".*/chat/(\d+)", admin.url).group(1))

    olga = pages["olga"]
    olga.goto(f"{chat.fleet.hub.url}/chat/{made}")
    olga.locator("#room-name", has_text="incident-42").wait_for()
    assert olga.locator("#message-input").count() == 0  # not a member yet
    olga.click("#room-join")
    olga.locator(f"#room-list a[data-room-id='{made}']").wait_for()
    send(olga, "here")
    message(admin, "here").wait_for()
    message(admin, "olga joined").wait_for()
    context.close()
    olga.goto(f"{chat.fleet.hub.url}/chat/{chat.room}")
    olga.locator("#message-input").wait_for()


def test_a_command_with_completion_streams_into_a_thread(pages, chat):
    olga = pages["olga"]
    olga.fill("#message-input", "/ru")
    olga.locator(".completion li[data-command=run]").wait_for()
    olga.press("#message-input", "Tab")
    assert olga.input_value("#message-input") == "/run "
    olga.type("#message-input", "web-1 \"sh -c 'echo first-line; sleep 3; echo last-line'\"")
    olga.press("#message-input", "Enter")
    # The answer is a thread under the command, open at once for whoever typed it, and the
    # output comes as it is written: the first line well before the last.
    result = olga.locator("#thread-timeline .msg-command_result")
    output = result.locator("pre")
    output.filter(has_text="first-line").wait_for()
    assert "last-line" not in output.inner_text()
    output.filter(has_text="last-line").wait_for()
    result.filter(has_text=re.compile(r"exit (code )?0")).wait_for()
    assert result.count() == 1, "one message, updated in place"
    assert "first-line" in result.inner_text()
    olga.screenshot(path=str(chat.fleet.shots / "chat-command.png"))
    # The room shows the command with its reply count, not the output.
    command = message(olga, "/run web-1")
    command.locator(".thread-link", has_text=re.compile(r"\d+ repl")).wait_for()
    assert olga.locator("#timeline .msg-command_result").count() == 0
    olga.click("#thread-close")


def test_completion_offers_only_what_the_user_may_run(browser, chat):
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    sign_in_to_chat(page, chat, "vera")
    page.fill("#message-input", "/")
    page.locator(".completion li[data-command=help]").wait_for()
    offered = page.eval_on_selector_all(".completion li", "items => items.map(i => i.dataset.command)")
    assert "run" not in offered and "restart" not in offered, offered
    context.close()


def test_an_approval_by_a_second_operator(pages, chat):
    olga, otto = pages["olga"], pages["otto"]
    admin = chat.token("ops")
    status, body = call(chat.fleet.hub.url, admin, "PUT", "/approvals/policies/run", {"required": True})
    assert status == 200, body
    try:
        send(olga, '/run web-1 "echo approved-output"')
        card = olga.locator("#thread-timeline .msg-approval")
        card.wait_for()
        card.get_by_text("Waiting for another operator").wait_for()
        assert card.get_by_role("button", name="Approve").count() == 0  # never the requester
        # Otto opens the command's thread from the room and approves it from the card.
        command = message(otto, '/run web-1 "echo approved-output"')
        command.locator(".thread-link", has_text=re.compile(r"\d+ repl")).click()
        otto_card = otto.locator("#thread-timeline .msg-approval")
        otto_card.get_by_role("button", name="Approve").wait_for()
        otto.screenshot(path=str(chat.fleet.shots / "chat-approval.png"))
        otto_card.get_by_role("button", name="Approve").click()
        otto_card.locator(".approval[data-status=approved]").wait_for()
        card.locator(".approval[data-status=approved]").wait_for()
        olga.locator("#thread-timeline .msg-command_result", has_text="approved-output").wait_for()
        otto.locator("#thread-timeline .msg-command_result", has_text="approved-output").wait_for()
        decided = rest(chat.fleet.hub.url, admin, "/approvals?status=approved")
        assert [(a["requested_by"]["username"], a["decided_by"]["username"]) for a in decided] == [("olga", "otto")]
    finally:
        status, body = call(
            chat.fleet.hub.url, chat.token("ops"), "PUT", "/approvals/policies/run", {"required": False}
        )
        assert status == 200, body
    olga.click("#thread-close")
    otto.click("#thread-close")


def test_an_alert_acknowledged_from_its_card(pages, chat):
    olga = pages["olga"]
    hub, admin = chat.fleet.hub.url, chat.token("ops")
    status, body = call(hub, admin, "PUT", f"/rooms/{chat.room}/alert-subscriptions", {
        "subscriptions": [{"severities": ["info"], "tags": []}], "follows_activity": [],
    })  # fmt: skip
    assert status == 200, body
    status, body = call(hub, chat.fleet.token, "POST", "/alerts/thresholds", {
        "name": "CPU awake in chat", "metric": "cpu_percent", "operator": ">=", "value": 0, "duration_seconds": 0,
        "severity": "info", "scope": "server", "server": chat.fleet.server_id,
    })  # fmt: skip
    assert status == 201, body
    card = olga.locator("#timeline .msg-alert", has_text="CPU awake in chat")
    card.locator(".alert[data-status=firing]").wait_for()
    olga.screenshot(path=str(chat.fleet.shots / "chat-alert.png"))
    card.get_by_role("button", name="Acknowledge").click()
    card.locator(".alert[data-status=acknowledged]").wait_for()
    card.get_by_text("acknowledged by olga").wait_for()
    assert card.get_by_role("button", name="Acknowledge").count() == 0
    assert card.get_by_role("button", name="Resolve").count() == 1
    found = [a for a in rest(hub, chat.fleet.token, "/alerts?status=acknowledged") if a["name"] == "CPU awake in chat"]
    assert [a["acknowledged_by"] for a in found] == ["olga"]
    # The other operator's page has the same card, updated in place.
    pages["otto"].locator(
        "#timeline .msg-alert .alert[data-status=acknowledged]", has_text="CPU awake in chat"
    ).wait_for()
    assert overflowing(olga, PHONE) == []
    olga.set_viewport_size(LAPTOP)
