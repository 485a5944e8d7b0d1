"""The operator console for connection profiles (the private key write-only) and runs (read
only); and ansible stays out of the hub until a run starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from automation.models import ConnectionProfile, PlaybookRun
from servers.models import Tag
from tests.helpers import admin_url
from tests.live import ROOT

pytestmark = pytest.mark.django_db

KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nadmin-test-key-material-0123456789\n-----END OPENSSH PRIVATE KEY-----"


def test_a_profiles_private_key_is_written_but_never_shown(console):
    tag = Tag.objects.create(name="prod")
    form = {"tag": tag.pk, "connection": "ssh", "ssh_user": "deploy", "ssh_port": "2222", "private_key": KEY}
    response = console.post(admin_url("automation", "connectionprofile", "add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = ConnectionProfile.objects.get()
    assert profile.private_key == KEY and profile.ssh_port == 2222

    page = console.get(admin_url("automation", "connectionprofile", "change", profile.pk)).content.decode()
    assert "admin-test-key-material" not in page
    listing = console.get(admin_url("automation", "connectionprofile", "changelist")).content.decode()
    assert "admin-test-key-material" not in listing and "prod" in listing

    # Saved again with the key field empty: the stored key stays.
    form = {**form, "private_key": "", "ssh_user": "ops"}
    assert console.post(admin_url("automation", "connectionprofile", "change", profile.pk), form).status_code == 302
    profile.refresh_from_db()
    assert (profile.ssh_user, profile.private_key) == ("ops", KEY)
    # And cleared on request.
    form = {**form, "clear_private_key": "on"}
    assert console.post(admin_url("automation", "connectionprofile", "change", profile.pk), form).status_code == 302
    profile.refresh_from_db()
    assert profile.private_key == ""


def test_a_profile_is_for_a_server_or_a_tag_not_both(console, server):
    tag = Tag.objects.create(name="prod")
    form = {"server": server.pk, "tag": tag.pk, "connection": "ssh"}
    response = console.post(admin_url("automation", "connectionprofile", "add"), form)
    assert response.status_code == 200  # the form again, with the error
    assert not ConnectionProfile.objects.exists()


def test_runs_are_read_only_in_the_console(console, operator):
    run = PlaybookRun.objects.create(playbook="ping.yml", requested_by=operator, requested_via="api", hosts=["a"])
    assert console.get(admin_url("automation", "playbookrun", "changelist")).status_code == 200
    assert console.get(admin_url("automation", "playbookrun", "change", run.pk)).status_code == 200
    assert console.get(admin_url("automation", "playbookrun", "add")).status_code == 403


def test_the_hub_starts_without_loading_ansible():
    code = (
        "import django, sys; django.setup();"
        "from django.urls import resolve; resolve('/api/v1/ansible/playbooks');"
        "import chatops.asgi;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('ansible', 'ansible_runner')))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "tests.settings", "SECRET_KEY": "startup-test-secret-key-0123456789abcdef",
           "PATH": "/usr/bin:/bin"}  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr[-2000:]
