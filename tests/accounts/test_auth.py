"""Registration, login, refresh-token rotation, logout, profile and password change."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from accounts.choices import Role
from accounts.models import PASSWORD_VERSION_CLAIM, AuditLog, User
from accounts.services import issue_tokens
from tests.factories import PASSWORD, UserFactory
from tests.helpers import assert_error, assert_ok

pytestmark = pytest.mark.django_db

STRONG = "a-long-and-unusual-passphrase"


def register(client, **overrides):
    body = {"username": "newbie", "email": "newbie@example.com", "password": STRONG, **overrides}
    return client.post("/api/v1/auth/register", body, format="json")


def login(client, username="ada", password=PASSWORD):
    return client.post("/api/v1/auth/login", {"username": username, "password": password}, format="json")


class TestRegister:
    def test_first_user_becomes_admin_and_later_ones_requesters(self, anon):
        first = assert_ok(register(anon), 201)
        assert first["role"] == "admin"
        second = assert_ok(register(anon, username="second", email="second@example.com"), 201)
        assert second["role"] == "requester"
        assert "password" not in second

    def test_role_in_body_is_ignored_for_non_admins(self, anon, viewer_client, admin):
        assert assert_ok(register(anon, role="admin"), 201)["role"] == "requester"
        data = assert_ok(register(viewer_client, username="x2", email="x2@example.com", role="admin"), 201)
        assert data["role"] == "requester"

    def test_admin_may_choose_the_role(self, admin_client):
        assert assert_ok(register(admin_client, role="operator"), 201)["role"] == "operator"

    def test_password_is_stored_with_argon2(self, anon):
        register(anon)
        assert User.objects.get(username="newbie").password.startswith("argon2")

    def test_closed_registration_is_403_except_for_admins(self, anon, admin_client, settings):
        settings.ALLOW_REGISTRATION = False
        assert_error(register(anon), 403, "permission_denied")
        assert_ok(register(admin_client), 201)

    def test_registration_is_audited(self, anon):
        register(anon)
        entry = AuditLog.objects.get(action="auth.register")
        assert entry.target_id == str(User.objects.get(username="newbie").pk)

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"username": ""}, "username"),
            ({"username": "has space"}, "username"),
            ({"username": "u" * 151}, "username"),
            ({"email": "not-an-email"}, "email"),
            ({"password": "short"}, "password"),
            ({"password": "password123"}, "password"),
            ({"username": 12}, None),
            ({"full_name": "x" * 151}, "full_name"),
        ],
    )
    def test_bad_input_is_400_naming_the_field(self, anon, overrides, field):
        body = assert_error(register(anon, **overrides), 400, "validation_error")
        if field:
            assert field in {e["field"] for e in body["errors"]}

    def test_missing_fields_are_named(self, anon):
        body = assert_error(anon.post("/api/v1/auth/register", {}, format="json"), 400)
        assert {e["field"] for e in body["errors"]} == {"username", "email", "password"}

    def test_duplicate_username_or_email_is_409_case_insensitively(self, anon, admin):
        body = assert_error(register(anon, username="ADA"), 409, "conflict")
        assert body["errors"][0]["field"] == "username"
        body = assert_error(register(anon, email=admin.email.upper()), 409)
        assert body["errors"][0]["field"] == "email"

    def test_malformed_json_is_400(self, anon):
        response = anon.post("/api/v1/auth/register", "{not json", content_type="application/json")
        assert_error(response, 400, "parse_error")


class TestLogin:
    def test_login_by_username_or_email(self, anon, admin):
        data = assert_ok(login(anon))
        assert data["token_type"] == "bearer"
        assert data["expires_in"] == settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60
        assert data["user"]["username"] == "ada"
        assert assert_ok(login(anon, username="ADA@example.com"))["user"]["id"] == admin.pk

    def test_access_token_works_on_me(self, anon, admin):
        token = assert_ok(login(anon))["access_token"]
        anon.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        assert assert_ok(anon.get("/api/v1/auth/me"))["username"] == "ada"

    def test_wrong_password_is_401_and_audited(self, anon, admin):
        assert_error(login(anon, password="wrong"), 401, "invalid_credentials")
        entry = AuditLog.objects.get(action="auth.login_failed")
        assert entry.actor == admin and entry.details == {"reason": "bad_credentials", "via": "api"}
        assert "wrong" not in json.dumps(entry.details)

    def test_unknown_user_gets_the_same_answer(self, anon, admin):
        wrong_pw = login(anon, password="wrong").json()
        unknown = login(anon, username="nobody").json()
        assert wrong_pw["detail"] == unknown["detail"]

    def test_inactive_user_cannot_log_in(self, anon, admin):
        admin.is_active = False
        admin.save()
        assert_error(login(anon), 401)

    def test_success_is_audited(self, anon, admin):
        login(anon)
        assert AuditLog.objects.filter(action="auth.login", actor=admin).count() == 1

    def test_missing_password_is_400(self, anon):
        assert_error(anon.post("/api/v1/auth/login", {"username": "ada"}, format="json"), 400)


class TestLoginLimitPerAccount:
    """Failures count against the account an identifier names, whatever the spelling."""

    def test_username_and_email_in_any_case_share_one_allowance(self, anon, viewer, settings):
        settings.LOGIN_ATTEMPTS_PER_USERNAME = (3, 900)
        for name in ("vera", "VERA@example.com", "Vera"):
            assert_error(login(anon, name, "wrong"), 401)
        assert_error(login(anon, "vera"), 429, "too_many_login_attempts")
        assert_error(login(anon, "vera@example.com"), 429)

    def test_a_dotless_i_is_another_name_not_a_fresh_allowance(self, anon, settings):
        # PostgreSQL's UPPER() turns a dotless i into "I": compared that way, "v\u0131ewer2"
        # was viewer2 with an allowance of its own.
        UserFactory.create(username="viewer2")
        settings.LOGIN_ATTEMPTS_PER_USERNAME = (2, 900)
        for _ in range(2):
            assert_error(login(anon, "viewer2", "wrong"), 401)
        assert_error(login(anon, "v\u0131ewer2"), 401, "invalid_credentials")
        assert_error(login(anon, "viewer2"), 429)

    def test_names_that_differ_by_a_dotless_i_are_two_accounts(self, anon):
        UserFactory.create(username="kit")
        kyt = UserFactory.create(username="k\u0131t")
        assert assert_ok(login(anon, "k\u0131t"))["user"]["id"] == kyt.pk

    def test_names_of_no_account_are_limited_whatever_their_case(self, anon, settings):
        settings.LOGIN_ATTEMPTS_PER_USERNAME = (2, 900)
        for name in ("Nobody", "NOBODY"):
            assert_error(login(anon, name, "wrong"), 401)
        assert_error(login(anon, "nobody", "wrong"), 429)


class TestRefreshRotation:
    def pair(self, anon):
        return assert_ok(login(anon))

    def refresh(self, client, token):
        return client.post("/api/v1/auth/refresh", {"refresh_token": token}, format="json")

    def test_refresh_rotates(self, anon, admin):
        first = self.pair(anon)
        second = assert_ok(self.refresh(anon, first["refresh_token"]))
        assert second["refresh_token"] != first["refresh_token"]
        assert second["access_token"]
        assert_ok(self.refresh(anon, second["refresh_token"]))

    def test_rotated_token_is_refused(self, anon, admin):
        first = self.pair(anon)
        assert_ok(self.refresh(anon, first["refresh_token"]))
        assert_error(self.refresh(anon, first["refresh_token"]), 401, "token_not_valid")

    def test_logged_out_token_is_refused(self, anon, admin, client_for):
        pair = self.pair(anon)
        client = client_for(admin)
        assert_ok(client.post("/api/v1/auth/logout", {"refresh_token": pair["refresh_token"]}, format="json"))
        assert_error(self.refresh(anon, pair["refresh_token"]), 401)
        assert AuditLog.objects.filter(action="auth.logout").count() == 1

    def test_logout_needs_credentials(self, anon, admin):
        pair = self.pair(anon)
        assert_error(anon.post("/api/v1/auth/logout", {"refresh_token": pair["refresh_token"]}, format="json"), 401)

    def test_cannot_log_out_someone_elses_token(self, anon, admin, viewer, client_for):
        pair = self.pair(anon)
        response = client_for(viewer).post(
            "/api/v1/auth/logout", {"refresh_token": pair["refresh_token"]}, format="json"
        )
        assert_error(response, 401)
        assert_ok(self.refresh(anon, pair["refresh_token"]))

    def test_token_from_before_a_password_change_is_refused(self, anon, admin, client_for):
        old = self.pair(anon)
        client = client_for(admin)
        response = client.post(
            "/api/v1/auth/change-password",
            {"current_password": PASSWORD, "new_password": STRONG},
            format="json",
        )
        new = assert_ok(response)
        assert_error(self.refresh(anon, old["refresh_token"]), 401)
        assert_ok(self.refresh(anon, new["refresh_token"]))

    def test_refresh_token_minted_beside_a_password_change_is_refused(self, anon, admin):
        """A refresh that races a password change mints a token the change's blacklist never
        saw (here: the password changes without the blacklist); it carries the old password
        version, so trading it in must fail instead of yielding a fresh pair."""
        missed = self.pair(anon)
        admin.set_password(STRONG)
        admin.save(update_fields=["password", "password_changed_at"])
        assert_error(self.refresh(anon, missed["refresh_token"]), 401, "token_not_valid")

    def test_expired_refresh_token_is_refused(self, anon, admin):
        token = RefreshToken.for_user(admin)
        token.set_exp(lifetime=timedelta(seconds=-1))
        assert_error(self.refresh(anon, str(token)), 401)

    def test_access_token_is_not_a_refresh_token(self, anon, admin):
        assert_error(self.refresh(anon, self.pair(anon)["access_token"]), 401)

    def test_garbage_is_refused(self, anon):
        assert_error(self.refresh(anon, "garbage"), 401)
        assert_error(anon.post("/api/v1/auth/refresh", {}, format="json"), 400)


def _forge(payload: dict, key: str = "wrong-key-that-is-long-enough-for-hs256!", alg: str = "HS256") -> str:
    return jwt.encode(payload, key, algorithm=alg)


class TestAccessTokens:
    def claims(self, user):
        token = AccessToken(issue_tokens(user).access_token)
        return dict(token.payload)

    def me(self, client, token):
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        return client.get("/api/v1/auth/me")

    def test_wrongly_signed_token_is_refused(self, anon, admin):
        assert_error(self.me(anon, _forge(self.claims(admin))), 401)

    def test_alg_none_token_is_refused(self, anon, admin):
        header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode()).rstrip(b"=")
        body = base64.urlsafe_b64encode(json.dumps(self.claims(admin)).encode()).rstrip(b"=")
        assert_error(self.me(anon, f"{header.decode()}.{body.decode()}."), 401)

    def test_expired_access_token_is_refused(self, anon, admin):
        claims = self.claims(admin)
        claims["exp"] = int(time.time()) - 5
        assert_error(self.me(anon, _forge(claims, key=settings.SIMPLE_JWT["SIGNING_KEY"])), 401)

    def test_correctly_signed_token_is_accepted(self, anon, admin):
        # The control for the three tests above: the forging itself is right.
        assert_ok(self.me(anon, _forge(self.claims(admin), key=settings.SIMPLE_JWT["SIGNING_KEY"])))

    def test_access_token_from_before_a_password_change_is_refused(self, anon, admin):
        token = str(AccessToken.for_user(admin))
        admin.password_changed_at = timezone.now() + timedelta(seconds=2)
        admin.save()
        assert_error(self.me(anon, token), 401)

    def test_access_token_from_the_same_second_as_a_password_change_is_refused(self, anon, admin):
        token = issue_tokens(admin).access_token
        issued = datetime.fromtimestamp(AccessToken(token)["iat"], UTC)
        admin.password_changed_at = issued + timedelta(microseconds=999_999)
        admin.save()
        assert_error(self.me(anon, token), 401, "token_not_valid")
        assert_ok(self.me(anon, issue_tokens(admin).access_token))

    def test_access_token_without_the_password_version_is_refused(self, anon, admin):
        admin.set_password(PASSWORD)
        admin.save()
        claims = self.claims(admin)
        del claims[PASSWORD_VERSION_CLAIM]
        assert_error(self.me(anon, _forge(claims, key=settings.SIMPLE_JWT["SIGNING_KEY"])), 401)

    def test_after_a_password_change_only_the_new_access_token_works(self, anon, admin):
        old = assert_ok(login(anon))["access_token"]
        body = {"current_password": PASSWORD, "new_password": STRONG}
        client = APIClient(HTTP_AUTHORIZATION=f"Bearer {old}")
        new = assert_ok(client.post("/api/v1/auth/change-password", body, format="json"))
        assert_error(self.me(anon, old), 401, "token_not_valid")
        assert assert_ok(self.me(anon, new["access_token"]))["username"] == "ada"

    def test_no_credentials_is_401_with_www_authenticate(self, anon):
        response = anon.get("/api/v1/auth/me")
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"].startswith("Bearer")


class TestProfile:
    def test_update_profile(self, viewer_client, viewer):
        data = assert_ok(
            viewer_client.put("/api/v1/auth/me", {"full_name": "Vera V", "email": "V@x.io"}, format="json")
        )
        assert data["full_name"] == "Vera V" and data["email"] == "v@x.io"
        assert AuditLog.objects.filter(action="auth.profile_updated", actor=viewer).exists()

    def test_privilege_fields_are_ignored(self, viewer_client, viewer):
        body = {"role": "admin", "is_active": False, "full_name": "Sneaky"}
        data = assert_ok(viewer_client.put("/api/v1/auth/me", body, format="json"))
        viewer.refresh_from_db()
        assert viewer.role == Role.VIEWER and viewer.is_active and data["role"] == "viewer"

    def test_email_taken_by_another_user_is_409(self, viewer_client, admin):
        body = assert_error(viewer_client.put("/api/v1/auth/me", {"email": admin.email}, format="json"), 409)
        assert body["errors"] == [{"field": "email", "message": "A user with this email already exists."}]

    def test_keeping_your_own_email_is_fine(self, viewer_client, viewer):
        assert_ok(viewer_client.put("/api/v1/auth/me", {"email": viewer.email.upper()}, format="json"))

    def test_oversized_name_is_400(self, viewer_client):
        assert_error(viewer_client.put("/api/v1/auth/me", {"full_name": "x" * 500}, format="json"), 400)

    def test_needs_credentials(self, anon):
        assert_error(anon.put("/api/v1/auth/me", {"full_name": "x"}, format="json"), 401)


class TestChangePassword:
    url = "/api/v1/auth/change-password"

    def test_wrong_current_password_is_400(self, viewer_client):
        body = {"current_password": "nope", "new_password": STRONG}
        assert_error(viewer_client.post(self.url, body, format="json"), 400)

    def test_weak_new_password_is_400(self, viewer_client):
        body = {"current_password": PASSWORD, "new_password": "123"}
        err = assert_error(viewer_client.post(self.url, body, format="json"), 400)
        assert err["errors"][0]["field"] == "new_password"

    def test_change_revokes_every_refresh_token_and_audits(self, anon, viewer, client_for):
        sessions = [assert_ok(login(anon, "vera"))["refresh_token"] for _ in range(3)]
        body = {"current_password": PASSWORD, "new_password": STRONG}
        assert_ok(client_for(viewer).post(self.url, body, format="json"))
        for token in sessions:
            assert_error(anon.post("/api/v1/auth/refresh", {"refresh_token": token}, format="json"), 401)
        assert_ok(login(anon, "vera", STRONG))
        entry = AuditLog.objects.get(action="auth.password_changed")
        assert entry.details["refresh_tokens_revoked"] >= 3
        assert STRONG not in json.dumps(entry.details)

    def test_needs_credentials(self, anon):
        assert_error(anon.post(self.url, {}, format="json"), 401)


def test_user_factory_password_is_argon2(db):
    assert UserFactory().password.startswith("argon2")


class TestEdges:
    def test_logout_without_a_token_is_400(self, admin_client):
        assert_error(admin_client.post("/api/v1/auth/logout", {}, format="json"), 400)
        assert_error(admin_client.post("/api/v1/auth/logout", {"refresh_token": 5}, format="json"), 400)

    def test_bad_bearer_on_a_public_endpoint_is_401(self, anon):
        anon.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
        assert_error(register(anon), 401)

    def test_api_key_cannot_change_the_password(self, viewer):
        from rest_framework.test import APIClient

        from accounts.services import create_api_key

        _, raw = create_api_key(None, viewer, name="script")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        body = {"current_password": PASSWORD, "new_password": STRONG}
        assert_error(client.post("/api/v1/auth/change-password", body, format="json"), 403)
        viewer.refresh_from_db()
        assert viewer.check_password(PASSWORD)

    @pytest.mark.parametrize("forgery", ["wrong_key", "alg_none"])
    def test_forged_refresh_tokens_are_refused(self, anon, admin, forgery):
        claims = dict(RefreshToken.for_user(admin).payload)
        if forgery == "wrong_key":
            token = _forge(claims)
        else:
            header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode()).rstrip(b"=")
            body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=")
            token = f"{header.decode()}.{body.decode()}."
        assert_error(anon.post("/api/v1/auth/refresh", {"refresh_token": token}, format="json"), 401)


@pytest.mark.django_db
def test_an_access_token_reads_its_user_in_one_statement_and_refuses_a_gone_or_inactive_user(viewer):
    """The JWT's user is read by one plain statement (``chatops.db.select_plain``), with
    simplejwt's refusals kept: no such user, an inactive user (both 401)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.authentication import JWTAuthentication

    token = AccessToken(issue_tokens(viewer).access_token)
    with CaptureQueriesContext(connection) as queries:
        user = JWTAuthentication().get_user(token)
    assert user == viewer and user.role == viewer.role and user.password == viewer.password
    assert len(queries) == 1 and "accounts_user" in queries[0]["sql"]

    client = APIClient(HTTP_AUTHORIZATION=f"Bearer {token}")
    User.objects.filter(pk=viewer.pk).update(is_active=False)
    assert_error(client.get("/api/v1/auth/me"), 401)
    User.objects.filter(pk=viewer.pk).delete()
    assert_error(client.get("/api/v1/auth/me"), 401)
