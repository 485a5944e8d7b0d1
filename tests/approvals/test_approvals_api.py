"""Approvals over REST: who reads and decides, the policies, 404s, bad input, the schema."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from accounts.models import AuditLog
from agents import services as agents
from approvals.models import Approval, ApprovalPolicy
from approvals.services import ApprovalPending
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, key

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(other_operator, server, run_required):
    """A request by another operator than the `operator` fixture, who may then decide it."""
    with pytest.raises(ApprovalPending) as raised:
        agents.run_command(Actor.for_user(other_operator, "chat"), server, "uptime")
    return raised.value.approval


def still_pending(outcome):
    assert Approval.objects.get().status == "pending"


def policy_unchanged(outcome):
    assert not ApprovalPolicy.objects.get(kind="restart").required


def decided(status):
    def check(outcome):
        if outcome.response.status_code == 200:
            assert outcome.data["status"] == status

    return check


BASE = "/api/v1/approvals"
ROLES = RoleMatrix(
    Route(
        "GET",
        BASE,
        expect={**allowed("operator", "admin"), key("operator", "servers:read"): (403, "insufficient_scope")},
    ),
    Route("GET", BASE + "/{pending.pk}", expect=allowed("operator", "admin")),
    Route("GET", BASE + "/999999", expect={"operator": (404, "not_found")}),
    # Approving runs it as the requester: the server is offline, so it failed (still a 200).
    Route(
        "POST",
        BASE + "/{pending.pk}/approve",
        expect=allowed("operator", "admin"),
        unchanged=still_pending,
        then=decided("failed"),
    ),
    Route(
        "POST",
        BASE + "/{pending.pk}/deny",
        body={"comment": "no"},
        expect=allowed("operator", "admin"),
        unchanged=still_pending,
        then=decided("denied"),
    ),
    Route(
        "POST",
        BASE + "/{pending.pk}/deny",
        uses=("pending",),
        expect={
            key("operator", "approvals:read"): (403, "insufficient_scope"),
            key("operator", "approvals:write"): 200,
        },
        unchanged=still_pending,
    ),
    Route("POST", BASE + "/999999/approve", expect={"admin": (404, "not_found")}),
    Route("POST", BASE + "/999999/deny", expect={"operator": (404, "not_found")}),
    Route("GET", BASE + "/policies", expect=allowed("operator", "admin")),
    Route(
        "PUT", BASE + "/policies/restart", body={"required": True}, expect=allowed("admin"), unchanged=policy_unchanged
    ),
    Route("PUT", BASE + "/policies/nope", body={"required": True}, expect={"admin": 404}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_the_list_filters_by_status_and_kind(operator_client, pending, other_operator, server, require):
    require("stop")
    with pytest.raises(ApprovalPending):
        agents.run_docker(Actor.for_user(other_operator, "api"), server, "stop", "web")
    Approval.objects.filter(pk=pending.pk).update(status="denied")
    body = operator_client.get(BASE).json()
    assert [a["kind"] for a in body["data"]] == ["stop", "run"] and body["pagination"]["total"] == 2
    assert [a["kind"] for a in assert_ok(operator_client.get(BASE, {"status": "pending"}))] == ["stop"]
    assert [a["status"] for a in assert_ok(operator_client.get(BASE, {"kind": "run"}))] == ["denied"]
    assert assert_ok(operator_client.get(BASE, {"kind": ["run", "stop"], "status": "denied"}))[0]["id"] == pending.pk


@pytest.mark.parametrize("query", [{"status": "maybe"}, {"kind": "reboot"}, {"server": "x"}, {"sort": "summary"}])
def test_bad_filters_are_400(operator_client, query):
    assert_error(operator_client.get(BASE, query), 400)


def test_policies_are_listed_and_changed_by_admins(admin_client, admin):
    assert [p["kind"] for p in assert_ok(admin_client.get(BASE + "/policies"))] == [
        "k8s_restart",
        "playbook",
        "restart",
        "run",
        "stop",
    ]
    response = admin_client.put(BASE + "/policies/run", {"required": True}, format="json")
    data = assert_ok(response)
    assert (data["kind"], data["required"], data["updated_by"]["id"]) == ("run", True, admin.pk)
    assert response.json()["message"] == "run: needs a second person"
    assert ApprovalPolicy.objects.get(kind="run").required
    entry = AuditLog.objects.get(action="approval.policy_changed")
    assert (entry.actor, entry.details) == (admin, {"kind": "run", "required": True, "before": False})


@pytest.mark.parametrize("body", [{}, {"required": "yes"}, {"required": 1}, {"required": None}, []])
def test_a_bad_policy_body_is_400(admin_client, body):
    assert_error(admin_client.put(BASE + "/policies/run", body, format="json"), 400)
    assert not ApprovalPolicy.objects.get(kind="run").required


def test_the_schema_describes_the_202s():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = schema["paths"]
    run = paths["/api/v1/commands/{server_id}"]["post"]["responses"]["202"]["content"]["application/json"]["schema"]
    assert run["properties"]["data"] == {"$ref": "#/components/schemas/CommandSentOrApproval"}
    one_of = schema["components"]["schemas"]["CommandSentOrApproval"]["oneOf"]
    assert {"$ref": "#/components/schemas/Approval"} in one_of and {
        "$ref": "#/components/schemas/CommandHistory"
    } in one_of
    container = "/api/v1/docker/{server_id}/containers/{container_id}"
    for action in ("restart", "stop"):
        stop = paths[f"{container}/{action}"]["post"]["responses"]["202"]["content"]["application/json"]["schema"]
        assert stop["properties"]["data"] == {"$ref": "#/components/schemas/Approval"}
    assert "202" not in paths[f"{container}/start"]["post"]["responses"]
    assert set(paths[BASE + "/{id}/approve"]["post"]["responses"]) >= {"200", "403", "404", "409"}
