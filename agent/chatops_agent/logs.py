"""Log lines: plain files followed across rotation, and the systemd journal through journalctl.

Both feed one :class:`LogCollector`, which each sample tick drains into frames. It is bounded:
when it holds ``max_pending`` lines the readers stop reading (the lines wait in the file or in
journalctl's pipe) instead of dropping them, so only a full on-disk buffer ever loses a line.

Each reader also reports its position (file: device, inode and offset of the last whole line;
journal: the entry's cursor). The buffer saves it in the transaction that stores those lines,
so after a restart the agent goes on where it left off: no line lost, none sent twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Mapping, Sequence

from chatops_agent.protocol import LogLine, clean_text
from chatops_agent.wire import MAX_MESSAGE_CHARS, MAX_SOURCE_CHARS

log = logging.getLogger(__name__)

# A line longer than this (in bytes) is cut and the rest of it skipped: even all 4-byte
# characters make more than MAX_MESSAGE_CHARS of it, so the cut always shows its "…".
MAX_LINE_BYTES = 4 * MAX_MESSAGE_CHARS + 4
_CHUNK = 64 * 1024
_READ_BUDGET = 4 * 1024 * 1024  # bytes per file per poll, so one huge file cannot starve the rest

_LEVEL_WORDS = {
    "emerg": "critical",
    "emergency": "critical",
    "alert": "critical",
    "crit": "critical",
    "critical": "critical",
    "fatal": "critical",
    "panic": "critical",
    "err": "error",
    "error": "error",
    "warn": "warning",
    "warning": "warning",
    "notice": "notice",
    "info": "info",
    "debug": "debug",
    "trace": "debug",
}
_WORD = "|".join(_LEVEL_WORDS)
# Where formats put a level, and nowhere else: a word such as "error" or "alert" in a URL or a
# message says nothing about the line ("GET /static/js/alert-feed.js" is not critical).
_SYSLOG_PRI_RE = re.compile(r"<(\d{1,3})>")  # RFC 3164/5424: facility * 8 + severity
_KEY_VALUE_RE = re.compile(r"(?:^|\s)(?:level|lvl|severity|loglevel)=[\"']?(" + _WORD + r")\b", re.IGNORECASE)
_BRACKETED_RE = re.compile(r"\[(?:[\w.-]+:)?(" + _WORD + r")\]", re.IGNORECASE)  # [ERROR], apache's [core:error]
# A leading level word, after what may come before it: a timestamp or address (digits and
# punctuation), a syslog date ("Jan  1 12:00:00"), a syslog host and tag ("web-1 sshd[42]:").
_LEADING_RE = re.compile(
    # Each token is matched one way only (the lookahead asks for a digit), so a line of many
    # such tokens costs linear time, not exponential backtracking.
    r"(?:[A-Z][a-z]{2}\s+\d{1,2}\s+)?(?:(?=[\d:.,/TZ+_-]*\d)[\d:.,/TZ+_-]+\s+)*"
    r"(?:(?:\S+\s+)?[\w./@-]+(?:\[\d+\])?:\s+)?"
    r"[\[(]?(" + _WORD + r")\b(?![./=-])",
    re.IGNORECASE,
)
# pino and bunyan write numbers: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
_NUMERIC_LEVELS = {10: "debug", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "critical"}
# journald PRIORITY is syslog's: 0 emerg, 1 alert, 2 crit, 3 err, 4 warning, 5 notice, 6 info, 7 debug.
_PRIORITY_LEVELS = ("critical", "critical", "critical", "error", "warning", "notice", "info", "debug")
UNKNOWN = "unknown"


def guess_level(text: str) -> str:
    """The level a plain line states where log formats put one, else ``unknown``.

    In order: a syslog priority (``<11>``), a JSON line's ``level`` (or ``severity``, ``lvl``),
    ``level=warn``, ``[ERROR]``, a leading level word (``ERROR …``, ``2026-01-01 12:00:00 WARN …``,
    ``sshd[1]: error: …``). A level word anywhere else in the line is not a level.
    """
    head = text.lstrip()[:200]
    if match := _SYSLOG_PRI_RE.match(head):
        return _PRIORITY_LEVELS[int(match.group(1)) % 8]
    if head.startswith("{"):
        return _json_level(text.lstrip())
    for pattern in (_KEY_VALUE_RE, _BRACKETED_RE):
        if match := pattern.search(head):
            return _LEVEL_WORDS[match.group(1).lower()]
    if match := _LEADING_RE.match(head):
        return _LEVEL_WORDS[match.group(1).lower()]
    return UNKNOWN


def _json_level(text: str) -> str:
    try:
        entry = json.loads(text)
    except ValueError:
        return UNKNOWN
    if not isinstance(entry, dict):
        return UNKNOWN
    for key in ("level", "severity", "lvl", "loglevel", "levelname"):
        value = entry.get(key)
        if isinstance(value, str) and value.lower() in _LEVEL_WORDS:
            return _LEVEL_WORDS[value.lower()]
        if isinstance(value, int) and not isinstance(value, bool) and value in _NUMERIC_LEVELS:
            return _NUMERIC_LEVELS[value]
    return UNKNOWN


def log_line(ts: float, level: str, source: str, message: str) -> LogLine:
    """A protocol log line; a line of unknown level carries no ``level``.

    The hub reads a missing level as ``unknown``; a hub older than that level reads it as
    ``info`` and still stores the frame, where ``"unknown"`` would make it refuse the frame.
    """
    line: LogLine = {"ts": ts, "source": source, "message": message}
    if level != UNKNOWN:
        line["level"] = level
    return line


class LogCollector:
    """Lines read since the last tick, and where each reader stands after them."""

    def __init__(self, max_pending: int = 10_000) -> None:
        self.max_pending = max_pending
        self._lines: list[LogLine] = []
        self._positions: dict[str, str] = {}
        self._space = asyncio.Event()
        self._space.set()

    def full(self) -> bool:
        """Whether readers should wait for the next drain."""
        return len(self._lines) >= self.max_pending

    async def wait_for_space(self) -> None:
        """Return once the collector is below its bound."""
        while self.full():
            self._space.clear()
            await self._space.wait()

    def add(self, line: LogLine) -> None:
        """One line read."""
        self._lines.append(line)

    def set_position(self, key: str, position: str) -> None:
        """Where reader ``key`` stands once the lines added so far are stored."""
        self._positions[key] = position

    def drain(self) -> tuple[list[LogLine], dict[str, str]]:
        """Everything added since the last drain, and the readers' positions after it."""
        lines, positions = self._lines, self._positions
        self._lines, self._positions = [], {}
        self._space.set()
        return lines, positions


class _OpenFile:
    """One opened generation of a log file: its descriptor, identity and unfinished line."""

    def __init__(self, fd: int, ident: tuple[int, int], offset: int) -> None:
        self.fd = fd
        self.ident = ident
        self.offset = offset  # bytes consumed from the file, the unfinished line included
        self.partial = b""
        self.skipping = False  # inside an overlong line whose rest is thrown away

    def close(self) -> None:
        os.close(self.fd)


class FileTailer:
    """Follows one file like ``tail -F``: appends, rotation by rename, truncation, partial lines.

    ``poll()`` reads what is new. A rotation (the path now names another inode) is noticed by
    a stat of the path; the old file is read to its end, then read once more on the next poll
    (a writer may add its last lines before it reopens), then closed. A truncation (the file
    is shorter than what was read: ``copytruncate``) restarts at offset 0.
    """

    def __init__(self, path: str, collector: LogCollector, saved: str | None = None) -> None:
        self.path = path
        self.source = clean_text(path, MAX_SOURCE_CHARS)
        self.key = f"file:{path}"
        self._collector = collector
        self._saved = saved
        self._current: _OpenFile | None = None
        self._retired: _OpenFile | None = None
        self._first_open = True
        self._open_error: str | None = None

    def _open(self) -> _OpenFile | None:
        first, self._first_open = self._first_open, False
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if reason != self._open_error:  # once per reason, not once per second
                log.warning("log file %s: %s; will keep trying", self.path, reason)
                self._open_error = reason
            return None
        self._open_error = None
        stat = os.fstat(fd)
        ident = (stat.st_dev, stat.st_ino)
        offset = 0  # a file that appeared (or was replaced) since the agent started is all new
        if first:
            saved = _parse_position(self._saved)
            if saved is None:
                offset = stat.st_size  # first start: only what is written from now on
            elif saved[:2] == ident and saved[2] <= stat.st_size:
                offset = saved[2]  # where the last run stopped
        os.lseek(fd, offset, os.SEEK_SET)
        return _OpenFile(fd, ident, offset)

    def poll(self) -> None:
        """Read whatever is new, as far as the collector has room."""
        if self._retired is not None:
            self._read(self._retired, final=True)
            self._retired.close()
            self._retired = None
        if self._current is None:
            self._current = self._open()
            if self._current is None:
                return
        current = self._current
        if os.fstat(current.fd).st_size < current.offset:
            log.info("log file %s was truncated; reading it from the start", self.path)
            os.lseek(current.fd, 0, os.SEEK_SET)
            current.offset, current.partial, current.skipping = 0, b"", False
        self._read(current)
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return  # renamed away, not yet recreated: keep reading the old one
        if (stat.st_dev, stat.st_ino) != current.ident:
            log.info("log file %s was rotated; following the new file", self.path)
            self._retired, self._current = current, self._open()
            if self._current is not None:
                self._read(self._current)

    def _read(self, opened: _OpenFile, final: bool = False) -> None:
        budget = _READ_BUDGET
        while budget > 0 and not self._collector.full():
            chunk = os.read(opened.fd, _CHUNK)
            if not chunk:
                break
            budget -= len(chunk)
            opened.offset += len(chunk)
            self._split(opened, chunk)
        if final and opened.partial and not opened.skipping:
            # The old file is done: its unfinished last line will never be finished.
            self._emit(opened.partial)
            opened.partial = b""
        if opened is self._current:
            position = opened.offset - len(opened.partial)
            self._collector.set_position(self.key, f"{opened.ident[0]}:{opened.ident[1]}:{position}")

    def _split(self, opened: _OpenFile, chunk: bytes) -> None:
        lines = (opened.partial + chunk).split(b"\n")
        opened.partial = lines.pop()
        for line in lines:
            if opened.skipping:
                opened.skipping = False  # the end of the overlong line: drop it
                continue
            self._emit(line)
        if len(opened.partial) > MAX_LINE_BYTES:
            if not opened.skipping:
                self._emit(opened.partial)  # clean_text cuts it and adds "…"
            opened.partial, opened.skipping = b"", True

    def _emit(self, raw: bytes) -> None:
        text = raw.decode("utf-8", "replace").rstrip("\r")
        if not text.strip():
            return
        self._collector.add(log_line(time.time(), guess_level(text), self.source, clean_text(text, MAX_MESSAGE_CHARS)))

    def close(self) -> None:
        """Close the file(s)."""
        for opened in (self._current, self._retired):
            if opened is not None:
                opened.close()
        self._current = self._retired = None


def _parse_position(saved: str | None) -> tuple[int, int, int] | None:
    if not saved:
        return None
    try:
        dev, ino, offset = (int(part) for part in saved.split(":"))
    except ValueError:
        return None
    return dev, ino, offset


def journal_entry_to_line(entry: Mapping[str, object]) -> LogLine:
    """A ``journalctl -o json`` entry as a protocol log line."""
    message = entry.get("MESSAGE")
    if isinstance(message, list):  # not valid UTF-8: journalctl gives the bytes as numbers
        text = bytes(b for b in message if isinstance(b, int) and 0 <= b < 256).decode("utf-8", "replace")
    elif isinstance(message, str):
        text = message
    else:  # null: larger than journalctl's data threshold (4 KiB) without --all
        text = "(journalctl left this message out: it is larger than its data threshold)"
    try:
        priority = int(str(entry["PRIORITY"]))
    except (KeyError, ValueError):
        priority = -1
    # No usable PRIORITY: what the message itself says, if anything.
    level = _PRIORITY_LEVELS[priority] if 0 <= priority <= 7 else guess_level(text)
    unit = entry.get("_SYSTEMD_UNIT") or entry.get("SYSLOG_IDENTIFIER") or entry.get("_COMM") or "unknown"
    try:
        ts = int(str(entry["__REALTIME_TIMESTAMP"])) / 1_000_000
    except (KeyError, ValueError):
        ts = time.time()
    return log_line(ts, level, clean_text(f"journald:{unit}", MAX_SOURCE_CHARS), clean_text(text, MAX_MESSAGE_CHARS))


class JournaldReader:
    """Runs ``journalctl -f -o json`` and feeds its entries to the collector; restarts it if it dies.

    The first run starts at the end of the journal (``-n 0``); later runs, and the runs of a
    restarted agent, continue after the last cursor stored.
    """

    key = "journald"

    def __init__(
        self,
        collector: LogCollector,
        saved_cursor: str | None = None,
        command: Sequence[str] = ("journalctl",),
        env: Mapping[str, str] | None = None,
    ) -> None:
        self._collector = collector
        self._cursor = saved_cursor or None
        self._command = list(command)
        base = dict(os.environ if env is None else env)
        # journalctl needs none of the agent's secrets.
        self._env = {k: v for k, v in base.items() if k not in ("CHATOPS_KEY", "CHATOPS_KEY_FILE")}
        self._env["SYSTEMD_COLORS"] = "0"

    def available(self) -> bool:
        """Whether journalctl is installed here."""
        return shutil.which(self._command[0], path=self._env.get("PATH")) is not None

    def argv(self) -> list[str]:
        """The journalctl command line for the next run."""
        start = [f"--after-cursor={self._cursor}"] if self._cursor else ["-n", "0"]
        return [*self._command, "-f", "-o", "json", *start]

    async def run(self) -> None:
        """Read the journal until cancelled."""
        if not self.available():
            log.warning("--journald: %s not found; the journal is not streamed", self._command[0])
            return
        failures = 0
        while True:
            started = time.monotonic()
            returncode = await self._run_once()
            lived = time.monotonic() - started
            log.warning("journalctl exited with code %s after %.0f s; restarting it", returncode, lived)
            if lived < 10 and self._cursor and returncode:
                # A cursor the journal no longer has (vacuumed, or a new machine id) makes
                # journalctl fail at once: start over from the end instead of failing forever.
                log.warning("journalctl may not know the saved cursor; starting at the journal's end")
                self._cursor = None
            failures = failures + 1 if lived < 60 else 0
            await asyncio.sleep(min(300.0, 2.0**failures))

    async def _run_once(self) -> int | None:
        proc = await asyncio.create_subprocess_exec(
            *self.argv(),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._env,
            limit=1 << 20,
        )
        assert proc.stdout is not None and proc.stderr is not None
        stderr_task = asyncio.create_task(self._log_stderr(proc.stderr))
        try:
            while True:
                await self._collector.wait_for_space()
                try:
                    raw = await proc.stdout.readline()
                except ValueError:
                    continue  # an entry over 1 MiB: asyncio has skipped it
                if not raw:
                    break
                self._handle(raw)
            return await proc.wait()
        finally:
            stderr_task.cancel()
            if proc.returncode is None:
                proc.terminate()
                try:
                    async with asyncio.timeout(2):  # not wait_for, which may drop a cancel (3.11)
                        await proc.wait()
                except TimeoutError:
                    proc.kill()
                    await proc.wait()
            with contextlib.suppress(asyncio.CancelledError):
                await stderr_task

    def _handle(self, raw: bytes) -> None:
        try:
            entry = json.loads(raw)
        except ValueError:
            log.debug("journalctl printed a line that is not JSON")
            return
        if not isinstance(entry, dict):
            return
        self._collector.add(journal_entry_to_line(entry))
        cursor = entry.get("__CURSOR")
        if isinstance(cursor, str):
            self._cursor = cursor
            self._collector.set_position(self.key, cursor)

    @staticmethod
    async def _log_stderr(stream: asyncio.StreamReader) -> None:
        # journalctl explains itself on stderr ("not seeing messages from other users…": the
        # agent's user lacks the systemd-journal or adm group); pass that on.
        while line := await stream.readline():
            log.warning("journalctl: %s", line.decode("utf-8", "replace").rstrip())
