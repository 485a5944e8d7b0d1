"""The receivers' lean route (``pipelines.api.lean``, ``chatops.lean``) answers every request
exactly as the DRF view does: each case is sent through the real ASGI application twice, once
on the lean route and once with it switched off, and the answers (status, body, headers) and
the deliveries stored are compared."""

from __future__ import annotations

import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import HttpCommunicator
from django.test import override_settings

from accounts.models import RateLimitCounter
from chatops import handlers
from chatops.asgi import application
from pipelines.api.receivers import Receiver
from pipelines.models import Delivery, Integration
from tests.pipelines.conftest import SECRET, headers_for, payload

pytestmark = pytest.mark.django_db(transaction=True)

Step = dict[str, Any]


def _meta_to_header(name: str) -> bytes:
    return name.removeprefix("HTTP_").replace("_", "-").lower().encode()


def request_for(integration: Integration, step: Step) -> tuple[str, str, bytes, list[tuple[bytes, bytes]]]:
    data = step.get("data", payload("github/workflow_run"))
    body = data if isinstance(data, bytes) else json.dumps(data).encode()
    event = step.get("event", "workflow_run")
    meta = {**headers_for(integration, event, body, step.get("delivery", "d-1")), **step.get("meta", {})}
    headers = [(b"host", step.get("host", b"localhost")), (b"content-type", b"application/json")]
    headers += [(_meta_to_header(k), v.encode()) for k, v in meta.items() if v is not None]
    headers += step.get("headers", [])
    path = step.get("path", f"/api/v1/integrations/{integration.provider}/{integration.pk}")
    return step.get("method", "POST"), path, body, headers


async def send(method: str, path: str, body: bytes, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return await HttpCommunicator(application, method, path, body=body, headers=headers).get_response(timeout=10)


def normal(response: dict[str, Any]) -> dict[str, Any]:
    """What must be equal: the status, the body (ids made symbolic), the headers (the request id
    checked, then left out with the window's end)."""
    headers = {k.decode().lower(): v.decode() for k, v in response["headers"]}
    json_body = headers.get("content-type") == "application/json"
    body = json.loads(response["body"]) if json_body else response["body"]
    request_id = headers.pop("x-request-id")
    headers.pop("x-ratelimit-reset", None)
    headers.pop("content-length", None)  # the delivery pks differ in digits
    if isinstance(body, dict) and "request_id" in body:
        assert body["request_id"] == request_id
        body["request_id"] = "<id>"
    if isinstance(body, dict) and isinstance(body.get("data"), dict) and body["data"].get("delivery"):
        body["data"]["delivery"] = "<pk>"
    return {"status": response["status"], "body": body, "headers": headers}


def _reset_counters(settings) -> None:
    """Each path starts with the rate-limit counts at zero (as ``tests.conftest`` does)."""
    from chatops.ratelimit import _redis

    if settings.REDIS_URL:
        keys = list(_redis().scan_iter(f"{settings.REDIS_PREFIX}:*"))
        if keys:
            _redis().delete(*keys)
    RateLimitCounter.objects.all().delete()  # the store without Redis


def stored() -> list[tuple[Any, ...]]:
    return [
        (d.verdict, d.reason, d.event, d.delivery_id, d.headers, d.body, d.processed_at is None)
        for d in Delivery.objects.order_by("pk")
    ]


async def run(integration: Integration, steps: list[Step], lean: bool, monkeypatch, settings) -> list[Any]:
    await sync_to_async(Delivery.objects.all().delete)()
    await sync_to_async(_reset_counters)(settings)
    calls: list[str] = []
    post = Receiver.post

    def counted(self, *args, **kwargs):
        calls.append("drf")
        return post(self, *args, **kwargs)

    monkeypatch.setattr(Receiver, "post", counted)
    if not lean:
        monkeypatch.setattr(handlers, "match", lambda scope: None)
    answers = [normal(await send(*request_for(integration, step))) for step in steps]
    monkeypatch.undo()
    return [answers, await sync_to_async(stored)(), calls]


async def both(integration: Integration, steps: list[Step], monkeypatch, settings) -> list[Any]:
    lean_answers, lean_rows, lean_calls = await run(integration, steps, True, monkeypatch, settings)
    full_answers, full_rows, full_calls = await run(integration, steps, False, monkeypatch, settings)
    for lean_answer, full_answer in zip(lean_answers, full_answers, strict=True):
        assert lean_answer["status"] == full_answer["status"]
        assert lean_answer["body"] == full_answer["body"]
        assert lean_answer["headers"] == full_answer["headers"]
    assert lean_rows == full_rows
    return [lean_answers, lean_calls, full_calls]


SIGNED: Step = {}
CASES: dict[str, list[Step]] = {
    "accepted, then the same delivery again": [SIGNED, SIGNED],
    "a bad signature": [{"meta": {"HTTP_X_HUB_SIGNATURE_256": "sha256=" + "0" * 64}}],
    "no signature": [{"meta": {"HTTP_X_HUB_SIGNATURE_256": None}}],
    "a body that is not JSON": [{"data": b"{not json"}],
    "a payload missing what GitHub sends": [{"data": {"workflow_run": {"id": 1}}}],
    "an event the hub does not read": [{"event": "star", "data": {"action": "created"}}],
    "no event header": [{"meta": {"HTTP_X_GITHUB_EVENT": None}}],
    "an unknown integration": [{"path": "/api/v1/integrations/github/987654"}],
    "an id past the column's range": [{"path": "/api/v1/integrations/github/99999999999999999999999"}],
    "the wrong provider's path": [{"path": "/api/v1/integrations/gitlab/{pk}"}],
    "a host not allowed": [{"host": b"evil.example"}],
    "a request id of the caller's": [{"headers": [(b"x-request-id", b"ci-run-4711-abc")]}],
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
async def test_each_answer_is_the_drf_views(case, admin, monkeypatch, settings):
    integration = await sync_to_async(_github)(admin)
    steps = [
        {**step, "path": step["path"].format(pk=integration.pk)} if "path" in step else step for step in CASES[case]
    ]
    answers, lean_calls, full_calls = await both(integration, steps, monkeypatch, settings)
    assert lean_calls == [], "the lean route served the requests"
    assert full_calls or case == "a host not allowed", "the DRF view served them without it"
    if case != "a host not allowed":  # Django's own 400 page, before any view
        assert all(a["headers"]["content-type"] == "application/json" for a in answers)


async def test_the_accepted_answer_in_full(admin, monkeypatch, settings):
    integration = await sync_to_async(_github)(admin)
    answers, _, _ = await both(integration, [SIGNED], monkeypatch, settings)
    assert answers[0]["status"] == 202
    assert answers[0]["body"] == {"data": {"verdict": "accepted", "delivery": "<pk>"}, "message": "Accepted."}
    headers = answers[0]["headers"]
    assert headers["allow"] == "POST, OPTIONS" and headers["vary"] == "Accept, origin"
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["x-ratelimit-limit"] == str(settings.RATE_LIMITS["ci_deliveries"][0])


async def test_a_bad_signature_names_the_scheme(admin, monkeypatch, settings):
    integration = await sync_to_async(_github)(admin)
    answers, _, _ = await both(integration, CASES["a bad signature"], monkeypatch, settings)
    assert answers[0]["status"] == 401
    assert answers[0]["headers"]["www-authenticate"] == 'HMAC realm="integrations"'


async def test_past_the_rate_limit_both_answer_429_with_retry_after(admin, monkeypatch, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ci_deliveries": (2, 60)}
    integration = await sync_to_async(_github)(admin)
    steps = [{"delivery": f"d-{n}"} for n in range(3)]
    answers, _, _ = await both(integration, steps, monkeypatch, settings)
    assert [a["status"] for a in answers] == [202, 202, 429]
    assert answers[2]["body"]["error_code"] == "throttled" and int(answers[2]["headers"]["retry-after"]) >= 1


async def test_a_body_past_the_limit_is_413(admin, monkeypatch, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    integration = await sync_to_async(_github)(admin)
    answers, _, _ = await both(integration, [{"data": {"padding": "x" * 4096}}], monkeypatch, settings)
    assert answers[0]["status"] == 413 and answers[0]["body"]["error_code"] == "request_too_large"


async def test_cors_and_hsts_headers_are_the_full_chains(admin, monkeypatch, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://ci.example"]
    integration = await sync_to_async(_github)(admin)
    step = {"headers": [(b"origin", b"https://ci.example"), (b"x-forwarded-proto", b"https")]}
    handler = application.application.application_mapping["http"]
    try:
        # SecurityMiddleware reads its settings when the chains are built.
        with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), SECURE_HSTS_SECONDS=3600):
            handler.load_middleware()
            answers, lean_calls, _ = await both(integration, [step], monkeypatch, settings)
    finally:
        handler.load_middleware()
    headers = answers[0]["headers"]
    assert headers["access-control-allow-origin"] == "https://ci.example"
    assert headers["strict-transport-security"] == "max-age=3600"
    assert lean_calls == []


@pytest.mark.parametrize(
    "step",
    [
        {"method": "GET"},
        {"path": "/api/v1/integrations/github/{pk}?format=json"},
        {"headers": [(b"accept", b"text/html")]},
    ],
    ids=["another method", "a query string", "a browser asking for HTML"],
)
async def test_requests_the_lean_route_leaves_to_drf(step, admin, monkeypatch, settings):
    integration = await sync_to_async(_github)(admin)
    if "path" in step:
        step = {**step, "path": step["path"].format(pk=integration.pk)}
    calls: list[str] = []
    post, get = Receiver.post, Receiver.http_method_not_allowed

    def counted(self, *args, **kwargs):
        calls.append("drf")
        return (post if self.request.method == "POST" else get)(self, *args, **kwargs)

    monkeypatch.setattr(Receiver, "post", counted)
    monkeypatch.setattr(Receiver, "http_method_not_allowed", counted)
    response = await send(*request_for(integration, step))
    assert calls == ["drf"], response


def _github(admin) -> Integration:
    from accounts.actor import Actor
    from pipelines.services.integrations import create_integration

    found, _ = create_integration(Actor.for_user(admin, "api"), name="github CI", provider="github", secret=SECRET)
    return found
