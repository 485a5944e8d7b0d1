"""Browser tests against a real hub with a real agent: Playwright driving Debian's Chromium
(never a browser Playwright downloads), and Debian's Firefox ESR driven over Marionette.

Without /usr/bin/chromium (or CHATOPS_CHROMIUM), or /usr/bin/firefox-esr (or CHATOPS_FIREFOX),
their tests are skipped with the reason, except in CI (CI set), where a missing browser is a
failure: .ci/run installs both.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import container_engine  # noqa: F401 - the fixture, shared with tests/e2e
from tests.e2e.helpers import call
from tests.live import PYTHON, ROOT, Agent, Hub, live_hub, setup_fleet

CHROMIUM = os.environ.get("CHATOPS_CHROMIUM", "/usr/bin/chromium")


def unavailable(reason: str, package: str = "chromium") -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(f"{reason} (install it: apt-get install {package})")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        unavailable(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(autouse=True)
def _close_sync_thread_connections() -> None:
    """Replaces the suite's async fixture of that name: Playwright's sync API runs an event loop
    of its own in this thread, so no async fixture may run beside it. These tests use no
    database connection of their own to close; the hub runs in its own processes."""


PASSWORD = "a-long-live-test-passphrase"  # the admin setup_fleet makes, "ops"
API_KEY_CODE = """
from accounts.models import User
from accounts.services import create_api_key
scopes = ['servers:read', 'servers:write', 'alerts:read', 'alerts:write']
print(create_api_key(None, User.objects.get(username='ops'), name='browser tests', scopes=scopes)[1])
"""


@dataclass
class Fleet:
    hub: Hub
    token: str
    server_id: int
    app_log: Path
    container: str | None
    shots: Path


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """The hub's static files, collected once, as the Dockerfile does."""
    root = tmp_path_factory.mktemp("static")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "chatops.settings", "STATIC_ROOT": str(root), "DEBUG": "false",
           "SECRET_KEY": "collectstatic-only-key-for-the-browser-tests-0123"}  # fmt: skip
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    return root


@pytest.fixture(scope="module")
def engine(request) -> dict[str, str] | None:
    """The container engine, or None where there is none (only the container test needs it)."""
    try:
        return dict(request.getfixturevalue("container_engine"))
    except pytest.skip.Exception:
        return None


@pytest.fixture(scope="module")
def fleet(tmp_path_factory, static_root, engine):  # untyped: the docker package ships no types
    """A hub with three servers, a real agent for web-1 and, with an engine, a container (a
    module that needs none overrides ``engine``)."""
    work = tmp_path_factory.mktemp("dashboard")
    app_log = work / "app.log"
    app_log.write_text("")
    box, name = None, None
    if engine:
        import docker

        name = f"dashboard-e2e-{uuid.uuid4().hex[:8]}"
        client = docker.DockerClient(base_url=engine["DOCKER_HOST"])
        ticking = ["sh", "-c", "while true; do echo tick; sleep 1; done"]
        box = client.containers.run(engine["CHATOPS_TEST_IMAGE"], ticking, name=name, detach=True)
    try:
        # One-minute access tokens: the page must refresh its token while the module runs.
        hub_env = {"STATIC_ROOT": str(static_root), "AGENT_SILENCE_SECONDS": "30", "ACCESS_TOKEN_EXPIRE_MINUTES": "1"}
        with live_hub(work, **hub_env) as hub:
            made = setup_fleet(hub, name="web-1", hostname="web-1.example.com")
            token, server_id = hub.python(API_KEY_CODE), int(made["server_id"])  # a key outlives the tokens
            # Two servers no agent speaks for, so the overview has something to filter.
            for server in ({"name": "db-1", "hostname": "db-1.example.com", "tags": ["db", "eu"]},
                           {"name": "cache-1", "hostname": "cache-1.example.com", "tags": ["eu"]}):  # fmt: skip
                status, body = call(hub.url, token, "POST", "/servers", server)
                assert status == 201, body
            status, body = call(hub.url, token, "PATCH", f"/servers/{server_id}", {"tags": ["web", "eu"]})
            assert status == 200, body
            agent = Agent(
                hub.url, str(made["key"]), work / "agent", interval=1, log_files=(app_log,),
                extra_args=("--allow-commands", "--allow-docker"),
                env={"DOCKER_HOST": engine["DOCKER_HOST"]} if engine else {},
            ).start()  # fmt: skip
            try:
                shots = ROOT / "docs" / "screenshots" if os.environ.get("CHATOPS_SCREENSHOTS") else work
                yield Fleet(hub, token, server_id, app_log, name, shots)
            finally:
                agent.stop()
    finally:
        if box is not None:
            box.remove(force=True)
