"""The admin's and the browsable API's sign-in forms count and audit attempts like the API."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import AuditLog
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

FORMS = [("/admin/login/", "admin"), ("/api-auth/login/", "session")]


@pytest.mark.parametrize(("url", "via"), FORMS)
def test_right_password_signs_in_and_is_audited(admin, url, via):
    client = Client()
    response = client.post(url, {"username": "ada", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert AuditLog.objects.filter(action="auth.login", actor=admin, details__via=via).count() == 1


@pytest.mark.parametrize(("url", "via"), FORMS)
def test_wrong_password_is_audited(admin, url, via):
    response = Client().post(url, {"username": "ada", "password": "nope"})
    assert response.status_code == 200
    entry = AuditLog.objects.get(action="auth.login_failed")
    assert entry.details == {"reason": "bad_credentials", "via": via}


@pytest.mark.parametrize(("url", "via"), FORMS)
def test_guessing_is_limited_like_the_api(admin, settings, url, via):
    settings.LOGIN_ATTEMPTS_PER_USERNAME = (2, 900)
    client = Client()
    for _ in range(2):
        client.post(url, {"username": "ada", "password": "nope"})
    response = client.post(url, {"username": "ada", "password": PASSWORD})
    assert b"Too many sign-in attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_api_and_forms_share_one_allowance(admin, anon, settings):
    settings.LOGIN_ATTEMPTS_PER_USERNAME = (2, 900)
    Client().post("/admin/login/", {"username": "ada", "password": "nope"})
    anon.post("/api/v1/auth/login", {"username": "ada", "password": "nope"}, format="json")
    response = anon.post("/api/v1/auth/login", {"username": "ada", "password": PASSWORD}, format="json")
    assert response.status_code == 429


def test_non_admins_cannot_use_the_admin(viewer):
    client = Client()
    response = client.post("/admin/login/", {"username": "vera", "password": PASSWORD})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302
