"""The audit log over REST: admins only, filterable, read-only."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from accounts.actor import Actor
from accounts.choices import AUDIT_ACTIONS
from accounts.models import AuditLog
from accounts.services import record_audit
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db
URL = "/api/v1/audit-logs"


@pytest.fixture
def entries(admin, viewer):
    old = record_audit(
        "server.deleted", actor=Actor.for_user(admin, "system"), target_type="servers.server", target_id=7
    )
    AuditLog.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    record_audit("auth.login", actor=Actor.for_user(viewer, "system"), target=viewer)
    record_audit("auth.login", actor=Actor.for_user(admin, "system"), target=admin)
    return old


def test_admin_reads_newest_first(admin_client, entries):
    data = assert_ok(admin_client.get(URL))
    assert [e["action"] for e in data] == ["auth.login", "auth.login", "server.deleted"]
    assert set(data[0]) >= {"actor", "action", "target_type", "target_id", "ip_address", "user_agent", "details"}


@pytest.mark.parametrize("client_name", ["operator_client", "viewer_client"])
def test_other_roles_are_refused(request, client_name, entries):
    assert_error(request.getfixturevalue(client_name).get(URL), 403)


def test_needs_credentials(anon):
    assert_error(anon.get(URL), 401)


def test_filters(admin_client, entries, viewer, admin):
    def actions(**q):
        return [e["action"] for e in assert_ok(admin_client.get(URL, q))]

    assert actions(actor=viewer.pk) == ["auth.login"]
    assert actions(action="server.deleted") == ["server.deleted"]
    assert actions(target_type="servers.server", target_id="7") == ["server.deleted"]
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert actions(start=since) == ["auth.login", "auth.login"]
    assert actions(end=since) == ["server.deleted"]


@pytest.mark.parametrize(
    "params", [{"start": "last tuesday"}, {"actor": "ada"}, {"sort": "ip"}, {"action": "bogus"}, {"action": "server"}]
)
def test_bad_filters_are_400(admin_client, entries, params):
    assert_error(admin_client.get(URL, params), 400)


def test_detail_and_404(admin_client, entries):
    assert assert_ok(admin_client.get(f"{URL}/{entries.pk}"))["action"] == "server.deleted"
    assert_error(admin_client.get(f"{URL}/999999"), 404)


def test_read_only(admin_client, entries):
    assert_error(admin_client.post(URL, {"action": "x"}, format="json"), 405)
    assert_error(admin_client.delete(f"{URL}/{entries.pk}"), 405)


def test_request_context_is_recorded(anon, admin):
    anon.post(
        "/api/v1/auth/login",
        {"username": "ada", "password": "nope"},
        format="json",
        HTTP_USER_AGENT="pytest-agent/1.0",
        REMOTE_ADDR="203.0.113.9",
    )
    entry = AuditLog.objects.get(action="auth.login_failed")
    assert entry.ip_address == "203.0.113.9"
    assert entry.user_agent == "pytest-agent/1.0"


def test_every_action_the_code_records_can_be_filtered_on():
    """`action` takes the known actions only (a misspelt one is a 400): each literal action
    passed to record_audit must be one of them."""
    root = Path(__file__).resolve().parents[2]
    recorded = set()
    for path in root.glob("*/**/*.py"):
        if path.parts[len(root.parts)] in ("tests", ".venv", "bench"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "record_audit" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    recorded.add(first.value)
    assert recorded and recorded <= set(AUDIT_ACTIONS), recorded - set(AUDIT_ACTIONS)
    docker = {f"docker.{action}" for action in ("list", "start", "stop", "restart", "logs")}
    assert docker | {"command.run"} <= set(AUDIT_ACTIONS)
