"""The GitHub sign-in's effective configuration, read on each use (so ``override_settings`` and
a changed environment after restart both apply). The environment gives the defaults; the
admin console's ``GitHubSignInSettings`` row, when it says so, overrides all but GITHUB_URL
(docs/github-sign-in.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

GITHUB_COM = "https://github.com"


@dataclass(frozen=True)
class GitHubConfig:
    enabled: bool
    client_id: str
    client_secret: str = field(repr=False)  # never in a log line or a traceback's locals
    allowed_orgs: tuple[str, ...]
    web_url: str

    @property
    def api_url(self) -> str:
        # allauth's GitHub provider's rule: github.com's API is api.github.com, any other
        # host's (GitHub Enterprise Server) is <host>/api/v3.
        return "https://api.github.com" if self.web_url == GITHUB_COM else f"{self.web_url}/api/v3"

    @property
    def scope(self) -> list[str]:
        # read:user and user:email for the profile and the verified addresses; read:org only
        # when membership decides, so private memberships show in /user/orgs.
        return ["read:user", "user:email", *(["read:org"] if self.allowed_orgs else [])]


def github_config() -> GitHubConfig:
    from sso.models import GitHubSignInSettings

    provider = settings.SOCIALACCOUNT_PROVIDERS.get("github", {})
    override = GitHubSignInSettings.current()
    if override is not None and not override.use_environment:
        enabled, client_id, secret = override.enabled, override.client_id, override.client_secret or ""
        orgs = override.org_list
    else:
        enabled, client_id, secret = (
            settings.GITHUB_SIGN_IN_ENABLED,
            settings.GITHUB_CLIENT_ID,
            settings.GITHUB_CLIENT_SECRET,
        )
        orgs = settings.GITHUB_ALLOWED_ORGS
    return GitHubConfig(
        enabled=bool(enabled and client_id and secret),
        client_id=client_id,
        client_secret=secret,
        allowed_orgs=tuple(org.strip().lower() for org in orgs if org.strip()),
        web_url=str(provider.get("GITHUB_URL", GITHUB_COM)).rstrip("/"),
    )
