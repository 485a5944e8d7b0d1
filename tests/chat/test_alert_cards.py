"""Alerts in rooms: what a room follows (``/rooms/{id}/alert-subscriptions``), the alert cards
posted when an alert fires and updated in place as it changes, and the activity lines of
servers a room follows. The races between clicks and the evaluation are in
``test_alert_card_races.py``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.actor import Actor
from accounts.models import AuditLog
from agents.services import run_command
from alerts.models import Alert, Threshold
from alerts.services import acknowledge, evaluate_offline, resolve
from chat import services
from chat.models import AlertCard, AlertSubscription, Message, Room
from chat.services.alerts import set_alert_subscriptions
from monitoring.ingest import FrameIn, record_samples
from servers.models import Tag
from tests.factories import ServerFactory
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
BODY = {"subscriptions": [{"severities": ["critical"], "tags": ["web"]}], "follows_activity": ["web"]}


def me(user, via="api"):
    return Actor.for_user(user, via)


def tagged(*names, **fields):
    server = ServerFactory(**fields)
    server.tags.set([Tag.objects.get_or_create(name=name)[0] for name in names])
    return server


class Feed:
    """One agent stream: ``feed(seconds, cpu_percent=…)`` stores a sample at T0 + seconds
    through the ingest service, as the agent socket does (evaluation included)."""

    def __init__(self, server):
        self.server, self.seq = server, 0

    def __call__(self, at: float, **values: float) -> None:
        self.seq += 1
        ts = (T0 + timedelta(seconds=at)).timestamp()
        record_samples(
            [
                FrameIn(
                    self.server.pk,
                    "stream-chat1",
                    {
                        "type": "data",
                        "seq": self.seq,
                        "samples": [{"ts": ts, "values": values}],
                        "logs": [],
                        "dropped": {"samples": 0, "logs": 0},
                    },
                )
            ]
        )


def cpu_threshold(severity="critical", **fields) -> Threshold:
    defaults = {"name": f"High CPU {severity}", "metric": "cpu_percent", "operator": ">", "value": 90.0}
    return Threshold.objects.create(**{**defaults, "clear_value": 80.0, "severity": severity, **fields})


def cards(room) -> list[Message]:
    return list(Message.objects.filter(room=room, message_type="alert").order_by("id"))


@pytest.fixture
def room(operator):
    return services.create_room(me(operator), name="ops")


@pytest.fixture
def secret(operator):
    return services.create_room(me(operator), name="secret", private=True)


@pytest.fixture
def member(room, viewer):
    services.join_room(me(viewer), room)
    return viewer


def subscribe(room, *subscriptions, follows=()):
    AlertSubscription.objects.bulk_create(AlertSubscription(room=room, **sub) for sub in subscriptions)
    Room.objects.filter(pk=room.pk).update(follows_activity=list(follows))


# --- The route ----------------------------------------------------------------------------------

SUBS = "/api/v1/rooms/{room.pk}/alert-subscriptions"
SECRET_SUBS = "/api/v1/rooms/{secret.pk}/alert-subscriptions"


def nothing_subscribed(outcome):
    assert not AlertSubscription.objects.exists()
    assert not AuditLog.objects.filter(action="room.alerts_updated").exists()


ROLES = RoleMatrix(
    # Anyone who sees the room reads what it follows; a private room is a 404 to outsiders.
    Route("GET", SUBS, expect=everyone(200)),
    Route("GET", SECRET_SUBS, expect={**allowed("admin", "operator", ok=200, refused=404)}),
    Route("GET", "/api/v1/rooms/999999/alert-subscriptions", expect={"viewer": (404, "not_found")}),
    # The owner (operator) or an admin changes it; members and others get 403, outsiders of a
    # private room 404.
    Route("PUT", SUBS, body=BODY, expect=allowed("admin", "operator"), unchanged=nothing_subscribed),
    Route("PUT", SUBS, body=BODY, uses=("member",), expect={"member": (403, "permission_denied")}),
    Route(
        "PUT", SECRET_SUBS, body=BODY, expect=allowed("admin", "operator", refused=404), unchanged=nothing_subscribed
    ),
    Route("PUT", "/api/v1/rooms/999999/alert-subscriptions", body=BODY, expect={"admin": (404, "not_found")}),
    # A key reaches these routes with the chat scopes only.
    Route(
        "GET",
        SUBS,
        expect={key("admin", "chat:read"): 200, key("admin", "alerts:read"): (403, "insufficient_scope")},
    ),
    Route(
        "PUT",
        SUBS,
        body=BODY,
        expect={key("admin", "chat:write"): 200, key("admin", "chat:read"): (403, "insufficient_scope")},
        unchanged=nothing_subscribed,
    ),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestTheRoute:
    def test_put_replaces_and_get_reads_it_back(self, operator_client, viewer_client, room):
        url = f"/api/v1/rooms/{room.pk}/alert-subscriptions"
        assert assert_ok(viewer_client.get(url)) == {"subscriptions": [], "follows_activity": []}
        body = {
            "subscriptions": [{"severities": ["warning", "critical", "critical"], "tags": [" Web ", "db"]}, {}],
            "follows_activity": ["prod", "web", "prod"],
        }
        expected = {
            "subscriptions": [
                {"severities": ["critical", "warning"], "tags": ["db", "web"]},
                {"severities": [], "tags": []},
            ],
            "follows_activity": ["prod", "web"],
        }
        assert assert_ok(operator_client.put(url, body, format="json")) == expected
        assert assert_ok(viewer_client.get(url)) == expected
        room.refresh_from_db()
        assert room.follows_activity == ["prod", "web"]
        entry = AuditLog.objects.get(action="room.alerts_updated")
        assert entry.details["follows_activity"] == ["prod", "web"]
        replaced = assert_ok(operator_client.put(url, {"subscriptions": [], "follows_activity": []}, format="json"))
        assert replaced == {"subscriptions": [], "follows_activity": []}
        assert not AlertSubscription.objects.filter(room=room).exists()

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"follows_activity": []}, "subscriptions"),
            ({"subscriptions": []}, "follows_activity"),
            ({"subscriptions": [{"severities": ["fatal"]}], "follows_activity": []}, "subscriptions"),
            ({"subscriptions": [{"severities": "critical"}], "follows_activity": []}, "subscriptions"),
            ({"subscriptions": [{"tags": ["no spaces"]}], "follows_activity": []}, "subscriptions"),
            ({"subscriptions": ["critical"], "follows_activity": []}, "subscriptions"),
            ({"subscriptions": [{}] * 51, "follows_activity": []}, "subscriptions"),
            ({"subscriptions": [], "follows_activity": "web"}, "follows_activity"),
            ({"subscriptions": [], "follows_activity": [7]}, "follows_activity"),
        ],
    )
    def test_bad_input_is_400_and_changes_nothing(self, operator_client, room, body, field):
        response = operator_client.put(f"/api/v1/rooms/{room.pk}/alert-subscriptions", body, format="json")
        errors = assert_error(response, 400, "validation_error")["errors"]
        assert any((e["field"] or "").startswith(field) for e in errors), errors
        assert not AlertSubscription.objects.exists()

    def test_a_viewer_who_owns_a_room_sets_what_it_follows(self, viewer, viewer_client):
        room = services.create_room(me(viewer), name="mine")
        response = viewer_client.put(f"/api/v1/rooms/{room.pk}/alert-subscriptions", BODY, format="json")
        assert assert_ok(response)["subscriptions"] == BODY["subscriptions"]

    def test_an_archived_room_cannot_change_what_it_follows(self, operator_client, operator, room):
        services.archive_room(me(operator), room)
        response = operator_client.put(f"/api/v1/rooms/{room.pk}/alert-subscriptions", BODY, format="json")
        assert_error(response, 400, "validation_error")


# --- Cards --------------------------------------------------------------------------------------


class TestCards:
    def test_a_card_per_room_whose_subscription_matches_and_only_there(
        self, operator, django_capture_on_commit_callbacks
    ):
        web, db = tagged("web", "prod"), tagged("db")
        rooms = {
            name: services.create_room(me(operator), name=name) for name in ("all", "crit-web", "warn", "db", "none")
        }
        subscribe(rooms["all"], {})
        subscribe(rooms["crit-web"], {"severities": ["critical"], "tags": ["web"]})
        subscribe(rooms["warn"], {"severities": ["warning"]})
        subscribe(rooms["db"], {"tags": ["db"]}, {"tags": ["nothing"]})
        archived = services.create_room(me(operator), name="archived")
        subscribe(archived, {})
        services.archive_room(me(operator), archived)
        cpu_threshold("critical")
        with django_capture_on_commit_callbacks(execute=True):
            Feed(web)(0, cpu_percent=95)
        alert = Alert.objects.get(server=web)
        posted = {name for name, room in rooms.items() if cards(room)}
        assert posted == {"all", "crit-web"}
        assert not cards(archived)
        card = cards(rooms["crit-web"])[0]
        assert card.author is None
        assert card.data["alert_id"] == alert.pk
        assert card.data["status"] == "firing" and card.data["severity"] == "critical"
        assert card.data["server"] == {"id": web.pk, "name": web.name}
        assert (card.data["metric"], card.data["value"], card.data["since"]) == (
            "cpu_percent", 95.0, alert.started_at.isoformat().replace("+00:00", "Z")
        )  # fmt: skip
        assert card.data["actions"] == ["acknowledge", "resolve"]
        assert "CRITICAL" in card.content and web.name in card.content
        with django_capture_on_commit_callbacks(execute=True):
            Feed(db)(0, cpu_percent=95)
        assert {name for name, room in rooms.items() if len(cards(room)) == 2} == {"all"}
        assert len(cards(rooms["db"])) == 1  # two matching subscriptions, one card

    def test_the_card_is_updated_in_place_on_ack_and_resolve(
        self, operator, viewer, room, django_capture_on_commit_callbacks
    ):
        subscribe(room, {})
        server = tagged("web")
        cpu_threshold()
        feed = Feed(server)
        with django_capture_on_commit_callbacks(execute=True):
            feed(0, cpu_percent=95)
        alert = Alert.objects.get()
        [card] = cards(room)
        with django_capture_on_commit_callbacks(execute=True):
            services.join_room(me(viewer), room)  # messages keep coming in between
            acknowledge(me(operator), alert, "on it")
        [card] = cards(room)
        assert card.data["status"] == "acknowledged" and card.data["acknowledged_by"] == operator.username
        assert card.data["actions"] == ["resolve"]
        assert f"acknowledged by {operator.username}" in card.content
        with django_capture_on_commit_callbacks(execute=True):
            resolve(me(operator), alert, "rebooted")
        [card] = cards(room)
        assert (card.data["status"], card.data["resolved_by"], card.data["actions"]) == (
            "resolved", operator.username, []
        )  # fmt: skip
        assert AlertCard.objects.get().message_id == card.pk
        [created] = [e.payload for e in room.events.filter(type="message.created") if e.payload["id"] == card.pk]
        assert (created["message_type"], created["data"]["status"]) == ("alert", "firing")  # what sockets got
        updates = [e.payload for e in room.events.filter(type="message.updated")]
        assert [u["data"]["status"] for u in updates if u["id"] == card.pk] == ["acknowledged", "resolved"]

    def test_an_auto_resolve_updates_the_card_and_a_new_episode_gets_a_new_card(
        self, room, django_capture_on_commit_callbacks
    ):
        subscribe(room, {})
        cpu_threshold()
        feed = Feed(tagged("web"))
        with django_capture_on_commit_callbacks(execute=True):
            feed(0, cpu_percent=95)
            feed(10, cpu_percent=50)
        [card] = cards(room)
        assert card.data["status"] == "resolved" and card.data["resolved_by"] is None
        assert "resolved" in card.content
        with django_capture_on_commit_callbacks(execute=True):
            feed(20, cpu_percent=97)
        assert [c.data["status"] for c in cards(room)] == ["resolved", "firing"]

    def test_a_silent_server_gets_a_card_and_its_return_resolves_it(
        self, room, settings, django_capture_on_commit_callbacks
    ):
        settings.ALERTS_OFFLINE_AFTER_SECONDS = 120
        subscribe(room, {"severities": ["critical"]})
        feed = Feed(tagged("web", name="web-1"))
        feed(0, cpu_percent=5)
        feed.server.refresh_from_db()
        seen = feed.server.last_seen
        with django_capture_on_commit_callbacks(execute=True):
            assert evaluate_offline(now=seen + timedelta(seconds=300))["raised"] == 1
        [card] = cards(room)
        assert (card.data["kind"], card.data["status"], card.data["metric"]) == ("server.offline", "firing", "")
        assert card.data["since"] == seen.isoformat().replace("+00:00", "Z")
        assert "web-1 has sent nothing for 5 min" in card.content
        with django_capture_on_commit_callbacks(execute=True):
            feed(310, cpu_percent=5)
        [card] = cards(room)
        assert card.data["status"] == "resolved" and card.data["actions"] == []

    def test_a_card_stays_when_the_subscription_goes_and_is_still_updated(
        self, operator, room, django_capture_on_commit_callbacks
    ):
        subscribe(room, {})
        cpu_threshold()
        with django_capture_on_commit_callbacks(execute=True):
            Feed(tagged("web"))(0, cpu_percent=95)
        set_alert_subscriptions(me(operator), room, [], [])

        with django_capture_on_commit_callbacks(execute=True):
            resolve(me(operator), Alert.objects.get())
        assert [c.data["status"] for c in cards(room)] == ["resolved"]

    def test_a_rolled_back_change_posts_nothing(self, operator, room, django_capture_on_commit_callbacks):
        from django.db import transaction

        subscribe(room, {})
        cpu_threshold()
        feed = Feed(tagged("web"))

        def failing_batch() -> None:
            with transaction.atomic():
                feed(0, cpu_percent=95)
                raise RuntimeError("the batch fails")

        with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
            failing_batch()
        assert not callbacks and not cards(room) and not Alert.objects.exists()

    def test_a_storm_batch_asks_once_whether_a_room_follows_and_a_followed_one_gets_every_card(
        self, operator, room, django_capture_on_commit_callbacks
    ):
        """The alerts one ingest batch fires are announced together after its commit: with no
        room following alerts, chat reads that once for the batch, not once per alert (a
        storm fires hundreds per batch); with one following, each alert gets its card."""
        cpu_threshold()

        def storm(prefix: str) -> tuple[list, list]:
            hosts = [tagged("web", name=f"{prefix}-{i}") for i in range(12)]
            sample = {"ts": T0.timestamp(), "values": {"cpu_percent": 95.0}}
            data: Any = {"type": "data", "seq": 1, "logs": [], "dropped": {"samples": 0, "logs": 0}}
            data["samples"] = [sample]
            frames = [FrameIn(h.pk, "stream-storm", data) for h in hosts]
            # The callbacks run as their block ends: inside the queries' block.
            with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
                record_samples(frames)
            return hosts, [q["sql"] for q in queries if AlertSubscription._meta.db_table in q["sql"]]

        quiet, asked = storm("quiet")
        assert Alert.objects.filter(server__in=quiet).count() == 12
        assert len(asked) == 1 and not cards(room)
        subscribe(room, {})
        followed, _asked = storm("followed")
        assert sorted(c.data["server"]["id"] for c in cards(room)) == sorted(h.pk for h in followed)


# --- Activity -----------------------------------------------------------------------------------


class TestActivity:
    def lines(self, room):
        return list(Message.objects.filter(room=room, message_type="system", data__has_key="history_id"))

    def test_actions_outside_chat_are_posted_only_where_their_servers_are_followed(
        self, operator, operator_client, django_capture_on_commit_callbacks
    ):
        web, other = tagged("web", "prod", name="web-1"), tagged("db")
        follows_web = services.create_room(me(operator), name="web-watch")
        follows_db = services.create_room(me(operator), name="db-watch")
        quiet = services.create_room(me(operator), name="quiet")
        subscribe(follows_web, follows=["web"])
        subscribe(follows_db, follows=["db"])
        with django_capture_on_commit_callbacks(execute=True):
            response = operator_client.post(f"/api/v1/commands/{web.pk}", {"command": "df -h /"}, format="json")
        assert_error(response, 409, "agent_offline")  # recorded, though it did not run
        [line] = self.lines(follows_web)
        history_id = response.json()["data"]["id"]
        assert line.content == (
            f"{operator.username} ran `df -h /` on web-1 (via api, command #{history_id})"
            " — not run: the agent is offline"
        )
        assert line.data == {"history_id": history_id, "server": {"id": web.pk, "name": "web-1"}, "via": "api"}
        assert not self.lines(follows_db) and not self.lines(quiet)
        with django_capture_on_commit_callbacks(execute=True):
            operator_client.post(f"/api/v1/docker/{web.pk}/containers/nginx/restart")
            operator_client.get(f"/api/v1/docker/{web.pk}/containers/nginx/logs")  # a read: not posted
            operator_client.post(f"/api/v1/commands/{other.pk}", {"command": "uptime"}, format="json")
        assert [line.content.split(" (via")[0] for line in self.lines(follows_web)][1:] == [
            f"{operator.username} restarted container `nginx` on web-1"
        ]
        assert len(self.lines(follows_db)) == 1 and not self.lines(quiet)

    def test_actions_via_chat_are_not_posted_again(self, operator, room, django_capture_on_commit_callbacks):
        server = tagged("web")
        subscribe(room, follows=["web"])
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(Exception, match="not connected"):
                run_command(me(operator, "chat").within(room=room.pk), server, "uptime")
            with pytest.raises(Exception, match="not connected"):
                run_command(me(operator, "admin"), server, "uptime")
        assert [line.data["via"] for line in self.lines(room)] == ["admin"]

    def test_a_room_that_follows_nothing_hears_nothing(self, operator, room, django_capture_on_commit_callbacks):
        server = tagged("web")
        subscribe(room, {})  # alerts only
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception, match="not connected"):
            run_command(me(operator), server, "uptime")
        assert not self.lines(room)
