"""GitHub sign-in on a real hub (daphne, its own database) against the stand-in GitHub: the API
flow with a cookie-keeping HTTP client, and the dashboard's button driven in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.browser.conftest import browser, static_root  # noqa: F401 - the fixtures
from tests.live import Hub, live_hub
from tests.sso.standin import CLIENT_ID, CLIENT_SECRET, GitHubUser, StandInGitHub

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _close_sync_thread_connections() -> None:
    """Replaces the suite's async fixture: Playwright's sync API runs its own event loop here,
    and this module opens no database connection of its own."""


@pytest.fixture(scope="module")
def github() -> Iterator[StandInGitHub]:
    with StandInGitHub() as standin:
        yield standin


@pytest.fixture(scope="module")
def hub(tmp_path_factory, github, static_root) -> Iterator[Hub]:  # noqa: F811 - the fixture above
    env = {
        "STATIC_ROOT": str(static_root),
        "GITHUB_CLIENT_ID": CLIENT_ID,
        "GITHUB_CLIENT_SECRET": CLIENT_SECRET,
        "GITHUB_URL": github.url,
        "GITHUB_ALLOWED_ORGS": "acme",
    }
    with live_hub(tmp_path_factory.mktemp("sso"), **env) as hub:
        yield hub


def test_an_api_client_signs_in_and_its_state_works_once(hub, github):
    github.signed_in = GitHubUser(
        id=101, login="api-cat", emails=[("api-cat@example.com", True, True)], orgs=[("acme", False)]
    )
    session = requests.Session()
    started = session.get(f"{hub.url}/api/v1/auth/github", timeout=10)
    assert started.status_code == 200, started.text
    auth_url = started.json()["data"]["auth_url"]
    assert auth_url.startswith(f"{github.url}/login/oauth/authorize") and "read%3Aorg" in auth_url
    # The browser's part: GitHub sends it back to the hub's callback page.
    page = session.get(auth_url, timeout=10)
    assert page.status_code == 200 and urlsplit(page.url).path == "/login/github/callback"
    query = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}

    done = session.get(f"{hub.url}/api/v1/auth/github/callback", params=query, timeout=10)
    assert done.status_code == 200, done.text
    tokens = done.json()["data"]
    assert tokens["user"]["username"] == "api-cat" and tokens["user"]["role"] == "requester"
    me = requests.get(
        f"{hub.url}/api/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}, timeout=10
    )
    assert me.status_code == 200 and me.json()["data"]["username"] == "api-cat"

    again = session.get(f"{hub.url}/api/v1/auth/github/callback", params=query, timeout=10)
    assert again.status_code == 400 and again.json()["error_code"] == "state_used"
    # Nothing secret in the hub's log. (The code and state are, in the access log's request
    # lines, as OAuth puts them in the address: both spent by then, see docs/github-sign-in.md.)
    log = hub.log()
    assert CLIENT_SECRET not in log
    assert tokens["access_token"] not in log and tokens["refresh_token"] not in log


def test_a_non_member_is_refused(hub, github):
    github.signed_in = GitHubUser(id=102, login="stray", emails=[("stray@example.com", True, True)])
    session = requests.Session()
    page = session.get(session.get(f"{hub.url}/api/v1/auth/github", timeout=10).json()["data"]["auth_url"])
    query = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
    refused = session.get(f"{hub.url}/api/v1/auth/github/callback", params=query, timeout=10)
    assert refused.status_code == 403 and refused.json()["error_code"] == "github_org_forbidden"


def test_the_dashboard_button_signs_in_with_github(hub, github, browser):  # noqa: F811 - the fixture
    github.signed_in = GitHubUser(
        id=103, login="octo-web", name="Octo Web", emails=[("octo-web@example.com", True, True)], orgs=[("acme", True)]
    )
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{hub.url}/login?next=/tickets")
        page.get_by_role("link", name="Sign in with GitHub").click()
        page.wait_for_url(f"{hub.url}/tickets", timeout=20_000)
        stored = page.evaluate("JSON.parse(sessionStorage.getItem('chatops.auth'))")
        assert stored["user"]["username"] == "octo-web" and stored["user"]["role"] == "requester"
        assert stored["access"] and stored["refresh"]
        # The code and state were taken out of the history; the callback page is not kept.
        assert "code=" not in page.url
    finally:
        context.close()


def test_a_cancelled_sign_in_says_so(hub, browser):  # noqa: F811 - the fixture
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{hub.url}/login/github/callback?error=access_denied&state=x")
        assert page.locator("#github-error").inner_text(timeout=10_000) == "The GitHub sign-in was cancelled."
        assert page.get_by_role("link", name="Back to sign-in").is_visible()
    finally:
        context.close()
