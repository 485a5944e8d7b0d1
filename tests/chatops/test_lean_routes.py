"""Lean routes (``chatops.lean``): which requests they take, and the shorter middleware chain
they run behind. The receivers' answers on it are compared with DRF's in
``tests/pipelines/test_lean_receivers.py``."""

from __future__ import annotations

import json
import logging

import pytest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.test import RequestFactory, override_settings

from chatops.lean import SKIPPED, LeanChain, LeanRoute, _wants_json, error_response, match

RECEIVER = "/api/v1/integrations/github/12"


@pytest.mark.parametrize(
    ("accept", "lean"),
    [
        ("", True),
        ("*/*", True),
        ("application/json", True),
        ("application/json; charset=utf-8", True),
        ("application/*", True),
        ("text/html,application/xhtml+xml,*/*;q=0.8", False),
        ("text/plain", False),
        ("application/xml", False),
    ],
)
def test_only_requests_asking_for_json_or_anything_are_lean(accept, lean):
    assert _wants_json(accept) is lean


def _scope(method: str, path: str, *headers: tuple[bytes, bytes], root_path: str = "") -> dict:
    path, _, query = path.partition("?")
    return {
        "type": "http",
        "method": method.upper(),
        "path": path,
        "root_path": root_path,
        "query_string": query.encode(),
        "headers": list(headers),
    }


@pytest.mark.parametrize(
    ("method", "path", "lean"),
    [
        ("post", RECEIVER, True),
        ("post", "/api/v1/integrations/generic/7", True),
        ("get", RECEIVER, False),
        ("post", RECEIVER + "?format=json", False),
        ("post", RECEIVER + "/", False),
        ("post", "/api/v1/integrations/jenkins/12", False),
        ("post", "/api/v1/integrations/github/x12", False),
        ("post", "/api/v1/integrations", False),
    ],
)
def test_a_route_matches_its_method_and_whole_path_without_a_query(method, path, lean):
    found = match(_scope(method, path))
    assert (found is not None) is lean
    if lean and path == RECEIVER:
        assert found is not None and found[1] == {"provider": "github", "integration_id": "12"}


def test_the_path_matched_is_the_requests_path_info_and_every_accept_header_counts():
    """Read off the scope before Django builds the request, as Django will read it: the path
    without the script prefix, and repeated ``Accept`` headers joined."""
    assert match(_scope("post", "/hub" + RECEIVER, root_path="/hub")) is not None
    assert match(_scope("post", "/hub" + RECEIVER)) is None
    assert match(_scope("post", RECEIVER, (b"accept", b"application/json"))) is not None
    assert match(_scope("post", RECEIVER, (b"accept", b"application/json"), (b"accept", b"text/html"))) is None
    with override_settings(FORCE_SCRIPT_NAME="/hub"):
        assert match(_scope("post", "/hub" + RECEIVER)) is not None


def _route(view) -> LeanRoute:
    return LeanRoute("POST", r"/api/v1/lean-test", view, allow="POST")


def test_the_chain_skips_sessions_users_and_csrf_and_keeps_the_rest():
    seen: dict[str, bool] = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen.update(user=hasattr(request, "user"), session=hasattr(request, "session"))
        return JsonResponse({"ok": True})

    request = RequestFactory().post("/api/v1/lean-test", HTTP_X_REQUEST_ID="lean-test-0001")
    response = LeanChain()(request, _route(view), {})
    assert seen == {"user": False, "session": False}
    assert response.status_code == 200
    assert response["X-Request-ID"] == "lean-test-0001"  # RequestIDMiddleware
    assert response["X-Frame-Options"] == "DENY"  # XFrameOptionsMiddleware
    assert response["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware
    assert "X-RateLimit-Limit" in response  # RateLimitHeadersMiddleware (the default bucket)
    assert "csrftoken" not in response.cookies


def test_an_error_the_view_lets_out_is_the_apis_500_and_logged(caplog):
    def view(request: HttpRequest) -> HttpResponse:
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR):
        response = LeanChain()(RequestFactory().post("/api/v1/lean-test"), _route(view), {})
    assert response.status_code == 500
    assert json.loads(response.content)["error_code"] == "error"
    assert "Unhandled error on POST /api/v1/lean-test" in caplog.text


def test_an_error_the_view_answers_itself_is_logged_with_its_request(caplog):
    """A lean view catches its errors and answers with ``error_response`` (the receivers do):
    the log names the request, as there is no DRF view to name."""

    def view(request: HttpRequest) -> HttpResponse:
        try:
            raise RuntimeError("the database went away")
        except RuntimeError as exc:
            return error_response(request, exc)

    with caplog.at_level(logging.ERROR):
        response = LeanChain()(RequestFactory().post("/api/v1/lean-test"), _route(view), {})
    assert response.status_code == 500
    assert json.loads(response.content)["error_code"] == "error"
    assert "Unhandled error in POST /api/v1/lean-test" in caplog.text
    assert "NoneType" not in caplog.text


def test_a_4xx_answer_is_logged_as_djangos_handler_logs_it(caplog):
    def view(request: HttpRequest) -> HttpResponse:
        return JsonResponse({"detail": "no"}, status=404)

    with caplog.at_level(logging.WARNING, logger="django.request"):
        LeanChain()(RequestFactory().post("/api/v1/lean-test"), _route(view), {})
    assert "Not Found: /api/v1/lean-test" in caplog.text


class ViewHookMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        return None


def test_a_middleware_with_view_hooks_is_refused_not_bypassed(settings):
    hooked = [*settings.MIDDLEWARE, f"{__name__}.ViewHookMiddleware"]
    with override_settings(MIDDLEWARE=hooked), pytest.raises(TypeError, match="view hooks"):
        LeanChain()


def test_every_skipped_middleware_is_one_the_hub_installs(settings):
    assert set(settings.MIDDLEWARE) >= SKIPPED
