"""Routed notifications respect the teams' server scopes: a person hears only of the alerts of
servers they may see (as everywhere else); the notification is split when its receivers see
different parts of it, and goes whole when they all see all of it."""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.models import Team
from alerts.routing_models import AlertActivity
from alerts.services.routing import route_alerts
from notifications.models import Delivery, Notification, NotificationChannel
from tests.alerts.routing_helpers import after, breach, cpu_threshold, route, servers
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def heard(user) -> list[str]:
    """The server names each notification the user got lists, one sorted list per notification."""
    contents = Delivery.objects.filter(user=user, kind="inapp").values_list("notification__content", flat=True)
    return sorted(",".join(sorted(n for n in ("web-01", "web-02", "db-01") if n in c)) for c in contents)


@pytest.fixture
def fleet(admin):
    web = servers(2, "web", prefix="web")
    db = servers(1, "db", prefix="db")
    web_team = Team.objects.create(name="web", tags=["web"])
    db_team = Team.objects.create(name="db", tags=["db"])
    wendy, dan, olga = (UserFactory.create(username=n) for n in ("wendy", "dan", "olga"))
    web_team.members.add(wendy)
    db_team.members.add(dan)
    Team.objects.create(name="nothing", tags=["nowhere"]).members.add(olga)
    return {"web": web, "db": db, "web_team": web_team, "wendy": wendy, "dan": dan, "olga": olga}


def flush_all(now):
    route_alerts(now)
    route_alerts(after(now, 1))


def test_each_person_hears_only_of_the_servers_they_may_see(admin, fleet):
    cpu_threshold()
    route(admin, name="everyone", users=[admin.pk, fleet["dan"].pk, fleet["olga"].pk], teams=[fleet["web_team"].pk],
          group_by=[], group_wait_seconds=0)  # fmt: skip
    fired = breach(fleet["web"] + fleet["db"])
    assert len(fired) == 3
    flush_all(timezone.now())
    assert heard(admin) == ["db-01,web-01,web-02"]
    assert heard(fleet["wendy"]) == ["web-01,web-02"]  # through the web team
    assert heard(fleet["dan"]) == ["db-01"]
    assert heard(fleet["olga"]) == []  # named, but sees none of it
    [db_alert] = [a for a in fired if a.server.name == "db-01"]
    told = AlertActivity.objects.filter(alert=db_alert, notification__isnull=False)
    assert told.count() == 2  # the admin's whole notification and dan's own
    assert all(a.details["out_of_scope"] == [fleet["olga"].pk] for a in told)


def test_a_team_channel_hears_of_the_teams_servers_and_an_unowned_channel_of_all(admin, fleet):
    cpu_threshold()
    team_hook = NotificationChannel.objects.create(name="web hook", kind="webhook", target="https://hooks.example.com/w",
                                                   team=fleet["web_team"])  # fmt: skip
    ops_hook = NotificationChannel.objects.create(name="ops hook", kind="webhook", target="https://hooks.example.com/o")
    route(admin, name="hooks", teams=[fleet["web_team"].pk], channels=[ops_hook.pk], group_by=[], group_wait_seconds=0)
    breach(fleet["web"] + fleet["db"])
    flush_all(timezone.now())
    [team_note] = Delivery.objects.filter(channel=team_hook).values_list("notification__content", flat=True)
    [ops_note] = Delivery.objects.filter(channel=ops_hook).values_list("notification__content", flat=True)
    assert "web-01" in team_note and "web-02" in team_note and "db-01" not in team_note
    assert all(name in ops_note for name in ("web-01", "web-02", "db-01"))


def test_when_everyone_sees_everything_it_is_one_notification_to_the_team(admin, fleet):
    cpu_threshold()
    route(admin, name="web only", teams=[fleet["web_team"].pk], users=[admin.pk], group_by=[], group_wait_seconds=0)
    breach(fleet["web"])
    flush_all(timezone.now())
    [sent] = Notification.objects.all()
    assert sent.recipients["teams"] == [fleet["web_team"].pk]
    assert heard(fleet["wendy"]) == heard(admin) == ["web-01,web-02"]
