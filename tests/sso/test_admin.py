"""The admin console's GitHub sign-in settings: they override the environment when told to,
the client secret is encrypted at rest and never shown, and they can turn the provider off."""

from __future__ import annotations

import pytest
from django.db import connection
from rest_framework.test import APIClient

from sso.conf import github_config
from sso.models import GitHubSignInSettings
from tests.helpers import assert_error, assert_ok
from tests.sso.conftest import authorize
from tests.sso.standin import CLIENT_ID, CLIENT_SECRET
from tests.sso.test_api import sign_in

pytestmark = pytest.mark.django_db

URL = "/admin/sso/githubsigninsettings/"


def test_an_admin_sets_it_up_and_the_secret_is_never_shown(console, github_on, settings, octocat):
    settings.GITHUB_CLIENT_ID = settings.GITHUB_CLIENT_SECRET = ""  # the environment has nothing
    settings.GITHUB_SIGN_IN_ENABLED = False
    assert not github_config().enabled
    form = {"enabled": "on", "client_id": CLIENT_ID, "new_client_secret": CLIENT_SECRET, "allowed_orgs": "acme"}
    response = console.post(f"{URL}add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]

    row = GitHubSignInSettings.objects.get()
    assert row.client_secret == CLIENT_SECRET
    with connection.cursor() as cursor:
        cursor.execute("SELECT client_secret FROM sso_githubsigninsettings")
        stored = cursor.fetchone()[0]
    assert CLIENT_SECRET not in stored and stored.startswith("gAAAA")  # a Fernet token
    assert CLIENT_SECRET not in console.get(f"{URL}1/change/").content.decode()
    assert CLIENT_SECRET not in console.get(URL).content.decode()

    config = github_config()
    assert config.enabled and config.allowed_orgs == ("acme",) and "acme" in repr(config)
    assert CLIENT_SECRET not in repr(config)
    # It works end to end, with the admin's organisation rule.
    client = APIClient()
    github_on.signed_in = octocat
    _, code, state = authorize(assert_ok(client.get("/api/v1/auth/github"))["auth_url"])
    assert assert_ok(client.get("/api/v1/auth/github/callback", {"code": code, "state": state}))["user"]["username"]

    # Saving without a new secret keeps the stored one.
    assert console.post(f"{URL}1/change/", {**form, "new_client_secret": ""}).status_code == 302
    assert GitHubSignInSettings.objects.get().client_secret == CLIENT_SECRET


def test_the_console_turns_it_off_over_the_environment(console, github_on):
    assert github_config().enabled
    GitHubSignInSettings(use_environment=False, enabled=False).save()
    assert_error(APIClient().get("/api/v1/auth/github"), 404, "github_sign_in_disabled")
    assert "github-sign-in" not in console.get("/login").content.decode()
    # Back to the environment's settings.
    GitHubSignInSettings(use_environment=True).save()
    assert github_config().enabled and GitHubSignInSettings.objects.count() == 1


def test_turning_it_on_without_credentials_is_refused(console, github_on):
    response = console.post(f"{URL}add/", {"enabled": "on", "client_id": "", "allowed_orgs": ""})
    assert response.status_code == 200 and "needs a client ID and a client secret" in response.content.decode()
    assert not GitHubSignInSettings.objects.exists()


def test_only_one_row_can_be_added(console, github_on):
    GitHubSignInSettings().save()
    assert console.get(f"{URL}add/").status_code == 403


def test_non_admins_do_not_reach_it(client, viewer, github_on):
    client.force_login(viewer)
    assert client.get(URL).status_code in (302, 403)


def test_allauths_unused_tables_are_not_in_the_console_but_the_links_are(console, github_on, octocat):
    assert console.get("/admin/socialaccount/socialapp/").status_code == 404
    assert console.get("/admin/socialaccount/socialtoken/").status_code == 404
    assert console.get("/admin/account/emailaddress/").status_code == 404

    assert_ok(sign_in(APIClient(), github_on, octocat))
    assert "octocat" in console.get("/admin/socialaccount/socialaccount/").content.decode()
