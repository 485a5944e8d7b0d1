"""GET /auth/github and /auth/github/callback against the stand-in GitHub: the whole flow, the
state's refusals, who becomes whom, the organisation rule, and the provider turned off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.socialaccount.models import SocialAccount
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.models import AuditLog, User
from sso.models import SignInState
from tests.factories import PASSWORD, UserFactory
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, everyone, key
from tests.sso.conftest import authorize
from tests.sso.standin import GitHubUser

pytestmark = pytest.mark.django_db


def start(client: APIClient, **query: str) -> dict:
    return assert_ok(client.get("/api/v1/auth/github", query))


def callback(client: APIClient, code: str, state: str):
    return client.get("/api/v1/auth/github/callback", {"code": code, "state": state})


def sign_in(client: APIClient, github, user: GitHubUser):
    """The whole dance, as a SPA does it: start, GitHub, callback."""
    github.signed_in = user
    started = start(client)
    _, code, state = authorize(started["auth_url"])
    return callback(client, code, state)


class TestTheFlow:
    def test_a_new_github_user_signs_in_and_the_tokens_work(self, github_on, octocat):
        client = APIClient()
        started = start(client)
        assert started["auth_url"].startswith(f"{github_on.url}/login/oauth/authorize?")
        assert "chatops_github_binding" in client.cookies
        github_on.signed_in = octocat
        back_to, code, state = authorize(started["auth_url"])
        assert back_to == "http://testserver/login/github/callback" and state == started["state"]

        data = assert_ok(callback(client, code, state))
        assert data["token_type"] == "bearer" and data["expires_in"] > 0
        assert data["user"]["username"] == "octocat" and data["user"]["email"] == "octocat@example.com"
        assert data["user"]["role"] == "requester" and data["user"]["full_name"] == "The Octocat"

        me = APIClient()
        me.credentials(HTTP_AUTHORIZATION=f"Bearer {data['access_token']}")
        assert assert_ok(me.get("/api/v1/auth/me"))["username"] == "octocat"
        # The refresh token rotates as a password sign-in's does: the old one is then refused.
        renewed = assert_ok(
            APIClient().post("/api/v1/auth/refresh", {"refresh_token": data["refresh_token"]}, format="json")
        )
        assert renewed["user"]["username"] == "octocat"
        again = APIClient().post("/api/v1/auth/refresh", {"refresh_token": data["refresh_token"]}, format="json")
        assert_error(again, 401, "token_not_valid")

        user = User.objects.get(username="octocat")
        assert not user.has_usable_password()
        assert SocialAccount.objects.get(provider="github", uid="583231").user == user
        assert AuditLog.objects.filter(action="auth.login", target_id=str(user.pk), details__via="github").exists()
        # What GitHub was asked: the code exchange, then the profile and the addresses.
        assert ("POST", "/login/oauth/access_token") in github_on.requests
        assert ("GET", "/api/v3/user/emails") in github_on.requests

    def test_the_answer_has_the_shape_of_the_password_sign_in(self, github_on, octocat):
        gh = assert_ok(sign_in(APIClient(), github_on, octocat))
        User.objects.filter(username="octocat").update()
        user = User.objects.get(username="octocat")
        user.set_password(PASSWORD)
        user.save()
        password = assert_ok(
            APIClient().post("/api/v1/auth/login", {"username": "octocat", "password": PASSWORD}, format="json")
        )
        assert set(gh) == set(password) and set(gh["user"]) == set(password["user"])
        assert {k: v for k, v in gh["user"].items() if k != "updated_at"} == {
            k: v for k, v in password["user"].items() if k != "updated_at"
        }

    def test_a_second_sign_in_finds_the_same_user(self, github_on, octocat):
        first = assert_ok(sign_in(APIClient(), github_on, octocat))
        # Even with another e-mail on GitHub now: the link is GitHub's user id.
        octocat.emails = [("new@example.com", True, True)]
        second = assert_ok(sign_in(APIClient(), github_on, octocat))
        assert second["user"]["id"] == first["user"]["id"]
        assert User.objects.count() == 1

    def test_a_signed_in_caller_can_still_use_the_routes(self, github_on, octocat, admin, client_for):
        client = client_for(admin)
        data = assert_ok(sign_in(client, github_on, octocat))
        assert data["user"]["username"] == "octocat"  # GitHub's user, not the caller's token

    def test_a_caller_with_a_bad_token_is_not_refused_for_it(self, github_on, octocat):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
        assert assert_ok(sign_in(client, github_on, octocat))["user"]["username"] == "octocat"


class TestTheState:
    def _started(self, github, user):
        client = APIClient()
        github.signed_in = user
        _, code, state = authorize(start(client)["auth_url"])
        return client, code, state

    def test_a_used_state_is_refused(self, github_on, octocat):
        client, code, state = self._started(github_on, octocat)
        assert_ok(callback(client, code, state))
        assert_error(callback(client, code, state), 400, "state_used")

    def test_an_unknown_state_is_refused_before_github_is_asked(self, github_on, octocat):
        client, code, _ = self._started(github_on, octocat)
        before = list(github_on.requests)
        assert_error(callback(client, code, "x" * 43), 400, "state_invalid")
        assert github_on.requests == before

    def test_an_expired_state_is_refused(self, github_on, octocat):
        client, code, state = self._started(github_on, octocat)
        SignInState.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
        assert_error(callback(client, code, state), 400, "state_expired")

    def test_a_state_from_another_client_is_refused_and_stays_usable_by_its_owner(self, github_on, octocat):
        owner, code, state = self._started(github_on, octocat)
        thief = APIClient()
        start(thief)  # a binding cookie of its own, for another state
        assert_error(callback(thief, code, state), 400, "state_not_yours")
        assert_error(callback(APIClient(), code, state), 400, "state_not_yours")  # no cookie at all
        assert_ok(callback(owner, code, state))

    def test_a_forged_binding_cookie_is_refused(self, github_on, octocat):
        client, code, state = self._started(github_on, octocat)
        client.cookies["chatops_github_binding"] = "forged"
        assert_error(callback(client, code, state), 400, "state_not_yours")

    def test_states_are_kept_only_as_hashes(self, github_on):
        state = start(APIClient())["state"]
        row = SignInState.objects.get()
        assert state not in (row.state_hash, row.binding_hash)

    def test_a_code_github_refuses_is_a_clear_error_and_the_state_is_spent(self, github_on, octocat):
        client, _, state = self._started(github_on, octocat)
        assert_error(callback(client, "0badc0de", state), 400, "github_code_invalid")
        assert_error(callback(client, "0badc0de", state), 400, "state_used")

    def test_github_down_is_a_503(self, github_on, octocat):
        client, code, state = self._started(github_on, octocat)
        github_on.down = True
        assert_error(callback(client, code, state), 503, "service_unavailable")


class TestBadInput:
    @pytest.mark.parametrize(
        "query",
        [
            {},
            {"code": "abc"},
            {"state": "abc"},
            {"code": "", "state": "abc"},
            {"code": "abc", "state": ""},
            {"code": "a b", "state": "abc"},
            {"code": "abc", "state": "x" * 129},
        ],
    )
    def test_a_bad_callback_query_is_a_400(self, github_on, query):
        assert_error(APIClient().get("/api/v1/auth/github/callback", query), 400, "validation_error")

    def test_a_redirect_uri_not_allowed_is_refused(self, github_on):
        body = assert_error(
            APIClient().get("/api/v1/auth/github", {"redirect_uri": "https://evil.example/cb"}), 400, "validation_error"
        )
        assert body["errors"][0]["field"] == "redirect_uri"
        assert_error(APIClient().get("/api/v1/auth/github", {"redirect_uri": ""}), 400, "validation_error")
        assert not SignInState.objects.exists()

    def test_an_allowed_redirect_uri_is_used_and_must_match_at_the_exchange(self, github_on, octocat, settings):
        settings.GITHUB_REDIRECT_URIS = ["http://127.0.0.1:8765/callback"]
        client = APIClient()
        github_on.signed_in = octocat
        started = start(client, redirect_uri="http://127.0.0.1:8765/callback")
        back_to, code, state = authorize(started["auth_url"])
        assert back_to == "http://127.0.0.1:8765/callback"
        assert_ok(callback(client, code, state))


class TestWhoYouBecome:
    def test_an_account_with_the_verified_email_is_linked(self, github_on, octocat):
        existing = UserFactory.create(username="tom", email="octocat@example.com", role=Role.OPERATOR)
        data = assert_ok(sign_in(APIClient(), github_on, octocat))
        assert data["user"]["id"] == existing.pk and data["user"]["role"] == "operator"
        assert SocialAccount.objects.get(uid="583231").user == existing

    def test_an_email_github_has_not_verified_takes_over_no_account(self, github_on, octocat):
        victim = UserFactory.create(username="victim", email="cat@old.example", role=Role.ADMIN)
        body = assert_error(sign_in(APIClient(), github_on, octocat), 409, "github_email_unverified_conflict")
        assert "verify" in body["detail"].lower()
        assert not SocialAccount.objects.exists() and User.objects.count() == 1
        assert victim.socialaccount_set.count() == 0
        assert AuditLog.objects.filter(action="auth.login_failed", details__reason="email_unverified_conflict").exists()

    def test_without_any_verified_email_no_account_is_made(self, github_on):
        shy = GitHubUser(id=7, login="shy", emails=[("shy@example.com", False, True)])
        assert_error(sign_in(APIClient(), github_on, shy), 403, "github_email_unverified")
        assert not User.objects.exists()

    def test_a_taken_username_gets_a_suffix(self, github_on, octocat):
        UserFactory.create(username="OctoCat", email="someone@example.com")
        assert assert_ok(sign_in(APIClient(), github_on, octocat))["user"]["username"] == "octocat-2"

    def test_a_deactivated_linked_user_is_refused(self, github_on, octocat):
        user_id = assert_ok(sign_in(APIClient(), github_on, octocat))["user"]["id"]
        User.objects.filter(pk=user_id).update(is_active=False)
        assert_error(sign_in(APIClient(), github_on, octocat), 403, "user_inactive")


class TestOrganisations:
    def test_a_member_of_an_allowed_org_signs_in_private_membership_too(self, github_on, octocat, settings):
        settings.GITHUB_ALLOWED_ORGS = ["ACME"]  # octocat's membership of acme is private
        client = APIClient()
        assert "read%3Aorg" in start(client)["auth_url"]
        assert assert_ok(sign_in(client, github_on, octocat))["user"]["username"] == "octocat"
        assert ("GET", "/api/v3/user/orgs") in github_on.requests

    def test_a_non_member_is_refused_and_no_account_is_made(self, github_on, octocat, settings):
        settings.GITHUB_ALLOWED_ORGS = ["initech"]
        assert_error(sign_in(APIClient(), github_on, octocat), 403, "github_org_forbidden")
        assert not User.objects.exists()

    def test_a_linked_user_who_left_the_org_is_refused(self, github_on, octocat, settings):
        assert_ok(sign_in(APIClient(), github_on, octocat))
        settings.GITHUB_ALLOWED_ORGS = ["acme"]
        octocat.orgs = [("public-club", True)]
        assert_error(sign_in(APIClient(), github_on, octocat), 403, "github_org_forbidden")

    def test_without_a_restriction_no_org_scope_is_asked(self, github_on):
        assert "read%3Aorg" not in start(APIClient())["auth_url"]


class TestTurnedOff:
    @pytest.mark.parametrize("change", [{"GITHUB_SIGN_IN_ENABLED": False}, {"GITHUB_CLIENT_SECRET": ""}])
    def test_both_routes_are_404(self, github_on, settings, change):
        for name, value in change.items():
            setattr(settings, name, value)
        assert_error(APIClient().get("/api/v1/auth/github"), 404, "github_sign_in_disabled")
        query = {"code": "abc", "state": "abc"}
        assert_error(APIClient().get("/api/v1/auth/github/callback", query), 404, "github_sign_in_disabled")
        assert not SignInState.objects.exists()

    def test_off_by_default(self):
        assert_error(APIClient().get("/api/v1/auth/github"), 404, "github_sign_in_disabled")


# Anonymous by nature: every caller, signed in or not, with a key or not, meets the same route.
# A signed-in caller's token is ignored (the user is GitHub's); a bad query is a 400 for all.
ROLES = RoleMatrix(
    Route("GET", "/api/v1/auth/github", expect=everyone(200, anonymous=200)),
    Route("GET", "/api/v1/auth/github", expect={key("admin"): 200, key("viewer", "profile:read"): 200}),
    Route(
        "GET",
        "/api/v1/auth/github/callback?code=abc&state=" + "s" * 43,
        expect=everyone((400, "state_invalid"), anonymous=(400, "state_invalid")),
    ),
    Route(
        "GET",
        "/api/v1/auth/github/callback?code=&state=x",
        expect=everyone((400, "validation_error"), anonymous=(400, "validation_error")),
    ),
)


@ROLES.parametrize
def test_roles(request, case, github_on):
    case.check(request)
