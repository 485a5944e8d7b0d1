"""Talking to GitHub through django-allauth's GitHub provider: the authorize address, the code
exchange, the profile and verified e-mail addresses, and the organisations. Nothing here logs
a token, a code or the client secret."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp, SocialToken
from allauth.socialaccount.providers.github.provider import GitHubProvider
from allauth.socialaccount.providers.github.views import GitHubOAuth2Adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Client, OAuth2Error
from django.http import HttpRequest

from sso.conf import GitHubConfig


class GitHubRefused(Exception):
    """GitHub would not exchange the code (wrong, used or expired, or another redirect_uri)."""


class GitHubUnreachable(Exception):
    """GitHub did not answer, or answered with an error of its own."""


@dataclass(frozen=True)
class GitHubEmail:
    email: str
    verified: bool
    primary: bool


@dataclass(frozen=True)
class GitHubIdentity:
    uid: str
    login: str
    name: str
    avatar_url: str
    emails: tuple[GitHubEmail, ...]
    extra_data: dict[str, Any]
    token: str

    @property
    def verified_emails(self) -> list[str]:
        return [e.email.lower() for e in self.emails if e.verified]

    @property
    def unverified_emails(self) -> list[str]:
        return [e.email.lower() for e in self.emails if not e.verified]


class HubGitHubAdapter(GitHubOAuth2Adapter):
    """allauth's adapter, with its addresses taken from ``config`` on each use rather than
    fixed when allauth's module was imported, and its app from our settings, not the database."""

    def __init__(self, config: GitHubConfig) -> None:
        # allauth's calls take a request, but none that GitHub's provider makes reads it: a
        # blank one keeps the hub's services free of requests (they take an Actor).
        super().__init__(HttpRequest())
        self.config = config
        self.web_url = config.web_url
        self.api_url = config.api_url
        self.access_token_url = f"{config.web_url}/login/oauth/access_token"
        self.authorize_url = f"{config.web_url}/login/oauth/authorize"
        self.profile_url = f"{config.api_url}/user"
        self.emails_url = f"{config.api_url}/user/emails"
        self.app = SocialApp(provider="github", name="GitHub", client_id=config.client_id, secret=config.client_secret)

    def get_provider(self) -> GitHubProvider:
        return GitHubProvider(self.request, app=self.app)

    def client(self, redirect_uri: str) -> OAuth2Client:
        return OAuth2Client(
            self.request,
            self.config.client_id,
            self.config.client_secret,
            self.access_token_method,
            self.access_token_url,
            redirect_uri,
            scope_delimiter=self.scope_delimiter,
            headers={"Accept": "application/json"},
        )


def authorize_url(config: GitHubConfig, *, state: str, redirect_uri: str) -> str:
    adapter = HubGitHubAdapter(config)
    client = adapter.client(redirect_uri)
    client.state = state
    url: str = client.get_redirect_url(adapter.authorize_url, config.scope, {"allow_signup": "true"})
    return url


def fetch_identity(config: GitHubConfig, *, code: str, redirect_uri: str) -> GitHubIdentity:
    """Trade ``code`` for a token, then read the profile and e-mail addresses with it."""
    adapter = HubGitHubAdapter(config)
    try:
        data = adapter.client(redirect_uri).get_access_token(code)
    except OAuth2Error:
        # Its message holds GitHub's answer; the reason is enough, and safer, for the log.
        raise GitHubRefused("GitHub refused the authorization code.") from None
    except requests.RequestException as exc:
        raise GitHubUnreachable(type(exc).__name__) from None
    token: SocialToken = adapter.parse_token(data)
    try:
        login = adapter.complete_login(adapter.request, adapter.app, token)
    except requests.RequestException as exc:
        raise GitHubUnreachable(type(exc).__name__) from None
    extra = dict(login.account.extra_data)
    emails = tuple(
        GitHubEmail(email=a.email.strip(), verified=bool(a.verified), primary=bool(a.primary))
        for a in login.email_addresses
        if a.email
    )
    return GitHubIdentity(
        uid=str(login.account.uid),
        login=str(extra.get("login") or ""),
        name=str(extra.get("name") or ""),
        avatar_url=str(extra.get("avatar_url") or ""),
        emails=emails,
        extra_data=extra,
        token=token.token,
    )


def organisations(config: GitHubConfig, token: str) -> set[str]:
    """The logins (lower-cased) of the organisations the token's user belongs to. With the
    ``read:org`` scope GitHub lists private memberships too."""
    url: str | None = f"{config.api_url}/user/orgs?per_page=100"
    found: set[str] = set()
    pages = 0
    with get_adapter().get_requests_session() as session:
        while url and pages < 20:  # 2,000 organisations is past any real membership
            try:
                response = session.get(
                    url, headers={"Authorization": f"token {token}", "Accept": "application/vnd.github+json"}
                )
                response.raise_for_status()
                found |= {str(org.get("login", "")).lower() for org in response.json() if isinstance(org, dict)}
            except (requests.RequestException, ValueError) as exc:
                raise GitHubUnreachable(type(exc).__name__) from None
            url = response.links.get("next", {}).get("url")
            pages += 1
    return found
