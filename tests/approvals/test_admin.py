"""The operator console: admins switch policies (audited, as over REST) and read requests."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from accounts.models import AuditLog
from agents import services as agents
from approvals.models import ApprovalPolicy
from approvals.services import ApprovalPending

pytestmark = pytest.mark.django_db


def test_an_admin_switches_a_policy_in_the_console(console, admin):
    policy = ApprovalPolicy.objects.get(kind="stop")
    response = console.post(f"/admin/approvals/approvalpolicy/{policy.pk}/change/", {"required": "on"})
    assert response.status_code == 302, response.content[:2000]
    assert ApprovalPolicy.objects.get(kind="stop").required
    entry = AuditLog.objects.get(action="approval.policy_changed")
    assert (entry.actor, entry.via, entry.details["kind"]) == (admin, "admin", "stop")


def test_policies_are_neither_added_nor_deleted(console):
    assert console.get("/admin/approvals/approvalpolicy/add/").status_code == 403
    policy = ApprovalPolicy.objects.get(kind="run")
    assert console.get(f"/admin/approvals/approvalpolicy/{policy.pk}/delete/").status_code == 403


def test_requests_are_listed_and_read_only(console, operator, server, run_required):
    with pytest.raises(ApprovalPending) as raised:
        agents.run_command(Actor.for_user(operator, "api"), server, "uptime")
    listing = console.get("/admin/approvals/approval/")
    assert listing.status_code == 200 and b"Run `uptime`" in listing.content
    page = console.get(f"/admin/approvals/approval/{raised.value.approval.pk}/change/")
    assert page.status_code == 200 and b"Save" not in page.content
