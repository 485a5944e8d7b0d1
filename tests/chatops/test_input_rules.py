"""Bad input anywhere is a clear 400 and changes nothing (found by fuzzing the schema)."""

from __future__ import annotations

import pytest

from servers.models import Server
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/api/v1/servers", "status=online&status=offline"),
        ("/api/v1/servers", "page=1&page=2"),
        ("/api/v1/servers", "sort=name&sort=status"),
        ("/api/v1/audit-logs", "actor=1&actor=2"),
    ],
)
def test_a_parameter_given_twice_is_400(admin_client, url, query):
    body = assert_error(admin_client.get(f"{url}?{query}"), 400)
    assert body["errors"][0]["message"] == "Give this parameter once."


@pytest.mark.parametrize("query", ["actor=", "start=", "api_key="])
def test_an_empty_typed_filter_is_400(admin_client, query):
    assert_error(admin_client.get(f"/api/v1/audit-logs?{query}"), 400)


def test_an_empty_text_filter_means_no_filter(admin_client, server):
    assert len(assert_ok(admin_client.get("/api/v1/servers?search="))) == 1


@pytest.mark.parametrize("value", ["-8.7e246", "1.5", "0", "99999999999999999999", "abc"])
def test_an_id_filter_takes_only_an_id(admin_client, value):
    assert_error(admin_client.get(f"/api/v1/api-keys?user={value}"), 400)


def test_lone_surrogates_are_refused_before_the_database(admin_client):
    body = '{"name": "bad\\ud800name", "hostname": "h"}'
    assert_error(admin_client.post("/api/v1/servers", body, content_type="application/json"), 400, "parse_error")
    assert not Server.objects.exists()


def test_nul_characters_are_refused(admin_client):
    response = admin_client.post("/api/v1/servers", {"name": "a\x00b", "hostname": "h"}, format="json")
    assert_error(response, 400)
    assert not Server.objects.exists()


def test_valid_non_ascii_text_is_kept(admin_client):
    data = assert_ok(
        admin_client.post("/api/v1/servers", {"name": "Zürich 🖥", "hostname": "zh.example"}, format="json"), 201
    )
    assert Server.objects.get(pk=data["id"]).name == "Zürich 🖥"


@pytest.mark.parametrize(
    "value", ["0685-10-03T18:26:31-20:01", "10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "soon"]
)
def test_out_of_range_times_are_400_not_500(admin_client, value):
    assert_error(admin_client.get("/api/v1/audit-logs", {"start": value}), 400)


def test_times_with_odd_offsets_or_no_zone_are_read_as_instants(admin_client, admin):
    from accounts.actor import Actor
    from accounts.services import record_audit

    record_audit("x.test", actor=Actor.for_user(admin, "system"))
    assert len(assert_ok(admin_client.get("/api/v1/audit-logs", {"start": "2020-01-01T00:00:00-20:01"}))) == 1
    assert len(assert_ok(admin_client.get("/api/v1/audit-logs", {"start": "2020-01-01T00:00:00"}))) == 1
    assert assert_ok(admin_client.get("/api/v1/audit-logs", {"end": "2020-01-01T00:00:00-20:01"})) == []
