"""notifications.transports.deliver with real receivers on 127.0.0.1: Apprise's JSON,
Mattermost and ntfy services and webhook channels reach the HTTP receiver, email reaches the
SMTP server (or an API provider through anymail), and nothing reaches either when private
addresses are not allowed. Failures say what failed, permanent or not, never with a secret."""

from __future__ import annotations

import email
import json

import pytest
from django.core import mail as django_mail

from notifications import apprise_urls as apprise_urls_module
from notifications import transports
from notifications.models import Delivery, EmailProvider, Notification
from notifications.targets import DeliveryError
from tests.notifications.conftest import SMTP_PASSWORD, SMTP_USER
from tests.webhooks.conftest import Reply

pytestmark = pytest.mark.django_db
TOKEN = "tokenABCDEFGH0123456789"


def delivery_for(kind: str, *, channel=None, address: str = "", severity: str = "warning") -> Delivery:
    notification = Notification.objects.create(
        type="alert", severity=severity, subject="Disk full on web-1", content="/ is 97% full.", data={"server": 1}
    )
    return Delivery.objects.create(notification=notification, kind=kind, channel=channel, address=address)


def apprise_urls(receiver) -> dict[str, str]:
    return {
        "json": f"json://127.0.0.1:{receiver.port}/hook/{TOKEN}",
        "mattermost": f"mmost://127.0.0.1:{receiver.port}/{TOKEN}",
        "ntfy": f"ntfy://127.0.0.1:{receiver.port}/alerts-{TOKEN}",
    }


class TestApprise:
    def test_json_arrives_with_title_message_and_severity(self, receiver, allow_private, channel_of, admin):
        channel = channel_of(admin, kind="apprise", target=apprise_urls(receiver)["json"])
        transports.deliver(delivery_for("apprise", channel=channel))
        [request] = receiver.requests
        assert (request.method, request.path) == ("POST", f"/hook/{TOKEN}")
        body = json.loads(request.body)
        assert (body["title"], body["message"], body["type"]) == ("Disk full on web-1", "/ is 97% full.", "warning")

    def test_mattermost_arrives_at_its_incoming_hook(self, receiver, allow_private, channel_of, admin):
        channel = channel_of(admin, kind="apprise", target=apprise_urls(receiver)["mattermost"])
        transports.deliver(delivery_for("apprise", channel=channel, severity="critical"))
        [request] = receiver.requests
        assert request.path == f"/hooks/{TOKEN}"
        text = json.loads(request.body)["text"]
        assert "Disk full on web-1" in text and "/ is 97% full." in text

    def test_ntfy_arrives_on_its_topic(self, receiver, allow_private, channel_of, admin):
        channel = channel_of(admin, kind="apprise", target=apprise_urls(receiver)["ntfy"])
        transports.deliver(delivery_for("apprise", channel=channel))
        [request] = receiver.requests
        body = json.loads(request.body)
        assert (body["topic"], body["title"], body["message"]) == (
            f"alerts-{TOKEN}",
            "Disk full on web-1",
            "/ is 97% full.",
        )

    @pytest.mark.parametrize("service", ["json", "mattermost", "ntfy"])
    def test_private_receivers_are_refused_when_not_allowed(self, receiver, forbid_private, channel_of, admin, service):
        channel = channel_of(admin, kind="apprise", target=apprise_urls(receiver)[service])
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("apprise", channel=channel))
        assert caught.value.permanent
        assert "loopback" in str(caught.value) and "OUTGOING_ALLOW_PRIVATE" in str(caught.value)
        assert TOKEN not in str(caught.value)
        assert receiver.requests == []

    @pytest.mark.parametrize("service", ["json", "mattermost", "ntfy"])
    def test_the_guard_refuses_the_connection_itself_without_the_precheck(self, receiver, forbid_private, service):
        # What a host that resolved to a public address when checked and to a private one when
        # connected (DNS rebinding), or a redirect to a private address, would meet.
        outcome = apprise_urls_module.notify(
            apprise_urls(receiver)[service], title="t", body="b", severity="info", timeout=5, precheck=False
        )
        assert not outcome.ok and outcome.permanent
        assert outcome.error.startswith("Refused to connect to 127.0.0.1, a loopback address")
        assert receiver.requests == []

    def test_a_server_error_is_retried_and_a_refusal_is_not(self, receiver, allow_private, channel_of, admin):
        channel = channel_of(admin, kind="apprise", target=apprise_urls(receiver)["json"])
        receiver.reply(Reply(503, b"busy"), Reply(401, b"who are you"))
        with pytest.raises(DeliveryError) as first:
            transports.deliver(delivery_for("apprise", channel=channel))
        with pytest.raises(DeliveryError) as second:
            transports.deliver(delivery_for("apprise", channel=channel))
        assert not first.value.permanent and "503" in str(first.value)
        assert second.value.permanent and "401" in str(second.value)
        assert TOKEN not in str(first.value) + str(second.value)

    def test_a_closed_port_is_a_connection_error_to_retry(self, allow_private, channel_of, admin):
        from tests.notifications.conftest import free_port

        channel = channel_of(admin, kind="apprise", target=f"json://127.0.0.1:{free_port()}/x")
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("apprise", channel=channel))
        assert not caught.value.permanent and "JSON" in str(caught.value)


class TestWebhookChannel:
    def test_the_notification_is_posted_as_json(self, receiver, allow_private, channel_of, admin):
        channel = channel_of(admin, kind="webhook", target=receiver.url(f"/in/{TOKEN}?k=v"))
        delivery = delivery_for("webhook", channel=channel)
        transports.deliver(delivery)
        [request] = receiver.requests
        assert request.path == f"/in/{TOKEN}?k=v"
        assert request.headers["Content-Type"] == "application/json"
        body = json.loads(request.body)
        assert body["notification"] == delivery.notification_id
        assert (body["type"], body["severity"], body["subject"]) == ("alert", "warning", "Disk full on web-1")
        assert body["data"] == {"server": 1}

    @pytest.mark.parametrize(("status", "permanent"), [(404, True), (401, True), (429, False), (503, False)])
    def test_answers_decide_whether_to_retry(self, receiver, allow_private, channel_of, admin, status, permanent):
        channel = channel_of(admin, kind="webhook", target=receiver.url(f"/in/{TOKEN}"))
        receiver.reply(Reply(status))
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("webhook", channel=channel))
        assert caught.value.permanent is permanent
        assert f"HTTP {status}" in str(caught.value) and TOKEN not in str(caught.value)

    def test_a_private_receiver_is_refused_when_not_allowed(self, receiver, forbid_private, channel_of, admin):
        channel = channel_of(admin, kind="webhook", target=receiver.url(f"/in/{TOKEN}"))
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("webhook", channel=channel))
        assert caught.value.permanent and "loopback" in str(caught.value)
        assert receiver.requests == []


def smtp_provider(smtp_server, *, password: str = SMTP_PASSWORD) -> EmailProvider:
    return EmailProvider.objects.create(
        pk=EmailProvider.SINGLETON,
        provider="smtp",
        host=smtp_server.host,
        port=smtp_server.port,
        security="none",
        username=SMTP_USER,
        password=password,
        from_email="ChatOps <hub@example.com>",
    )


class TestEmail:
    def test_an_address_gets_the_email_through_the_smtp_provider(self, smtp_server, allow_private):
        smtp_provider(smtp_server)
        transports.deliver(delivery_for("email", address="oncall@example.com"))
        [(sender, recipients, raw)] = smtp_server.inbox.messages
        assert smtp_server.inbox.logins == [SMTP_USER]
        assert (sender, recipients) == ("hub@example.com", ["oncall@example.com"])
        message = email.message_from_bytes(raw)
        assert message["Subject"] == "Disk full on web-1"
        assert message.get_payload(decode=True).decode().strip() == "/ is 97% full."

    def test_an_email_channel_gets_it_too(self, smtp_server, allow_private, channel_of, operator):
        smtp_provider(smtp_server)
        channel = channel_of(operator, kind="email", target="otto@example.com")
        transports.deliver(delivery_for("email", channel=channel))
        assert [m[1] for m in smtp_server.inbox.messages] == [["otto@example.com"]]

    def test_a_refused_login_is_permanent_and_names_no_password(self, smtp_server, allow_private):
        smtp_provider(smtp_server, password="wrong-password-value")
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("email", address="oncall@example.com"))
        assert caught.value.permanent and "refused the login" in str(caught.value)
        assert "wrong-password-value" not in str(caught.value)
        assert smtp_server.inbox.messages == []

    def test_the_smtp_provider_is_refused_on_a_private_address_when_not_allowed(self, smtp_server, forbid_private):
        smtp_provider(smtp_server)
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("email", address="oncall@example.com"))
        assert caught.value.permanent and "loopback" in str(caught.value)
        assert smtp_server.inbox.messages == [] and smtp_server.inbox.logins == []

    def test_without_a_provider_the_email_settings_send_it(self, forbid_private):
        # Django's test runner swaps EMAIL_BACKEND for the in-memory one: what the settings say.
        transports.deliver(delivery_for("email", address="oncall@example.com"))
        [sent] = django_mail.outbox
        assert (sent.subject, sent.to) == ("Disk full on web-1", ["oncall@example.com"])

    def test_an_api_provider_sends_through_anymail(self, receiver, allow_private):
        EmailProvider.objects.create(
            pk=EmailProvider.SINGLETON,
            provider="postmark",
            from_email="hub@example.com",
            credentials=json.dumps({"server_token": "pm-server-token-0001"}),
            options={"api_url": receiver.url("/postmark/")},
        )
        answer = {"To": "oncall@example.com", "SubmittedAt": "2026-01-01T00:00:00Z", "MessageID": "m-1"}
        receiver.reply(Reply(200, json.dumps({**answer, "ErrorCode": 0, "Message": "OK"}).encode()))
        transports.deliver(delivery_for("email", address="oncall@example.com"))
        [request] = receiver.requests
        assert request.path == "/postmark/email"
        assert request.headers["X-Postmark-Server-Token"] == "pm-server-token-0001"
        sent = json.loads(request.body)
        assert (sent["To"], sent["Subject"], sent["TextBody"]) == (
            "oncall@example.com",
            "Disk full on web-1",
            "/ is 97% full.",
        )

    def test_an_api_provider_on_a_private_address_is_refused_when_not_allowed(self, receiver, forbid_private):
        EmailProvider.objects.create(
            pk=EmailProvider.SINGLETON,
            provider="postmark",
            credentials=json.dumps({"server_token": "pm-server-token-0001"}),
            options={"api_url": receiver.url("/postmark/")},
        )
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("email", address="oncall@example.com"))
        assert caught.value.permanent and "loopback" in str(caught.value)
        assert receiver.requests == []

    def test_an_api_provider_refusing_the_token_is_permanent(self, receiver, allow_private):
        EmailProvider.objects.create(
            pk=EmailProvider.SINGLETON,
            provider="postmark",
            credentials=json.dumps({"server_token": "pm-server-token-0001"}),
            options={"api_url": receiver.url("/postmark/")},
        )
        receiver.reply(Reply(401, b'{"ErrorCode": 10, "Message": "Bad or missing Server API token."}'))
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("email", address="oncall@example.com"))
        assert caught.value.permanent and "401" in str(caught.value)
        assert "pm-server-token-0001" not in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "target"), [("apprise", "json://no-such-host.invalid/x"), ("webhook", "https://no-such-host.invalid/x")]
)
def test_a_host_that_does_not_resolve_now_is_retried(channel_of, admin, kind, target):
    channel = channel_of(admin, kind=kind, target=target)
    with pytest.raises(DeliveryError, match="does not resolve") as caught:
        transports.deliver(delivery_for(kind, channel=channel))
    assert not caught.value.permanent


class TestNothingToSendTo:
    def test_a_deleted_channel_fails_for_good(self, channel_of, admin):
        channel = channel_of(admin, kind="apprise", target="json://hooks.example.com/x")
        delivery = delivery_for("apprise", channel=channel)
        channel.delete()
        delivery.refresh_from_db()
        with pytest.raises(DeliveryError, match="deleted") as caught:
            transports.deliver(delivery)
        assert caught.value.permanent

    def test_a_kind_without_transport_fails_for_good(self):
        with pytest.raises(DeliveryError) as caught:
            transports.deliver(delivery_for("pigeon"))
        assert caught.value.permanent
