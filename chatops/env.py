"""Typed readers for settings that come from the environment.

Every reader fails loudly (``ImproperlyConfigured``) on a value it cannot parse, so a typo in
production configuration stops the process at start instead of silently using a default.
A ``.env`` file in the project root is read first (values already in the environment win).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(s|sec|second|m|min|minute|h|hour|d|day)\s*$", re.I)
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def load_dotenv(path: Path) -> None:
    """Read KEY=VALUE lines from ``path`` into ``os.environ`` without overriding set values."""
    if not path.is_file():
        return
    for lineno, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise ImproperlyConfigured(f"{path}:{lineno}: expected KEY=VALUE")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        os.environ.setdefault(key, value)


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    value = (raw or "").strip().lower()
    if not value:
        # Unset and empty read the same, as for every reader here: "FOO=" means "default".
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false/1/0), not {raw!r}")


def envint(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise ImproperlyConfigured(f"{name} must be at most {maximum}, not {value}")
    return value


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of ``choices``, matched without regard to case; unset or empty gives the default."""
    raw = os.environ.get(name, "").strip() or default
    for choice in choices:
        if raw.lower() == choice.lower():
            return choice
    raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {raw!r}")


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_rate(name: str, value: str) -> tuple[int, int]:
    """Parse ``"100/min"`` or ``"5/15m"`` into (requests, period in seconds)."""
    match = _RATE_RE.match(value)
    if not match:
        raise ImproperlyConfigured(f"{name} must look like '100/min' or '5/15m', not {value!r}")
    count, multiplier, unit = match.groups()
    period = _PERIODS[unit[0].lower()] * (int(multiplier) if multiplier else 1)
    if int(count) < 1 or period < 1:
        raise ImproperlyConfigured(f"{name} must allow at least one request per period, not {value!r}")
    return int(count), period


def envrate(name: str, default: str) -> tuple[int, int]:
    return parse_rate(name, os.environ.get(name, default))
