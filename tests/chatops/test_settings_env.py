"""The environment readers in chatops/env.py, and how the settings treat a missing SECRET_KEY."""

from __future__ import annotations

import ast
import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from chatops.env import envbool, envint, envlist, envrate, load_dotenv, parse_rate
from tests.helpers import run_python

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NAME = "CHATOPS_TEST_VALUE"


@pytest.fixture(autouse=True)
def _private_environ(monkeypatch):
    """Each test works on a throwaway copy of the environment: load_dotenv writes to
    ``os.environ`` directly, and nothing it sets may leak into the next test."""
    monkeypatch.setattr(os, "environ", dict(os.environ))
    monkeypatch.delenv(NAME, raising=False)


class TestEnvbool:
    @pytest.mark.parametrize("raw", ["1", "true", "TRUE", "yes", "on", " True "])
    def test_true_words_read_as_true(self, monkeypatch, raw):
        monkeypatch.setenv(NAME, raw)
        assert envbool(NAME, False) is True

    @pytest.mark.parametrize("raw", ["0", "false", "False", "no", "off"])
    def test_false_words_read_as_false(self, monkeypatch, raw):
        monkeypatch.setenv(NAME, raw)
        assert envbool(NAME, True) is False

    @pytest.mark.parametrize("default", [True, False])
    def test_unset_gives_the_default(self, default):
        assert envbool(NAME, default) is default

    @pytest.mark.parametrize("raw", ["maybe", "2", "enabled", "y e s"])
    def test_anything_else_is_refused_naming_the_variable(self, monkeypatch, raw):
        monkeypatch.setenv(NAME, raw)
        with pytest.raises(ImproperlyConfigured, match=NAME):
            envbool(NAME, True)


class TestEnvint:
    @pytest.mark.parametrize(("raw", "expected"), [("42", 42), (" 7 ", 7), ("-3", -3), ("0", 0)])
    def test_integers_parse(self, monkeypatch, raw, expected):
        monkeypatch.setenv(NAME, raw)
        assert envint(NAME, 99) == expected

    @pytest.mark.parametrize("raw", [None, "", "   "])
    def test_unset_or_blank_gives_the_default(self, monkeypatch, raw):
        if raw is not None:
            monkeypatch.setenv(NAME, raw)
        assert envint(NAME, 30) == 30

    @pytest.mark.parametrize("raw", ["abc", "1.5", "10k", "0x10"])
    def test_non_integers_are_refused_naming_the_variable(self, monkeypatch, raw):
        monkeypatch.setenv(NAME, raw)
        with pytest.raises(ImproperlyConfigured, match=NAME):
            envint(NAME, 30)

    @pytest.mark.parametrize(("raw", "message"), [("0", "at least 1"), ("6", "at most 5")])
    def test_values_out_of_bounds_are_refused(self, monkeypatch, raw, message):
        monkeypatch.setenv(NAME, raw)
        with pytest.raises(ImproperlyConfigured, match=f"{NAME} must be {message}"):
            envint(NAME, 3, minimum=1, maximum=5)

    @pytest.mark.parametrize("raw", ["1", "5"])
    def test_the_bounds_themselves_are_allowed(self, monkeypatch, raw):
        monkeypatch.setenv(NAME, raw)
        assert envint(NAME, 3, minimum=1, maximum=5) == int(raw)


class TestEnvlist:
    def test_items_are_split_on_commas_and_trimmed(self, monkeypatch):
        monkeypatch.setenv(NAME, " a.example.com, b.example.com,,[::1] ,")
        assert envlist(NAME, ["x"]) == ["a.example.com", "b.example.com", "[::1]"]

    def test_empty_value_is_an_empty_list(self, monkeypatch):
        monkeypatch.setenv(NAME, "")
        assert envlist(NAME, ["x"]) == []

    def test_unset_gives_a_copy_of_the_default(self):
        default = ["localhost"]
        value = envlist(NAME, default)
        value.append("evil.example.com")
        assert value == ["localhost", "evil.example.com"]
        assert default == ["localhost"]


class TestParseRate:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("100/min", (100, 60)),
            ("5/15m", (5, 900)),
            ("5/minute", (5, 60)),
            ("100/MIN", (100, 60)),
            ("10/s", (10, 1)),
            ("1/sec", (1, 1)),
            ("2/second", (2, 1)),
            ("1000/h", (1000, 3600)),
            ("3/2hour", (3, 7200)),
            ("7/d", (7, 86400)),
            ("50000/day", (50000, 86400)),
            (" 20 / 30 S ", (20, 30)),
        ],
    )
    def test_rates_parse_to_requests_and_seconds(self, value, expected):
        assert parse_rate(NAME, value) == expected

    @pytest.mark.parametrize(
        "value",
        ["", "100", "100/", "/min", "abc/min", "1.5/min", "-1/min", "100/week", "100/minutes", "100 per min"],
    )
    def test_malformed_rates_are_refused_naming_the_variable(self, value):
        with pytest.raises(ImproperlyConfigured, match=f"{NAME} must look like"):
            parse_rate(NAME, value)

    @pytest.mark.parametrize("value", ["0/min", "5/0m"])
    def test_rates_that_allow_nothing_are_refused(self, value):
        with pytest.raises(ImproperlyConfigured, match=f"{NAME} must allow at least one request"):
            parse_rate(NAME, value)


class TestEnvrate:
    def test_unset_gives_the_parsed_default(self):
        assert envrate(NAME, "5/15m") == (5, 900)

    def test_the_environment_wins_over_the_default(self, monkeypatch):
        monkeypatch.setenv(NAME, "100/h")
        assert envrate(NAME, "5/15m") == (100, 3600)

    def test_a_bad_value_is_refused_naming_the_variable(self, monkeypatch):
        monkeypatch.setenv(NAME, "lots")
        with pytest.raises(ImproperlyConfigured, match=NAME):
            envrate(NAME, "5/15m")


class TestLoadDotenv:
    def test_a_missing_file_is_fine(self, tmp_path):
        load_dotenv(tmp_path / "absent.env")

    def test_reads_values_skipping_comments_and_blank_lines(self, tmp_path):
        path = tmp_path / ".env"
        path.write_text(
            "# a comment\n"
            "\n"
            "CHATOPS_T_PLAIN=plain\n"
            "   # an indented comment\n"
            "export CHATOPS_T_EXPORTED=exported\n"
            "  CHATOPS_T_SPACED  =  spaced  \n"
            'CHATOPS_T_DOUBLE="two words"\n'
            "CHATOPS_T_SINGLE='single'\n"
            "CHATOPS_T_URL=postgres://u:p@db/chatops?sslmode=require\n"
            "CHATOPS_T_HASH=ab#cd\n"
            "CHATOPS_T_EMPTY=\n"
            'CHATOPS_T_EMPTY_QUOTED=""\n'
            "CHATOPS_T_MISMATCHED=\"half'\n"
        )
        load_dotenv(path)
        assert os.environ["CHATOPS_T_PLAIN"] == "plain"
        assert os.environ["CHATOPS_T_EXPORTED"] == "exported"
        assert os.environ["CHATOPS_T_SPACED"] == "spaced"
        assert os.environ["CHATOPS_T_DOUBLE"] == "two words"
        assert os.environ["CHATOPS_T_SINGLE"] == "single"
        assert os.environ["CHATOPS_T_URL"] == "postgres://u:p@db/chatops?sslmode=require"
        assert os.environ["CHATOPS_T_HASH"] == "ab#cd"
        assert os.environ["CHATOPS_T_EMPTY"] == ""
        assert os.environ["CHATOPS_T_EMPTY_QUOTED"] == ""
        assert os.environ["CHATOPS_T_MISMATCHED"] == "\"half'"

    def test_values_already_in_the_environment_win(self, tmp_path, monkeypatch):
        monkeypatch.setenv("CHATOPS_T_SET", "from-environment")
        monkeypatch.setenv("CHATOPS_T_SET_EMPTY", "")
        path = tmp_path / ".env"
        path.write_text("CHATOPS_T_SET=from-file\nCHATOPS_T_SET_EMPTY=from-file\nCHATOPS_T_NEW=from-file\n")
        load_dotenv(path)
        assert os.environ["CHATOPS_T_SET"] == "from-environment"
        assert os.environ["CHATOPS_T_SET_EMPTY"] == ""
        assert os.environ["CHATOPS_T_NEW"] == "from-file"

    @pytest.mark.parametrize("line", ["JUST_A_WORD", "1BAD=x", "BAD KEY=x", "BAD-KEY=x", "=value", "export"])
    def test_malformed_lines_are_refused_with_file_and_line(self, tmp_path, line):
        path = tmp_path / ".env"
        path.write_text(f"# fine\nCHATOPS_T_OK=1\n{line}\n")
        with pytest.raises(ImproperlyConfigured, match=re.escape(f"{path}:3: expected KEY=VALUE")):
            load_dotenv(path)


# --- The documentation of every variable ---------------------------------------------------------


def variables_read_by_settings() -> set[str]:
    """Names passed to the env readers in chatops/settings.py and the apps' sections it imports
    (chatops/settings_apps.py)."""
    readers = {"envstr", "envbool", "envint", "envlist", "envrate", "envchoice"}
    trees = [ast.parse((PROJECT_ROOT / "chatops" / name).read_text()) for name in ("settings.py", "settings_apps.py")]
    return {
        str(node.args[0].value)
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in readers
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def test_every_variable_is_in_env_example_and_the_configuration_docs():
    names = variables_read_by_settings()
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "GITHUB_URL", "K8S_ALLOW_PRIVATE"} <= names
    example = (PROJECT_ROOT / ".env.example").read_text()
    docs = (PROJECT_ROOT / "docs" / "configuration.md").read_text()
    assert sorted(n for n in names if not re.search(rf"^(# )?{n}=", example, re.M)) == []
    assert sorted(n for n in names if f"| `{n}` |" not in docs) == []


def test_env_example_loads_and_sets_only_debug(monkeypatch):
    for name in variables_read_by_settings():
        monkeypatch.delenv(name, raising=False)
    before = dict(os.environ)
    load_dotenv(PROJECT_ROOT / ".env.example")
    assert {k: v for k, v in os.environ.items() if before.get(k) != v} == {"DEBUG": "true"}


# --- The settings module in a fresh interpreter ---------------------------------------------------

# A key that is absent or empty reads the same; the empty form also shields the test from a
# developer's own .env, whose values apply only to variables not already set.
ABSENT = ["unset", "empty"]


def _dotenv_sets(name: str) -> bool:
    path = PROJECT_ROOT / ".env"
    if not path.is_file():
        return False
    lines = (line.strip().removeprefix("export ").lstrip() for line in path.read_text().splitlines())
    return any(line.startswith(f"{name}=") or line.startswith(f"{name} =") for line in lines)


def start_settings(var_dir: Path, secret: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Load chatops.settings in a new interpreter; it prints SECRET_KEY if it loads at all."""
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    base.update(DJANGO_SETTINGS_MODULE="chatops.settings", CHATOPS_VAR_DIR=str(var_dir), **env)
    if secret == "unset":
        if _dotenv_sets("SECRET_KEY") or _dotenv_sets("DEBUG"):
            pytest.skip("the project's .env sets SECRET_KEY or DEBUG")
    elif secret == "empty":
        base["SECRET_KEY"] = ""
    else:
        base["SECRET_KEY"] = secret
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    return run_python(code, base)


@pytest.mark.slow
@pytest.mark.parametrize("secret", ABSENT)
def test_settings_refuse_to_load_without_secret_key_when_debug_is_off(tmp_path, secret):
    result = start_settings(tmp_path, secret)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is required when DEBUG is off" in result.stderr
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.slow
def test_settings_refuse_a_short_secret_key_when_debug_is_off(tmp_path):
    result = start_settings(tmp_path, "x" * 31)
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 32 characters when DEBUG is off" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("secret", ABSENT)
def test_debug_without_secret_key_generates_one_and_keeps_it(tmp_path, secret):
    first = start_settings(tmp_path, secret, DEBUG="true")
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    key = key_file.read_text().strip()
    assert len(key) >= 50
    assert first.stdout.strip() == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600

    second = start_settings(tmp_path, secret, DEBUG="true")
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == key
    assert key_file.read_text().strip() == key
