"""The status flow, the conversation (internal notes), reopening, and the timeline."""

from __future__ import annotations

import pytest

from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db
URL = "/api/v1/tickets"


def patch(client, ticket, **body):
    return client.patch(f"{URL}/{ticket.pk}", body, format="json")


def test_the_whole_flow_sets_and_clears_resolved_at(client_for, support, requester, ticket, clock):
    staff, owner = client_for(support), client_for(requester)
    assert assert_ok(patch(staff, ticket, status="in_progress"))["status"] == "in_progress"
    assert assert_ok(patch(staff, ticket, status="pending"))["status"] == "pending"
    clock.advance(hours=1)
    resolved = assert_ok(patch(staff, ticket, status="resolved"))
    assert resolved["resolved_at"] is not None
    reopened = assert_ok(patch(owner, ticket, status="open"))  # the requester, within the window
    assert reopened["resolved_at"] is None
    assert_ok(patch(staff, ticket, status="resolved"))
    closed = assert_ok(patch(owner, ticket, status="closed"))  # the requester confirms
    assert closed["status"] == "closed" and closed["closed_at"] is not None
    assert_error(patch(staff, ticket, status="open"), 409, "invalid_transition")  # closed is final
    kinds = [e["kind"] for e in assert_ok(staff.get(f"{URL}/{ticket.pk}/timeline"))]
    assert kinds.count("status") == 6 and kinds[0] == "created"


def test_the_requester_reopens_only_within_the_window(client_for, support, requester, ticket, clock, settings):
    settings.HELPDESK_REOPEN_DAYS = 7
    assert_ok(patch(client_for(support), ticket, status="resolved"))
    clock.advance(days=7, seconds=1)
    assert_error(patch(client_for(requester), ticket, status="open"), 409, "reopen_window_passed")
    assert assert_ok(patch(client_for(support), ticket, status="open"))["status"] == "open"  # staff may


def test_a_requester_cannot_work_their_ticket_but_may_cancel_it(client_for, requester, ticket):
    owner = client_for(requester)
    assert_error(patch(owner, ticket, status="in_progress"), 403, "permission_denied")
    assert_error(patch(owner, ticket, status="resolved"), 403, "permission_denied")
    assert assert_ok(patch(owner, ticket, status="cancelled"))["status"] == "cancelled"
    assert_error(patch(owner, ticket, status="open"), 409, "invalid_transition")


def test_internal_notes_never_reach_the_requester(client_for, support, requester, ticket):
    staff, owner = client_for(support), client_for(requester)
    assert_ok(
        staff.post(f"{URL}/{ticket.pk}/comments", {"body": "Known model; replace it", "internal": True}, format="json"),
        201,
    )
    assert_ok(staff.post(f"{URL}/{ticket.pk}/comments", {"body": "On my way"}, format="json"), 201)
    assert [c["body"] for c in assert_ok(owner.get(f"{URL}/{ticket.pk}/comments"))] == ["On my way"]
    assert len(assert_ok(staff.get(f"{URL}/{ticket.pk}/comments"))) == 2
    owner_timeline = assert_ok(owner.get(f"{URL}/{ticket.pk}/timeline"))
    assert all(not e["internal"] for e in owner_timeline)
    assert any(e["internal"] for e in assert_ok(staff.get(f"{URL}/{ticket.pk}/timeline")))


def test_the_first_public_staff_reply_is_the_first_response(client_for, support, requester, ticket, clock):
    staff = client_for(support)
    clock.advance(minutes=3)
    staff.post(f"{URL}/{ticket.pk}/comments", {"body": "note", "internal": True}, format="json")
    client_for(requester).post(f"{URL}/{ticket.pk}/comments", {"body": "any news?"}, format="json")
    ticket.refresh_from_db()
    assert ticket.first_response_at is None
    clock.advance(minutes=2)
    staff.post(f"{URL}/{ticket.pk}/comments", {"body": "Looking"}, format="json")
    ticket.refresh_from_db()
    assert ticket.first_response_at == clock.now


def test_the_requesters_reply_puts_a_pending_ticket_back_in_the_queue(client_for, support, requester, ticket):
    assert_ok(patch(client_for(support), ticket, status="pending"))
    assert_ok(
        client_for(requester).post(f"{URL}/{ticket.pk}/comments", {"body": "Here is the log"}, format="json"), 201
    )
    ticket.refresh_from_db()
    assert ticket.status == "open" and ticket.paused_at is None


def test_no_comment_on_a_closed_ticket(client_for, support, ticket):
    staff = client_for(support)
    assert_ok(patch(staff, ticket, status="cancelled"))
    assert_error(staff.post(f"{URL}/{ticket.pk}/comments", {"body": "late"}, format="json"), 409, "ticket_closed")


@pytest.mark.parametrize("bad", [{}, {"body": ""}, {"body": "x", "internal": "yes"}, {"body": "x" * 10_001}])
def test_bad_comments_are_400(client_for, support, ticket, bad):
    assert_error(client_for(support).post(f"{URL}/{ticket.pk}/comments", bad, format="json"), 400)


def test_a_support_change_of_category_is_a_label(client_for, support, ticket, django_capture_on_commit_callbacks):
    from triage.models import Label

    with django_capture_on_commit_callbacks(execute=True):
        data = assert_ok(patch(client_for(support), ticket, category="network_issue"))
    assert data["category"] == "network_issue" and data["auto_categorized"] is False
    label = Label.objects.get(source="helpdesk")
    assert (label.category, label.text) == (
        "network_issue",
        "Printer on floor 2 jams\nEvery page jams since this morning.",
    )


def test_a_requesters_edit_is_no_label(client_for, requester, ticket, django_capture_on_commit_callbacks):
    from triage.models import Label

    with django_capture_on_commit_callbacks(execute=True):
        assert_ok(patch(client_for(requester), ticket, title="Printer jams"))
    assert not Label.objects.exists()
