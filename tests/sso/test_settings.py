"""The GITHUB_* environment settings, each read in a fresh interpreter (settings are read once
per process)."""

from __future__ import annotations

import json
import os

from tests.helpers import run_python

CODE = """
import json
from django.conf import settings
print(json.dumps({
    "enabled": settings.GITHUB_SIGN_IN_ENABLED,
    "orgs": settings.GITHUB_ALLOWED_ORGS,
    "provider": settings.SOCIALACCOUNT_PROVIDERS["github"],
}))
"""


def settings_with(**env: str):
    base = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    base.update({"DJANGO_SETTINGS_MODULE": "chatops.settings", "SECRET_KEY": "x" * 50, **env})
    return run_python("import django\ndjango.setup()\n" + CODE, base)


def read(**env: str) -> dict:
    result = settings_with(**env)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_off_without_credentials_and_on_with_them():
    assert read()["enabled"] is False
    assert read(GITHUB_CLIENT_ID="id", GITHUB_CLIENT_SECRET="secret")["enabled"] is True
    assert (
        read(GITHUB_CLIENT_ID="id", GITHUB_CLIENT_SECRET="secret", GITHUB_SIGN_IN_ENABLED="false")["enabled"] is False
    )


def test_on_without_credentials_is_a_start_up_error_naming_what_is_missing():
    result = settings_with(GITHUB_SIGN_IN_ENABLED="true", GITHUB_CLIENT_ID="id")
    assert result.returncode != 0 and "GITHUB_CLIENT_SECRET" in result.stderr


def test_the_base_url_reaches_allauths_provider_setting_only_for_another_host():
    assert read()["provider"] == {}  # github.com: allauth's own default (api.github.com)
    assert read(GITHUB_URL="https://ghe.example.com/")["provider"] == {"GITHUB_URL": "https://ghe.example.com"}


def test_allowed_orgs_are_a_comma_separated_list():
    assert read(GITHUB_ALLOWED_ORGS="acme, initech,")["orgs"] == ["acme", "initech"]
