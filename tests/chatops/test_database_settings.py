"""The database block of chatops/settings.py: PostgreSQL's connection pool from the environment,
SQLite untouched. Each case loads the settings in a fresh interpreter (they are read once)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import run_python

PG_URL = "postgres://chatops:secret@db.example:5432/chatops"
POOL_VARS = ("DATABASE_POOL", "DATABASE_POOL_MIN_SIZE", "DATABASE_POOL_MAX_SIZE", "DATABASE_POOL_TIMEOUT")

pytestmark = pytest.mark.slow


def load(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Print the default database's settings as JSON (or fail as the settings do)."""
    base = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", *POOL_VARS)}
    # Empty reads as unset, and shields the test from a developer's own .env.
    base.update({name: "" for name in POOL_VARS})
    base.update(
        DJANGO_SETTINGS_MODULE="chatops.settings",
        CHATOPS_VAR_DIR=str(tmp_path),
        SECRET_KEY="x-test-secret-key-0123456789012345678901",
        DEBUG="false",
        **env,
    )
    code = (
        "import json; from django.conf import settings; "
        "db = settings.DATABASES['default']; "
        "print(json.dumps({'ENGINE': db['ENGINE'], 'OPTIONS': db.get('OPTIONS', {}), "
        "'CONN_MAX_AGE': db['CONN_MAX_AGE']}))"
    )
    return run_python(code, base)


def loaded(tmp_path: Path, **env: str) -> dict:
    result = load(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgresql_gets_a_pool_by_default(tmp_path):
    db = loaded(tmp_path, DATABASE_URL=PG_URL)
    assert db["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 10, "timeout": 10}
    # Django refuses a pool with persistent connections; closing returns it to the pool.
    assert db["CONN_MAX_AGE"] == 0


def test_pool_sizes_and_timeout_come_from_the_environment(tmp_path):
    db = loaded(
        tmp_path,
        DATABASE_URL=PG_URL,
        DATABASE_POOL_MIN_SIZE="4",
        DATABASE_POOL_MAX_SIZE="32",
        DATABASE_POOL_TIMEOUT="3",
    )
    assert db["OPTIONS"]["pool"] == {"min_size": 4, "max_size": 32, "timeout": 3}


def test_the_pool_can_be_turned_off(tmp_path):
    db = loaded(tmp_path, DATABASE_URL=PG_URL, DATABASE_POOL="false")
    assert "pool" not in db["OPTIONS"]


def test_a_max_size_below_the_min_size_is_refused(tmp_path):
    result = load(tmp_path, DATABASE_URL=PG_URL, DATABASE_POOL_MIN_SIZE="8", DATABASE_POOL_MAX_SIZE="4")
    assert result.returncode != 0
    assert "DATABASE_POOL_MAX_SIZE must be at least DATABASE_POOL_MIN_SIZE" in result.stderr


def test_sqlite_has_no_pool_and_keeps_its_options(tmp_path):
    db = loaded(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", DATABASE_POOL_MAX_SIZE="50")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert "pool" not in db["OPTIONS"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
