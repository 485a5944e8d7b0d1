"""Bodies too large, too deep or with numbers out of range are a 4xx with the error body,
never a 500, whoever sends them; and nothing is written."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from django.urls import path
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from alerts.models import Threshold
from chatops.api.fields import FLOAT_LIMIT
from chatops.api.parsers import MAX_JSON_DEPTH
from chatops.urls import urlpatterns as real_urlpatterns
from monitoring.models import CustomMetric
from servers.models import Server
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db

# (method, url, a valid body) for the routes named in the finding, plus one anonymous.
ROUTES = [
    ("post", "/api/v1/auth/login", {"username": "ada", "password": "a-long-passphrase"}),
    ("post", "/api/v1/servers", {"name": "web-1", "hostname": "web-1.example"}),
    ("put", "/api/v1/auth/me", {"full_name": "Ada"}),
    ("post", "/api/v1/metrics", {"metrics": [{"name": "deploys", "value": 1}]}),
    ("post", "/api/v1/alerts/thresholds", {"name": "cpu", "metric": "cpu_percent", "operator": ">", "value": 90}),
]
ROUTE_IDS = [f"{method} {url}" for method, url, _ in ROUTES]


def send(client: APIClient, method: str, url: str, body: str | bytes):
    return getattr(client, method)(url, body, content_type="application/json")


def nothing_written() -> bool:
    return not (Server.objects.exists() or CustomMetric.objects.exists() or Threshold.objects.exists())


class TestTooLarge:
    @pytest.mark.parametrize("size", [int(2.7 * 1024 * 1024), 10 * 1024 * 1024])
    def test_an_anonymous_login_with_a_huge_body_is_413(self, anon, size):
        body = json.dumps({"username": "x" * size, "password": "y"})
        body_ = assert_error(send(anon, "post", "/api/v1/auth/login", body), 413, "request_too_large")
        assert "2621440 bytes" in body_["detail"]

    @pytest.mark.parametrize(("method", "url", "valid"), ROUTES, ids=ROUTE_IDS)
    def test_a_body_past_the_limit_is_413_on_every_route(self, admin_client, method, url, valid):
        body = json.dumps({**valid, "padding": "x" * (3 * 1024 * 1024)})
        assert_error(send(admin_client, method, url, body), 413, "request_too_large")
        assert nothing_written()

    def test_the_limit_is_a_setting(self, admin_client, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
        body = json.dumps({"name": "web-1", "hostname": "web-1.example", "padding": "x" * 100_000})
        assert_error(send(admin_client, "post", "/api/v1/servers", body), 413, "request_too_large")
        assert_ok(
            admin_client.post("/api/v1/servers", {"name": "web-1", "hostname": "web-1.example"}, format="json"), 201
        )

    @override_settings(ROOT_URLCONF=__name__)
    def test_outside_drf_views_too(self, anon):
        body = json.dumps({"padding": "x" * (3 * 1024 * 1024)})
        assert_error(send(APIClient(raise_request_exception=False), "post", "/api/v1/raw-body", body), 413)


class TestTooDeep:
    @pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 935, 100_000])
    def test_an_anonymous_login_nested_too_deep_is_400(self, anon, depth):
        body = "[" * depth + "]" * depth
        response = send(anon, "post", "/api/v1/auth/login", body)
        assert f"deeper than {MAX_JSON_DEPTH}" in assert_error(response, 400, "parse_error")["detail"]

    def test_nesting_up_to_the_limit_is_parsed(self, admin_client):
        # The object and 31 lists: 32 levels, so the parser reads it and the field refuses it.
        deep: object = "x"
        for _ in range(MAX_JSON_DEPTH - 1):
            deep = [deep]
        response = admin_client.post("/api/v1/servers", {"name": deep, "hostname": "h"}, format="json")
        assert_error(response, 400, "validation_error")
        # One level more is refused before any field sees it.
        response = admin_client.post("/api/v1/servers", {"name": [deep], "hostname": "h"}, format="json")
        assert_error(response, 400, "parse_error")


HUGE = "9" * 400
PLACEHOLDER = "\u0000BAD\u0000"  # no body holds it; json.dumps writes it escaped


class TestNumbersOutOfRange:
    @pytest.mark.parametrize("sign", ["", "-"])
    def test_a_400_digit_metric_value_is_400_naming_the_field(self, admin_client, sign):
        body = json.dumps({"metrics": [{"name": "deploys", "value": PLACEHOLDER}]})
        body = body.replace(json.dumps(PLACEHOLDER), sign + HUGE)
        error = assert_error(send(admin_client, "post", "/api/v1/metrics", body), 400, "validation_error")
        assert error["errors"][0]["field"] == "metrics.0.value"
        assert "1e+300" in error["errors"][0]["message"]
        assert nothing_written()

    @pytest.mark.parametrize("field", ["value", "clear_value", "duration_seconds", "repeat_interval_seconds"])
    def test_a_400_digit_threshold_number_is_400_naming_the_field(self, admin_client, field):
        valid = {"name": "cpu", "metric": "cpu_percent", "operator": ">", "value": 90}
        body = json.dumps({**valid, field: PLACEHOLDER}).replace(json.dumps(PLACEHOLDER), HUGE)
        error = assert_error(send(admin_client, "post", "/api/v1/alerts/thresholds", body), 400, "validation_error")
        assert [e["field"] for e in error["errors"]] == [field]
        assert nothing_written()

    @pytest.mark.parametrize(("value", "ok"), [(FLOAT_LIMIT, True), (-FLOAT_LIMIT, True), (1e301, False)])
    def test_floats_are_taken_within_the_documented_range(self, admin_client, value, ok):
        response = admin_client.post("/api/v1/metrics", {"metrics": [{"name": "n", "value": value}]}, format="json")
        if ok:
            assert_ok(response, 201)
        else:
            assert_error(response, 400, "validation_error")

    def test_the_schema_states_the_range(self, anon):
        schema = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
        value = schema["components"]["schemas"]["ThresholdRequest"]["properties"]["value"]
        assert (value["minimum"], value["maximum"]) == (-FLOAT_LIMIT, FLOAT_LIMIT)


# --- The same classes, generated: any of them at any place in a body of these routes. ---


def _nested(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


def _places(value: object, here: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every value's place in a body, and a new key in every object."""
    if isinstance(value, dict):
        places = [(*here, "extra")]
        for key, child in value.items():
            places += [(*here, key), *_places(child, (*here, key))]
        return places
    if isinstance(value, list):
        return [p for index, child in enumerate(value) for p in [(*here, index), *_places(child, (*here, index))]]
    return []


def _put(body: object, place: tuple[object, ...], value: object) -> object:
    if not place:
        return value
    copy = dict(body) if isinstance(body, dict) else list(body)  # type: ignore[call-overload]
    head, rest = place[0], place[1:]
    copy[head] = _put(copy[head] if rest else None, rest, value)
    return copy


huge_numbers = st.integers(min_value=302, max_value=2000).flatmap(
    lambda digits: st.sampled_from(["", "-"]).map(lambda sign: sign + "9" * digits)
)
too_deep = st.integers(min_value=MAX_JSON_DEPTH + 1, max_value=3000).map(_nested)


@st.composite
def bad_bodies(draw: st.DrawFn) -> tuple[int, str, str, str, bool]:
    index = draw(st.integers(min_value=0, max_value=len(ROUTES) - 1))
    method, url, valid = ROUTES[index]
    place = draw(st.sampled_from(_places(valid)))
    bad = draw(st.one_of(huge_numbers, too_deep))
    body = json.dumps(_put(valid, place, PLACEHOLDER)).replace(json.dumps(PLACEHOLDER), bad)
    return index, method, url, body, place[-1] == "extra" and bad[0] != "["


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=bad_bodies())
def test_generated_bad_bodies_are_refused_without_a_500(admin, settings, case):
    settings.RATE_LIMIT_ENABLED = False
    index, method, url, body, ignorable = case
    client = APIClient()
    if index:  # every route but the anonymous login
        client.force_authenticate(admin)
    response = send(client, method, url, body)
    if ignorable:
        # A huge number under a key the API ignores is harmless; the rest of the body is valid.
        assert response.status_code < 500, response.content
        Server.objects.all().delete()
        CustomMetric.objects.all().delete()
        Threshold.objects.all().delete()
        return
    assert_error(response, 400)
    assert nothing_written()


def raw_body(request):
    from django.http import JsonResponse

    return JsonResponse({"size": len(request.body)})


urlpatterns = [path("api/v1/raw-body", raw_body), *real_urlpatterns]
