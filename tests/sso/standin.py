"""A stand-in GitHub on 127.0.0.1: a real HTTP server speaking the parts of GitHub's OAuth and
REST API that sign-in uses. ``/login/oauth/authorize`` plays the user who clicks "Authorize":
whoever ``standin.signed_in`` names."""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

CLIENT_ID = "Iv1.standin-client"
CLIENT_SECRET = "standin-client-secret-0123456789"


@dataclass
class GitHubUser:
    id: int
    login: str
    name: str = ""
    #: (address, verified, primary)
    emails: list[tuple[str, bool, bool]] = field(default_factory=list)
    #: (org login, membership public?) - a private one shows only to a read:org token.
    orgs: list[tuple[str, bool]] = field(default_factory=list)

    def profile(self) -> dict[str, Any]:
        public = next((e for e, verified, primary in self.emails if primary), None)
        return {
            "id": self.id,
            "login": self.login,
            "name": self.name,
            "email": public,
            "avatar_url": f"https://avatars.example/u/{self.id}",
            "html_url": f"https://github.example/{self.login}",
        }


@dataclass
class Grant:
    user: GitHubUser
    redirect_uri: str
    scope: set[str]


class StandInGitHub:
    def __init__(self) -> None:
        self.signed_in: GitHubUser | None = None
        self.codes: dict[str, Grant] = {}
        self.tokens: dict[str, Grant] = {}
        self.requests: list[tuple[str, str]] = []  # (method, path) of each request, in order
        self.down = False  # answer every API call with 502
        server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        server.daemon_threads = True
        self.server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        self.thread = threading.Thread(target=server.serve_forever, daemon=True)

    def __enter__(self) -> StandInGitHub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def grant(self, user: GitHubUser, redirect_uri: str, scope: str) -> str:
        """What a click on "Authorize" does: a code for ``user``, once."""
        code = secrets.token_hex(10)
        self.codes[code] = Grant(user, redirect_uri, set(scope.replace(",", " ").split()))
        return code

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _grant(self) -> Grant | None:
                auth = self.headers.get("Authorization", "")
                token = auth.split(" ", 1)[1] if auth.lower().startswith(("token ", "bearer ")) else ""
                return hub.tokens.get(token)

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                hub.requests.append(("GET", url.path))
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/login/oauth/authorize":
                    if query.get("client_id") != CLIENT_ID or hub.signed_in is None:
                        return self._json(404, {"message": "Not Found"})
                    code = hub.grant(hub.signed_in, query.get("redirect_uri", ""), query.get("scope", ""))
                    back = {"code": code, "state": query.get("state", "")}
                    self.send_response(302)
                    self.send_header("Location", f"{query['redirect_uri']}?{urlencode(back)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                if hub.down:
                    return self._json(502, {"message": "Server Error"})
                grant = self._grant()
                if grant is None:
                    return self._json(401, {"message": "Bad credentials"})
                user = grant.user
                if url.path == "/api/v3/user":
                    return self._json(200, user.profile())
                if url.path == "/api/v3/user/emails":
                    if "user:email" not in grant.scope:
                        return self._json(404, {"message": "Not Found"})
                    rows = [{"email": e, "verified": v, "primary": p, "visibility": None} for e, v, p in user.emails]
                    return self._json(200, rows)
                if url.path == "/api/v3/user/orgs":
                    seen = [o for o, public in user.orgs if public or "read:org" in grant.scope]
                    return self._json(200, [{"login": o, "id": i + 1} for i, o in enumerate(seen)])
                return self._json(404, {"message": "Not Found"})

            def do_POST(self) -> None:
                url = urlsplit(self.path)
                hub.requests.append(("POST", url.path))
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if url.path != "/login/oauth/access_token":
                    return self._json(404, {"message": "Not Found"})
                if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
                    return self._json(200, {"error": "incorrect_client_credentials"})
                grant = hub.codes.pop(form.get("code", ""), None)  # a code works once
                if grant is None or grant.redirect_uri != form.get("redirect_uri"):
                    return self._json(200, {"error": "bad_verification_code"})
                token = "gho_" + secrets.token_hex(16)
                hub.tokens[token] = grant
                return self._json(200, {"access_token": token, "token_type": "bearer", "scope": ",".join(grant.scope)})

        return Handler
