"""The playbooks page in Chromium, against a real hub running real playbooks on this machine:
an operator fills the run form from the playbook's variables, watches the output stream in and
the per-host stats appear, finds the run in the history and its marker on the server's charts;
a viewer reads the same page without the Run buttons."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from tests.automation.conftest import PLAYBOOKS
from tests.browser.conftest import PASSWORD
from tests.browser.test_dashboard import LAPTOP, TIMEOUT_MS, sign_in
from tests.live import live_hub

pytestmark = pytest.mark.slow

SETUP = """
import json
from accounts.models import User
from automation.models import ConnectionProfile
from servers.models import Server, Tag
admin = User.objects.create_superuser('ops', 'ops@example.com', '{password}')
User.objects.create_user('otto', 'otto@example.com', '{password}', role='operator')
User.objects.create_user('vera', 'vera@example.com', '{password}', role='viewer')
tag = Tag.objects.create(name='local')
ConnectionProfile.objects.create(tag=tag, connection='local')
from django.utils import timezone
server = Server.objects.create(
    name='web-1', hostname='localhost', status='online', last_seen=timezone.now(), created_by=admin
)
server.tags.add(tag)
print(json.dumps({{'server_id': server.pk}}))
"""


@pytest.fixture(scope="module")
def hub(tmp_path_factory, static_root) -> Iterator[Any]:
    work = tmp_path_factory.mktemp("playbooks-page")
    playbooks = work / "playbooks"
    playbooks.mkdir()
    for name in ("hello.yml", "hello.vars.yml"):
        (playbooks / name).write_text(textwrap.dedent(PLAYBOOKS[name]).lstrip())
    with live_hub(work, STATIC_ROOT=str(static_root), ANSIBLE_PLAYBOOK_DIR=str(playbooks)) as found:
        found.server_id = json.loads(found.python(SETUP.format(password=PASSWORD)))["server_id"]  # type: ignore[attr-defined]
        found.marker = work / "touched"  # type: ignore[attr-defined]
        yield found


def page_for(browser, hub, username: str) -> Any:
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    sign_in(page, hub.url, username)
    return page


def test_an_operator_runs_a_playbook_and_watches_it(browser, hub):
    page = page_for(browser, hub, "otto")
    page.goto(f"{hub.url}/playbooks")
    row = page.locator("#playbooks-list tr", has_text="hello.yml")
    assert "Say hello" in row.inner_text() and "marker* (string)" in row.inner_text()
    row.get_by_role("button", name="Run…").click()
    page.fill("#run-form input[name=hosts]", "web-1")
    page.fill("#run-form input[name='var:marker']", str(hub.marker))
    page.fill("#run-form input[name='var:who']", "browser")
    page.select_option("#run-form select[name='var:level']", "high")
    page.click("#run-form button[type=submit]")
    page.wait_for_selector("#run-status:text-is('successful')")
    assert "hello browser from web-1" in page.inner_text("#run-output")
    stats = page.inner_text("#run-hosts tbody")
    assert stats.split() == ["web-1", "2", "1", "0", "0", "0"]
    assert hub.marker.exists()
    history = page.locator("#history-list tbody tr").first
    history.wait_for()
    assert "hello.yml" in history.inner_text() and "successful" in history.inner_text()
    assert "2 / 0 / 2" in history.inner_text()

    page.goto(f"{hub.url}/servers/{hub.server_id}")
    marker = page.locator(".run-marker").first
    marker.wait_for(state="attached")
    assert "Playbook hello.yml" in marker.get_attribute("title")
    assert page.errors == []


RUN_AS_OTTO = """
from accounts.actor import Actor
from accounts.models import User
from automation.services import RunRequest, execute_playbook
otto = User.objects.get(username='otto')
print(execute_playbook(Actor.for_user(otto, 'api'), RunRequest('hello.yml', ['web-1'], {{'marker': '{marker}'}})).pk)
"""


def test_a_viewer_reads_but_cannot_run(browser, hub):
    # A run of its own (the module's tests may run apart): the hub's worker carries it out.
    hub.python(RUN_AS_OTTO.format(marker=hub.marker.with_name("viewer-run")))
    page = page_for(browser, hub, "vera")
    page.goto(f"{hub.url}/playbooks")
    page.locator("#playbooks-list tr", has_text="hello.yml").wait_for()
    assert page.get_by_role("button", name="Run…").count() == 0
    page.locator("#history-list tbody tr").first.wait_for()
    page.locator("#history-list tbody tr button").first.click()
    page.wait_for_selector("#run-status:text-is('successful')")
    assert page.locator("#run-cancel").is_hidden()
    assert page.errors == []
