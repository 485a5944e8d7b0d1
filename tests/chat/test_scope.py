"""Teams scope chat too: the slash commands see only the caller's servers (``/servers``,
``/status``, ``/run``, ``/logs``, ``/containers``, ``/alerts``, ``/ack``); a room's owner makes
it follow only alerts and activity of their own servers; and an alert card or an activity line
reaches a room only when its owner may see the server. (A room is shared: what reaches it,
every reader of the room sees; docs/users-and-teams.md.) Alert emails go only to those who
may see the server."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from accounts.choices import Role
from accounts.models import Team
from agents.models import CommandHistory
from alerts.models import Alert, EmailNotification
from alerts.services.lifecycle import notify
from chat import services
from chat.models import AlertSubscription, Message, Room
from chat.services.alerts import action_recorded, alert_changed
from tests.chat.commanding import answer, room_with
from tests.factories import UserFactory, tagged_server
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def web(db):
    return tagged_server("web-1", "web")


@pytest.fixture
def dbs(db):
    return tagged_server("db-1", "db")


@pytest.fixture
def insider(db):
    return UserFactory.create(username="ines", role=Role.OPERATOR)


@pytest.fixture
def outsider(db):
    return UserFactory.create(username="oscar", role=Role.OPERATOR)


@pytest.fixture
def teams(insider, outsider):
    Team.objects.create(name="Web", tags=["web"]).members.add(insider)
    Team.objects.create(name="DB", tags=["db"]).members.add(outsider)


def firing(server, name="High CPU") -> Alert:
    return Alert.objects.create(
        server=server, name=name, metric="cpu_percent", severity="critical", message="cpu 97%",
        started_at=timezone.now(),
    )  # fmt: skip


class TestCommands:
    def test_the_commands_see_only_the_callers_servers(self, web, dbs, insider, outsider, teams):
        room = room_with(outsider, insider)
        listing = answer(outsider, room, "/servers").content
        assert "**db-1**" in listing and "web-1" not in listing
        assert "**web-1**" in answer(insider, room, "/servers").content
        for typed in ("/status web-1", "/run web-1 uptime", "/logs web-1", "/containers web-1", "/restart web-1 x"):
            assert answer(outsider, room, typed).content == "No server named 'web-1'.", typed
        assert not CommandHistory.objects.filter(server=web).exists()
        assert "agent is not connected" in answer(insider, room, "/run web-1 uptime").content

    def test_alerts_and_their_acknowledgement_are_the_scopes_too(self, web, dbs, insider, outsider, teams):
        hidden, shown = firing(web), firing(dbs, "Disk")
        room = room_with(outsider, insider)
        listing = answer(outsider, room, "/alerts").content
        assert f"#{shown.pk}" in listing and f"#{hidden.pk}" not in listing
        assert answer(outsider, room, f"/ack {hidden.pk}").content == f"No alert #{hidden.pk}."
        assert answer(outsider, room, f"/resolve {hidden.pk}").content == f"No alert #{hidden.pk}."
        hidden.refresh_from_db()
        assert hidden.status == "firing"
        assert "acknowledged" in answer(insider, room, f"/ack {hidden.pk}").content


class TestWhatARoomFollows:
    def test_a_restricted_owner_follows_only_their_teams_tags(self, outsider, client_for, teams):
        room = services.create_room(_me(outsider), name="db-room")
        url = f"/api/v1/rooms/{room.pk}/alert-subscriptions"
        client = client_for(outsider)
        body = {"subscriptions": [{"tags": ["db"]}, {"tags": ["web", "db"]}, {}], "follows_activity": ["web"]}
        errors = assert_error(client.put(url, body, format="json"), 400, "validation_error")["errors"]
        fields = sorted(error["field"] for error in errors)
        assert fields == ["follows_activity", "subscriptions.1.tags", "subscriptions.2.tags"], errors
        assert "web" in errors[0]["message"] or "web" in errors[-1]["message"]
        assert not AlertSubscription.objects.exists()
        ok = {"subscriptions": [{"tags": ["db"], "severities": ["critical"]}], "follows_activity": ["db"]}
        assert assert_ok(client.put(url, ok, format="json"))["follows_activity"] == ["db"]

    def test_without_teams_an_owner_follows_what_they_like(self, outsider, client_for):
        room = services.create_room(_me(outsider), name="any")
        url = f"/api/v1/rooms/{room.pk}/alert-subscriptions"
        assert_ok(client_for(outsider).put(url, {"subscriptions": [{}], "follows_activity": []}, format="json"))


class TestCards:
    def test_a_card_reaches_a_room_only_if_its_owner_may_see_the_server(self, web, dbs, outsider, admin, teams):
        theirs = _following_everything(outsider, "oscar-room")
        admins = _following_everything(admin, "noc")
        hidden, shown = firing(web), firing(dbs, "Disk")
        alert_changed(hidden.pk, "created")
        alert_changed(shown.pk, "created")
        assert _cards(theirs) == ["Disk"]
        assert _cards(admins) == ["High CPU", "Disk"]

    def test_activity_lines_follow_the_same_rule(self, web, outsider, insider, admin, teams):
        theirs = _following_everything(outsider, "oscar-room", follows=["web"])
        admins = _following_everything(admin, "noc", follows=["web"])
        history = CommandHistory.objects.create(server=web, requested_by=insider, command="uptime")
        assert action_recorded(history.pk, "api") == [admins.pk]
        assert not Message.objects.filter(room=theirs, message_type="system", data__history_id=history.pk).exists()


class TestEmails:
    def test_an_alert_email_goes_only_to_those_who_may_see_the_server(self, web, insider, outsider, admin, teams):
        from accounts.models import User

        User.objects.filter(pk__in=[insider.pk, outsider.pk, admin.pk]).update(alert_emails=True)
        with transaction.atomic():
            notify(firing(web), "alert.created")
        assert EmailNotification.objects.get().recipients == sorted([admin.email, insider.email])


def _me(user):
    from accounts.actor import Actor

    return Actor.for_user(user, "api")


def _following_everything(owner, name: str, follows: list[str] | None = None) -> Room:
    """A room whose subscription names no tag (every server), as one made before any team
    existed: what reaches it is capped by its owner's scope now."""
    room = services.create_room(_me(owner), name=name)
    AlertSubscription.objects.create(room=room, severities=[], tags=[])
    Room.objects.filter(pk=room.pk).update(follows_activity=follows or [])
    return room


def _cards(room: Room) -> list[str]:
    return [m.data["name"] for m in Message.objects.filter(room=room, message_type="alert").order_by("id")]
