"""Invitations: an admin invites someone (``POST /users`` with ``invite``); they get an email
with a link; the link's token sets their password once (``POST /users/invitations/accept``),
and expires. Emails go through Django's mail API: the test outbox, and once a real SMTP
server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

from email import message_from_bytes
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.hashers import make_password

from accounts.invitations import generator, make_token, user_for
from accounts.models import AuditLog, User
from tests.factories import UserFactory
from tests.helpers import assert_error, assert_ok
from tests.live import free_port
from tests.roles import RoleMatrix, Route

pytestmark = pytest.mark.django_db
URL = "/api/v1/users"
ACCEPT = "/api/v1/users/invitations/accept"
NEW_PASSWORD = "a-fresh-and-long-passphrase"
INVITE = {"username": "ivy", "email": "ivy@example.com", "full_name": "Ivy I", "role": "operator", "invite": True}


def token_of(data: dict[str, Any]) -> str:
    return str(data["invitation"]["token"])


def invite(admin_client, **extra: Any) -> dict[str, Any]:
    return dict(assert_ok(admin_client.post(URL, {**INVITE, **extra}, format="json"), 201))


def accept(anon, token: str, password: str = NEW_PASSWORD):
    return anon.post(ACCEPT, {"token": token, "password": password}, format="json")


@pytest.fixture
def invitee(db) -> User:
    return UserFactory.create(username="ivy", password=make_password(None))


# The accept route is public (the token is the credential): anyone gets the same answers.
ROLES = RoleMatrix(
    Route(
        "POST",
        ACCEPT,
        body={"token": "1.abc-" + "0" * 32, "password": NEW_PASSWORD},
        expect={"anonymous": (400, "invitation_invalid"), "viewer": (400, "invitation_invalid")},
    ),
    Route("POST", ACCEPT, body={"token": "nope", "password": NEW_PASSWORD}, expect={"anonymous": 400}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestInvite:
    def test_the_invitee_gets_an_email_with_the_link_and_the_admin_sees_it_once(self, admin_client, mailoutbox):
        data = invite(admin_client)
        invitation = data["invitation"]
        assert invitation["url"] == f"http://testserver/invite#token={invitation['token']}"
        assert invitation["emailed"] is True and invitation["email_error"] == ""
        assert data["invitation_pending"] is True and data["role"] == "operator"
        [mail] = mailoutbox
        assert mail.to == ["ivy@example.com"] and invitation["url"] in mail.body
        entry = AuditLog.objects.get(action="user.created")
        assert entry.details["invited"] is True
        assert invitation["token"] not in str(entry.details)
        # Read again, the user carries no link: it was shown once.
        again = assert_ok(admin_client.get(f"{URL}/{data['id']}"))
        assert "invitation" not in again and again["invitation_pending"] is True

    def test_the_link_uses_site_url_when_set(self, admin_client, settings, mailoutbox):
        settings.SITE_URL = "https://ops.example.org"
        url = invite(admin_client)["invitation"]["url"]
        assert url.startswith("https://ops.example.org/invite#token=")

    def test_an_invitee_cannot_sign_in_before_choosing_a_password(self, admin_client, anon, mailoutbox):
        invite(admin_client)
        response = anon.post("/api/v1/auth/login", {"username": "ivy", "password": ""}, format="json")
        assert response.status_code == 400
        response = anon.post("/api/v1/auth/login", {"username": "ivy", "password": "!"}, format="json")
        assert_error(response, 401, "invalid_credentials")

    def test_a_mail_server_that_fails_still_leaves_the_invitation_and_says_why(self, admin_client, anon, settings):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
        response = admin_client.post(URL, INVITE, format="json")
        data = assert_ok(response, 201)
        assert data["invitation"]["emailed"] is False
        assert "Connection" in data["invitation"]["email_error"] or "refused" in data["invitation"]["email_error"]
        assert "could not be sent" in response.json()["message"]
        assert_ok(accept(anon, token_of(data)))

    def test_the_email_leaves_through_a_real_smtp_server(self, admin_client, settings):
        received: list[bytes] = []

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                received.append(envelope.content)
                return "250 OK"

        port = free_port()
        controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        controller.start()
        try:
            settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
            settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
            data = invite(admin_client)
        finally:
            controller.stop()
        assert data["invitation"]["emailed"] is True
        [raw] = received
        mail = message_from_bytes(raw)
        assert mail["To"] == "ivy@example.com" and mail["Subject"] == "Your ChatOps account"
        assert data["invitation"]["url"] in mail.get_payload(decode=True).decode()


class TestAccept:
    def test_accepting_sets_the_password_and_signs_in(self, admin_client, anon, mailoutbox):
        data = invite(admin_client)
        pair = assert_ok(accept(anon, token_of(data)))
        assert pair["user"]["username"] == "ivy" and pair["access_token"]
        me = anon.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {pair['access_token']}")
        assert assert_ok(me)["username"] == "ivy"
        login = anon.post("/api/v1/auth/login", {"username": "ivy", "password": NEW_PASSWORD}, format="json")
        assert_ok(login)
        assert AuditLog.objects.get(action="user.invitation_accepted").actor_id == data["id"]
        assert assert_ok(admin_client.get(f"{URL}/{data['id']}"))["invitation_pending"] is False

    def test_a_token_works_once(self, admin_client, anon, mailoutbox):
        token = token_of(invite(admin_client))
        assert_ok(accept(anon, token))
        assert_error(accept(anon, token, "another-long-passphrase"), 400, "invitation_invalid")
        login = anon.post("/api/v1/auth/login", {"username": "ivy", "password": NEW_PASSWORD}, format="json")
        assert_ok(login)

    def test_a_token_expires(self, invitee, anon, settings):
        settings.INVITATION_EXPIRY_HOURS = 1
        now = generator._num_seconds(generator._now())
        signed = generator._make_token_with_timestamp(invitee, now - 3601, generator.secret)
        uid = make_token(invitee)[0].split(".")[0]
        assert_error(accept(anon, f"{uid}.{signed}"), 400, "invitation_invalid")
        fresh = generator._make_token_with_timestamp(invitee, now - 3500, generator.secret)
        assert_ok(accept(anon, f"{uid}.{fresh}"))

    def test_a_weak_password_is_refused_and_the_token_still_works(self, admin_client, anon, mailoutbox):
        token = token_of(invite(admin_client))
        body = assert_error(accept(anon, token, "12345678901234"), 400, "validation_error")
        assert body["errors"][0]["field"] == "password"
        assert_ok(accept(anon, token))

    @pytest.mark.parametrize(
        "mangle",
        [
            lambda t: t[:-1] + ("0" if t[-1] != "0" else "1"),  # signature
            lambda t: "zz" + t,  # another user id
            lambda t: t.split(".")[0] + ".1-" + t.split("-")[1],  # another timestamp
        ],
    )
    def test_a_tampered_token_is_refused(self, admin_client, anon, mailoutbox, mangle):
        token = token_of(invite(admin_client))
        assert_error(accept(anon, mangle(token)), 400, "invitation_invalid")

    @pytest.mark.parametrize(
        "body",
        [{"token": "x", "password": NEW_PASSWORD}, {"password": NEW_PASSWORD}, {"token": "1.a-" + "0" * 32}],
    )
    def test_malformed_input_is_400(self, anon, body):
        assert_error(anon.post(ACCEPT, body, format="json"), 400, "validation_error")

    def test_a_deactivated_invitee_cannot_accept(self, admin_client, anon, mailoutbox):
        data = invite(admin_client)
        assert_ok(admin_client.delete(f"{URL}/{data['id']}"))
        assert_error(accept(anon, token_of(data)), 400, "invitation_invalid")

    def test_a_token_made_for_a_user_with_a_password_is_refused(self, viewer):
        token, _ = make_token(viewer)
        assert user_for(token) is None


class TestInviteAgain:
    def test_a_new_link_replaces_the_old_one(self, admin_client, anon, mailoutbox):
        data = invite(admin_client)
        old = token_of(data)
        again = assert_ok(admin_client.post(f"{URL}/{data['id']}/invitation"), 201)
        assert again["token"] != old and len(mailoutbox) == 2
        assert AuditLog.objects.filter(action="user.invited").count() == 1
        assert_error(accept(anon, old), 400, "invitation_invalid")
        assert_ok(accept(anon, again["token"]))

    def test_someone_with_a_password_is_not_invited(self, admin_client, viewer, mailoutbox):
        assert_error(admin_client.post(f"{URL}/{viewer.pk}/invitation"), 409, "has_password")
        assert mailoutbox == []

    def test_a_deactivated_user_is_not_invited(self, admin_client, invitee, mailoutbox):
        User.objects.filter(pk=invitee.pk).update(is_active=False)
        assert_error(admin_client.post(f"{URL}/{invitee.pk}/invitation"), 409, "inactive")
