"""Automatic assignment to the category's team (least loaded or round robin), by hand, and
moving a deactivated assignee's tickets."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from accounts.people import deactivate_user
from helpdesk.models import CategoryRoute, Ticket
from helpdesk.services import assign, open_ticket, update_ticket
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def new(requester, category="hardware_issue"):
    return open_ticket(Actor.for_user(requester, "api"), title="t", description="", category=category)


def test_least_loaded_goes_to_the_member_with_fewest_unfinished(requester, team, support, support2):
    CategoryRoute.objects.create(category="hardware_issue", team=team, strategy="least_loaded")
    first, second, third = new(requester), new(requester), new(requester)
    assert [first.assigned_to, second.assigned_to, third.assigned_to] == [support, support2, support]
    # support finishes both of theirs: the next goes to them (fewest unfinished), not to sue
    Ticket.objects.filter(assigned_to=support).update(status="resolved")
    assert new(requester).assigned_to == support
    assert first.team == team


def test_round_robin_takes_turns(requester, team, support, support2):
    CategoryRoute.objects.create(category="hardware_issue", team=team, strategy="round_robin")
    got = [new(requester).assigned_to for _ in range(4)]
    assert got == [support, support2, support, support2]


def test_only_active_support_staff_are_candidates(requester, team, support, support2):
    viewer = UserFactory.create(role="viewer")
    team.members.add(viewer)
    support2.is_active = False
    support2.save()
    CategoryRoute.objects.create(category="hardware_issue", team=team, strategy="round_robin")
    assert {new(requester).assigned_to for _ in range(3)} == {support}


def test_no_route_leaves_it_in_the_queue(requester, team):
    CategoryRoute.objects.create(category="network_issue", team=team)
    ticket = new(requester)
    assert ticket.assigned_to is None and ticket.team is None


def test_assignment_by_hand_is_on_the_timeline(ticket, support, admin):
    assign(Actor.for_user(admin, "api"), ticket, support)
    ticket.refresh_from_db()
    assert ticket.assigned_to == support
    entry = ticket.events.filter(kind="assigned").get()
    assert entry.details == {"from": None, "to": support.pk, "auto": False}
    assert support in ticket.watchers.all()


def test_a_deactivated_assignee_hands_their_unfinished_tickets_on(
    requester, team, support, support2, admin, django_capture_on_commit_callbacks
):
    CategoryRoute.objects.create(category="hardware_issue", team=team, strategy="least_loaded")
    open_one = new(requester)
    done = new(requester)
    new(requester)  # support2's
    Ticket.objects.filter(pk=done.pk).update(assigned_to=support, status="closed")
    assert open_one.assigned_to == support
    with django_capture_on_commit_callbacks(execute=True):
        deactivate_user(Actor.for_user(admin, "api"), support)
    open_one.refresh_from_db()
    assert open_one.assigned_to == support2
    assert Ticket.objects.get(pk=done.pk).assigned_to == support  # finished: left as it was
    moved = open_one.events.filter(kind="assigned").last()
    assert moved.details["reason"] == "deactivated" and moved.details["from"] == support.pk


def test_a_route_without_auto_assign_gives_the_team_and_leaves_it_in_the_queue(requester, team):
    CategoryRoute.objects.create(category="hardware_issue", team=team, auto_assign=False)
    ticket = new(requester)
    assert ticket.assigned_to is None and ticket.team == team


def test_a_ticket_filed_again_goes_to_its_new_categorys_team(requester, team, support, admin):
    """The classifier left it under "other" (no route); support files it as hardware: the
    hardware route takes it as it would a new hardware ticket."""
    CategoryRoute.objects.create(category="hardware_issue", team=team, strategy="least_loaded")
    ticket = new(requester, category="other")
    assert ticket.assigned_to is None and ticket.team is None
    update_ticket(Actor.for_user(admin, "api"), ticket, category="hardware_issue")
    ticket.refresh_from_db()
    assert ticket.assigned_to == support and ticket.team == team
    entry = ticket.events.filter(kind="assigned").get()
    assert entry.details == {"from": None, "to": support.pk, "auto": True}
    assert entry.actor == admin


def test_filing_again_keeps_an_assignee_and_a_hand_picked_one_wins(requester, team, support, support2, admin):
    CategoryRoute.objects.create(category="hardware_issue", team=team, strategy="least_loaded")
    staff = Actor.for_user(admin, "api")
    kept = new(requester, category="other")
    assign(staff, kept, support2)
    update_ticket(staff, Ticket.objects.get(pk=kept.pk), category="hardware_issue")
    assert Ticket.objects.get(pk=kept.pk).assigned_to == support2
    picked = new(requester, category="other")
    update_ticket(staff, picked, category="hardware_issue", assigned_to=support2)
    assert Ticket.objects.get(pk=picked.pk).assigned_to == support2


def test_a_ticket_finished_while_filed_again_is_not_assigned(requester, team, admin):
    CategoryRoute.objects.create(category="hardware_issue", team=team)
    ticket = new(requester, category="other")
    update_ticket(Actor.for_user(admin, "api"), ticket, category="hardware_issue", status="resolved")
    assert Ticket.objects.get(pk=ticket.pk).assigned_to is None
