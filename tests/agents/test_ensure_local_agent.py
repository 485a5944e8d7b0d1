from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.actor import Actor
from accounts.models import APIKey
from accounts.services import revoke_api_key
from servers.models import Server

pytestmark = pytest.mark.django_db


def test_creates_a_server_and_a_bound_key_once(admin, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("ensure_local_agent")
    raw = (tmp_path / "agent-key").read_text()
    key = APIKey.objects.for_raw_key(raw)
    assert key is not None
    assert key.server == Server.objects.get()
    assert str(tmp_path / "agent-key") in capsys.readouterr().out
    call_command("ensure_local_agent")
    assert (tmp_path / "agent-key").read_text() == raw
    assert APIKey.objects.count() == 1


def test_a_revoked_key_is_replaced(admin, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("ensure_local_agent")
    revoke_api_key(Actor.for_user(admin, "system"), APIKey.objects.get())
    call_command("ensure_local_agent")
    assert APIKey.objects.for_raw_key((tmp_path / "agent-key").read_text()) is not None
    assert Server.objects.count() == 1


def test_needs_an_admin(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError):
        call_command("ensure_local_agent")


def test_the_local_key_is_an_agent_key_and_a_script_key_in_its_place_is_replaced(admin, settings, tmp_path):
    from accounts.services import create_api_key

    settings.VAR_DIR = tmp_path
    _, script = create_api_key(None, admin, name="script")
    (tmp_path / "agent-key").write_text(script)
    call_command("ensure_local_agent")
    key = APIKey.objects.for_raw_key((tmp_path / "agent-key").read_text())
    assert key is not None and key.scopes == ["agent"] and key.server == Server.objects.get()
