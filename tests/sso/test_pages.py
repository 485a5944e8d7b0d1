"""The dashboard's way in: the button on the sign-in page, /login/github (start, off to
GitHub) and /login/github/callback (the page whose script finishes through the API), with
Django's test client playing the browser. tests/sso/test_live.py does it in Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests

from tests.helpers import assert_ok
from tests.sso.standin import GitHubUser

pytestmark = pytest.mark.django_db


def follow_github(auth_url: str) -> str:
    """GitHub's authorize page, clicked through: where it sends the browser back to."""
    response = requests.get(auth_url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def test_the_sign_in_page_offers_github_only_when_it_is_on(client, github_on, settings):
    page = client.get("/login?next=/alerts").content.decode()
    assert 'id="github-sign-in"' in page and 'href="/login/github?next=/alerts"' in page
    settings.GITHUB_SIGN_IN_ENABLED = False
    assert "github-sign-in" not in client.get("/login").content.decode()


def test_the_browser_flow_ends_signed_in_where_the_user_was_going(client, github_on, octocat):
    github_on.signed_in = octocat
    start = client.get("/login/github", {"next": "/alerts"})
    assert start.status_code == 302 and start["Location"].startswith(f"{github_on.url}/login/oauth/authorize?")
    back = urlsplit(follow_github(start["Location"]))
    assert back.path == "/login/github/callback"

    page = client.get(f"{back.path}?{back.query}")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-next="/alerts"' in html and "sso/js/github-callback.js" in html
    assert "script-src 'self'" in page["Content-Security-Policy"] and page["Referrer-Policy"] == "no-referrer"

    # What the page's script then does (same origin, the binding cookie goes with it).
    query = dict(pair.split("=", 1) for pair in back.query.split("&"))
    data = assert_ok(client.get("/api/v1/auth/github/callback", query))
    assert data["user"]["username"] == "octocat" and data["user"]["role"] == "requester"


def test_a_next_elsewhere_is_not_followed(client, github_on, octocat):
    github_on.signed_in = octocat
    start = client.get("/login/github", {"next": "https://evil.example/"})
    back = urlsplit(follow_github(start["Location"]))
    assert 'data-next="/"' in client.get(f"{back.path}?{back.query}").content.decode()


def test_when_off_the_start_page_is_a_404(client, github_on, settings):
    settings.GITHUB_SIGN_IN_ENABLED = False
    assert client.get("/login/github").status_code == 404


def test_the_start_page_and_the_api_give_states_of_the_same_kind(client, github_on):
    """Both are one service: a state from the page finishes through the API (above), and a
    second start from one browser replaces its binding, so only the newest sign-in finishes."""
    shy = GitHubUser(id=9, login="first", emails=[("first@example.com", True, True)])
    github_on.signed_in = shy
    first = urlsplit(follow_github(client.get("/login/github")["Location"]))
    client.get("/login/github")  # a second tab starts again
    query = dict(pair.split("=", 1) for pair in first.query.split("&"))
    response = client.get("/api/v1/auth/github/callback", query)
    assert response.status_code == 400 and response.json()["error_code"] == "state_not_yours"


def test_starting_sign_ins_is_rate_limited_with_the_apis_budget(client, github_on, settings):
    """Each start stores a sign-in state: a flood from one address is refused (429) once the
    "authentication" budget is spent, the API's start and this page drawing on the same one."""
    from sso.models import SignInState

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "authentication": (3, 60)}
    assert client.get("/login/github").status_code == 302
    assert client.get("/api/v1/auth/github").status_code == 200
    assert client.get("/login/github").status_code == 302
    refused = client.get("/login/github")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "try again" in refused.content.decode()
    assert SignInState.objects.count() == 3
