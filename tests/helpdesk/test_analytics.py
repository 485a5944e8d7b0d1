"""``GET /api/v1/tickets/analytics/summary``: the seed's counts, SLA compliance, mean times to
first response and to resolution, and the trend by day."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from helpdesk.services import add_comment, open_ticket, update_ticket
from helpdesk.services.breaches import check_breaches
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db
URL = "/api/v1/tickets/analytics/summary"


def test_the_summary(client_for, requester, support, clock):
    me, staff = Actor.for_user(requester, "api"), Actor.for_user(support, "api")
    fast = open_ticket(me, title="a", description="", category="password_reset", priority="critical")
    slow = open_ticket(me, title="b", description="", category="network_issue", priority="low")
    clock.advance(minutes=10)
    add_comment(staff, fast, body="Reset link sent")  # first response after 10 min
    clock.advance(minutes=50)
    update_ticket(staff, fast, status="resolved")  # resolved after 1 h
    clock.advance(days=1)
    third = open_ticket(me, title="c", description="", category="other", priority="medium")
    clock.advance(days=3)  # slow (low: 8 h to respond) and c (medium: 4 h) have breached by now
    assert check_breaches() == [slow.pk, third.pk]

    data = assert_ok(client_for(support).get(URL, {"days": 7}))
    assert data["total_tickets"] == 3
    assert data["status_counts"] == {"open": 2, "in_progress": 0, "pending": 0, "resolved": 1, "closed": 0,
                                     "cancelled": 0}  # fmt: skip
    assert data["priority_counts"]["critical"] == 1 and data["category_counts"]["network_issue"] == 1
    assert data["avg_resolution_time_hours"] == 1.0
    assert data["avg_first_response_time_hours"] == round(10 / 60, 2)
    assert data["sla"]["with_policy"] == 3 and data["sla"]["breached"] == 2
    assert data["sla"]["compliance_percent"] == round(100 / 3, 2)
    assert data["sla"]["by_state"]["met"] == 1
    trend = data["trend"]
    assert len(trend) == 7 and trend[-1]["day"] == clock.now.date().isoformat()
    assert [(d["opened"], d["resolved"]) for d in trend if d["opened"] or d["resolved"]] == [(2, 1), (1, 0)]


def test_the_summary_follows_the_list_filters(client_for, requester, support):
    me = Actor.for_user(requester, "api")
    open_ticket(me, title="a", description="", category="password_reset", priority="low")
    open_ticket(me, title="b", description="", category="network_issue", priority="low")
    data = assert_ok(client_for(support).get(URL, {"category": "network_issue"}))
    assert data["total_tickets"] == 1


@pytest.mark.parametrize("days", ["0", "367", "week"])
def test_bad_days_are_400(client_for, support, days):
    assert_error(client_for(support).get(URL, {"days": days}), 400, "validation_error")
