from __future__ import annotations

import os

import pytest
from django.core.management import call_command

from accounts.models import AuditLog, User

pytestmark = pytest.mark.django_db


def test_creates_an_admin_once_with_a_random_password(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("ensure_admin")
    password = (tmp_path / "admin-password").read_text().strip()
    assert oct(os.stat(tmp_path / "admin-password").st_mode & 0o777) == "0o600"
    user = User.objects.get(username="admin")
    assert user.is_admin
    assert user.check_password(password)
    assert password in capsys.readouterr().out
    call_command("ensure_admin")
    assert User.objects.count() == 1
    assert AuditLog.objects.filter(action="user.created").count() == 1


def test_takes_the_password_from_the_environment(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("CHATOPS_ADMIN_USERNAME", "root2")
    monkeypatch.setenv("CHATOPS_ADMIN_PASSWORD", "a-long-chosen-passphrase")
    call_command("ensure_admin")
    assert User.objects.get(username="root2").check_password("a-long-chosen-passphrase")
    assert not (tmp_path / "admin-password").exists()


def test_does_nothing_when_an_admin_exists(admin, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("ensure_admin")
    assert User.objects.count() == 1
