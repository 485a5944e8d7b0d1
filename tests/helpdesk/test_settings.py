"""The helpdesk's settings fail loudly on a value they cannot use."""

from __future__ import annotations

import os

from tests.helpers import run_python

CODE = "import django; django.setup(); from django.conf import settings; print(settings.HELPDESK_INCIDENT_SEVERITIES)"


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "chatops.settings", "SECRET_KEY": "x" * 40, **extra}


def test_incident_severities_are_read_as_a_list():
    result = run_python(CODE, env(HELPDESK_INCIDENT_SEVERITIES="warning, critical"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['warning', 'critical']"


def test_an_unknown_severity_stops_the_hub():
    result = run_python(CODE, env(HELPDESK_INCIDENT_SEVERITIES="crit"))
    assert result.returncode != 0
    assert "HELPDESK_INCIDENT_SEVERITIES names info, warning or critical" in result.stderr


def test_an_unknown_recovery_choice_stops_the_hub():
    result = run_python(CODE, env(HELPDESK_INCIDENT_ON_RECOVERY="close"))
    assert result.returncode != 0 and "HELPDESK_INCIDENT_ON_RECOVERY" in result.stderr
