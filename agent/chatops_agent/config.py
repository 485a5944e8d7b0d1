"""The agent's settings: command line, then environment, then a TOML file, then defaults.

Each option has one row in ``OPTIONS``, which gives its flag, its ``CHATOPS_*`` variable, its
key in the file and how to read it, so ``--help``, the environment and the file cannot drift
apart. A bad value anywhere raises :class:`ConfigError` naming where it came from (never the
key itself); the command line turns that into exit code 2.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from chatops_agent import __version__
from chatops_agent.unit import systemd_unit
from chatops_agent.wire import WS_PATH

DEFAULT_CONFIG = Path("/etc/chatops/agent.toml")
MIN_INTERVAL = 0.5
MAX_INTERVAL = 3600.0
DEFAULT_BUFFER_MAX_FRAMES = 100_000
LOG_LEVELS = ("debug", "info", "warning", "error")
DEFAULT_MAX_COMMANDS = 4
MAX_MAX_COMMANDS = 64
DEFAULT_COMMAND_MAX_TIMEOUT = 300.0
DEFAULT_KUBERNETES_INTERVAL = 30.0
_CLUSTER_RE = re.compile(r"[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?")
MAX_COMMAND_MAX_TIMEOUT = 86_400.0

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
# What an API key may look like: printable ASCII without spaces. It goes into an HTTP header,
# so a stray newline (a key file written with `echo`) must be refused, not sent.
_KEY_RE = re.compile(r"[\x21-\x7e]{8,512}")
_HOSTNAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,252}")


class ConfigError(Exception):
    """A setting is missing or has a bad value; the message says which and where from."""


@dataclass(frozen=True)
class Settings:
    """Everything the agent needs to run, validated."""

    hub: str
    ws_url: str
    key: str = field(repr=False)  # never in a repr, so never in a log line or a traceback
    interval: float = 5.0
    log_files: tuple[str, ...] = ()
    journald: bool = False
    buffer: Path = Path("buffer.sqlite3")
    buffer_max_frames: int = DEFAULT_BUFFER_MAX_FRAMES
    allow_commands: bool = False
    allow_docker: bool = False
    # Regular expressions as typed; validated by load_settings, compiled by the command runner.
    command_allow: tuple[str, ...] = ()
    command_deny: tuple[str, ...] = ()
    command_shell: bool = False
    max_commands: int = DEFAULT_MAX_COMMANDS
    command_max_timeout: float = DEFAULT_COMMAND_MAX_TIMEOUT
    hostname: str = ""
    log_level: str = "info"
    config_file: Path | None = None
    kubernetes: bool = False
    kubernetes_cluster: str = ""
    kubeconfig: str = ""
    kubernetes_interval: float = DEFAULT_KUBERNETES_INTERVAL
    kubernetes_allow_restart: bool = False

    @property
    def capabilities(self) -> list[str]:
        """What the agent announces in ``hello``."""
        caps = ["metrics", "logs"] + ["commands"] * self.allow_commands + ["docker"] * self.allow_docker
        if self.kubernetes:
            caps += ["kubernetes"] + ["kubernetes.restart"] * self.kubernetes_allow_restart
        return caps


@dataclass(frozen=True)
class Option:
    """One setting: how it is spelled in each source and how a string of it is read."""

    name: str
    env: str
    kind: str  # "str", "path", "float", "int", "bool", "list", "patterns"
    help: str
    metavar: str | None = None


OPTIONS: tuple[Option, ...] = (
    Option("hub", "CHATOPS_HUB", "str", "the hub's base URL, http(s)://host[:port][/prefix] (required)", "URL"),
    Option("key", "CHATOPS_KEY", "str", "API key from the hub's POST /api/v1/api-keys; prefer --key-file", "KEY"),
    Option("key_file", "CHATOPS_KEY_FILE", "path", "file holding the API key (keeps it off the command line)", "PATH"),
    Option("interval", "CHATOPS_INTERVAL", "float", "seconds between samples, at least 0.5 (default 5)", "SECONDS"),
    Option(
        "log_files",
        "CHATOPS_LOG_FILES",
        "list",
        "log file to tail; repeat for several (env: comma-separated); follows rotation",
        "PATH",
    ),
    Option("journald", "CHATOPS_JOURNALD", "bool", "also stream the systemd journal (needs journalctl)"),
    Option("buffer", "CHATOPS_BUFFER", "path", "on-disk buffer (SQLite) for frames not yet acknowledged", "PATH"),
    Option(
        "buffer_max_frames",
        "CHATOPS_BUFFER_MAX_FRAMES",
        "int",
        f"frames the buffer keeps before dropping the oldest (default {DEFAULT_BUFFER_MAX_FRAMES})",
        "N",
    ),
    Option(
        "allow_commands",
        "CHATOPS_ALLOW_COMMANDS",
        "bool",
        "run the commands the hub sends, as this agent's user, filtered by --command-deny and "
        "--command-allow (off by default: every command is rejected)",
    ),
    Option(
        "command_allow",
        "CHATOPS_COMMAND_ALLOW",
        "patterns",
        "a Python regular expression; if any are given, a command must match one in full "
        "(re.fullmatch); repeat for several (env: one per line)",
        "PATTERN",
    ),
    Option(
        "command_deny",
        "CHATOPS_COMMAND_DENY",
        "patterns",
        "a regular expression refusing every command it matches in full; deny wins over allow; "
        "repeat for several (env: one per line)",
        "PATTERN",
    ),
    Option(
        "command_shell",
        "CHATOPS_COMMAND_SHELL",
        "bool",
        "run commands with /bin/sh -c (pipes, ;, $VARS) instead of directly; off by default, and "
        "deny patterns are easy to get around with a shell",
    ),
    Option(
        "max_commands",
        "CHATOPS_MAX_COMMANDS",
        "int",
        f"commands running at once; more are rejected as busy (default {DEFAULT_MAX_COMMANDS})",
        "N",
    ),
    Option(
        "command_max_timeout",
        "CHATOPS_COMMAND_MAX_TIMEOUT",
        "float",
        f"longest a command may run; a longer timeout from the hub is cut to it "
        f"(default {DEFAULT_COMMAND_MAX_TIMEOUT:g})",
        "SECONDS",
    ),
    Option(
        "allow_docker",
        "CHATOPS_ALLOW_DOCKER",
        "bool",
        "let the hub list, start, stop and restart containers and read their logs, and report the "
        "container list every 30 s (needs the Docker socket; off by default)",
    ),
    Option("hostname", "CHATOPS_HOSTNAME", "str", "name sent in hello, used to enrol (default: this host's)", "NAME"),
    Option(
        "kubernetes",
        "CHATOPS_KUBERNETES",
        "bool",
        "send snapshots of the Kubernetes cluster the agent runs in (nodes, pods, namespaces, usage); "
        "needs chatops-agent[kubernetes] and a read-only ClusterRole (deploy/kubernetes/)",
    ),
    Option(
        "kubernetes_cluster",
        "CHATOPS_KUBERNETES_CLUSTER",
        "str",
        "the cluster's name at the hub (required with --kubernetes)",
        "NAME",
    ),
    Option(
        "kubeconfig", "CHATOPS_KUBECONFIG", "path", "a kubeconfig instead of the in-cluster service account", "PATH"
    ),
    Option(
        "kubernetes_interval",
        "CHATOPS_KUBERNETES_INTERVAL",
        "float",
        f"seconds between two cluster snapshots, 5 to 3600 (default {DEFAULT_KUBERNETES_INTERVAL:g})",
        "SECONDS",
    ),
    Option(
        "kubernetes_allow_restart",
        "CHATOPS_KUBERNETES_ALLOW_RESTART",
        "bool",
        "let the hub ask for rollout restarts of deployments (off by default; the ClusterRole must allow "
        "patching deployments too)",
    ),
    Option("log_level", "CHATOPS_LOG_LEVEL", "str", "debug, info, warning or error (default info)", "LEVEL"),
)
_BY_NAME = {option.name: option for option in OPTIONS}
# Sources in order of precedence; a lower number wins.
_CLI, _ENV, _FILE = 0, 1, 2


def default_buffer_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the buffer lives unless told: systemd's state directory, /var/lib as root, else ~/.local/state."""
    env = os.environ if env is None else env
    if env.get("STATE_DIRECTORY"):
        # Set by systemd's StateDirectory=; may list several, the first is ours.
        return Path(env["STATE_DIRECTORY"].split(":")[0]) / "buffer.sqlite3"
    if os.geteuid() == 0:
        return Path("/var/lib/chatops-agent/buffer.sqlite3")
    state_home = env.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state_home) / "chatops-agent" / "buffer.sqlite3"


def ws_url_for(hub: str) -> str:
    """The websocket URL of a hub base URL: http → ws, https → wss, plus the agents' path."""
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("http", "https"):
        raise ConfigError(f"hub: must be an http:// or https:// URL, not {hub!r}")
    if not parts.hostname:
        raise ConfigError(f"hub: no host in {hub!r}")
    if parts.username or parts.password:
        # Credentials in the URL would end up in logs; the key travels in a header instead.
        raise ConfigError("hub: must not contain credentials; use --key-file")
    if parts.query or parts.fragment:
        raise ConfigError(f"hub: must be a base URL without ?query or #fragment, not {hub!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ConfigError(f"hub: bad port in {hub!r}") from None
    scheme = "wss" if parts.scheme == "https" else "ws"
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + WS_PATH, "", ""))


def flag_of(name: str) -> str:
    """The command-line flag of an option (``log_files`` is singular: one ``--log-file`` per file)."""
    return "--" + ("log-file" if name == "log_files" else name.replace("_", "-"))


def build_parser() -> argparse.ArgumentParser:
    """The command line; every default is SUPPRESS so that only what was typed overrides the rest."""
    parser = argparse.ArgumentParser(
        prog="chatops-agent",
        description=(
            "Stream this server's metrics and logs to a ChatOps hub. Each option can also be set "
            "by the environment variable shown, or in a TOML config file under the option's name "
            "with underscores (e.g. log_files = [...]). Precedence: command line, environment, "
            "file, defaults."
        ),
        argument_default=argparse.SUPPRESS,
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=f"TOML config file (env CHATOPS_CONFIG; default {DEFAULT_CONFIG} if it exists)",
    )
    for option in OPTIONS:
        flag = flag_of(option.name)
        text = f"{option.help} (env {option.env})"
        if option.kind == "bool":
            parser.add_argument(flag, dest=option.name, action=argparse.BooleanOptionalAction, help=text)
        elif option.kind in ("list", "patterns"):
            parser.add_argument(flag, dest=option.name, action="append", metavar=option.metavar, help=text)
        else:
            parser.add_argument(flag, dest=option.name, metavar=option.metavar, help=text)
    parser.add_argument("--version", action="version", version=f"chatops-agent {__version__}")
    parser.add_argument(
        "--print-systemd-unit",
        action=_PrintSystemdUnit,
        help="print a systemd unit that runs this agent (ExecStart= this installation's chatops-agent) and exit",
    )
    return parser


class _PrintSystemdUnit(argparse.Action):
    """Like ``--version``: acts while the command line is read, before any setting is required."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(systemd_unit())
        parser.exit(0)


def _from_string(option: Option, raw: str, where: str) -> Any:
    """A value of ``option`` from text (the command line or the environment)."""
    value = raw.strip()
    if option.kind in ("str", "path"):
        return value
    if option.kind == "list":
        return [item.strip() for item in value.split(",") if item.strip()]
    if option.kind == "patterns":
        # One per line, not comma-separated: a regular expression may well hold a comma ({1,3}).
        return [line.strip() for line in value.splitlines() if line.strip()]
    if option.kind == "bool":
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        raise ConfigError(f"{where}: must be true or false (1/0, yes/no, on/off), not {raw!r}")
    try:
        return int(value) if option.kind == "int" else float(value)
    except ValueError:
        noun = "a whole number" if option.kind == "int" else "a number"
        raise ConfigError(f"{where}: must be {noun}, not {raw!r}") from None


def _from_toml(option: Option, value: object, where: str) -> Any:
    """A value of ``option`` as the TOML file gave it, type-checked strictly."""
    expected: dict[str, Callable[[object], bool]] = {
        "str": lambda v: isinstance(v, str),
        "path": lambda v: isinstance(v, str),
        "bool": lambda v: isinstance(v, bool),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "list": lambda v: isinstance(v, list) and all(isinstance(item, str) for item in v),
        "patterns": lambda v: isinstance(v, list) and all(isinstance(item, str) for item in v),
    }
    if not expected[option.kind](value):
        nouns = {"str": "a string", "path": "a string", "bool": "true or false", "int": "a whole number"}
        noun = nouns.get(option.kind, "a number" if option.kind == "float" else "a list of strings")
        raise ConfigError(f"{where}: must be {noun}, not {value!r}")
    return value


def _read_config_file(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"config file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(_BY_NAME))
    if unknown:
        # A typo ("intervall") silently ignored would leave the operator puzzled for a long time.
        raise ConfigError(f"config file {path}: unknown setting(s): {', '.join(unknown)}")
    return data


def _read_key_file(path: str, where: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "cannot be read"
        raise ConfigError(f"{where}: {path}: {reason}") from None


def load_settings(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from the command line, ``env`` (default ``os.environ``), the config file and defaults."""
    env = os.environ if env is None else env
    cli = vars(build_parser().parse_args(argv))

    config_file: Path | None = None
    if "config" in cli:
        config_file = Path(cli.pop("config"))
    elif env.get("CHATOPS_CONFIG", "").strip():
        config_file = Path(env["CHATOPS_CONFIG"].strip())
    elif DEFAULT_CONFIG.is_file():
        config_file = DEFAULT_CONFIG
    file_values = _read_config_file(config_file) if config_file is not None else {}

    # name -> (source rank, value); filled from the weakest source up so stronger ones overwrite.
    chosen: dict[str, tuple[int, Any]] = {}
    for name, value in file_values.items():
        chosen[name] = (_FILE, _from_toml(_BY_NAME[name], value, f"{config_file}: {name}"))
    for option in OPTIONS:
        raw = env.get(option.env)
        # Set but empty reads as unset, as in the hub's settings: "CHATOPS_HUB=" means "default".
        if raw is not None and raw.strip():
            chosen[option.name] = (_ENV, _from_string(option, raw, option.env))
    for name, value in cli.items():
        option = _BY_NAME[name]
        if option.kind in ("bool", "list", "patterns"):
            chosen[name] = (_CLI, value)
        else:
            chosen[name] = (_CLI, _from_string(option, value, "--" + name.replace("_", "-")))
    return _validate(chosen, env, config_file)


def _where(name: str, rank: int, config_file: Path | None) -> str:
    if rank == _CLI:
        return flag_of(name)
    if rank == _ENV:
        return _BY_NAME[name].env
    return f"{config_file}: {name}"


def _validate(chosen: dict[str, tuple[int, Any]], env: Mapping[str, str], config_file: Path | None) -> Settings:
    def get(name: str, default: Any = None) -> Any:
        return chosen[name][1] if name in chosen else default

    def where(name: str) -> str:
        return _where(name, chosen[name][0], config_file)

    hub = get("hub")
    if not hub:
        raise ConfigError("the hub's URL is required: --hub, CHATOPS_HUB or hub in the config file")
    ws_url = ws_url_for(hub)

    # --key and --key-file: the one from the stronger source wins; both from one source is a mistake.
    key_rank = chosen["key"][0] if "key" in chosen else 99
    file_rank = chosen["key_file"][0] if "key_file" in chosen else 99
    if key_rank == file_rank == 99:
        raise ConfigError("an API key is required: --key-file, --key, CHATOPS_KEY_FILE or CHATOPS_KEY")
    if key_rank == file_rank:
        raise ConfigError(f"give either {where('key')} or {where('key_file')}, not both")
    if key_rank < file_rank:
        key, key_where = str(get("key")), where("key")
    else:
        key, key_where = _read_key_file(str(get("key_file")), where("key_file")), where("key_file")
    if not _KEY_RE.fullmatch(key):
        raise ConfigError(f"{key_where}: the key must be 8 to 512 printable characters without spaces")

    interval = float(get("interval", 5.0))
    if not MIN_INTERVAL <= interval <= MAX_INTERVAL:  # also refuses NaN
        raise ConfigError(f"{where('interval')}: must be between {MIN_INTERVAL} and {MAX_INTERVAL:g} seconds")

    max_frames = int(get("buffer_max_frames", DEFAULT_BUFFER_MAX_FRAMES))
    if not 1 <= max_frames <= 10_000_000:
        raise ConfigError(f"{where('buffer_max_frames')}: must be between 1 and 10000000")

    log_files: list[str] = []
    for path in get("log_files", []):
        if not path:
            raise ConfigError(f"{where('log_files')}: empty path")
        absolute = os.path.abspath(path)  # the source field names the file; a relative name is ambiguous
        if absolute not in log_files:
            log_files.append(absolute)

    hostname = get("hostname") or socket.gethostname()
    if not _HOSTNAME_RE.fullmatch(hostname):
        source = where("hostname") if "hostname" in chosen else "this host's name"
        raise ConfigError(f"{source}: not a valid hostname: {hostname!r}")

    log_level = str(get("log_level", "info")).lower()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"{where('log_level')}: must be one of {', '.join(LOG_LEVELS)}")

    command_allow = _patterns(get("command_allow", []), where("command_allow") if "command_allow" in chosen else "")
    command_deny = _patterns(get("command_deny", []), where("command_deny") if "command_deny" in chosen else "")

    max_commands = int(get("max_commands", DEFAULT_MAX_COMMANDS))
    if not 1 <= max_commands <= MAX_MAX_COMMANDS:
        raise ConfigError(f"{where('max_commands')}: must be between 1 and {MAX_MAX_COMMANDS}")

    command_max_timeout = float(get("command_max_timeout", DEFAULT_COMMAND_MAX_TIMEOUT))
    if not 1.0 <= command_max_timeout <= MAX_COMMAND_MAX_TIMEOUT:  # also refuses NaN
        raise ConfigError(f"{where('command_max_timeout')}: must be between 1 and {MAX_COMMAND_MAX_TIMEOUT:g} seconds")

    buffer = get("buffer")
    if buffer is not None and not buffer:
        raise ConfigError(f"{where('buffer')}: empty path")

    kubernetes = bool(get("kubernetes", False))
    cluster = str(get("kubernetes_cluster") or "")
    if kubernetes and not _CLUSTER_RE.fullmatch(cluster):
        source = where("kubernetes_cluster") if "kubernetes_cluster" in chosen else "--kubernetes-cluster"
        raise ConfigError(
            f"{source}: --kubernetes needs the cluster's name: 1-63 lowercase letters, digits, '-', '_' or '.'"
        )
    kubernetes_interval = float(get("kubernetes_interval", DEFAULT_KUBERNETES_INTERVAL))
    if not 5.0 <= kubernetes_interval <= 3600.0:
        raise ConfigError(f"{where('kubernetes_interval')}: must be between 5 and 3600 seconds")
    return Settings(
        hub=hub,
        ws_url=ws_url,
        key=key,
        interval=interval,
        log_files=tuple(log_files),
        journald=bool(get("journald", False)),
        buffer=Path(buffer).expanduser() if buffer else default_buffer_path(env),
        buffer_max_frames=max_frames,
        allow_commands=bool(get("allow_commands", False)),
        allow_docker=bool(get("allow_docker", False)),
        command_allow=command_allow,
        command_deny=command_deny,
        command_shell=bool(get("command_shell", False)),
        max_commands=max_commands,
        command_max_timeout=command_max_timeout,
        hostname=hostname,
        log_level=log_level,
        config_file=config_file,
        kubernetes=kubernetes,
        kubernetes_cluster=cluster,
        kubeconfig=str(get("kubeconfig") or ""),
        kubernetes_interval=kubernetes_interval,
        kubernetes_allow_restart=bool(get("kubernetes_allow_restart", False)),
    )


def _patterns(patterns: list[str], where: str) -> tuple[str, ...]:
    """The patterns, each checked to compile: a typo must stop the agent, not let commands through."""
    for pattern in patterns:
        if not pattern:
            raise ConfigError(f"{where}: empty pattern")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{where}: not a valid regular expression: {pattern!r}: {exc}") from None
    return tuple(dict.fromkeys(patterns))  # without repeats, in order
