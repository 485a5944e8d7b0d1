"""Escalation: an alert still firing unacknowledged N minutes after it was first notified
takes the next step of its route's policy (Delivery rows to the step's receivers); an
acknowledged or resolved one does not; a silenced one waits for its silence's end."""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import Team
from alerts.routing_models import AlertGroupMember
from alerts.services import acknowledge, resolve
from alerts.services.routing import route_alerts
from alerts.services.silences import create_silence
from chat.models import Room
from tests.alerts.routing_helpers import after, breach, cpu_threshold, deliveries, notifications, policy, route, servers
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MIN = 60


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def manager(db):
    return UserFactory(username="manager")


@pytest.fixture
def web(admin):
    return servers(3, "web")


@pytest.fixture
def chain(admin, manager, operator):
    team = Team.objects.create(name="sre", all_servers=True)  # on call for the whole fleet
    team.members.add(operator)
    # The manager sees the whole fleet too (a team exists: without one, nobody but admins would).
    Team.objects.create(name="managers", all_servers=True).members.add(manager)
    room = Room.objects.create(name="war-room", owner=admin)
    return policy(
        admin,
        [
            {"after_minutes": 10, "users": [manager.pk]},
            {"after_minutes": 30, "teams": [team.pk], "chat_rooms": [room.pk]},
        ],
    )


def escalations():
    return notifications(type="alert.escalation")


def notified(now, web, admin, operator, chain, count=1):
    cpu_threshold()
    route(admin, users=[operator.pk], escalation_policy=chain)
    alerts = breach(web[:count])
    route_alerts(now)
    route_alerts(after(now, 30))  # first notified at now + 30 s
    return alerts


class TestEscalation:
    def test_an_unacknowledged_alert_escalates_step_by_step(self, admin, operator, manager, web, chain, now):
        alert = notified(now, web, admin, operator, chain)[0]
        route_alerts(after(now, 30 + 10 * MIN - 1))
        assert escalations() == []
        assert route_alerts(after(now, 30 + 10 * MIN))["escalated"] == 1
        [first] = escalations()
        assert deliveries(first) == [("inapp", "manager")]
        assert first.subject.startswith("[ESCALATION 1] [FIRING:1] High CPU critical: not acknowledged after 10 min")
        assert first.data["firing"] == [alert.pk] and first.data["step"] == 0
        route_alerts(after(now, 30 + 30 * MIN - 1))
        assert len(escalations()) == 1
        route_alerts(after(now, 30 + 30 * MIN))
        second = escalations()[-1]
        room = Room.objects.get(name="war-room")
        assert deliveries(second) == [("chat_room", room.pk), ("inapp", "otto")]
        # No step left: nothing more.
        route_alerts(after(now, 30 + 300 * MIN))
        assert len(escalations()) == 2
        assert AlertGroupMember.objects.get().next_escalation_at is None
        steps = list(alert.activity.filter(kind="escalated").values_list("details__step", flat=True))
        assert steps == [1, 2]

    def test_an_acknowledged_alert_does_not_escalate(self, admin, operator, web, chain, now):
        alert = notified(now, web, admin, operator, chain)[0]
        acknowledge(Actor.for_user(operator, "api"), alert, "on it")
        route_alerts(after(now, 30 + 10 * MIN))
        route_alerts(after(now, 30 + 30 * MIN))
        assert escalations() == []
        assert AlertGroupMember.objects.get().next_escalation_at is None

    def test_only_the_unacknowledged_alerts_of_a_group_escalate_together(self, admin, operator, web, chain, now):
        first, second, third = notified(now, web, admin, operator, chain, count=3)
        acknowledge(Actor.for_user(operator, "api"), second)
        resolve(Actor.for_user(operator, "api"), third)
        route_alerts(after(now, 30 + 10 * MIN))
        [sent] = escalations()
        assert sent.data["firing"] == [first.pk]

    def test_acknowledging_after_a_step_stops_the_next(self, admin, operator, web, chain, now):
        alert = notified(now, web, admin, operator, chain)[0]
        route_alerts(after(now, 30 + 10 * MIN))
        acknowledge(Actor.for_user(operator, "api"), alert)
        route_alerts(after(now, 30 + 30 * MIN))
        assert len(escalations()) == 1

    def test_a_silenced_alert_waits_for_the_end_of_its_silence(self, admin, operator, web, chain, now):
        alert = notified(now, web, admin, operator, chain)[0]
        silence = create_silence(
            Actor.for_user(operator, "api"),
            matchers=[{"label": "server", "op": "=", "value": "web-01"}],
            ends_at=after(now, 20 * MIN),
            now=after(now, 60),
        )
        route_alerts(after(now, 30 + 10 * MIN))
        assert escalations() == []
        assert AlertGroupMember.objects.get().next_escalation_at == silence.ends_at
        route_alerts(after(now, 20 * MIN))  # released: told again as firing, the clock starts again
        alert.refresh_from_db()
        assert alert.silence is None
        assert [n.type for n in notifications()] == ["alert.firing", "alert.firing"]
        route_alerts(after(now, 30 * MIN - 1))
        assert escalations() == []
        route_alerts(after(now, 30 * MIN))
        assert len(escalations()) == 1

    def test_a_route_without_a_policy_never_escalates(self, admin, operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk])
        breach(web[:1])
        route_alerts(now)
        route_alerts(after(now, 30))
        route_alerts(after(now, 600 * MIN))
        assert escalations() == []
        assert AlertGroupMember.objects.get().next_escalation_at is None
