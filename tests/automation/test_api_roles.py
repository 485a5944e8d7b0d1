"""Every automation route by role, key scope and visibility (``tests.roles``), and the
playbook listing. No playbook is run here: the worker's job is not called."""

from __future__ import annotations

import pytest

from accounts.models import Team
from automation.models import PlaybookRun
from tests.helpers import assert_error, assert_ok
from tests.roles import ANONYMOUS, Expected, RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db

EXECUTE = "/api/v1/ansible/playbooks/hello.yml/execute"
BODY = {"hosts": ["web-1"], "variables": {"marker": "/dev/null"}}


@pytest.fixture(autouse=True)
def teams(operator, viewer, outsider):
    """The operator and viewer see the fleet; the outsider only servers tagged ``elsewhere``."""
    fleet = Team.objects.create(name="fleet", all_servers=True)
    fleet.members.add(operator, viewer)
    elsewhere = Team.objects.create(name="elsewhere", tags=["elsewhere"])
    elsewhere.members.add(outsider)


@pytest.fixture
def run(playbook_dir, web, operator):
    found = PlaybookRun.objects.create(
        playbook="hello.yml", requested_by=operator, requested_via="api", hosts=["web-1"]
    )
    found.servers.set([web])
    return found


def no_run_was_recorded(outcome):
    assert not PlaybookRun.objects.exists()


def still_running(outcome):
    assert PlaybookRun.objects.get().status == "running"


SEEN: dict[str, Expected] = {
    ANONYMOUS: (401, "not_authenticated"),
    "admin": 200,
    "operator": 200,
    "viewer": 200,
    "outsider": 404,
}

ROLES = RoleMatrix(
    Route("GET", "/api/v1/ansible/playbooks/available", uses=("playbook_dir",), expect=everyone(200)),
    Route(
        "POST", EXECUTE, body=BODY, uses=("playbook_dir", "web"), expect=allowed("operator", "admin", ok=202),
        unchanged=no_run_was_recorded,
    ),
    Route(
        "POST", EXECUTE, body=BODY, uses=("playbook_dir", "web"),
        expect={
            key("operator", "servers:read"): (403, "insufficient_scope"),
            key("operator", "playbooks:write"): 202,
        },
        unchanged=no_run_was_recorded,
    ),
    Route("POST", "/api/v1/ansible/playbooks/nope.yml/execute", body=BODY, uses=("playbook_dir",),
          expect={"operator": (404, "not_found")}),
    Route("GET", "/api/v1/ansible/playbooks", uses=("run",), expect=everyone(200)),
    Route("GET", "/api/v1/ansible/playbooks", expect={key("viewer", "playbooks:read"): 200,
                                                      key("viewer", "servers:read"): (403, "insufficient_scope")}),
    Route("GET", "/api/v1/ansible/executions/{run.pk}", expect=SEEN),
    Route("GET", "/api/v1/ansible/executions/999999", expect={"admin": (404, "not_found")}),
    Route(
        "POST", "/api/v1/ansible/executions/{run.pk}/cancel",
        expect={**allowed("operator", "admin", ok=202), "outsider": (403, "permission_denied")},
        unchanged=still_running,
    ),
    Route("POST", "/api/v1/ansible/executions/999999/cancel", expect={"operator": (404, "not_found")}),
)  # fmt: skip


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_the_outsider_sees_no_run_of_servers_outside_their_scope(outsider_client, viewer_client, run):
    assert assert_ok(outsider_client.get("/api/v1/ansible/playbooks")) == []
    assert [r["id"] for r in assert_ok(viewer_client.get("/api/v1/ansible/playbooks"))] == [run.pk]


def test_an_operator_cannot_target_servers_outside_their_scope(client_for, playbook_dir, web):
    from tests.factories import UserFactory

    stranger = UserFactory.create(username="sam", role="operator")
    Team.objects.create(name="other", tags=["elsewhere"]).members.add(stranger)
    response = client_for(stranger).post(EXECUTE, BODY, format="json")
    body = assert_error(response, 400)
    assert "No server or tag you can see is named 'web-1'" in str(body["errors"])


def test_available_lists_playbooks_with_their_description_and_variables(viewer_client, playbook_dir):
    (playbook_dir / "bad.yml").write_text("- name: Bad\n  hosts: all\n")
    (playbook_dir / "bad.vars.yml").write_text("variables:\n  - name: ansible_user\n")
    listed = {p["name"]: p for p in assert_ok(viewer_client.get("/api/v1/ansible/playbooks/available"))}
    assert sorted(listed) == ["bad.yml", "broken.yml", "hello.yml", "ping.yml", "slow.yml"]
    hello = listed["hello.yml"]
    assert hello["description"] == "Say hello" and hello["runnable"] is True
    assert hello["variables"][0] == {
        "name": "who", "type": "string", "required": False, "default": "world", "choices": None, "description": "",
    }  # fmt: skip
    assert hello["variables"][2]["choices"] == ["low", "high"]
    assert listed["bad.yml"]["runnable"] is False and "may not be a variable's name" in listed["bad.yml"]["error"]


def test_a_playbook_with_a_bad_schema_is_refused(operator_client, playbook_dir, web):
    (playbook_dir / "bad.yml").write_text("- name: Bad\n  hosts: all\n")
    (playbook_dir / "bad.vars.yml").write_text("variables: 3\n")
    response = operator_client.post("/api/v1/ansible/playbooks/bad.yml/execute", {"hosts": ["web-1"]}, format="json")
    assert_error(response, 409, "playbook_invalid")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"hosts": []},
        {"hosts": "web-1"},
        {"hosts": ["web 1"]},
        {"hosts": ["web-1"], "check": "yes"},
        {"hosts": ["web-1"], "tags": ["a b"]},
        {"hosts": ["web-1"], "variables": []},
    ],
)
def test_bad_bodies_are_400(operator_client, playbook_dir, web, body):
    assert_error(operator_client.post(EXECUTE, body, format="json"), 400)
    assert not PlaybookRun.objects.exists()


def test_path_traversal_finds_no_playbook(operator_client, playbook_dir, web):
    response = operator_client.post("/api/v1/ansible/playbooks/..%2Fhello.yml/execute", BODY, format="json")
    assert response.status_code == 404


def test_history_filters_are_strict(viewer_client, run):
    assert_error(viewer_client.get("/api/v1/ansible/playbooks", {"status": "nope"}), 400)
    assert_error(viewer_client.get("/api/v1/ansible/playbooks?playbook=a&playbook=b"), 400)
    assert assert_ok(viewer_client.get("/api/v1/ansible/playbooks", {"playbook": "other.yml"})) == []
