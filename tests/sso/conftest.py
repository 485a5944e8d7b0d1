"""A stand-in GitHub for each test, and the hub pointed at it through allauth's provider
setting (SOCIALACCOUNT_PROVIDERS["github"]["GITHUB_URL"])."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.sso.standin import CLIENT_ID, CLIENT_SECRET, GitHubUser, StandInGitHub


def authorize(auth_url: str) -> tuple[str, str, str]:
    """Open GitHub's authorize address as the browser would and return where GitHub sends it
    back: (redirect address, code, state)."""
    response = requests.get(auth_url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    location = response.headers["Location"]
    parts = urlsplit(location)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", query["code"], query["state"]


@pytest.fixture
def github() -> Iterator[StandInGitHub]:
    with StandInGitHub() as standin:
        yield standin


@pytest.fixture
def github_on(settings, github) -> StandInGitHub:
    settings.GITHUB_CLIENT_ID = CLIENT_ID
    settings.GITHUB_CLIENT_SECRET = CLIENT_SECRET
    settings.GITHUB_SIGN_IN_ENABLED = True
    settings.GITHUB_ALLOWED_ORGS = []
    settings.SOCIALACCOUNT_PROVIDERS = {"github": {"GITHUB_URL": github.url}}
    return github


@pytest.fixture
def octocat() -> GitHubUser:
    return GitHubUser(
        id=583231,
        login="octocat",
        name="The Octocat",
        emails=[("octocat@example.com", True, True), ("cat@old.example", False, False)],
        orgs=[("acme", False), ("public-club", True)],
    )
