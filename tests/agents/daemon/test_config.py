"""Settings: command line over environment over file over defaults, and clear errors (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatops_agent import config
from chatops_agent.cli import main
from chatops_agent.config import ConfigError, default_buffer_path, load_settings, ws_url_for

KEY = "chk_0123456789abcdefghijklmnopqrstuvwxyzABCD"


@pytest.fixture(autouse=True)
def no_system_config(monkeypatch, tmp_path):
    """The machine's own /etc/chatops/agent.toml must not leak into these tests."""
    monkeypatch.setattr(config, "DEFAULT_CONFIG", tmp_path / "absent.toml")


@pytest.fixture
def toml(tmp_path):
    def write(text: str) -> str:
        path = tmp_path / "agent.toml"
        path.write_text(text)
        return str(path)

    return write


BASE = ["--hub", "http://hub:8000", "--key", KEY]


def test_defaults(tmp_path):
    settings = load_settings(BASE, env={"XDG_STATE_HOME": str(tmp_path)})
    assert settings.interval == 5.0
    assert settings.log_files == ()
    assert settings.journald is False
    assert settings.allow_commands is False and settings.allow_docker is False
    assert settings.buffer_max_frames == 100_000
    assert settings.capabilities == ["metrics", "logs"]
    assert settings.config_file is None


def test_command_line_beats_environment_beats_file_beats_default(toml):
    file = toml('interval = 10\nlog_files = ["/var/log/file.log"]\njournald = true\n')
    env = {"CHATOPS_INTERVAL": "7", "CHATOPS_LOG_FILES": "/var/log/a.log, /var/log/b.log"}
    assert load_settings([*BASE, "--config", file, "--interval", "3"], env).interval == 3
    assert load_settings([*BASE, "--config", file], env).interval == 7
    assert load_settings([*BASE, "--config", file], {}).interval == 10
    assert load_settings(BASE, {}).interval == 5
    assert load_settings([*BASE, "--config", file], env).log_files == ("/var/log/a.log", "/var/log/b.log")
    assert load_settings([*BASE, "--config", file], {}).log_files == ("/var/log/file.log",)
    repeated = [*BASE, "--config", file, "--log-file", "/x.log", "--log-file", "/y.log"]
    assert load_settings(repeated, env).log_files == ("/x.log", "/y.log")
    assert load_settings([*BASE, "--config", file], {}).journald is True
    assert load_settings([*BASE, "--config", file, "--no-journald"], {}).journald is False
    assert load_settings(BASE, {"CHATOPS_JOURNALD": "yes", "CHATOPS_ALLOW_DOCKER": "1"}).allow_docker is True


def test_everything_can_come_from_the_environment_and_the_config_env_var(toml, tmp_path):
    file = toml('hub = "https://file.example"\nkey = "' + KEY + '"\n')
    settings = load_settings([], {"CHATOPS_CONFIG": file, "CHATOPS_BUFFER": str(tmp_path / "b.sqlite3")})
    assert settings.ws_url == "wss://file.example/api/v1/agents/ws"
    assert settings.buffer == tmp_path / "b.sqlite3"
    assert settings.config_file == Path(file)


def test_the_default_config_file_is_read_when_it_exists(monkeypatch, tmp_path):
    path = tmp_path / "agent.toml"
    path.write_text('hub = "http://default.example"\nkey = "' + KEY + '"\ninterval = 0.5\n')
    monkeypatch.setattr(config, "DEFAULT_CONFIG", path)
    assert load_settings([], {}).interval == 0.5


def test_the_key_comes_from_a_file_and_the_stronger_source_wins(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(KEY + "\n")
    assert load_settings(["--hub", "http://h", "--key-file", str(key_file)], {}).key == KEY
    env = {"CHATOPS_KEY": "chk_from_the_environment_000"}
    assert load_settings(["--hub", "http://h", "--key-file", str(key_file)], env).key == KEY
    with pytest.raises(ConfigError, match="either CHATOPS_KEY or CHATOPS_KEY_FILE"):
        load_settings(["--hub", "http://h"], {**env, "CHATOPS_KEY_FILE": str(key_file)})
    with pytest.raises(ConfigError, match="either --key or --key-file"):
        load_settings(["--hub", "http://h", "--key", KEY, "--key-file", str(key_file)], {})


def test_the_key_never_shows_in_a_repr_or_an_error(tmp_path):
    settings = load_settings(BASE, {})
    assert KEY not in repr(settings)
    with pytest.raises(ConfigError) as error:
        load_settings(["--hub", "http://h", "--key", "chk_with a space"], {})
    assert "with a space" not in str(error.value)


@pytest.mark.parametrize(
    ("hub", "ws_url"),
    [
        ("http://hub.example", "ws://hub.example/api/v1/agents/ws"),
        ("https://hub.example/", "wss://hub.example/api/v1/agents/ws"),
        ("https://hub.example:8443/chatops/", "wss://hub.example:8443/chatops/api/v1/agents/ws"),
        ("http://127.0.0.1:8000", "ws://127.0.0.1:8000/api/v1/agents/ws"),
    ],
)
def test_the_websocket_url_derives_from_the_hub_url(hub, ws_url):
    assert ws_url_for(hub) == ws_url


@pytest.mark.parametrize(
    "hub", ["ftp://hub", "ws://hub", "hub.example", "http://", "http://u:p@hub", "http://hub/?x=1", "http://hub:99999"]
)
def test_a_bad_hub_url_is_refused(hub):
    with pytest.raises(ConfigError, match="hub"):
        ws_url_for(hub)


BAD = [
    (["--interval", "0.1"], {}, "interval"),
    (["--interval", "abc"], {}, "number"),
    (["--interval", "nan"], {}, "interval"),
    ([], {"CHATOPS_INTERVAL": "fast"}, "CHATOPS_INTERVAL"),
    (["--buffer-max-frames", "0"], {}, "buffer-max-frames"),
    (["--buffer-max-frames", "1.5"], {}, "whole number"),
    ([], {"CHATOPS_JOURNALD": "maybe"}, "CHATOPS_JOURNALD"),
    (["--log-level", "loud"], {}, "log-level"),
    (["--hostname", "bad host"], {}, "hostname"),
]


@pytest.mark.parametrize(("argv", "env", "message"), BAD)
def test_bad_values_are_refused_with_a_clear_message(argv, env, message):
    with pytest.raises(ConfigError, match=message):
        load_settings([*BASE, *argv], env)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("intervall = 3", "unknown setting"),
        ('interval = "3"', "must be a number"),
        ("journald = 1", "true or false"),
        ('log_files = "/var/log/x"', "list of strings"),
        ("interval = ", "not valid TOML"),
    ],
)
def test_a_bad_config_file_is_refused(toml, text, message):
    with pytest.raises(ConfigError, match=message):
        load_settings([*BASE, "--config", toml(text)], {})


def test_missing_hub_key_or_files_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="hub"):
        load_settings(["--key", KEY], {})
    with pytest.raises(ConfigError, match="API key is required"):
        load_settings(["--hub", "http://h"], {})
    with pytest.raises(ConfigError, match="No such file"):
        load_settings(["--hub", "http://h", "--key-file", str(tmp_path / "nope")], {})
    with pytest.raises(ConfigError, match="config file"):
        load_settings([*BASE, "--config", str(tmp_path / "nope.toml")], {})


def test_the_command_exits_2_on_a_bad_value(capsys, monkeypatch):
    monkeypatch.delenv("CHATOPS_KEY", raising=False)
    assert main([*BASE, "--interval", "0"]) == 2
    err = capsys.readouterr().err
    assert "usage: chatops-agent" in err and "--interval: must be between 0.5 and 3600 seconds" in err
    with pytest.raises(SystemExit) as exit_info:
        main([*BASE, "--no-such-option"])
    assert exit_info.value.code == 2


def test_help_explains_each_option_and_its_variable(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for option in config.OPTIONS:
        assert option.env in text
    for flag in ("--hub", "--key-file", "--interval", "--log-file", "--journald", "--buffer-max-frames"):
        assert flag in text


def test_the_buffer_lives_in_the_state_directory(monkeypatch, tmp_path):
    assert default_buffer_path({"STATE_DIRECTORY": "/var/lib/chatops-agent"}) == Path(
        "/var/lib/chatops-agent/buffer.sqlite3"
    )
    monkeypatch.setattr(config.os, "geteuid", lambda: 0)
    assert default_buffer_path({}) == Path("/var/lib/chatops-agent/buffer.sqlite3")
    monkeypatch.setattr(config.os, "geteuid", lambda: 1000)
    assert default_buffer_path({"XDG_STATE_HOME": str(tmp_path)}) == tmp_path / "chatops-agent" / "buffer.sqlite3"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_buffer_path({}) == tmp_path / ".local/state/chatops-agent/buffer.sqlite3"


def test_command_settings_default_to_safe_values():
    settings = load_settings(BASE, {})
    assert (settings.allow_commands, settings.command_shell) == (False, False)
    assert (settings.command_allow, settings.command_deny) == ((), ())
    assert (settings.max_commands, settings.command_max_timeout) == (4, 300.0)


def test_command_patterns_come_from_each_source_and_a_stronger_one_replaces_a_weaker(toml):
    # Commas are common in regular expressions ({1,3}): the environment takes one per line.
    file = toml('command_allow = ["systemctl status [a-z-]+", "uptime"]\ncommand_deny = [".*reboot.*"]\n')
    env = {"CHATOPS_COMMAND_ALLOW": "df -h( /[a-z]{1,10})?\n\n  free -m  \n"}
    assert load_settings([*BASE, "--config", file], {}).command_allow == ("systemctl status [a-z-]+", "uptime")
    assert load_settings([*BASE, "--config", file], env).command_allow == ("df -h( /[a-z]{1,10})?", "free -m")
    argv = [*BASE, "--config", file, "--command-allow", "echo [a-z]{1,5}", "--command-allow", "uptime"]
    settings = load_settings(argv, env)
    assert settings.command_allow == ("echo [a-z]{1,5}", "uptime")
    assert settings.command_deny == (".*reboot.*",)


def test_command_limits_and_flags_are_read_from_every_source(toml):
    file = toml("allow_commands = true\ncommand_shell = true\nmax_commands = 2\ncommand_max_timeout = 30\n")
    settings = load_settings([*BASE, "--config", file], {})
    assert (settings.allow_commands, settings.command_shell, settings.max_commands) == (True, True, 2)
    assert settings.command_max_timeout == 30.0
    env = {"CHATOPS_MAX_COMMANDS": "8", "CHATOPS_COMMAND_MAX_TIMEOUT": "12.5", "CHATOPS_COMMAND_SHELL": "no"}
    settings = load_settings([*BASE, "--config", file], env)
    assert (settings.max_commands, settings.command_max_timeout, settings.command_shell) == (8, 12.5, False)
    settings = load_settings([*BASE, "--max-commands", "1", "--no-command-shell", "--allow-commands"], env)
    assert (settings.max_commands, settings.command_shell, settings.allow_commands) == (1, False, True)
    assert settings.capabilities == ["metrics", "logs", "commands"]


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["--command-allow", "echo ("], {}, r"--command-allow: not a valid regular expression: 'echo \('"),
        ([], {"CHATOPS_COMMAND_DENY": "ok\n[unclosed"}, "CHATOPS_COMMAND_DENY: not a valid regular expression"),
        (["--command-deny", ""], {}, "--command-deny: empty pattern"),
        (["--max-commands", "0"], {}, "--max-commands: must be between 1 and 64"),
        (["--max-commands", "two"], {}, "whole number"),
        ([], {"CHATOPS_COMMAND_MAX_TIMEOUT": "0.5"}, "CHATOPS_COMMAND_MAX_TIMEOUT: must be between 1 and 86400"),
        (["--command-max-timeout", "inf"], {}, "--command-max-timeout"),
        ([], {"CHATOPS_COMMAND_SHELL": "perhaps"}, "CHATOPS_COMMAND_SHELL"),
    ],
)
def test_bad_command_settings_stop_the_agent_at_start(argv, env, message):
    with pytest.raises(ConfigError, match=message):
        load_settings([*BASE, *argv], env)


def test_a_bad_pattern_in_the_config_file_is_refused(toml):
    with pytest.raises(ConfigError, match="command_deny: must be a list of strings"):
        load_settings([*BASE, "--config", toml('command_deny = "rm .*"')], {})
    with pytest.raises(ConfigError, match=r"command_allow: not a valid regular expression: '\*'"):
        load_settings([*BASE, "--config", toml('command_allow = ["*"]')], {})


def test_a_bad_pattern_exits_2_and_help_explains_the_command_options(capsys, monkeypatch):
    monkeypatch.delenv("CHATOPS_KEY", raising=False)
    assert main([*BASE, "--allow-commands", "--command-deny", "(rm"]) == 2
    assert "--command-deny: not a valid regular expression" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    for flag in ("--command-allow PATTERN", "--command-deny PATTERN", "--command-shell", "--max-commands N"):
        assert flag in text
    assert "--command-max-timeout SECONDS" in text and "one per line" in text
