"""``/api/v1/tickets``: every role opens and reads its own; support staff see and work all;
admins delete; another's ticket is a 404."""

from __future__ import annotations

import pytest

from helpdesk.models import Ticket, TicketComment
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db

URL = "/api/v1/tickets"
NEW = {"title": "Outlook keeps asking for my password", "category": "password_reset", "priority": "low"}
STAFF_OK = {"support": 200, "operator": 200, "admin": 200}


def nothing_opened(outcome):
    assert not Ticket.objects.filter(title=NEW["title"]).exists()


def ticket_unchanged(outcome):
    ticket = Ticket.objects.get(pk=outcome.objects["ticket"].pk)
    assert (ticket.priority, ticket.title, ticket.status) == ("medium", "Printer on floor 2 jams", "open")


def no_comment(outcome):
    assert not TicketComment.objects.exists()


ROLES = RoleMatrix(
    Route("GET", URL, expect={**everyone(200), key("requester", "tickets:read"): 200}),
    Route("GET", URL, expect={key("admin", "servers:read"): (403, "insufficient_scope")}),
    Route("POST", URL, body=NEW, expect=everyone(201), unchanged=nothing_opened),
    Route("POST", URL, body=NEW, expect={key("requester", "tickets:read"): (403, "insufficient_scope")}),
    # The requester's own ticket: theirs and support staff's; a viewer is not its requester.
    Route("GET", URL + "/{ticket.pk}", expect={"anonymous": 401, "requester": 200, **STAFF_OK,
                                               "viewer": (404, "not_found"), "other_requester": (404, "not_found")}),
    Route("GET", URL + "/999999", expect={"admin": (404, "not_found"), "requester": (404, "not_found")}),
    Route("PATCH", URL + "/{ticket.pk}", body={"priority": "high"}, unchanged=ticket_unchanged,
          expect={"anonymous": 401, "requester": (403, "permission_denied"), **STAFF_OK,
                  "viewer": (404, "not_found"), "other_requester": (404, "not_found")}),
    Route("PUT", URL + "/{ticket.pk}", body={"title": "Printer jams"}, unchanged=ticket_unchanged,
          expect={"anonymous": 401, "requester": 200, **STAFF_OK,
                  "viewer": (404, "not_found"), "other_requester": (404, "not_found")}),
    Route("DELETE", URL + "/{ticket.pk}", expect=allowed("admin"), unchanged=ticket_unchanged),
    Route("POST", URL + "/{ticket.pk}/comments", body={"body": "Any news?"}, unchanged=no_comment,
          expect={"anonymous": 401, "requester": 201, "support": 201, "operator": 201, "admin": 201,
                  "viewer": (404, "not_found"), "other_requester": (404, "not_found")}),
    Route("POST", URL + "/{ticket.pk}/comments", body={"body": "VIP", "internal": True}, unchanged=no_comment,
          expect={"requester": (403, "permission_denied"), "support": 201, "admin": 201}),
    Route("GET", URL + "/{ticket.pk}/comments", expect={"requester": 200, **STAFF_OK, "viewer": (404, "not_found")}),
    Route("GET", URL + "/{ticket.pk}/timeline", expect={"anonymous": 401, "requester": 200, **STAFF_OK,
                                                        "viewer": (404, "not_found")}),
    Route("GET", URL + "/analytics/summary", expect=allowed("support", "operator", "admin")),
)  # fmt: skip


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_requesters_list_only_their_own(client_for, requester, ticket, others_ticket, support):
    mine = assert_ok(client_for(requester).get(URL))
    assert [t["id"] for t in mine] == [ticket.pk]
    everything = assert_ok(client_for(support).get(URL))
    assert {t["id"] for t in everything} == {ticket.pk, others_ticket.pk}


def test_the_seed_fields_are_there(client_for, requester, ticket):
    data = assert_ok(client_for(requester).get(f"{URL}/{ticket.pk}"))
    seed = {"id", "title", "description", "priority", "status", "category", "created_by", "assigned_to",
            "auto_categorized", "confidence_score", "created_at", "updated_at", "resolved_at"}  # fmt: skip
    assert seed <= set(data)
    assert data["created_by"] == requester.pk and data["sla_state"] == "running"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "open"}, {"printer", "vpn"}),
        ({"status": "resolved"}, set()),
        ({"priority": "low"}, {"vpn"}),
        ({"category": "hardware_issue"}, {"printer"}),
        ({"search": "VPN"}, {"vpn"}),
        ({"search": "jams since"}, {"printer"}),
        ({"start_date": "2026-03-02T09:30:00Z"}, {"vpn"}),
        ({"end_date": "2026-03-02T09:30:00Z"}, {"printer"}),
    ],
)
def test_filters(client_for, support, requester, clock, query, expected):
    from accounts.actor import Actor
    from helpdesk.services import open_ticket

    printer = open_ticket(Actor.for_user(requester, "api"), title="Printer", description="It jams since noon",
                          category="hardware_issue", priority="medium")  # fmt: skip
    clock.advance(hours=1)
    vpn = open_ticket(Actor.for_user(requester, "api"), title="VPN", description="", category="network_issue",
                      priority="low")  # fmt: skip
    names = {printer.pk: "printer", vpn.pk: "vpn"}
    found = assert_ok(client_for(support).get(URL, query))
    assert {names[t["id"]] for t in found} == expected


def test_filter_by_people(client_for, support, requester, ticket, others_ticket):
    Ticket.objects.filter(pk=ticket.pk).update(assigned_to=support)
    staff = client_for(support)
    assert [t["id"] for t in assert_ok(staff.get(URL, {"assigned_to": support.pk}))] == [ticket.pk]
    assert [t["id"] for t in assert_ok(staff.get(URL, {"created_by": requester.pk}))] == [ticket.pk]


def test_pagination(client_for, support, requester):
    from accounts.actor import Actor
    from helpdesk.services import open_ticket

    for n in range(3):
        open_ticket(Actor.for_user(requester, "api"), title=f"t{n}", description="", category="other")
    response = client_for(support).get(URL, {"size": 2})
    body = response.json()
    assert len(body["data"]) == 2 and body["pagination"]["total"] == 3


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"title": ""},
        {"title": "x" * 201},
        {"title": "t", "priority": "urgent"},
        {"title": "t", "category": "coffee"},
        {"title": 5},
    ],
)
def test_bad_tickets_are_400(client_for, requester, bad):
    assert_error(client_for(requester).post(URL, bad, format="json"), 400, "validation_error")


@pytest.mark.parametrize(
    "query", [{"status": "done"}, {"assigned_to": "me"}, {"start_date": "yesterday"}, {"needs_review": "yes"}]
)
def test_bad_filters_are_400(client_for, support, query):
    assert_error(client_for(support).get(URL, query), 400)


def test_an_empty_update_is_400(client_for, support, ticket):
    assert_error(client_for(support).patch(f"{URL}/{ticket.pk}", {}, format="json"), 400, "validation_error")


def test_assigning_to_a_requester_is_400(client_for, support, requester, ticket):
    response = client_for(support).patch(f"{URL}/{ticket.pk}", {"assigned_to": requester.pk}, format="json")
    assert_error(response, 400, "validation_error")


def test_admin_deletes(client_for, admin, ticket):
    assert assert_ok(client_for(admin).delete(f"{URL}/{ticket.pk}")) is None
    assert not Ticket.objects.filter(pk=ticket.pk).exists()


def test_a_requesters_key_reads_tickets_by_default_and_no_fleet(client_for, requester, ticket):
    from rest_framework.test import APIClient

    data = assert_ok(client_for(requester).post("/api/v1/api-keys", {"name": "my script"}, format="json"), 201)
    assert {"tickets:read", "profile:read"} <= set(data["scopes"])
    assert not [s for s in data["scopes"] if not s.endswith(":read")]
    assert not {"servers:read", "metrics:read", "alerts:read"} & set(data["scopes"])
    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Bearer {data['key']}")
    assert [t["id"] for t in assert_ok(script.get(URL))] == [ticket.pk]
    assert_error(script.post(URL, NEW, format="json"), 403, "insufficient_scope")
