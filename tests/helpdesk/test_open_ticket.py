import pytest

from accounts.actor import Actor
from helpdesk.models import Ticket
from helpdesk.services import open_ticket

pytestmark = pytest.mark.django_db


def test_open_ticket_keeps_the_given_category_and_starts_the_sla(requester, clock):
    ticket = open_ticket(
        Actor.for_user(requester, "api"), title="t", description="d", category="password_reset", priority="high"
    )
    ticket.refresh_from_db()
    assert (ticket.category, ticket.priority, ticket.status, ticket.source) == ("password_reset", "high", "open", "api")
    assert ticket.auto_categorized is False and ticket.created_by == requester
    # high: 60 minutes to respond, 8 hours to resolve (the default policies)
    assert (ticket.first_response_due - clock.now).total_seconds() == 3600
    assert (ticket.resolution_due - clock.now).total_seconds() == 8 * 3600
    assert ticket.sla_state == "running"
    assert list(ticket.events.values_list("kind", flat=True)) == ["created"]
    assert requester in ticket.watchers.all()


def test_without_a_category_the_classifier_files_it(requester):
    ticket = open_ticket(
        Actor.for_user(requester, "chat"),
        title="Forgot my password",
        description="I cannot log in to my account since I forgot my password, please reset it",
    )
    ticket = Ticket.objects.get(pk=ticket.pk)
    assert ticket.auto_categorized is True
    assert ticket.category == "password_reset" and not ticket.needs_review
    assert 0.5 < ticket.confidence_score <= 1.0
    assert ticket.priority in ("low", "medium", "high", "critical")  # suggested by the classifier
    created = ticket.events.get(kind="created").details
    assert created["auto_categorized"] is True and created["confidence_score"] == ticket.confidence_score


def test_an_unsure_classifier_files_it_under_other_for_review(requester, settings):
    settings.TRIAGE_CONFIDENCE_THRESHOLD = 0.999
    ticket = open_ticket(Actor.for_user(requester, "api"), title="hmm", description="something is odd")
    assert (ticket.category, ticket.auto_categorized, ticket.needs_review) == ("other", True, True)


def test_a_given_priority_is_kept_when_the_classifier_files_it(requester):
    ticket = open_ticket(Actor.for_user(requester, "api"), title="Server down", description="", priority="low")
    assert ticket.priority == "low" and ticket.auto_categorized


def test_a_requester_may_not_open_for_someone_else(requester, other_requester):
    from rest_framework.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        open_ticket(Actor.for_user(requester, "api"), title="t", description="", requester=other_requester)


def test_the_hub_opens_tickets_with_no_requester():
    ticket = open_ticket(Actor.system("t"), title="t", description="", category="other", source="alert")
    assert ticket.created_by is None and ticket.source == "alert"
