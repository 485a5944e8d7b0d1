"""The admin as the operator console for users, API keys, the audit log and rate-limit counters."""

from __future__ import annotations

import hashlib
import json
import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import APIKey, AuditLog, RateLimitCounter, User
from accounts.services import create_api_key, record_audit, revoke_api_key
from tests.factories import UserFactory
from tests.helpers import admin_url

pytestmark = pytest.mark.django_db

RAW_KEY = re.compile(r"chk_[A-Za-z0-9]{40}")
NEW_PASSWORD = "a-long-and-unusual-passphrase"


def url(model: str, view: str, *args) -> str:
    return admin_url("accounts", model, view, *args)


@pytest.fixture
def key(admin):
    key, _ = create_api_key(None, admin, name="deploy")
    return key


def add_key(console, user, **overrides):
    data = {"user": user.pk, "name": "ci", "server": "", "expires_at_0": "", "expires_at_1": "", **overrides}
    return console.post(url("apikey", "add"), data, follow=True)


def user_form(user, **overrides):
    data = {
        "username": user.username,
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role,
        "is_active": "on" if user.is_active else "",
        **overrides,
    }
    return {name: value for name, value in data.items() if value != ""}


class TestPages:
    @pytest.mark.parametrize("model", ["user", "apikey", "auditlog", "ratelimitcounter"])
    def test_changelists_open_for_admins_and_search(self, console, model, key):
        RateLimitCounter.objects.create(key="login-ip:10.0.0.1", count=3, expires_at=int(time.time()) + 60)
        assert console.get(url(model, "changelist")).status_code == 200
        assert console.get(url(model, "changelist"), {"q": "a"}).status_code == 200

    @pytest.mark.parametrize("model", ["user", "apikey"])
    def test_add_pages_open_for_admins(self, console, model):
        assert console.get(url(model, "add")).status_code == 200

    @pytest.mark.parametrize("model", ["auditlog", "ratelimitcounter"])
    def test_read_only_models_have_no_add_page(self, console, model):
        assert console.get(url(model, "add")).status_code == 403

    def test_change_pages_open(self, console, admin, key):
        entry = AuditLog.objects.get(action="api_key.created")
        counter = RateLimitCounter.objects.create(key="login-user:ada", count=1, expires_at=int(time.time()) + 60)
        for page in [
            url("user", "change", admin.pk),
            url("apikey", "change", key.pk),
            url("auditlog", "change", entry.pk),
            url("ratelimitcounter", "change", counter.pk),
        ]:
            assert console.get(page).status_code == 200, page

    @pytest.mark.parametrize(
        ("model", "query"),
        [
            ("apikey", {"status": "active"}),
            ("apikey", {"status": "expired"}),
            ("apikey", {"status": "revoked"}),
            ("auditlog", {"action": "api_key.created"}),
            ("ratelimitcounter", {"window": "open"}),
            ("ratelimitcounter", {"window": "ended"}),
            ("user", {"role": "admin"}),
        ],
    )
    def test_filters_work(self, console, key, model, query):
        assert console.get(url(model, "changelist"), query).status_code == 200

    def test_api_key_status_filter_selects_by_status(self, console, admin, key):
        revoked, _ = create_api_key(None, admin, name="old")
        revoke_api_key(Actor.for_user(admin, "system"), revoked)
        page = console.get(url("apikey", "changelist"), {"status": "revoked"})
        assert list(page.context["cl"].result_list) == [revoked]

    @pytest.mark.parametrize("role", [Role.VIEWER, Role.OPERATOR])
    def test_non_admins_are_sent_to_the_login_page(self, client, role, key):
        client.force_login(UserFactory(role=role))
        for page in [reverse("admin:index"), url("user", "changelist"), url("apikey", "add")]:
            response = client.get(page)
            assert response.status_code == 302
            assert response.url.startswith(reverse("admin:login"))

    def test_anonymous_is_sent_to_the_login_page(self, client):
        response = client.get(url("user", "changelist"))
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))

    def test_groups_are_not_in_the_console(self, console):
        assert "/admin/auth/group/" not in console.get(reverse("admin:index")).content.decode()


class TestAPIKeys:
    def test_a_new_key_is_shown_once_and_only_its_hash_is_kept(self, console, operator):
        response = add_key(console, operator, name="backup-script")
        assert response.status_code == 200 and response.redirect_chain
        shown = RAW_KEY.findall(response.content.decode())
        assert len(shown) == 1
        raw = shown[0]
        key = APIKey.objects.get(name="backup-script")
        assert key.user == operator
        assert key.key_hash == hashlib.sha256(raw.encode()).hexdigest()
        assert APIKey.objects.for_raw_key(raw) == key
        assert key.key_hash not in response.content.decode()
        for later in [console.get(url("apikey", "change", key.pk)), console.get(url("apikey", "changelist"))]:
            assert later.status_code == 200
            page = later.content.decode()
            assert raw not in page and key.key_hash not in page
            assert key.lookup in page

    def test_creation_is_audited_without_the_key(self, console, operator):
        response = add_key(console, operator)
        raw = RAW_KEY.findall(response.content.decode())[0]
        key = APIKey.objects.get(name="ci")
        entry = AuditLog.objects.get(action="api_key.created", target_id=str(key.pk))
        assert raw not in json.dumps(entry.details) and key.key_hash not in json.dumps(entry.details)

    def test_a_key_can_be_bound_to_a_server(self, console, admin, server):
        add_key(console, admin, server=server.pk)
        assert APIKey.objects.get(name="ci").server == server

    def test_a_key_cannot_expire_in_the_past(self, console, admin):
        past = timezone.localtime() - timedelta(days=1)
        response = add_key(console, admin, expires_at_0=f"{past:%Y-%m-%d}", expires_at_1=f"{past:%H:%M:%S}")
        assert response.context["adminform"].form.errors["expires_at"] == ["Must be in the future."]
        assert not APIKey.objects.exists()
        assert not RAW_KEY.search(response.content.decode())

    def test_only_the_name_of_a_key_can_change(self, console, admin, key, server):
        lookup, key_hash = key.lookup, key.key_hash
        data = {"name": "renamed", "user": UserFactory().pk, "server": server.pk, "revoked_at": "2020-01-01"}
        response = console.post(url("apikey", "change", key.pk), data)
        assert response.status_code == 302
        key.refresh_from_db()
        assert key.name == "renamed"
        assert (key.user, key.server, key.revoked_at) == (admin, None, None)
        assert (key.lookup, key.key_hash) == (lookup, key_hash)
        entry = AuditLog.objects.get(action="api_key.updated")
        assert entry.actor == admin
        assert entry.details == {"changed": ["name"], "name": {"before": "deploy", "after": "renamed"}}

    def test_revoke_action_revokes_and_audits_each_live_key(self, console, admin, operator, key):
        other, _ = create_api_key(None, operator, name="agent")
        gone, _ = create_api_key(None, operator, name="gone")
        revoke_api_key(Actor.for_user(operator, "system"), gone)
        data = {"action": "revoke_keys", "_selected_action": [key.pk, other.pk, gone.pk]}
        response = console.post(url("apikey", "changelist"), data, follow=True)
        assert "Revoked 2 key(s)." in response.content.decode()
        for revoked in (key, other):
            revoked.refresh_from_db()
            assert revoked.revoked_at is not None
            entry = AuditLog.objects.get(action="api_key.revoked", target_id=str(revoked.pk))
            assert entry.actor == admin
        assert AuditLog.objects.filter(action="api_key.revoked", target_id=str(gone.pk)).get().actor == operator
        assert APIKey.objects.active().count() == 0

    def test_a_live_key_cannot_be_deleted_but_a_revoked_one_can(self, console, admin, key):
        assert console.get(url("apikey", "delete", key.pk)).status_code == 403
        revoke_api_key(Actor.for_user(admin, "system"), key)
        assert console.post(url("apikey", "delete", key.pk), {"post": "yes"}).status_code == 302
        assert not APIKey.objects.filter(pk=key.pk).exists()

    def test_a_user_with_a_live_key_cannot_be_deleted(self, console, operator):
        create_api_key(None, operator, name="agent")
        response = console.post(url("user", "delete", operator.pk), {"post": "yes"})
        assert response.status_code == 403
        assert User.objects.filter(pk=operator.pk).exists()


class TestAuditLog:
    def test_audit_log_cannot_be_added_changed_or_deleted(self, console, admin):
        entry = record_audit("test.entry", actor=Actor.for_user(admin, "system"), details={"n": 1})
        assert console.get(url("auditlog", "add")).status_code == 403
        assert console.post(url("auditlog", "change", entry.pk), {"action": "forged"}).status_code == 403
        assert console.get(url("auditlog", "delete", entry.pk)).status_code == 403
        assert console.post(url("auditlog", "delete", entry.pk), {"post": "yes"}).status_code == 403
        changelist = console.get(url("auditlog", "changelist"))
        assert "delete_selected" not in changelist.content.decode()
        entry.refresh_from_db()
        assert entry.action == "test.entry"

    def test_audit_log_search_finds_by_actor_action_and_target(self, console, admin, operator):
        record_audit("server.created", actor=Actor.for_user(admin, "system"), target_id="41")
        record_audit("auth.login", actor=Actor.for_user(operator, "system"), target_id="7")
        for query, action in [("otto", "auth.login"), ("server.created", "server.created"), ("41", "server.created")]:
            result = console.get(url("auditlog", "changelist"), {"q": query}).context["cl"].result_list
            assert [entry.action for entry in result] == [action], query


class TestUsers:
    def test_creating_a_user_hashes_the_password_with_argon2_and_audits(self, console, admin):
        data = {
            "username": "nina",
            "email": "Nina@Example.com",
            "full_name": "Nina Simone",
            "role": Role.OPERATOR,
            "is_active": "on",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        }
        response = console.post(url("user", "add"), data)
        assert response.status_code == 302
        user = User.objects.get(username="nina")
        assert user.password.startswith("argon2")
        assert user.check_password(NEW_PASSWORD)
        assert (user.email, user.role, user.is_active) == ("nina@example.com", Role.OPERATOR, True)
        entry = AuditLog.objects.get(action="user.created")
        assert (entry.actor, entry.target_id) == (admin, str(user.pk))
        assert entry.details == {"username": "nina", "role": "operator", "is_active": True}
        assert NEW_PASSWORD not in json.dumps(entry.details) and user.password not in json.dumps(entry.details)

    def test_the_change_page_never_shows_the_password_hash(self, console, operator):
        page = console.get(url("user", "change", operator.pk)).content.decode()
        _, _, digest = operator.password.rpartition("$")
        assert operator.password not in page and digest not in page

    def test_mismatched_passwords_create_nobody(self, console):
        data = {"username": "nina", "email": "nina@example.com", "role": Role.VIEWER}
        response = console.post(url("user", "add"), {**data, "password1": NEW_PASSWORD, "password2": "other-one"})
        assert response.status_code == 200
        assert not User.objects.filter(username="nina").exists()

    def test_usernames_and_emails_are_unique_whatever_their_case(self, console, operator, viewer):
        data = {"username": "OTTO", "email": "VERA@example.com", "role": Role.VIEWER}
        response = console.post(url("user", "add"), {**data, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
        errors = response.context["adminform"].form.errors
        assert set(errors) == {"username", "email"}
        response = console.post(url("user", "change", viewer.pk), user_form(viewer, email=operator.email.upper()))
        assert response.context["adminform"].form.errors["email"] == ["A user with that email address already exists."]

    def test_changing_a_role_is_audited_with_field_names(self, console, admin, viewer):
        response = console.post(url("user", "change", viewer.pk), user_form(viewer, role=Role.OPERATOR, full_name="V"))
        assert response.status_code == 302
        viewer.refresh_from_db()
        assert viewer.role == Role.OPERATOR
        entry = AuditLog.objects.get(action="user.updated")
        assert entry.actor == admin
        assert entry.details == {"changed": ["full_name", "role"], "role": {"before": "viewer", "after": "operator"}}

    def test_a_save_that_changes_nothing_is_not_audited(self, console, viewer):
        assert console.post(url("user", "change", viewer.pk), user_form(viewer)).status_code == 302
        assert not AuditLog.objects.filter(action="user.updated").exists()

    def test_an_admin_cannot_demote_lock_out_or_delete_themselves(self, console, admin):
        response = console.post(url("user", "change", admin.pk), user_form(admin, role=Role.VIEWER, is_active=""))
        assert response.status_code == 302
        admin.refresh_from_db()
        assert (admin.role, admin.is_active) == (Role.ADMIN, True)
        assert console.get(url("user", "delete", admin.pk)).status_code == 403

    def test_deleting_a_user_is_audited(self, console, admin, viewer):
        assert console.post(url("user", "delete", viewer.pk), {"post": "yes"}).status_code == 302
        entry = AuditLog.objects.get(action="user.deleted")
        assert (entry.actor, entry.target_id, entry.details["username"]) == (admin, str(viewer.pk), "vera")

    def test_bulk_delete_audits_each_user(self, console, viewer, outsider):
        data = {"action": "delete_selected", "_selected_action": [viewer.pk, outsider.pk], "post": "yes"}
        assert console.post(url("user", "changelist"), data).status_code == 302
        assert not User.objects.filter(pk__in=[viewer.pk, outsider.pk]).exists()
        assert sorted(e.details["username"] for e in AuditLog.objects.filter(action="user.deleted")) == [
            "oscar",
            "vera",
        ]

    def test_setting_a_password_signs_the_user_out_everywhere_and_is_audited(self, console, admin, viewer):
        refresh = RefreshToken.for_user(viewer)
        data = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
        response = console.post(reverse("admin:auth_user_password_change", args=[viewer.pk]), data)
        assert response.status_code == 302
        viewer.refresh_from_db()
        assert viewer.password.startswith("argon2") and viewer.check_password(NEW_PASSWORD)
        assert BlacklistedToken.objects.filter(token__jti=refresh["jti"]).exists()
        entry = AuditLog.objects.get(action="user.password_changed")
        assert (entry.actor, entry.target_id) == (admin, str(viewer.pk))
        assert entry.details == {"usable": True, "refresh_tokens_revoked": 1}

    def test_a_rejected_password_changes_nothing(self, console, viewer):
        data = {"password1": "short", "password2": "short", "usable_password": "true"}
        response = console.post(reverse("admin:auth_user_password_change", args=[viewer.pk]), data)
        assert response.status_code == 200
        assert not AuditLog.objects.filter(action="user.password_changed").exists()


class TestRefreshTokens:
    def test_the_console_never_shows_a_refresh_token(self, console, viewer):
        refresh = str(RefreshToken.for_user(viewer))
        token = OutstandingToken.objects.get(user=viewer)
        for page in [
            reverse("admin:token_blacklist_outstandingtoken_changelist"),
            reverse("admin:token_blacklist_outstandingtoken_change", args=[token.pk]),
        ]:
            response = console.get(page)
            assert response.status_code == 200
            assert refresh not in response.content.decode()
