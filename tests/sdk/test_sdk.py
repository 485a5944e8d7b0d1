"""The SDK against a real hub: sign-in, refresh with rotation, typed pagination, typed errors,
API keys, and the async client."""

from __future__ import annotations

import json

import pytest

from chatops_client import AsyncChatOps, ChatOps, Forbidden, NotFound, Unauthorized
from chatops_client.auth import token_expiry
from chatops_client.generated.api.servers import servers_list, servers_retrieve
from chatops_client.generated.models import Server
from chatops_client.streams import astream, stream
from tests.sdk.conftest import PASSWORD, VIEWER_PASSWORD

pytestmark = pytest.mark.slow

EXPIRED_PAIR = """
import json
from datetime import timedelta
from rest_framework_simplejwt.tokens import AccessToken
from accounts.models import User
from accounts.services import issue_tokens
pair = issue_tokens(User.objects.get(username='ops'))
access = AccessToken(pair.access_token)
access.set_exp(lifetime=timedelta(seconds=-30))
print(json.dumps({'access': str(access), 'refresh': pair.refresh_token}))
"""


class Requests:
    """Counts the requests a client sends, by path."""

    def __init__(self, client: ChatOps) -> None:
        self.paths: list[str] = []
        client.http.event_hooks["request"].append(lambda request: self.paths.append(request.url.path))


def test_sign_in_and_walk_every_page_as_typed_models(fleet):
    with ChatOps.sign_in(fleet.url, "ops", PASSWORD) as api:
        sent = Requests(api)
        servers = list(api.pages(servers_list.sync_detailed, size=10))
        assert all(isinstance(s, Server) for s in servers)
        assert len(servers) == 26
        assert len({s.id for s in servers}) == 26
        assert sent.paths.count("/api/v1/servers") == 3  # 10 + 10 + 6
        names = [s["name"] for s in api.paginate("/servers", size=7)]
        assert sorted(names) == sorted(s.name for s in servers)
        box = api.call(servers_retrieve.sync_detailed, id=fleet.server_id).data  # the envelope, typed
        assert (box.name, box.status) == ("sdk-box", "online")


def test_an_expired_access_token_is_renewed_and_the_rotated_refresh_token_kept(fleet):
    pair = json.loads(fleet.hub.python(EXPIRED_PAIR))
    seen = []
    api = ChatOps(fleet.url, access_token=pair["access"], refresh_token=pair["refresh"], on_tokens=seen.append)
    sent = Requests(api)
    assert api.get("/auth/me")["username"] == "ops"
    assert sent.paths == ["/api/v1/auth/refresh", "/api/v1/auth/me"]  # renewed before the call, not after a 401
    assert len(seen) == 1
    assert api.credentials.refresh_token != pair["refresh"]
    assert token_expiry(api.credentials.access_token) > token_expiry(pair["access"])
    # The old refresh token was rotated out: a second client holding it is refused, typed.
    stale = ChatOps(fleet.url, refresh_token=pair["refresh"])
    with pytest.raises(Unauthorized) as refused:
        stale.fresh_access_token()
    assert refused.value.error_code == "token_not_valid"
    assert api.get("/auth/me")["username"] == "ops"  # the kept one still works


def test_a_401_renews_the_token_once_and_sends_the_request_again(fleet):
    pair = json.loads(fleet.hub.python(EXPIRED_PAIR))
    api = ChatOps(fleet.url, access_token="not-a-jwt", refresh_token=pair["refresh"])
    sent = Requests(api)
    assert api.get(f"/servers/{fleet.server_id}")["name"] == "sdk-box"
    assert sent.paths == [
        f"/api/v1/servers/{fleet.server_id}",
        "/api/v1/auth/refresh",
        f"/api/v1/servers/{fleet.server_id}",
    ]


def test_errors_are_typed_with_the_hubs_error_body(fleet):
    with ChatOps.sign_in(fleet.url, "vic", VIEWER_PASSWORD) as viewer:
        with pytest.raises(NotFound) as missing:
            viewer.get("/servers/999999")
        assert (missing.value.status_code, missing.value.error_code) == (404, "not_found")
        assert len(missing.value.request_id) >= 8
        assert missing.value.detail
        with pytest.raises(Forbidden) as forbidden:
            viewer.post(f"/commands/{fleet.server_id}", {"command": "echo no"})
        assert (forbidden.value.status_code, forbidden.value.error_code) == (403, "permission_denied")
        assert forbidden.value.request_id != missing.value.request_id
        # The generated endpoint functions raise the same typed errors through call().
        with pytest.raises(NotFound):
            viewer.call(servers_retrieve.sync_detailed, id=999999)
    with pytest.raises(Unauthorized) as wrong:
        ChatOps.sign_in(fleet.url, "ops", "not-the-password")
    assert wrong.value.error_code == "invalid_credentials"


def test_an_api_key_signs_in_without_a_password(fleet):
    with ChatOps.sign_in(fleet.url, "ops", PASSWORD) as admin:
        key = admin.post("/api-keys", {"name": "sdk-test", "scopes": ["servers:read"]})["key"]
    with ChatOps(fleet.url, api_key=key) as api:
        assert len(list(api.paginate("/servers", size=50))) == 26
        with pytest.raises(Forbidden) as narrow:
            api.get("/alerts")
        assert narrow.value.error_code == "insufficient_scope"


def test_live_stream_of_a_server_delivers_its_samples(fleet):
    with ChatOps.sign_in(fleet.url, "ops", PASSWORD) as api:
        events = stream(api, f"metrics/{fleet.server_id}")
        try:
            sample = next(e for e in events if e["type"] == "metrics.sample")
        finally:
            events.close()
        assert sample["server_id"] == fleet.server_id
        assert "cpu_percent" in sample["values"]
        with pytest.raises(NotFound):
            next(stream(api, "metrics/999999"))


async def test_the_async_client_pages_calls_and_streams(fleet):
    async with await AsyncChatOps.sign_in(fleet.url, "ops", PASSWORD) as api:
        servers = [s async for s in api.pages(servers_list.asyncio_detailed, size=10)]
        assert len(servers) == 26
        assert isinstance(servers[0], Server)
        raw = [s["id"] async for s in api.paginate("/servers", {"search": "fleet-"}, size=10)]
        assert len(raw) == 25
        box = (await api.call(servers_retrieve.asyncio_detailed, id=fleet.server_id)).data
        assert box.name == "sdk-box"
        with pytest.raises(NotFound):
            await api.get("/servers/999999")
        events = astream(api, f"metrics/{fleet.server_id}")
        try:
            async for event in events:
                if event["type"] == "metrics.sample":
                    break
        finally:
            await events.aclose()
        assert event["server_id"] == fleet.server_id
