"""/api/v1/notification-channels: everyone manages their own channels, admins anyone's and
teams'; targets validated on save, masked in every response, never in the audit log or the
log; POST …/test sends now and says what failed."""

from __future__ import annotations

import json
import logging
import uuid

import pytest
from django.core import mail as django_mail
from django.db import connection

from accounts.models import AuditLog, Team
from chatops import crypto
from notifications.models import NotificationChannel
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone, key, strangers
from tests.webhooks.conftest import Reply

pytestmark = pytest.mark.django_db
URL = "/api/v1/notification-channels"
SLACK = "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ"
SLACK_TOKEN = "TIiajkdnlazkcOXrIdevi7FQ"
NEW = {"name": "mine", "kind": "email", "target": "me@example.com"}
TEAM_ID = 4242


@pytest.fixture
def channel(operator, channel_of):
    """The operator's own channel."""
    return channel_of(operator, kind="email", target="otto@example.com", name="otto mail")


@pytest.fixture
def team() -> Team:
    return Team.objects.create(pk=TEAM_ID, name="ops")


@pytest.fixture
def team_channel(team):
    return NotificationChannel.objects.create(name="ops slack", kind="apprise", target=SLACK, team=team)


def nothing_was_created(outcome):
    assert not NotificationChannel.objects.filter(name__in=["mine", "theirs"]).exists()


def the_channel_is_untouched(outcome):
    for name in ("channel", "team_channel"):
        if name in outcome.objects:
            found = NotificationChannel.objects.get(pk=outcome.objects[name].pk)
            assert found.name in ("otto mail", "ops slack") and found.enabled


def owner_or_admin(method: str, path: str, body: object = None) -> Route:
    """The operator's channel: the operator and admins reach it; everyone else finds nothing."""
    expect = {**allowed("admin", "operator"), "viewer": (404, "not_found"), **strangers((404, "not_found"))}
    return Route(method, path, body=body, expect=expect, unchanged=the_channel_is_untouched)


ROLES = RoleMatrix(
    Route("GET", URL, expect=everyone(200)),
    Route("POST", URL, body=NEW, expect=everyone(201), unchanged=nothing_was_created),
    Route(
        "POST",
        URL,
        body={**NEW, "name": "theirs", "team": TEAM_ID},
        uses=("team",),
        expect=allowed("admin", ok=201),
        unchanged=nothing_was_created,
    ),
    owner_or_admin("GET", URL + "/{channel.pk}"),
    owner_or_admin("PUT", URL + "/{channel.pk}", {"name": "renamed", "kind": "email"}),
    owner_or_admin("PATCH", URL + "/{channel.pk}", {"enabled": False}),
    owner_or_admin("DELETE", URL + "/{channel.pk}"),
    owner_or_admin("POST", URL + "/{channel.pk}/test"),
    Route(
        "GET",
        URL + "/{team_channel.pk}",
        expect={**allowed("admin", refused=(404, "not_found")), **strangers((404, "not_found"))},
    ),
    Route(
        "PATCH",
        URL + "/{team_channel.pk}",
        body={"enabled": False},
        expect=allowed("admin", refused=404),
        unchanged=the_channel_is_untouched,
    ),
    Route("GET", URL + "/999999", expect={"admin": (404, "not_found"), "viewer": (404, "not_found")}),
    Route("POST", URL + "/999999/test", expect={"admin": (404, "not_found")}),
    Route("GET", URL, expect={key("viewer", "notification_channels:read"): 200}),
    Route(
        "POST",
        URL,
        body=NEW,
        expect={
            key("viewer", "notification_channels:read"): (403, "insufficient_scope"),
            key("viewer", "notification_channels:write"): 201,
            key("admin"): (403, "insufficient_scope"),
        },
    ),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def create(client, **body) -> dict:
    return assert_ok(client.post(URL, {**NEW, **body}, format="json"), 201)


class TestCreate:
    def test_a_viewer_creates_an_apprise_channel_shown_masked(self, viewer_client, viewer):
        data = create(viewer_client, name="slack", kind="apprise", target=SLACK)
        assert data["service"] == "Slack" and data["kind"] == "apprise"
        assert (data["user"], data["team"], data["enabled"]) == (viewer.pk, None, True)
        assert data["target"].startswith("slack://T...2/A...D/T...Q") and SLACK_TOKEN not in json.dumps(data)
        channel = NotificationChannel.objects.get()
        assert channel.target == SLACK and channel.user == viewer

    def test_the_column_holds_no_plain_target(self, viewer_client):
        pk = create(viewer_client, kind="apprise", target=SLACK)["id"]
        with connection.cursor() as cursor:
            cursor.execute("SELECT target FROM notifications_notificationchannel WHERE id = %s", [pk])
            (stored,) = cursor.fetchone()
        assert SLACK_TOKEN not in stored and crypto.is_token(stored)

    @pytest.mark.parametrize(
        ("kind", "target", "shown"),
        [
            ("email", "Otto.Ops@Example.COM", "O…@example.com"),
            ("webhook", "https://1.1.1.1/hooks/secret-path?token=abc", "https://1.1.1.1/…"),
            ("apprise", "json://1.1.1.1/hook/secret-path?-X-Token=abcdef", "json://1.1.1.1/h…/se…"),
            ("apprise", "ntfy://1.1.1.1/private-topic-name", "ntfy://1.1.1.1/priv…"),
        ],
    )
    def test_every_kind_is_shown_masked(self, operator_client, kind, target, shown):
        data = create(operator_client, kind=kind, target=target)
        assert data["target"] == shown
        for secret in ("secret-path", "abcdef", "private-topic-name", "Otto.Ops"):
            assert secret not in json.dumps(data)

    @pytest.mark.parametrize(
        ("target", "service", "secret"),
        [
            (SLACK, "Slack", SLACK_TOKEN),
            ("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", "Discord", "JHMHI8qBe7bk2ZwO5U711o3dV_js"),
            (
                "workflows://1.1.1.1:443/WorkflowID1234567890abcdef/SignatureSecret0123456789",
                "Power Automate / Workflows (for MSTeams)",
                "SignatureSecret0123456789",
            ),
            ("mmost://1.1.1.1/MattermostHookToken0123", "Mattermost", "MattermostHookToken0123"),
            ("tgram://123456789:AAbbCCddEEffSecretBotToken/12315544/", "Telegram", "SecretBotToken"),
            ("ntfys://1.1.1.1/team-alerts-SecretTopic", "ntfy", "SecretTopic"),
            ("matrix://hub:MatrixPassSecret@1.1.1.1/#ops", "Matrix", "MatrixPassSecret"),
            ("pover://uQiRzpo4DXghDmr9QzzfQu27cmVRsG@azGDORePK8gMaC0QOYAMyEEuzJnyUi", "Pushover", "azGDORePK8gMaC0Q"),
            ("json://1.1.1.1/hooks/JsonPathSecret?-Authorization=Bearer%20HeaderSecret", "JSON", "HeaderSecret"),
        ],
    )
    def test_the_services_people_use_are_taken_and_shown_without_their_secrets(
        self, operator_client, target, service, secret
    ):
        data = create(operator_client, kind="apprise", target=target)
        assert data["service"] == service
        assert secret not in json.dumps(data)
        assert NotificationChannel.objects.get().target == target

    def test_an_email_address_keeps_its_local_part_and_lowers_its_domain(self, operator_client):
        create(operator_client, target="Otto.Ops@Example.COM")
        assert NotificationChannel.objects.get().target == "Otto.Ops@example.com"

    @pytest.mark.parametrize(
        ("body", "field", "words"),
        [
            ({"kind": "apprise", "target": "slack://bad"}, "target", "Not a valid slack:// URL"),
            ({"kind": "apprise", "target": "nosuchservice://x/y"}, "target", "does not support the scheme"),
            ({"kind": "apprise", "target": "no scheme at all"}, "target", "must start with a scheme"),
            ({"kind": "apprise", "target": "mailto://user:pw@gmail.com"}, "target", "not supported here"),
            ({"kind": "apprise", "target": "syslog://"}, "target", "not supported here"),
            ({"kind": "apprise", "target": f"{SLACK}?template=/etc/hostname"}, "target", "a file on the hub"),
            ({"kind": "email", "target": "not-an-address"}, "target", "valid email address"),
            ({"kind": "webhook", "target": "ftp://1.1.1.1/x"}, "target", "http:// or https://"),
            ({"kind": "webhook", "target": "https://user:pw@1.1.1.1/x"}, "target", "Credentials"),
            ({"kind": "inapp", "target": "x"}, "kind", "always on"),
            ({"kind": "sms"}, "kind", "not a valid choice"),
            ({"target": ""}, "target", "blank"),
            ({"target": "x" * 2001}, "target", "2000"),
            ({"target": 42}, "target", "string"),
            ({"name": ""}, "name", "blank"),
            ({"name": "n" * 101}, "name", "100"),
            ({"enabled": "yes"}, "enabled", "true or false"),
            ({"user": "3"}, "user", "whole number"),
            ({"user": 999999}, "user", "Invalid pk"),
        ],
    )
    def test_bad_input_is_refused_naming_the_field(self, operator_client, body, field, words):
        body = assert_error(operator_client.post(URL, {**NEW, **body}, format="json"), 400, "validation_error")
        [error] = [e for e in body["errors"] if e["field"] == field]
        assert words in error["message"]
        assert not NotificationChannel.objects.exists()

    def test_a_bad_apprise_url_is_not_repeated_in_the_error(self, operator_client):
        target = "slack://bad/tok-SECRET-99887766"
        body = assert_error(operator_client.post(URL, {**NEW, "kind": "apprise", "target": target}, format="json"), 400)
        # Apprise's own words name the token ("… Token (tok-SECRET-99887766) was specified"): masked here.
        assert "Slack (second) Token (tok-…)" in body["errors"][0]["message"]
        assert "SECRET-99887766" not in json.dumps(body)

    def test_a_private_webhook_or_self_hosted_service_is_refused_unless_allowed(self, operator_client, forbid_private):
        for kind, target in (("webhook", "http://127.0.0.1:8080/x"), ("apprise", "mmost://10.0.0.5/tokenabcdefgh")):
            body = assert_error(operator_client.post(URL, {**NEW, "kind": kind, "target": target}, format="json"), 400)
            assert "public addresses" in body["errors"][0]["message"]

    def test_private_targets_are_taken_when_allowed(self, operator_client, allow_private):
        create(operator_client, kind="apprise", target="mmost://10.0.0.5/tokenabcdefgh")
        create(operator_client, kind="webhook", target="http://127.0.0.1:8080/x")
        assert NotificationChannel.objects.count() == 2

    def test_others_may_not_own_what_a_user_creates(self, operator_client, viewer, team):
        assert_error(operator_client.post(URL, {**NEW, "user": viewer.pk}, format="json"), 403)
        assert_error(operator_client.post(URL, {**NEW, "team": team.pk}, format="json"), 403)
        assert not NotificationChannel.objects.exists()

    def test_naming_oneself_is_fine(self, operator_client, operator):
        assert create(operator_client, user=operator.pk)["user"] == operator.pk

    def test_an_admin_creates_channels_for_a_user_or_a_team_not_both(self, admin_client, viewer, team):
        assert create(admin_client, user=viewer.pk)["user"] == viewer.pk
        data = create(admin_client, team=team.pk)
        assert (data["user"], data["team"]) == (None, team.pk)
        assert_error(admin_client.post(URL, {**NEW, "user": viewer.pk, "team": team.pk}, format="json"), 400)

    def test_creation_is_audited_without_the_target(self, viewer_client, viewer):
        pk = create(viewer_client, kind="apprise", target=SLACK)["id"]
        entry = AuditLog.objects.get(action="notification_channel.created")
        assert (entry.actor, entry.target_id) == (viewer, str(pk))
        assert entry.details["service"] == "Slack" and SLACK_TOKEN not in json.dumps(entry.details)


class TestReadUpdateDelete:
    def test_the_list_holds_ones_own_channels_and_admins_see_all(
        self, operator_client, admin_client, channel, team_channel, channel_of, viewer
    ):
        channel_of(viewer, name="vera mail")
        channel_of(viewer, kind="inapp", target="", name="inbox")
        assert [c["name"] for c in assert_ok(operator_client.get(URL))] == ["otto mail"]
        assert [c["name"] for c in assert_ok(admin_client.get(URL))] == ["ops slack", "otto mail", "vera mail"]
        assert [c["name"] for c in assert_ok(admin_client.get(URL, {"team": team_channel.team_id}))] == ["ops slack"]
        assert [c["name"] for c in assert_ok(admin_client.get(URL, {"kind": "email", "sort": "name"}))] == [
            "otto mail",
            "vera mail",
        ]

    def test_a_put_without_target_keeps_it_and_records_what_changed(self, operator_client, channel):
        data = assert_ok(
            operator_client.put(f"{URL}/{channel.pk}", {"name": "renamed", "kind": "email"}, format="json")
        )
        channel.refresh_from_db()
        assert (data["name"], channel.name, channel.target) == ("renamed", "renamed", "otto@example.com")
        assert AuditLog.objects.get(action="notification_channel.updated").details["changed"] == ["name"]

    def test_a_new_target_is_validated_for_the_kind(self, operator_client, channel):
        patch = {"kind": "apprise"}
        body = assert_error(operator_client.patch(f"{URL}/{channel.pk}", patch, format="json"), 400)
        assert body["errors"][0]["field"] == "target"
        data = assert_ok(operator_client.patch(f"{URL}/{channel.pk}", {**patch, "target": SLACK}, format="json"))
        assert data["service"] == "Slack"
        entry = AuditLog.objects.get(action="notification_channel.updated")
        assert entry.details["changed"] == ["kind", "target"] and SLACK_TOKEN not in json.dumps(entry.details)

    def test_delete_removes_the_channel_and_audits_it(self, operator_client, channel):
        assert assert_ok(operator_client.delete(f"{URL}/{channel.pk}")) is None
        assert not NotificationChannel.objects.exists()
        assert AuditLog.objects.filter(action="notification_channel.deleted", target_id=str(channel.pk)).exists()


class TestSendATest:
    def test_an_apprise_channel_gets_the_test_message_now(self, operator_client, operator, receiver, allow_private):
        pk = create(operator_client, kind="apprise", target=f"json://127.0.0.1:{receiver.port}/in/tok-123456")["id"]
        body = operator_client.post(f"{URL}/{pk}/test").json()
        assert body["data"]["ok"] is True and body["message"] == "Test message delivered"
        [request] = receiver.requests
        assert json.loads(request.body)["title"] == "ChatOps: test notification"
        assert AuditLog.objects.get(action="notification_channel.tested").details["ok"] is True

    def test_what_failed_is_said_without_the_secret(self, operator_client, receiver, allow_private):
        pk = create(operator_client, kind="apprise", target=f"json://127.0.0.1:{receiver.port}/in/tok-123456")["id"]
        receiver.reply(Reply(503, b"down for maintenance"))
        body = operator_client.post(f"{URL}/{pk}/test").json()
        data = body["data"]
        assert data["ok"] is False and data["permanent"] is False and "503" in data["error"]
        assert "tok-123456" not in json.dumps(body)

    def test_a_private_receiver_is_refused_at_send_time_when_no_longer_allowed(
        self, operator_client, receiver, allow_private, settings
    ):
        pk = create(operator_client, kind="webhook", target=receiver.url("/in/tok-123456"))["id"]
        settings.OUTGOING_ALLOW_PRIVATE = False
        data = assert_ok(operator_client.post(f"{URL}/{pk}/test"))
        assert data["ok"] is False and data["permanent"] is True and "public addresses" in data["error"]
        assert receiver.requests == []

    def test_an_email_channel_is_sent_through_the_hubs_email(self, operator_client, channel):
        assert assert_ok(operator_client.post(f"{URL}/{channel.pk}/test"))["ok"] is True
        [sent] = django_mail.outbox
        assert sent.to == ["otto@example.com"] and "otto mail" in sent.body

    def test_tests_are_rate_limited_apart(self, operator_client, channel, settings):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "outgoing": (2, 60)}
        # Counters of our own: parallel test processes share Redis and user ids.
        settings.REDIS_PREFIX = f"chatops-test-{uuid.uuid4().hex[:8]}"
        for _ in range(2):
            assert_ok(operator_client.post(f"{URL}/{channel.pk}/test"))
        assert_error(operator_client.post(f"{URL}/{channel.pk}/test"), 429)
        assert_ok(operator_client.get(f"{URL}/{channel.pk}"))


class HubLog(logging.Handler):
    """What reaches the hub's log: its handlers sit on the root logger, as this one does
    (pytest's caplog also listens on loggers that do not propagate, like Apprise's)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @property
    def text(self) -> str:
        return "\n".join(f"{r.name} {r.getMessage()}" for r in self.records)


@pytest.fixture
def hub_log():
    root = logging.getLogger()
    handler, level = HubLog(), root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_no_secret_reaches_a_response_or_the_log(operator_client, receiver, allow_private, hub_log, capfd):
    secrets = ["tok-SECRET-99887766", SLACK_TOKEN, "ntfy-topic-SECRET"]
    targets = [
        f"json://127.0.0.1:{receiver.port}/in/tok-SECRET-99887766",
        SLACK,
        f"ntfy://127.0.0.1:{receiver.port}/ntfy-topic-SECRET",
    ]
    responses = []
    for target in targets:
        created = operator_client.post(URL, {**NEW, "kind": "apprise", "target": target}, format="json")
        responses.append(created)
        pk = created.json()["data"]["id"]
        responses.append(operator_client.get(f"{URL}/{pk}"))
        responses.append(operator_client.patch(f"{URL}/{pk}", {"name": "renamed"}, format="json"))
        responses.append(operator_client.post(f"{URL}/{pk}/test"))  # Slack's fails: no network
    responses.append(operator_client.get(URL))
    responses.append(
        operator_client.post(
            URL, {**NEW, "kind": "apprise", "target": "slack://bad/tok-SECRET-99887766"}, format="json"
        )
    )
    assert len(receiver.requests) == 2
    for response in responses:
        for secret in secrets:
            assert secret not in response.content.decode()
    printed = capfd.readouterr()
    for secret in secrets:
        assert secret not in hub_log.text
        assert secret not in printed.out + printed.err
    # The log was listening (the transports' lines are in it), so its silence on secrets counts.
    assert "notifications.transports" in hub_log.text
