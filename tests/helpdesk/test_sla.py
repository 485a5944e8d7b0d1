"""The SLA clock with a clock the test moves: it pauses while pending, keeps the paused time
when the priority (or its policy) changes, and a breach is marked and notified."""

from __future__ import annotations

from datetime import timedelta

import pytest

from accounts.actor import Actor
from helpdesk.models import SLAPolicy, Ticket
from helpdesk.services import add_comment, update_ticket
from helpdesk.services.breaches import check_breaches
from notifications.models import Delivery, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(support):
    return Actor.for_user(support, "api")


def fresh(ticket):
    return Ticket.objects.get(pk=ticket.pk)


def test_the_clock_pauses_while_pending(ticket, staff, clock):
    # medium: 4 h to respond, 24 h to resolve
    opened = clock.now
    clock.advance(hours=1)
    update_ticket(staff, ticket, status="pending")
    clock.advance(hours=10)  # the requester takes ten hours to answer
    assert check_breaches() == []  # paused: nothing can breach
    update_ticket(staff, fresh(ticket), status="open")
    t = fresh(ticket)
    assert t.paused_seconds == 10 * 3600 and t.paused_at is None
    assert t.resolution_due == opened + timedelta(hours=24 + 10)
    assert t.first_response_due == opened + timedelta(hours=4 + 10)


def test_a_priority_change_keeps_the_paused_time(ticket, staff, clock):
    opened = clock.now
    update_ticket(staff, ticket, status="pending")
    clock.advance(hours=2)
    update_ticket(staff, fresh(ticket), status="in_progress")
    update_ticket(staff, fresh(ticket), priority="high")  # high: 1 h / 8 h
    t = fresh(ticket)
    assert t.paused_seconds == 2 * 3600
    assert t.resolution_due == opened + timedelta(hours=8 + 2)
    assert t.first_response_due == opened + timedelta(hours=1 + 2)


def test_a_priority_change_during_a_pause_keeps_the_pause(ticket, staff, clock):
    opened = clock.now
    update_ticket(staff, ticket, status="pending")
    clock.advance(hours=3)
    update_ticket(staff, fresh(ticket), priority="critical")  # 15 min / 4 h, still paused
    t = fresh(ticket)
    assert t.sla_state == "paused"
    clock.advance(hours=1)
    update_ticket(staff, t, status="open")
    t = fresh(ticket)
    assert t.paused_seconds == 4 * 3600
    assert t.resolution_due == opened + timedelta(hours=4 + 4)


def test_a_policy_change_applies_at_the_next_priority_change_with_the_pause(ticket, staff, clock):
    opened = clock.now
    update_ticket(staff, ticket, status="pending")
    clock.advance(minutes=30)
    update_ticket(staff, fresh(ticket), status="open")
    SLAPolicy.objects.filter(priority="low").update(resolution_minutes=600)
    update_ticket(staff, fresh(ticket), priority="low")
    assert fresh(ticket).resolution_due == opened + timedelta(minutes=600 + 30)


def test_a_breach_is_marked_once_and_notified(ticket, staff, support, team, clock, settings):
    Ticket.objects.filter(pk=ticket.pk).update(assigned_to=support, team=team)
    clock.advance(hours=4, seconds=1)  # past the first-response target (medium: 4 h)
    assert check_breaches() == [ticket.pk]
    t = fresh(ticket)
    assert t.sla_state == "breached" and t.first_response_breached_at == clock.now
    assert t.resolution_breached_at is None
    notification = Notification.objects.get(type="ticket.sla_breached")
    assert notification.data == {"ticket_id": ticket.pk, "targets": ["first_response"]}
    assert set(Delivery.objects.filter(notification=notification).values_list("user__username", flat=True)) >= {"sam"}
    assert check_breaches() == []  # once
    clock.advance(hours=20)
    assert check_breaches() == [ticket.pk]
    assert fresh(ticket).resolution_breached_at is not None
    assert "sla_breached" in fresh(ticket).events.values_list("kind", flat=True)


def test_a_first_response_in_time_is_not_breached(ticket, staff, clock):
    clock.advance(hours=3)
    add_comment(staff, ticket, body="On it")
    clock.advance(hours=2)
    assert check_breaches() == []
    assert fresh(ticket).sla_state == "running"


def test_resolving_meets_the_sla(ticket, staff, clock):
    clock.advance(hours=1)
    update_ticket(staff, ticket, status="resolved")
    clock.advance(days=3)
    assert check_breaches() == []
    assert fresh(ticket).sla_state == "met"


def test_the_job_is_registered():
    from chatops import registry

    assert "helpdesk.sla" in [job.name for job in registry.jobs.entries()]


def test_a_reopened_ticket_keeps_the_time_it_stood_resolved(ticket, staff, clock):
    # medium: 24 h to resolve; resolved after 2 h, reopened 30 h later: 22 h of clock are left
    opened = clock.now
    clock.advance(hours=2)
    update_ticket(staff, ticket, status="resolved")
    clock.advance(hours=30)
    assert check_breaches() == []  # stood still while resolved
    update_ticket(staff, fresh(ticket), status="open")
    t = fresh(ticket)
    assert (t.sla_state, t.paused_seconds, t.resolved_at) == ("running", 30 * 3600, None)
    assert t.resolution_due == opened + timedelta(hours=24 + 30)
    clock.advance(hours=22, seconds=1)
    assert check_breaches() == [ticket.pk]
    assert fresh(ticket).resolution_breached_at == clock.now


def test_an_unowned_breach_reaches_support_or_else_the_admins(requester, clock):
    from helpdesk.services import open_ticket
    from tests.factories import UserFactory

    boss = UserFactory.create(username="bea", role="admin")
    UserFactory.create(username="oli", role="operator")
    ticket = open_ticket(Actor.for_user(requester, "api"), title="x", description="", category="other", priority="high")
    clock.advance(hours=1, seconds=1)  # high: 1 h to respond; no assignee, no team, no support user
    assert check_breaches() == [ticket.pk]
    notification = Notification.objects.get(type="ticket.sla_breached")
    assert list(Delivery.objects.filter(notification=notification).values_list("user", flat=True).distinct()) == [
        boss.pk
    ]
    agent = UserFactory.create(username="sal", role="support")
    clock.advance(hours=8)  # the resolution target: support exists now, and only support hears
    assert check_breaches() == [ticket.pk]
    later = Notification.objects.filter(type="ticket.sla_breached").latest("pk")
    assert set(Delivery.objects.filter(notification=later).values_list("user", flat=True)) == {agent.pk}
