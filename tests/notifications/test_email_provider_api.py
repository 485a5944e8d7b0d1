"""/api/v1/clients/email-providers: admins configure how the hub sends email (SMTP or an API
provider), secrets kept encrypted and shown masked; …/validate connects and authenticates
against real servers on 127.0.0.1 and sends mail only to a test address."""

from __future__ import annotations

import email
import json
import uuid

import pytest
from django.core import mail as django_mail
from django.db import connection

from accounts.models import AuditLog
from chatops import crypto
from notifications.models import EmailProvider
from tests.helpers import assert_error, assert_ok
from tests.notifications.conftest import SMTP_PASSWORD, SMTP_USER
from tests.roles import RoleMatrix, Route, allowed, key
from tests.webhooks.conftest import Reply

pytestmark = pytest.mark.django_db
URL = "/api/v1/clients/email-providers"
VALIDATE = f"{URL}/validate"
TOKEN = "pm-server-token-SECRET-0001"


def nothing_was_stored(outcome):
    assert not EmailProvider.objects.exists()


ROLES = RoleMatrix(
    Route("GET", URL, expect=allowed("admin")),
    Route("PUT", URL, body={"provider": "environment"}, expect=allowed("admin")),
    Route(
        "PUT",
        URL,
        body={"provider": "smtp", "host": "mail.example.com", "password": "x"},
        expect=allowed("admin"),
        unchanged=nothing_was_stored,
    ),
    Route("POST", VALIDATE, body={}, expect=allowed("admin")),
    Route("GET", URL, expect={key("admin", "email_providers:read"): 200, key("admin"): (403, "insufficient_scope")}),
    Route("PUT", URL, body={"provider": "environment"}, expect={key("admin", "email_providers:read"): 403}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def smtp_body(smtp_server, **extra) -> dict:
    return {
        "provider": "smtp",
        "host": smtp_server.host,
        "port": smtp_server.port,
        "security": "none",
        "username": SMTP_USER,
        "password": SMTP_PASSWORD,
        "from_email": "ChatOps <hub@example.com>",
        **extra,
    }


def postmark_body(receiver, **extra) -> dict:
    return {
        "provider": "postmark",
        "credentials": {"server_token": TOKEN},
        "options": {"api_url": receiver.url("/pm/")},
        **extra,
    }


class TestConfiguration:
    def test_without_one_the_email_settings_are_in_use(self, admin_client):
        data = assert_ok(admin_client.get(URL))
        assert data["provider"] == "environment"
        assert data["backend"] == "django.core.mail.backends.locmem.EmailBackend"
        assert data["credentials"] == {} and data["updated_by"] is None

    def test_smtp_is_stored_encrypted_and_shown_masked(self, admin_client, admin, smtp_server, allow_private):
        data = assert_ok(admin_client.put(URL, smtp_body(smtp_server), format="json"))
        assert (data["provider"], data["host"], data["port"], data["security"]) == (
            "smtp",
            "127.0.0.1",
            smtp_server.port,
            "none",
        )
        assert data["password"] == crypto.mask(SMTP_PASSWORD) and data["updated_by"]["id"] == admin.pk
        assert data["from_email"] == "ChatOps <hub@example.com>"
        assert SMTP_PASSWORD not in json.dumps(assert_ok(admin_client.get(URL)))
        with connection.cursor() as cursor:
            cursor.execute("SELECT password FROM notifications_emailprovider")
            (stored,) = cursor.fetchone()
        assert SMTP_PASSWORD not in stored and crypto.is_token(stored)
        entry = AuditLog.objects.get(action="email_provider.updated")
        assert entry.details["secrets_changed"] == ["password"] and SMTP_PASSWORD not in json.dumps(entry.details)

    def test_a_secret_not_given_again_is_kept(self, admin_client, smtp_server, allow_private):
        assert_ok(admin_client.put(URL, smtp_body(smtp_server), format="json"))
        body = smtp_body(smtp_server, port=2525)
        del body["password"]
        assert_ok(admin_client.put(URL, body, format="json"))
        stored = EmailProvider.objects.get()
        assert (stored.port, stored.password) == (2525, SMTP_PASSWORD)
        assert (
            AuditLog.objects.filter(action="email_provider.updated").order_by("id").last().details["secrets_changed"]
            == []
        )

    def test_an_api_provider_keeps_its_credentials_masked(self, admin_client, receiver, allow_private):
        data = assert_ok(admin_client.put(URL, postmark_body(receiver), format="json"))
        assert data["backend"] == "anymail.backends.postmark.EmailBackend"
        assert data["credentials"] == {"server_token": crypto.mask(TOKEN)}
        assert data["options"] == {"api_url": receiver.url("/pm/")}
        assert (data["host"], data["password"]) == (None, "")
        assert EmailProvider.objects.get().secrets == {"server_token": TOKEN}

    def test_environment_forgets_the_stored_configuration(self, admin_client, smtp_server, allow_private):
        assert_ok(admin_client.put(URL, smtp_body(smtp_server), format="json"))
        assert assert_ok(admin_client.put(URL, {"provider": "environment"}, format="json"))["provider"] == "environment"
        assert not EmailProvider.objects.exists()

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"provider": "carrier-pigeon"}, "provider"),
            ({"provider": "smtp"}, "host"),
            ({"provider": "smtp", "host": "bad host!"}, "host"),
            ({"provider": "smtp", "host": "mail.example.com", "port": 0}, "port"),
            ({"provider": "smtp", "host": "mail.example.com", "security": "maybe"}, "security"),
            ({"provider": "smtp", "host": "mail.example.com", "from_email": "not an address"}, "from_email"),
            ({"provider": "postmark"}, "credentials"),
            ({"provider": "postmark", "credentials": {"api_key": "x"}}, "credentials"),
            ({"provider": "postmark", "credentials": {"server_token": 5}}, "credentials.server_token"),
            ({"provider": "sendgrid", "credentials": {"api_key": "k"}, "options": {"sender_domain": "x"}}, "options"),
            (
                {"provider": "sendgrid", "credentials": {"api_key": "k"}, "options": {"api_url": "ftp://x"}},
                "options.api_url",
            ),
        ],
    )
    def test_bad_input_is_refused_naming_the_field(self, admin_client, body, field):
        response = assert_error(admin_client.put(URL, body, format="json"), 400)
        assert field in [e["field"] for e in response["errors"]], response
        assert not EmailProvider.objects.exists()

    def test_an_api_url_on_a_private_address_is_refused_unless_allowed(self, admin_client, receiver, forbid_private):
        response = assert_error(admin_client.put(URL, postmark_body(receiver), format="json"), 400)
        assert "public addresses" in response["errors"][0]["message"]


class TestValidateSMTP:
    def test_a_working_server_passes_and_no_mail_is_sent(self, admin_client, smtp_server, allow_private):
        body = admin_client.post(VALIDATE, smtp_body(smtp_server), format="json").json()
        data = body["data"]
        assert data["ok"] is True and data["sent_to"] is None and body["message"] == "Email works"
        assert [s["step"] for s in data["steps"]] == ["connect", "login"]
        assert smtp_server.inbox.logins == [SMTP_USER] and smtp_server.inbox.messages == []
        assert not EmailProvider.objects.exists()  # checked, not saved

    def test_a_wrong_password_fails_at_login_without_repeating_it(self, admin_client, smtp_server, allow_private):
        body = admin_client.post(VALIDATE, smtp_body(smtp_server, password="Wrong-Password-42"), format="json")
        data = assert_ok(body)
        assert data["ok"] is False
        assert data["steps"][-1]["step"] == "login" and "535" in data["steps"][-1]["detail"]
        assert "Wrong-Password-42" not in body.content.decode()
        assert smtp_server.inbox.messages == []

    def test_starttls_that_the_server_does_not_offer_fails_at_tls(self, admin_client, smtp_server, allow_private):
        data = assert_ok(admin_client.post(VALIDATE, smtp_body(smtp_server, security="starttls"), format="json"))
        assert data["ok"] is False and data["steps"][-1]["step"] == "tls"
        assert smtp_server.inbox.logins == []  # never signed in over a plain connection it asked to encrypt

    def test_a_test_address_gets_a_message(self, admin_client, smtp_server, allow_private):
        body = {**smtp_body(smtp_server), "test_address": "ada@example.com"}
        data = assert_ok(admin_client.post(VALIDATE, body, format="json"))
        assert data["ok"] is True and data["sent_to"] == "a…@example.com" and data["steps"][-1]["step"] == "send"
        [(sender, recipients, raw)] = smtp_server.inbox.messages
        assert (sender, recipients) == ("hub@example.com", ["ada@example.com"])
        assert email.message_from_bytes(raw)["Subject"] == "ChatOps: test email"

    def test_the_stored_configuration_is_checked_when_none_is_given(self, admin_client, smtp_server, allow_private):
        assert_ok(admin_client.put(URL, smtp_body(smtp_server), format="json"))
        data = assert_ok(admin_client.post(VALIDATE, {}, format="json"))
        assert data["provider"] == "smtp" and data["ok"] is True
        entry = AuditLog.objects.get(action="email_provider.validated")
        assert entry.details["ok"] is True and SMTP_PASSWORD not in json.dumps(entry.details)

    def test_a_private_server_is_refused_unless_allowed(self, admin_client, smtp_server, forbid_private):
        data = assert_ok(admin_client.post(VALIDATE, smtp_body(smtp_server), format="json"))
        assert data["ok"] is False and data["steps"] == [
            {"step": "connect", "ok": False, "detail": data["steps"][0]["detail"]}
        ]
        assert "loopback" in data["steps"][0]["detail"] and smtp_server.inbox.logins == []

    def test_a_closed_port_fails_at_connect(self, admin_client, allow_private):
        from tests.notifications.conftest import free_port

        body = {"provider": "smtp", "host": "127.0.0.1", "port": free_port(), "security": "none"}
        data = assert_ok(admin_client.post(VALIDATE, body, format="json"))
        assert data["steps"] == [{"step": "connect", "ok": False, "detail": data["steps"][0]["detail"]}]
        assert "connection refused" in data["steps"][0]["detail"]


class TestValidateAPIProviders:
    def test_postmark_accepts_the_token_with_its_cheapest_call(self, admin_client, receiver, allow_private):
        data = assert_ok(admin_client.post(VALIDATE, postmark_body(receiver), format="json"))
        assert data["ok"] is True and data["steps"][-1]["step"] == "authenticate"
        assert "GET http://127.0.0.1" in data["steps"][-1]["detail"] and "/pm/server" in data["steps"][-1]["detail"]
        [request] = receiver.requests
        assert (request.method, request.path) == ("GET", "/pm/server")
        assert request.headers["X-Postmark-Server-Token"] == TOKEN

    def test_a_refused_token_fails_at_authenticate(self, admin_client, receiver, allow_private):
        receiver.reply(Reply(401, b'{"ErrorCode": 10}'))
        response = admin_client.post(VALIDATE, postmark_body(receiver), format="json")
        data = assert_ok(response)
        assert data["ok"] is False and data["steps"][-1] == {
            "step": "authenticate",
            "ok": False,
            "detail": data["steps"][-1]["detail"],
        }
        assert "401" in data["steps"][-1]["detail"] and TOKEN not in response.content.decode()

    @pytest.mark.parametrize(
        ("provider", "credentials", "options", "path", "header"),
        [
            ("sendgrid", {"api_key": "SG.key"}, {}, "/api/scopes", ("Authorization", "Bearer SG.key")),
            ("brevo", {"api_key": "xkeysib"}, {}, "/api/account", ("api-key", "xkeysib")),
            ("resend", {"api_key": "re_key"}, {}, "/api/domains", ("Authorization", "Bearer re_key")),
            ("sparkpost", {"api_key": "sp-key"}, {}, "/api/account", ("Authorization", "sp-key")),
            (
                "mailgun",
                {"api_key": "mg-key"},
                {"sender_domain": "mg.example.com"},
                "/api/domains/mg.example.com",
                ("Authorization", "Basic YXBpOm1nLWtleQ=="),
            ),
            (
                "mailjet",
                {"api_key": "mj", "secret_key": "sk"},
                {},
                "/v3/REST/user",
                ("Authorization", "Basic bWo6c2s="),
            ),
        ],
    )
    def test_each_provider_makes_its_own_authenticated_call(
        self, admin_client, receiver, allow_private, provider, credentials, options, path, header
    ):
        api_url = receiver.url("/v3.1/" if provider == "mailjet" else "/api/")
        body = {"provider": provider, "credentials": credentials, "options": {**options, "api_url": api_url}}
        assert assert_ok(admin_client.post(VALIDATE, body, format="json"))["ok"] is True
        [request] = receiver.requests
        assert request.path == path and request.headers[header[0]] == header[1]

    def test_a_sending_only_key_is_said_to_authenticate(self, admin_client, receiver, allow_private):
        receiver.reply(Reply(403, b"forbidden"))
        body = {"provider": "sendgrid", "credentials": {"api_key": "SG.send"}, "options": {"api_url": receiver.url()}}
        step = assert_ok(admin_client.post(VALIDATE, body, format="json"))["steps"][-1]
        assert step["ok"] is True and "sending-only" in step["detail"]

    def test_amazon_ses_says_what_this_hub_lacks(self, admin_client):
        body = {"provider": "amazon_ses", "credentials": {"access_key_id": "AKIA", "secret_access_key": "s"}}
        data = assert_ok(admin_client.post(VALIDATE, body, format="json"))
        assert data["ok"] is False and "boto3" in data["steps"][0]["detail"]

    def test_a_test_address_is_sent_through_anymail(self, admin_client, receiver, allow_private):
        answer = {"To": "ada@example.com", "SubmittedAt": "2026-01-01T00:00:00Z", "MessageID": "m-1", "ErrorCode": 0}
        receiver.reply(Reply(200, b"{}"), Reply(200, json.dumps({**answer, "Message": "OK"}).encode()))
        body = {**postmark_body(receiver), "test_address": "ada@example.com"}
        data = assert_ok(admin_client.post(VALIDATE, body, format="json"))
        assert data["ok"] is True and data["sent_to"] == "a…@example.com"
        assert [r.path for r in receiver.requests] == ["/pm/server", "/pm/email"]

    def test_a_private_api_is_refused_unless_allowed(self, admin_client, receiver, allow_private, settings):
        assert_ok(admin_client.put(URL, postmark_body(receiver), format="json"))
        settings.OUTGOING_ALLOW_PRIVATE = False
        data = assert_ok(admin_client.post(VALIDATE, {}, format="json"))
        assert data["ok"] is False and "public addresses" in data["steps"][0]["detail"]
        assert receiver.requests == []


class TestValidateEnvironment:
    def test_the_settings_backend_is_named_and_a_test_address_gets_mail(self, admin_client):
        data = assert_ok(admin_client.post(VALIDATE, {"test_address": "ada@example.com"}, format="json"))
        assert data["provider"] == "environment" and data["ok"] is True
        assert data["steps"][0]["step"] == "configuration" and "locmem" in data["steps"][0]["detail"]
        [sent] = django_mail.outbox
        assert sent.to == ["ada@example.com"]

    def test_an_invalid_test_address_is_refused(self, admin_client):
        assert_error(admin_client.post(VALIDATE, {"test_address": "nope"}, format="json"), 400)
        assert django_mail.outbox == []

    def test_checks_are_rate_limited(self, admin_client, settings):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "outgoing": (1, 60)}
        # Counters of our own: parallel test processes share Redis and user ids.
        settings.REDIS_PREFIX = f"chatops-test-{uuid.uuid4().hex[:8]}"
        assert_ok(admin_client.post(VALIDATE, {}, format="json"))
        assert_error(admin_client.post(VALIDATE, {}, format="json"), 429)
