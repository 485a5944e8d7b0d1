"""The OpenAPI schema states the rules the validation enforces, where OpenAPI can say them, so a
request the schema calls valid is not refused (found by Schemathesis's coverage phase)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

from agents.protocol import METRIC_NAME_RE
from chatops.api.fields import NOT_BLANK_PATTERN, PY_SPACE, spell_out_spaces
from chatops.api.filters import MAX_ID
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def prop(schema: dict[str, Any], component: str, name: str) -> dict[str, Any]:
    value = schema["components"]["schemas"][component]["properties"][name]
    return dict(value)


def param(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    found = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    return dict(found[0]["schema"])


def ecma_matches(pattern: str, value: str) -> bool:
    # An ECMA `$` (no multiline flag) is Python's `\Z`; the patterns use nothing else that differs.
    return re.search(pattern.replace("$", r"\Z"), value) is not None


def test_not_blank_means_what_python_strips():
    regex = re.compile(NOT_BLANK_PATTERN)
    for code in range(0x110000):
        char = chr(code)
        assert (regex.fullmatch(char) is not None) == (not char.isspace()), hex(code)
    assert re.fullmatch(f"[{PY_SPACE}]+", " \t\x1c\u3000")


@pytest.mark.parametrize(
    "value",
    [
        *("cpu_percent", "disk_percent:/home", "a:ü", "cpu\n", "a:\x1c", "a:\ufeff", "a:\x85", "Cpu"),
        *("a:" + "x" * 81, "a:\x00", "a:\ud800"),
    ],
)
def test_the_metric_name_pattern_means_what_the_agents_rule_does(schema, value):
    pattern = prop(schema, "ThresholdRequest", "metric")["pattern"]
    assert pattern == prop(schema, "CustomMetricRequest", "name")["pattern"]
    assert ecma_matches(pattern, value) == bool(METRIC_NAME_RE.match(value))
    assert bool(re.match(spell_out_spaces(METRIC_NAME_RE.pattern), value)) == bool(METRIC_NAME_RE.match(value))


@pytest.mark.parametrize(
    ("component", "name"),
    [("ServerRequest", "name"), ("ServerRequest", "hostname"), ("ThresholdRequest", "name"), ("APIKeyRequest", "name")],
)
def test_required_text_is_stated_non_blank(schema, component, name):
    assert prop(schema, component, name)["pattern"] == NOT_BLANK_PATTERN
    assert not ecma_matches(NOT_BLANK_PATTERN, "\f \u3000")


def test_a_blank_hostname_is_refused_as_the_schema_says(admin_client, schema):
    assert not ecma_matches(prop(schema, "ServerRequest", "hostname")["pattern"], "\f")
    assert_error(admin_client.post("/api/v1/servers", {"name": "a", "hostname": "\f"}, format="json"), 400)


def test_a_webhook_url_is_stated_as_an_http_uri(schema):
    url = prop(schema, "WebhookRequest", "url")
    assert url["format"] == "uri" and url["maxLength"] == 2000
    assert not ecma_matches(url["pattern"], "0")
    assert not ecma_matches(url["pattern"], "ftp://example.com/")
    assert ecma_matches(url["pattern"], "HTTPS://hooks.example.com/x")


def test_ids_are_stated_as_positive_integers(schema):
    assert param(schema, "/api/v1/alerts", "server") == {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    server = prop(schema, "CustomMetricRequest", "server")
    assert (server["type"], server["minimum"], server["maximum"]) == ("integer", 1, MAX_ID)


def test_tag_limits_are_stated(schema):
    assert prop(schema, "CustomMetricRequest", "tags")["maxProperties"] == 20
    tags = prop(schema, "ServerRequest", "tags")
    assert tags["items"]["pattern"] == "^[a-z0-9][a-z0-9._:-]{0,49}$"


def test_writes_document_413(schema):
    assert "413" in schema["paths"]["/api/v1/servers"]["post"]["responses"]
    assert "413" not in schema["paths"]["/api/v1/servers"]["get"]["responses"]


def test_too_many_custom_metric_tags_is_still_refused(admin_client):
    tags = {f"t{i}": "v" for i in range(21)}
    body = {"metrics": [{"name": "deploys", "value": 1, "tags": tags}]}
    error = assert_error(admin_client.post("/api/v1/metrics", body, format="json"), 400)
    assert error["errors"][0]["message"] == "At most 20 tags."


def test_time_filters_are_stated_with_their_year_range(schema):
    start = param(schema, "/api/v1/audit-logs", "start")
    assert start["format"] == "date-time"
    assert ecma_matches(start["pattern"], "1970-01-01T00:00:00+01:00")
    assert not ecma_matches(start["pattern"], "0924-08-13T21:50:43.4-08:28")


@pytest.mark.parametrize("value", ["1970-01-01T00:00:00+01:00", "9999-12-31T23:00:00-05:00"])
def test_a_time_the_schema_allows_is_taken_whatever_its_offset(admin_client, value):
    assert_ok(admin_client.get("/api/v1/audit-logs", {"start": value}))
    assert_ok(admin_client.get("/api/v1/audit-logs", {"end": value}))


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("env:prod", True),
        (" env : prod , team:ops", True),
        ("a_b:1,c.d-e:", True),
        ("", True),
        ("   ", True),
        ("env", False),
        ("a__b:1", False),
        ("Env:prod", False),
        ("env:prod,", False),
        ("\U000497c8:x", False),
        ("k" * 65 + ":v", False),
    ],
)
def test_the_tags_filter_is_stated_as_it_is_checked(admin_client, schema, value, ok):
    tags = param(schema, "/api/v1/metrics", "tags")
    assert ecma_matches(tags["pattern"], value) == ok
    response = admin_client.get("/api/v1/metrics", {"tags": value})
    if ok:
        assert_ok(response)
    else:
        assert_error(response, 400)


def test_text_filters_state_their_maximum_length(schema):
    assert param(schema, "/api/v1/metrics", "name")["maxLength"] == 100
    assert param(schema, "/api/v1/audit-logs", "actor_label")["maxLength"] == 150


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


def test_every_pattern_in_the_schema_is_one_schema_validators_accept(schema):
    """A pattern a validator cannot compile (a surrogate range, say) is ignored or refused by
    clients, so the rule it states is lost; Schemathesis validates with jsonschema-rs."""
    import jsonschema_rs

    patterns = set(_patterns(schema))
    assert patterns
    for pattern in patterns:
        jsonschema_rs.validator_for({"type": "string", "pattern": pattern})  # raises on a bad one
