"""Incidents from alerts, through the real ingest path (samples → threshold evaluation → alert)
and the worker's ``helpdesk.incidents`` job: open, merge, acknowledge both ways, resolve on
recovery (or only mark it); nothing of it on the ingest path itself."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from alerts.models import Alert
from alerts.services import acknowledge
from chatops import registry
from helpdesk.models import IncidentSync, Ticket
from helpdesk.services import update_ticket
from helpdesk.services.incidents import sync_incidents
from tests.alerts.test_evaluation import Feed, threshold

pytestmark = pytest.mark.django_db


def run_job():
    """The worker's job, as the worker runs it (by its registered name)."""
    registry.jobs.get("helpdesk.incidents").run()


@pytest.fixture
def feed(server, django_capture_on_commit_callbacks):
    """Each batch commits its callbacks as it returns; then the worker's job runs."""
    inner = Feed(server)

    def send(at, **values):
        with django_capture_on_commit_callbacks(execute=True):
            result = inner(at, **values)
        run_job()
        return result

    return send


def incident():
    return Ticket.objects.get(source="alert")


def test_a_critical_alert_opens_an_incident_and_its_recovery_resolves_it(feed, server):
    threshold(duration_seconds=0, severity="critical")
    feed(0, cpu_percent=95)
    ticket = incident()
    alert = Alert.objects.get()
    assert (ticket.alert, ticket.priority, ticket.category, ticket.status) == (
        alert,
        "critical",
        "performance_issue",
        "open",
    )
    assert ticket.incident_key == f"threshold:{alert.threshold_id}:server:{server.pk}"
    assert server.name in ticket.title and ticket.created_by is None
    feed(10, cpu_percent=50)  # back under the clear value: the alert resolves
    ticket.refresh_from_db()
    assert ticket.status == "resolved" and ticket.recovered_at is not None and ticket.resolved_at is not None
    assert [e.details.get("event") for e in ticket.events.filter(kind="alert")] == ["opened", "recovered"]


def test_a_warning_opens_nothing_unless_configured(feed, settings):
    threshold(duration_seconds=0, severity="warning")
    feed(0, cpu_percent=95)
    assert not Ticket.objects.exists()
    settings.HELPDESK_INCIDENT_SEVERITIES = ["warning", "critical"]
    feed(10, cpu_percent=50)
    feed(20, cpu_percent=95)
    assert incident().priority == "high"


def test_repeats_merge_into_the_open_incident(feed, settings):
    settings.HELPDESK_INCIDENT_ON_RECOVERY = "mark"
    threshold(duration_seconds=0)
    feed(0, cpu_percent=95)
    feed(10, cpu_percent=50)
    ticket = incident()
    assert ticket.status == "open" and ticket.recovered_at is not None  # marked, not resolved
    feed(20, cpu_percent=96)  # the same threshold on the same server again
    assert Ticket.objects.count() == 1
    ticket.refresh_from_db()
    assert ticket.alert_count == 2 and ticket.recovered_at is None
    assert ticket.alert == Alert.objects.order_by("-pk").first()


def test_a_resolved_incident_is_reopened_by_its_next_alert(feed):
    threshold(duration_seconds=0)
    feed(0, cpu_percent=95)
    feed(10, cpu_percent=50)
    assert incident().status == "resolved"
    feed(20, cpu_percent=97)
    ticket = incident()
    assert (ticket.status, ticket.alert_count, ticket.resolved_at) == ("open", 2, None)


def test_acknowledging_the_alert_shows_on_the_ticket(feed, operator, django_capture_on_commit_callbacks):
    threshold(duration_seconds=0)
    feed(0, cpu_percent=95)
    with django_capture_on_commit_callbacks(execute=True):
        acknowledge(Actor.for_user(operator, "api"), Alert.objects.get(), "looking")
    run_job()
    ticket = incident()
    assert ticket.status == "in_progress" and ticket.assigned_to == operator
    assert ticket.events.filter(kind="alert", details__event="acknowledged").exists()


def test_taking_the_ticket_acknowledges_the_alert(feed, operator, django_capture_on_commit_callbacks):
    threshold(duration_seconds=0)
    feed(0, cpu_percent=95)
    with django_capture_on_commit_callbacks(execute=True):
        update_ticket(Actor.for_user(operator, "api"), incident(), status="in_progress")
    alert = Alert.objects.get()
    assert alert.status == "acknowledged" and alert.acknowledged_by == operator


def test_support_taking_the_ticket_leaves_the_alert_to_operators(feed, support, django_capture_on_commit_callbacks):
    threshold(duration_seconds=0)
    feed(0, cpu_percent=95)
    with django_capture_on_commit_callbacks(execute=True):
        update_ticket(Actor.for_user(support, "api"), incident(), status="in_progress")
    assert Alert.objects.get().status == "firing"


def test_a_silent_server_is_a_system_down_incident(server, django_capture_on_commit_callbacks):
    from helpdesk.services.incidents import category_of

    alert = Alert(kind="server.offline", server=server, name="offline", severity="critical", message="silent")
    assert category_of(alert) == "system_down"


def test_the_ingest_path_opens_nothing_the_job_does(server, django_capture_on_commit_callbacks):
    threshold(duration_seconds=0, severity="critical")
    with django_capture_on_commit_callbacks(execute=True):
        Feed(server)(0, cpu_percent=95)
    assert Alert.objects.count() == 1 and not Ticket.objects.exists()
    assert sync_incidents() == 1
    assert incident().alert == Alert.objects.get()
    assert sync_incidents() == 0  # nothing moved on: a second run does nothing
    assert incident().events.filter(kind="alert").count() == 1


def test_an_alert_that_fired_and_recovered_between_two_runs_opens_and_resolves(server):
    threshold(duration_seconds=0, severity="critical")
    inner = Feed(server)
    inner(0, cpu_percent=95)
    inner(10, cpu_percent=50)
    assert Alert.objects.get().status == "resolved" and not Ticket.objects.exists()
    run_job()
    ticket = incident()
    assert ticket.status == "resolved" and ticket.recovered_at is not None
    assert [e.details.get("event") for e in ticket.events.filter(kind="alert")] == ["opened", "recovered"]
    assert IncidentSync.objects.get().state == "resolved"


def test_an_acknowledged_alert_not_yet_synced_opens_its_incident_in_progress(server, operator):
    threshold(duration_seconds=0, severity="critical")
    Feed(server)(0, cpu_percent=95)
    acknowledge(Actor.for_user(operator, "api"), Alert.objects.get(), "on it")
    run_job()
    ticket = incident()
    assert ticket.status == "in_progress" and ticket.assigned_to == operator
    assert [e.details.get("event") for e in ticket.events.filter(kind="alert")] == ["opened", "acknowledged"]


def test_a_run_stops_after_its_budget_and_the_next_goes_on(server, monkeypatch):
    from alerts.models import Threshold
    from helpdesk.services import incidents

    threshold(duration_seconds=0, severity="critical", metric="cpu_percent")
    for n in range(2, 5):
        Threshold.objects.create(name=f"t{n}", metric=f"m{n}", operator=">", value=1, severity="critical")
    Feed(server)(0, cpu_percent=95, m2=5, m3=5, m4=5)
    assert Alert.objects.count() == 4
    monkeypatch.setattr(incidents, "SYNC_BATCH", 1)
    assert sync_incidents(budget=0) == 1  # one batch, then the budget is spent
    assert Ticket.objects.count() == 1
    assert sync_incidents(budget=60) == 3
    assert Ticket.objects.count() == 4


def test_alerts_older_than_the_window_are_left_alone(server):
    from datetime import timedelta

    from django.utils import timezone

    threshold(duration_seconds=0, severity="critical")
    Feed(server)(0, cpu_percent=95)
    Alert.objects.update(fired_at=timezone.now() - timedelta(days=2))
    assert sync_incidents() == 0 and not Ticket.objects.exists()


def test_an_alert_resolved_by_hand_resolves_its_incident(feed, operator, django_capture_on_commit_callbacks):
    from alerts.services import resolve

    threshold(duration_seconds=0)
    feed(0, cpu_percent=95)
    with django_capture_on_commit_callbacks(execute=True):
        resolve(Actor.for_user(operator, "api"), Alert.objects.get(), "fixed the runaway job")
    run_job()
    ticket = incident()
    assert ticket.status == "resolved" and ticket.recovered_at is not None
    feed(10, cpu_percent=97)  # still over: the next episode reopens the same incident
    ticket.refresh_from_db()
    assert (ticket.status, ticket.alert_count, Ticket.objects.count()) == ("open", 2, 1)
