"""Credentials and the httpx auth flow that sends them and renews an expired access token.

A JWT pair from ``POST /auth/login`` is renewed with ``POST /auth/refresh`` before a request when
the access token's ``exp`` has passed (by the local clock, with ``leeway``), and once more after a
401 (clocks disagree, or the token was not a JWT we can read). Refresh tokens rotate: the answer
carries a new pair and the old refresh token stops working, so the new one is kept, and
``on_tokens`` is told (the CLI writes it to its config file). An API key is sent as it is.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass

import httpx

REFRESH_PATH = "/api/v1/auth/refresh"


@dataclass
class Credentials:
    access_token: str | None = None
    refresh_token: str | None = None
    api_key: str | None = None

    @property
    def bearer(self) -> str | None:
        return self.api_key or self.access_token


def token_expiry(token: str) -> float | None:
    """The ``exp`` of a JWT (unix seconds), read without checking the signature; None if unreadable."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"])
    except (IndexError, KeyError, TypeError, ValueError):
        return None


def expired(token: str, leeway: float = 10.0) -> bool:
    exp = token_expiry(token)
    return exp is not None and exp - leeway <= time.time()


TokensCallback = Callable[[Credentials], None]


class TokenAuth(httpx.Auth):
    """Sends ``Authorization: Bearer …`` and renews the access token (see the module's text)."""

    requires_response_body = True

    def __init__(
        self, credentials: Credentials, base_url: str, on_tokens: TokensCallback | None = None, leeway: float = 10.0
    ) -> None:
        self.credentials = credentials
        self.base_url = base_url.rstrip("/")
        self.on_tokens = on_tokens
        self.leeway = leeway

    def refresh_request(self) -> httpx.Request:
        return httpx.Request(
            "POST", self.base_url + REFRESH_PATH, json={"refresh_token": self.credentials.refresh_token}
        )

    def apply_refresh(self, response: httpx.Response, used: str | None) -> bool:
        """Keep the pair a refresh answered; True when the credentials now hold a usable token."""
        if response.status_code == 200:
            data = response.json()["data"]
            self.credentials.access_token = data["access_token"]
            self.credentials.refresh_token = data["refresh_token"]
            if self.on_tokens is not None:
                self.on_tokens(self.credentials)
            return True
        # Another request of this client may have rotated the token meanwhile: its pair is good.
        return self.credentials.refresh_token != used

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        creds = self.credentials
        if creds.api_key:
            request.headers["Authorization"] = f"Bearer {creds.api_key}"
            yield request
            return
        if creds.refresh_token and (not creds.access_token or expired(creds.access_token, self.leeway)):
            used = creds.refresh_token
            self.apply_refresh((yield self.refresh_request()), used)
        if creds.access_token:
            request.headers["Authorization"] = f"Bearer {creds.access_token}"
        response = yield request
        if response.status_code != 401 or not creds.refresh_token or not creds.access_token:
            return
        used = creds.refresh_token
        refreshed = yield self.refresh_request()
        if self.apply_refresh(refreshed, used):
            request.headers["Authorization"] = f"Bearer {creds.access_token}"
            yield request
