"""``chatops-agent``: read the settings, set up logging, run the agent until a signal stops it.

Exit codes (the systemd unit's ``RestartPreventExitStatus`` lists those a restart cannot fix):

- 0: stopped by SIGTERM or SIGINT;
- 1: could not start (the buffer is locked by another agent, or cannot be created);
- 2: bad or missing settings;
- 76: the hub closed with 4400 (protocol error);
- 77: the hub refused the key (4401, 4403, or HTTP 401/403 at the handshake).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import sqlite3
import sys
from collections.abc import Sequence

from chatops_agent.agent import Agent
from chatops_agent.buffer import BufferLockedError
from chatops_agent.config import ConfigError, Settings, build_parser, load_settings

log = logging.getLogger("chatops_agent")


class RedactingFormatter(logging.Formatter):
    """Formats records, then blanks any bearer token and the key itself, tracebacks included.

    The agent never logs its key; this is the second line of defence should a library (or a
    future change) put a header or the key into a message or an exception.
    """

    _BEARER = re.compile(r"(Bearer\s+)\S+", re.IGNORECASE)

    def __init__(self, fmt: str, secret: str = "") -> None:
        super().__init__(fmt)
        self._secret = secret

    def format(self, record: logging.LogRecord) -> str:
        """The formatted record, redacted."""
        text = self._BEARER.sub(r"\1[redacted]", super().format(record))
        if self._secret and self._secret in text:
            text = text.replace(self._secret, "[redacted]")
        return text


def setup_logging(level: str, secret: str = "") -> None:
    """Standard logging to stderr; without timestamps under systemd, whose journal adds them."""
    handler = logging.StreamHandler(sys.stderr)
    under_systemd = bool(os.environ.get("JOURNAL_STREAM"))
    fmt = "%(levelname)s %(name)s: %(message)s" if under_systemd else "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(RedactingFormatter(fmt, secret))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # websockets logs every handshake header at DEBUG, the Authorization header among them.
    logging.getLogger("websockets").setLevel(max(logging.INFO, root.level))


async def _run(settings: Settings) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    return await Agent(settings).run(stop)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``chatops-agent`` console script."""
    try:
        settings = load_settings(argv)
    except ConfigError as exc:
        build_parser().print_usage(sys.stderr)
        print(f"chatops-agent: error: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, settings.key)
    try:
        return asyncio.run(_run(settings))
    except BufferLockedError as exc:
        log.error("%s", exc)
    except (OSError, sqlite3.Error) as exc:
        log.error("cannot open the buffer %s: %s", settings.buffer, exc)
    return 1
