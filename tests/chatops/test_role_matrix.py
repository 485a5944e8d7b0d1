"""The role-matrix helper itself (tests/roles.py): how cells read, whom they call as, and that
a wrong cell fails rather than passing quietly."""

from __future__ import annotations

import pytest

from tests.roles import ANONYMOUS, RoleCase, RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db

ROUTE = Route("PATCH", "/api/v1/servers/{server.pk}", body={"description": "x"}, expect=allowed("admin"))


def test_a_case_id_reads_as_a_sentence():
    ids = [case.id for case in RoleMatrix(ROUTE).cases()]
    assert ids == [
        "anonymous-PATCH-/api/v1/servers/{server}-401",
        "admin-PATCH-/api/v1/servers/{server}-200",
        "operator-PATCH-/api/v1/servers/{server}-403",
        "support-PATCH-/api/v1/servers/{server}-403",
        "viewer-PATCH-/api/v1/servers/{server}-403",
        "requester-PATCH-/api/v1/servers/{server}-403",
    ]


def test_support_is_granted_where_viewers_are_and_requesters_only_where_named():
    assert allowed("viewer", "operator", "admin")["support"] == 200
    assert allowed("operator", "admin")["support"] == (403, "permission_denied")
    assert allowed("viewer", "operator", "admin")["requester"] == (403, "permission_denied")
    assert allowed("requester")["requester"] == 200


def test_the_fixtures_a_route_needs_come_from_its_path_and_uses():
    route = Route("GET", "/x/{history[0].pk}/{server.pk}/{history[1].pk}", expect={}, uses=("viewer", "server"))
    assert route.fixtures() == ["history", "server", "viewer"]


def test_every_role_of_the_user_model_is_in_the_shorthands():
    from accounts.choices import Role

    assert set(allowed("admin")) == set(everyone(200)) == {ANONYMOUS, *Role.values}
    with pytest.raises(AssertionError, match="not roles"):
        allowed("root")


def test_a_key_caller_names_its_role_and_scopes():
    assert key("operator", "metrics:write", "logs:read") == "operator key(metrics:write,logs:read)"
    assert key("viewer") == "viewer key()"


# A scoped key is refused for want of scope, not of role; the default scopes read.
SCOPES = RoleMatrix(
    Route(
        "PATCH",
        "/api/v1/servers/{server.pk}",
        body={"description": "x"},
        expect={key("admin", "servers:read"): (403, "insufficient_scope"), key("admin", "servers:write"): 200},
    ),
    Route("GET", "/api/v1/servers", expect={key("viewer"): 200, key("operator", "metrics:write"): 403}),
)


class TestScopedKeys:
    @SCOPES.parametrize
    def test_roles(self, request, case):
        case.check(request)


@pytest.mark.parametrize(
    ("caller", "expected"),
    [("viewer", 200), ("admin", 403), (ANONYMOUS, (401, "permission_denied"))],
    ids=["wrong-status", "wrong-status-again", "wrong-error-code"],
)
def test_a_wrong_cell_fails(request, caller, expected):
    case = RoleCase(ROUTE, caller, expected)
    with pytest.raises(AssertionError):
        case.check(request)


def test_an_unknown_caller_is_an_error_not_a_pass(request):
    with pytest.raises(AssertionError, match="neither a fixture nor a role"):
        RoleCase(ROUTE, "support-desk", 403).check(request)


def test_unchanged_runs_only_after_a_refusal_and_then_after_every_call(request):
    seen = []
    route = Route(
        "GET",
        "/api/v1/servers",
        expect={},
        unchanged=lambda o: seen.append(("unchanged", o.caller)),
        then=lambda o: seen.append(("then", o.caller)),
    )
    RoleCase(route, "viewer", 200).check(request)
    RoleCase(route, ANONYMOUS, 401).check(request)
    assert seen == [("then", "viewer"), ("unchanged", ANONYMOUS), ("then", ANONYMOUS)]
