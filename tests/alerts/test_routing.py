"""Routes and their groups, with the real ingest path firing alerts and the real
``notifications.services.send`` writing Notification and Delivery rows (the notifications
worker delivers them; here a chat room's delivery is handed to the registered target):
grouping, group_wait, group_interval, repeat_interval, resolutions, matching, continue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import Team
from alerts.jobs import JOBS
from alerts.models import Alert, EmailNotification
from alerts.routing_models import ActivityKind, AlertActivity, AlertGroup, AlertGroupMember
from alerts.services import acknowledge
from alerts.services.routing import route_alerts
from chat.models import Message, Room
from notifications import targets
from notifications.models import Delivery, Notification
from tests.alerts.routing_helpers import after, breach, clear, cpu_threshold, deliveries, notifications, route, servers
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def room(operator):
    return Room.objects.create(name="ops-alerts", owner=operator)


@pytest.fixture
def web(admin):
    return servers(10, "web")


def test_the_routing_job_is_registered_with_the_worker():
    assert "alerts.route" in {job.name for job in JOBS}
    assert targets.target("chat_room") is not None  # chat registered its rooms as a target


class TestGrouping:
    def test_ten_servers_breaching_at_once_are_one_notification_listing_ten(self, admin, operator, room, web, now):
        cpu_threshold()
        route(admin, name="ops", users=[operator.pk], chat_rooms=[room.pk])
        fired = breach(web)
        assert len(fired) == 10
        assert route_alerts(now)["routed"] == 10
        assert notifications() == []  # group_wait: 30 s for more to come
        assert route_alerts(after(now, 29))["notified"] == 0
        assert route_alerts(after(now, 30))["notified"] == 1
        [sent] = notifications()
        assert sent.type == "alert.firing" and sent.severity == "critical"
        assert sent.subject == "[FIRING:10] High CPU critical"
        for server in web:
            assert f"- {server.name}: cpu_percent > 90: 99" in sent.content
        assert sorted(sent.data["firing"]) == sorted(a.pk for a in fired)
        assert sent.data["route"] == {"id": sent.data["route"]["id"], "name": "ops"}
        assert deliveries(sent) == [("chat_room", room.pk), ("inapp", "otto")]

        # The room's delivery, as the notifications worker will make it: one message, all ten.
        delivery = Delivery.objects.get(notification=sent, kind="chat_room")
        targets.target("chat_room").deliver(delivery)
        message = Message.objects.get(room=room)
        assert message.message_type == "system" and message.author is None
        assert all(server.name in message.content for server in web)
        assert message.data["notification"] == sent.pk

    def test_a_group_per_value_of_group_by(self, admin, operator, now):
        cpu_threshold()
        cpu_threshold(name="Very high CPU", value=95)
        hosts = servers(3)
        route(admin, users=[operator.pk])
        breach(hosts)
        route_alerts(now)
        route_alerts(after(now, 30))
        subjects = sorted(n.subject for n in notifications())
        assert subjects == ["[FIRING:3] High CPU critical", "[FIRING:3] Very high CPU critical"]

    def test_group_by_server_and_an_empty_group_by(self, admin, operator, now):
        cpu_threshold()
        cpu_threshold(name="Very high CPU", value=95)
        hosts = servers(2)
        route(admin, name="per server", users=[operator.pk], group_by=["server"], continue_matching=True)
        route(admin, name="all in one", users=[operator.pk], group_by=[])
        breach(hosts)
        route_alerts(now)
        route_alerts(after(now, 30))
        subjects = sorted(n.subject for n in notifications())
        assert subjects == ["[FIRING:2] web-01", "[FIRING:2] web-02", "[FIRING:4] all in one"]

    def test_alerts_firing_during_group_wait_join_the_first_notification(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk])
        breach(web[:4])
        route_alerts(now)
        breach(web[4:], at=10)
        route_alerts(after(now, 10))
        route_alerts(after(now, 30))
        [sent] = notifications()
        assert len(sent.data["firing"]) == 10


class TestIntervals:
    def test_group_interval_then_repeat_interval(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk], group_interval_seconds=300, repeat_interval_seconds=3600)
        breach(web[:9])
        route_alerts(now)
        route_alerts(after(now, 30))
        assert len(notifications()) == 1
        # A tenth server breaches: told at the group's next tick (group_interval), not before.
        breach(web[9:], at=40)
        route_alerts(after(now, 40))
        route_alerts(after(now, 329))
        assert len(notifications()) == 1
        route_alerts(after(now, 330))
        second = notifications()[-1]
        assert (second.type, len(second.data["firing"])) == ("alert.firing", 10)
        # Nothing changed: nothing at the following ticks, until repeat_interval has passed.
        for tick in range(630, 330 + 3600, 300):
            route_alerts(after(now, tick))
        assert len(notifications()) == 2
        route_alerts(after(now, 330 + 3600))
        repeat = notifications()[-1]
        assert repeat.type == "alert.repeat" and "Still firing (repeat)." in repeat.content
        assert len(repeat.data["firing"]) == 10

    def test_no_repeat_once_every_alert_is_acknowledged(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk], repeat_interval_seconds=600)
        breach(web[:2])
        route_alerts(now)
        route_alerts(after(now, 30))
        for alert in Alert.objects.all():
            acknowledge(Actor.for_user(operator, "api"), alert)
        route_alerts(after(now, 30 + 600))
        assert [n.type for n in notifications()] == ["alert.firing"]

    def test_resolutions_are_told_with_what_still_fires_then_the_group_ends(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk])
        breach(web[:3])
        route_alerts(now)
        route_alerts(after(now, 30))
        clear(web[:1])
        route_alerts(after(now, 330))
        told = notifications()[-1]
        assert told.type == "alert.resolved" and told.subject == "[FIRING:2, RESOLVED:1] High CPU critical"
        assert "Resolved (1):\n- web-01:" in told.content
        clear(web[1:3], at=2)
        route_alerts(after(now, 630))
        last = notifications()[-1]
        assert last.subject == "[RESOLVED] High CPU critical" and len(last.data["resolved"]) == 2
        assert not AlertGroup.objects.exists() and not AlertGroupMember.objects.exists()
        # The next episode starts a new group, with its own group_wait.
        breach(web[:1], at=3)
        route_alerts(after(now, 700))
        assert AlertGroup.objects.get().next_flush_at == after(now, 730)

    def test_without_send_resolved_resolutions_are_not_told(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk], send_resolved=False)
        breach(web[:2])
        route_alerts(now)
        route_alerts(after(now, 30))
        clear(web[:2])
        route_alerts(after(now, 330))
        assert [n.type for n in notifications()] == ["alert.firing"]
        assert not AlertGroup.objects.exists()

    def test_an_alert_resolved_before_it_was_told_of_is_never_told(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk])
        breach(web[:1])
        route_alerts(now)
        clear(web[:1])
        route_alerts(after(now, 30))
        assert notifications() == []
        assert not AlertGroup.objects.exists()


class TestMatching:
    def test_the_first_matching_route_takes_the_alert(self, admin, operator, viewer, now):
        cpu_threshold()
        db = servers(2, "db", prefix="db")
        web = servers(2, "web")
        route(admin, name="databases", tags=["db"], users=[viewer.pk])
        route(admin, name="everything else", users=[operator.pk])
        breach(db + web)
        route_alerts(now)
        route_alerts(after(now, 30))
        told = {n.data["route"]["name"]: sorted(n.data["firing"]) for n in notifications()}
        assert told == {
            "databases": sorted(a.pk for a in Alert.objects.filter(server__in=db)),
            "everything else": sorted(a.pk for a in Alert.objects.filter(server__in=web)),
        }

    def test_continue_lets_the_next_routes_take_it_too(self, admin, operator, viewer, web, now):
        cpu_threshold()
        route(admin, name="audit", users=[viewer.pk], continue_matching=True)
        route(admin, name="ops", users=[operator.pk])
        route(admin, name="never reached", users=[admin.pk])
        breach(web[:2])
        route_alerts(now)
        route_alerts(after(now, 30))
        assert sorted(n.data["route"]["name"] for n in notifications()) == ["audit", "ops"]

    @pytest.mark.parametrize(
        ("criteria", "taken"),
        [
            ({"severities": ["critical"]}, True),
            ({"severities": ["warning", "info"]}, False),
            ({"kinds": ["threshold"]}, True),
            ({"kinds": ["server.offline"]}, False),
            ({"tags": ["web", "db"]}, True),
            ({"tags": ["db"]}, False),
            ({"enabled": False}, False),
        ],
    )
    def test_criteria(self, admin, operator, web, now, criteria, taken):
        cpu_threshold()
        route(admin, users=[operator.pk], **criteria)
        breach(web[:1])
        route_alerts(now)
        route_alerts(after(now, 30))
        assert len(notifications()) == (1 if taken else 0)

    def test_matching_a_threshold_by_id(self, admin, operator, web, now):
        cpu = cpu_threshold()
        other = cpu_threshold(name="Other", metric="load_1")
        route(admin, users=[operator.pk], thresholds=[other.pk])
        route(admin, users=[admin.pk], thresholds=[cpu.pk])
        breach(web[:1])
        route_alerts(now)
        route_alerts(after(now, 30))
        [sent] = notifications()
        assert deliveries(sent) == [("inapp", "ada")]

    def test_a_route_to_nobody_swallows_what_it_matches(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, name="mute web")
        route(admin, users=[operator.pk])
        breach(web[:2])
        route_alerts(now)
        route_alerts(after(now, 30))
        assert notifications() == [] and not AlertGroup.objects.exists()
        assert Alert.objects.filter(routed_at__isnull=True).count() == 0


class TestReceivers:
    def test_teams_and_their_members_users_and_rooms(self, admin, operator, viewer, room, web, now):
        cpu_threshold()
        team = Team.objects.create(name="sre", all_servers=True)  # on call for the whole fleet
        team.members.add(viewer, operator)
        route(admin, teams=[team.pk], users=[operator.pk], chat_rooms=[room.pk])
        breach(web[:1])
        route_alerts(now)
        route_alerts(after(now, 30))
        [sent] = notifications()
        assert deliveries(sent) == [("chat_room", room.pk), ("inapp", "otto"), ("inapp", "vera")]

    def test_a_receiver_gone_since_does_not_stop_the_others(self, admin, operator, room, web, now):
        cpu_threshold()
        leaver = UserFactory(username="leaver")
        made = route(admin, users=[operator.pk, leaver.pk], chat_rooms=[room.pk])
        leaver.is_active = False
        leaver.save()
        room.archived_at = timezone.now()
        room.save()
        breach(web[:1])
        route_alerts(now)
        route_alerts(after(now, 30))
        [sent] = notifications()
        assert deliveries(sent) == [("inapp", "otto")]
        alert = Alert.objects.get()
        told = alert.activity.get(kind="notified")
        assert told.details["dropped"] == {"users": [leaver.pk], "chat_rooms": [room.pk]}
        assert told.route == made


class TestTodaysBehaviourStays:
    def test_without_routes_nothing_is_sent_but_what_was(self, admin, operator, web, now):
        operator.alert_emails = True
        operator.save()
        cpu_threshold()
        breach(web[:2])
        assert route_alerts(now) == {"silences_begun": 0, "released": 0, "routed": 2, "notified": 0, "escalated": 0}
        route_alerts(after(now, 3600))
        assert Notification.objects.count() == 0 and not AlertGroup.objects.exists()
        assert EmailNotification.objects.filter(event="alert.created").count() == 2

    def test_routes_do_not_replace_alert_emails(self, admin, operator, web, now):
        operator.alert_emails = True
        operator.save()
        cpu_threshold()
        route(admin, users=[operator.pk])
        breach(web[:1])
        route_alerts(now)
        route_alerts(after(now, 30))
        assert EmailNotification.objects.count() == 1 and Notification.objects.count() == 1

    def test_an_alert_is_routed_once_by_the_routes_of_its_time(self, admin, operator, web, now):
        cpu_threshold()
        breach(web[:1])
        route_alerts(now)
        route(admin, users=[operator.pk])
        route_alerts(after(now, 60))
        assert notifications() == []
        breach(web[1:2], at=60)
        route_alerts(after(now, 60))
        route_alerts(after(now, 90))
        assert len(notifications()) == 1

    def test_a_disabled_route_stops_telling_of_its_groups(self, admin, operator, web, now):
        cpu_threshold()
        made = route(admin, users=[operator.pk])
        breach(web[:1])
        route_alerts(now)
        made.enabled = False
        made.save()
        route_alerts(after(now, 30))
        assert notifications() == [] and not AlertGroup.objects.exists()


def test_many_groups_and_alerts_in_one_run(admin, operator, now):
    """More than one batch of intake; one notification per group."""
    cpu_threshold()
    hosts = servers(250, prefix="node")
    route(admin, users=[operator.pk], group_by=["alert_name"])
    breach(hosts)
    assert route_alerts(now)["routed"] == 250
    route_alerts(now + timedelta(seconds=30))
    [sent] = notifications()
    assert len(sent.data["firing"]) == 250
    assert "… and 150 more" in sent.content


@pytest.mark.parametrize("group_by", [["server"], ["alert_name"]])
def test_routing_a_storm_costs_statements_per_batch_not_per_group(admin, operator, now, group_by):
    """Intake and flush write set-wise: 40 servers' alerts (40 groups, or one) take as many
    statements as 8 servers' did. One by one it was about ten per group (bench/README, notify)."""
    cpu_threshold()
    made = route(admin, users=[operator.pk], group_by=group_by, group_wait_seconds=0)
    few, many = servers(8, prefix="few"), servers(40, prefix="many")
    counts = []
    for hosts in (few, many):
        breach(hosts)
        with CaptureQueriesContext(connection) as queries:
            route_alerts(now)
        counts.append(len(queries))
        AlertGroup.objects.all().delete()  # the second storm starts afresh, as the first did
    assert counts[0] == counts[1], counts
    per_group = Notification.objects.filter(data__route__id=made.pk)
    assert per_group.count() == (8 + 40 if group_by == ["server"] else 2)
    assert Delivery.objects.filter(notification__in=per_group, user=operator, kind="inapp").count() == per_group.count()
    # every alert's timeline shows it was told of, once
    assert AlertActivity.objects.filter(kind=ActivityKind.NOTIFIED).count() == 48
