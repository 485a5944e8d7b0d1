"""Remote commands: the agent's side of ``command`` (docs/agent-protocol.md, "Commands and Docker").

The agent, not the hub, decides. In order: commands allowed at all (``--allow-commands``),
the deny patterns (any match refuses: deny wins), the allow patterns (if any, one must match),
the concurrency limit. Patterns are ``re.fullmatch``-ed against the command with its
surrounding whitespace removed; deny patterns also against its words re-joined
(``shlex.join(shlex.split(command))``), so that quoting (``'rm' -rf /``) or doubled spaces do
not slip past them. A deny list is still a blunt tool; an allow list is the real guard.

Without ``--command-shell`` the command is split into words (``shlex.split``) and executed
directly: ``;``, ``|``, ``>``, ``$VAR`` and globs reach the program as plain text. Each
command runs as the agent's user in a new session (so a process group of its own), with stdin
closed and without the agent's key in its environment. On timeout the whole group gets
SIGTERM, and SIGKILL 5 s later.

Output is read as it comes: each stream keeps up to ``max_output_bytes`` (the rest is
counted and dropped) and streams what it keeps as ``command.output`` frames, at most one per
stream every 100 ms and 16 KiB each. ``command.result`` carries the kept output in full.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import ctypes
import logging
import math
import os
import re
import shlex
import signal
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chatops_agent.config import Settings
from chatops_agent.protocol import clip, dumps, encoded_size, request_id

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0  # when the hub names none
DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024
# Per stream, whatever the hub asks: the hub keeps at most 1 MiB of each, and a result must fit
# one frame (what still does not fit is cut when the result is built, see fit_result).
MAX_OUTPUT_BYTES = 1 << 20
OUTPUT_CHUNK_BYTES = 16 * 1024
OUTPUT_EVERY = 0.1  # seconds between two output frames of one stream
KILL_GRACE = 5.0  # seconds between SIGTERM and SIGKILL
READ_SIZE = 64 * 1024
FRAME_MARGIN = 1024  # bytes kept free below the hub's frame limit
_UTF8 = codecs.getincrementaldecoder("utf-8")
_PR_SET_DUMPABLE = 4  # linux/prctl.h
# The agent's own secrets stay out of what a remote command can print with `env`.
_HIDDEN_ENV = ("CHATOPS_KEY", "CHATOPS_KEY_FILE")

Send = Callable[..., None]  # HubLink.send_reply(frame, live=False)


def protect_agent_memory() -> bool:
    """Make the agent's process non-dumpable (Linux ``prctl(PR_SET_DUMPABLE, 0)``); whether it worked.

    A command runs as the agent's user, and a process of the same user may read another's
    ``/proc/<pid>/environ``: ``cat /proc/$PPID/environ`` would show ``CHATOPS_KEY`` from the
    systemd environment file. A non-dumpable process's ``/proc`` entries belong to root, as
    ssh-agent does it. Children are dumpable again once they exec, so commands are unaffected.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False  # not Linux


class Refused(Exception):
    """The request is not run; the message is the ``reason`` the hub gets."""


@dataclass(frozen=True)
class CommandPolicy:
    """What this agent lets the hub run, from its own settings."""

    enabled: bool = False
    allow: tuple[re.Pattern[str], ...] = ()
    deny: tuple[re.Pattern[str], ...] = ()
    shell: bool = False
    max_running: int = 4
    max_timeout: float = 300.0

    @classmethod
    def from_settings(cls, settings: Settings) -> CommandPolicy:
        """The policy of ``settings`` (whose patterns load_settings has already checked)."""
        return cls(
            enabled=settings.allow_commands,
            allow=tuple(re.compile(pattern) for pattern in settings.command_allow),
            deny=tuple(re.compile(pattern) for pattern in settings.command_deny),
            shell=settings.command_shell,
            max_running=settings.max_commands,
            max_timeout=settings.command_max_timeout,
        )

    def argv(self, command: str) -> list[str]:
        """The program and arguments to run for ``command``, or :class:`Refused` saying why not."""
        if not self.enabled:
            raise Refused("remote commands are disabled on this agent")
        text = command.strip()
        if not text:
            raise Refused("empty command")
        if "\x00" in text:
            raise Refused("the command contains a NUL character")
        try:
            words = shlex.split(text)
        except ValueError as exc:
            if not self.shell:
                raise Refused(f"cannot split the command into words: {exc}") from None
            words = []  # the shell parses it, not shlex; it will report its own syntax errors
        forms = {text, shlex.join(words)} if words else {text}
        if any(pattern.fullmatch(form) for pattern in self.deny for form in forms):
            raise Refused("the command matches a deny pattern of this agent")
        if self.allow and not any(pattern.fullmatch(text) for pattern in self.allow):
            raise Refused("the command matches none of this agent's allow patterns")
        return ["/bin/sh", "-c", text] if self.shell else words


@dataclass(frozen=True)
class CommandRequest:
    """A ``command`` frame, checked."""

    id: str
    command: str
    timeout: float
    max_output_bytes: int


def usable_id(frame: Mapping[str, Any]) -> str | None:
    """The request's id, or None (logged): a request without a usable id gets no answer."""
    rid = request_id(frame)
    if rid is None:
        log.warning(
            "ignoring a %r request without a usable id (%s)", frame.get("type"), clip(repr(frame.get("id")), 80)
        )
    return rid


def parse_request(frame: Mapping[str, Any], rid: str, max_timeout: float) -> CommandRequest:
    """The request in ``frame``; :class:`Refused` for a malformed one. The timeout is clamped."""
    command = frame.get("command")
    if not isinstance(command, str):
        raise Refused("invalid request: command must be a string")
    timeout = frame.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not math.isfinite(timeout) or timeout <= 0:
        raise Refused("invalid request: timeout must be a positive number of seconds")
    limit = frame.get("max_output_bytes", DEFAULT_MAX_OUTPUT_BYTES)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise Refused("invalid request: max_output_bytes must be a whole number, at least 0")
    return CommandRequest(rid, command, min(float(timeout), max_timeout), min(limit, MAX_OUTPUT_BYTES))


@dataclass
class Capture:
    """One output stream: the bytes kept (up to ``limit``), the total seen, the text not yet streamed."""

    name: str
    limit: int
    kept: bytearray = field(default_factory=bytearray)
    total: int = 0
    live: str = ""
    last_sent: float = -math.inf  # monotonic time of the last output frame
    _decoder: codecs.IncrementalDecoder = field(default_factory=lambda: _UTF8("replace"))

    @property
    def truncated(self) -> bool:
        """Whether output was dropped."""
        return self.total > self.limit

    def feed(self, chunk: bytes) -> bool:
        """Take what the program wrote; whether any of it was kept (and so is to be streamed)."""
        room = self.limit - len(self.kept)
        self.total += len(chunk)
        if room <= 0:
            return False
        part = chunk[:room]
        self.kept += part
        # Incremental: a character split between two reads is decoded whole, not as two "�".
        self.live += self._decoder.decode(part)
        return True

    def end_live(self) -> None:
        """The stream is closed: decode what the decoder held back (a character cut by the
        limit is left out, as in :meth:`text`)."""
        self.live += self._decoder.decode(b"", final=not self.truncated)

    def take_live(self, size: int = OUTPUT_CHUNK_BYTES) -> str:
        """Up to ``size`` bytes (UTF-8) of the text not yet streamed, cut between characters."""
        piece = self.live[:size]
        encoded = piece.encode("utf-8")
        if len(encoded) > size:
            piece = encoded[:size].decode("utf-8", "ignore")  # drops a character cut in two
        self.live = self.live[len(piece) :]
        return piece

    def text(self) -> str:
        """The kept output as text: UTF-8, bad bytes as "�", and a character cut by the limit left out."""
        decoder = _UTF8("replace")
        text = decoder.decode(bytes(self.kept), final=not self.truncated)
        # NUL is valid UTF-8 but PostgreSQL text cannot hold it; the hub would have to refuse.
        return text.replace("\x00", "\ufffd")


def exit_code_of(returncode: int) -> int:
    """A process's exit code as a shell shows it: 128 + N for a process killed by signal N."""
    return 128 - returncode if returncode < 0 else returncode


def fit_result(result: dict[str, Any], limit: int) -> dict[str, Any]:
    """``result`` with its outputs cut (their tails) until it fits ``limit`` bytes.

    Each output gets half the room, and the smaller leaves what it does not need to the
    larger: a long stdout does not wipe out a short stderr, nor the other way round.
    """
    for _ in range(8):  # the cut is proportional; uneven escaping may need another round
        size = encoded_size(result)
        if size <= limit:
            break
        sizes = {name: len(dumps(result[name]).encode("utf-8")) for name in ("stdout", "stderr")}
        room = max(0, limit - (size - sum(sizes.values())))
        smaller, larger = sorted(sizes, key=lambda name: sizes[name])
        budgets = {smaller: min(sizes[smaller], room // 2)}
        budgets[larger] = room - budgets[smaller]
        for name, budget in budgets.items():
            if sizes[name] > budget:
                # JSON escapes make characters cost 1 to 6 bytes: cut in proportion, and a little more.
                text: str = result[name]
                result[name] = text[: int(len(text) * budget / sizes[name] * 0.98)]
                result[f"{name}_truncated"] = True
    return result


def group_alive(pgid: int) -> bool:
    """Whether any process of group ``pgid`` is left running (zombies do not count)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # one is left, no longer ours to signal (a setuid program)
    # A killed process stays in its group as a zombie until its parent (init, for an orphan)
    # reaps it, which some inits do lazily; it holds nothing, so it need not be waited for.
    try:
        entries = os.listdir("/proc")
    except OSError:
        return True  # not Linux: the signal said there is one
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rpartition(b")")[2].split()
        except OSError:
            continue  # gone meanwhile
        # After the name: state, ppid, pgrp.
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
            return True
    return False


def signal_group(pgid: int, signum: int) -> None:
    """Send ``signum`` to the group; a group already gone is fine."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


class CommandRunner:
    """Takes ``command`` frames from the link, runs the allowed ones, sends the answers."""

    def __init__(
        self,
        policy: CommandPolicy,
        send: Send,
        frame_limit: Callable[[], int],
        env: Mapping[str, str] | None = None,
        kill_grace: float = KILL_GRACE,
    ) -> None:
        self.policy = policy
        self._send = send
        self._frame_limit = frame_limit
        base = os.environ if env is None else env
        self._env = {key: value for key, value in base.items() if key not in _HIDDEN_ENV}
        self.kill_grace = kill_grace
        self.running: dict[str, asyncio.Task[None]] = {}

    def handle(self, frame: dict[str, Any]) -> None:
        """Decide on one request and answer it: rejected, or accepted and started. Never blocks."""
        rid = usable_id(frame)
        if rid is None:
            return
        try:
            if not self.policy.enabled:  # before anything else: a disabled agent answers just that
                raise Refused("remote commands are disabled on this agent")
            request = parse_request(frame, rid, self.policy.max_timeout)
            argv = self.policy.argv(request.command)
            if rid in self.running:
                raise Refused("a command with this id is already running")
            if len(self.running) >= self.policy.max_running:
                raise Refused(f"busy: {len(self.running)} commands running")
        except Refused as exc:
            log.info("rejected command %s: %s (%s)", rid, exc, clip(repr(frame.get("command")), 200))
            self._send({"type": "command.rejected", "id": rid, "reason": str(exc)})
            return
        # The server's own record of what it was asked to run (the hub keeps one too).
        log.info("running command %s (timeout %g s): %s", rid, request.timeout, clip(request.command, 200))
        self._send({"type": "command.accepted", "id": rid})
        task = asyncio.create_task(self._run(request, argv), name=f"command {rid}")
        self.running[rid] = task
        task.add_done_callback(lambda _: self.running.pop(rid, None))

    async def close(self) -> None:
        """Stop every running command (their process groups are killed)."""
        tasks = list(self.running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, request: CommandRequest, argv: list[str]) -> None:
        started = time.monotonic()
        try:
            process = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                start_new_session=True,  # a process group of its own, to kill as a whole
                env=self._env,
            )
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            log.info("command %s could not start: %s: %s", request.id, argv[0], reason)
            self._finish(request, started, "failed", None, stderr=f"cannot run {argv[0]!r}: {reason}")
            return
        out, err = Capture("stdout", request.max_output_bytes), Capture("stderr", request.max_output_bytes)
        try:
            status, exit_code = await self._supervise(request, process, out, err)
        except BaseException:
            # Cancelled (the agent stops): leave nothing of it running.
            signal_group(process.pid, signal.SIGKILL)
            raise
        await self._flush_rest(request.id, out, err)
        self._finish(
            request,
            started,
            status,
            exit_code,
            stdout=out.text(),
            stderr=err.text(),
            stdout_truncated=out.truncated,
            stderr_truncated=err.truncated,
        )

    async def _supervise(
        self, request: CommandRequest, process: asyncio.subprocess.Process, out: Capture, err: Capture
    ) -> tuple[str, int | None]:
        """Read, stream and wait until the program and every holder of its pipes are done, or the timeout."""
        fresh = asyncio.Event()
        assert process.stdout is not None and process.stderr is not None
        readers = [
            asyncio.create_task(self._read(process.stdout, out, fresh)),
            asyncio.create_task(self._read(process.stderr, err, fresh)),
        ]
        waiter = asyncio.create_task(process.wait())
        streamer = asyncio.create_task(self._stream(request.id, (out, err), fresh))
        try:
            # Done when the program has exited *and* its pipes are closed: a child it left
            # behind holding them is part of the command, as with subprocess.run.
            _, pending = await asyncio.wait([waiter, *readers], timeout=request.timeout)
            if not pending:
                returncode = waiter.result()
                return ("succeeded" if returncode == 0 else "failed"), exit_code_of(returncode)
            exited_before = process.returncode
            log.info("command %s timed out after %g s; killing its process group", request.id, request.timeout)
            await self._kill(process)
            # The pipes close with the last process of the group; one that left the group (setsid)
            # may hold them forever, so wait only a moment.
            await asyncio.wait([waiter, *readers], timeout=1.0)
            return "timed_out", None if exited_before is None else exit_code_of(exited_before)
        finally:
            for task in (*readers, waiter, streamer):
                task.cancel()
            await asyncio.gather(*readers, waiter, streamer, return_exceptions=True)

    @staticmethod
    async def _read(stream: asyncio.StreamReader, capture: Capture, fresh: asyncio.Event) -> None:
        # Read to the end even past the limit: a program blocked on a full pipe never ends.
        while chunk := await stream.read(READ_SIZE):
            if capture.feed(chunk):
                fresh.set()

    async def _kill(self, process: asyncio.subprocess.Process) -> None:
        """SIGTERM to the group; SIGKILL after the grace period if any of it is left."""
        pgid = process.pid  # start_new_session: the leader's pid is the group's id
        signal_group(pgid, signal.SIGTERM)
        deadline = time.monotonic() + self.kill_grace
        while time.monotonic() < deadline:
            if process.returncode is not None and not group_alive(pgid):
                return
            await asyncio.sleep(0.05)
        signal_group(pgid, signal.SIGKILL)

    async def _stream(self, rid: str, captures: tuple[Capture, ...], fresh: asyncio.Event) -> None:
        """Send new output, one frame per stream at most every OUTPUT_EVERY seconds."""
        while True:
            await fresh.wait()
            fresh.clear()
            now = time.monotonic()
            wait = min((capture.last_sent + OUTPUT_EVERY - now for capture in captures if capture.live), default=0.0)
            if wait > 0:
                await asyncio.sleep(wait)  # new output meanwhile joins this frame: coalesced
            for capture in captures:
                if capture.live and time.monotonic() - capture.last_sent >= OUTPUT_EVERY:
                    self._send_output(rid, capture)
            if any(capture.live for capture in captures):
                fresh.set()  # more than one frame's worth: the next one in OUTPUT_EVERY

    def _send_output(self, rid: str, capture: Capture) -> None:
        data = capture.take_live().replace("\x00", "\ufffd")
        self._send({"type": "command.output", "id": rid, "stream": capture.name, "data": data}, live=True)
        capture.last_sent = time.monotonic()

    async def _flush_rest(self, rid: str, *captures: Capture) -> None:
        """The program is done: one last frame per stream, in its slot; the result carries the rest.

        Only output faster than 160 KiB/s leaves more than one frame's worth here; streaming it
        all would hold the result back for nothing, since the result supersedes it.
        """
        for capture in captures:
            capture.end_live()
        waiting = [capture for capture in captures if capture.live]
        wait = max((capture.last_sent + OUTPUT_EVERY - time.monotonic() for capture in waiting), default=0.0)
        if wait > 0:
            await asyncio.sleep(wait)
        for capture in waiting:
            self._send_output(rid, capture)
            if capture.live:
                log.debug("command %s: %d characters of %s not streamed", rid, len(capture.live), capture.name)
                capture.live = ""

    def _finish(
        self,
        request: CommandRequest,
        started: float,
        status: str,
        exit_code: int | None,
        *,
        stdout: str = "",
        stderr: str = "",
        stdout_truncated: bool = False,
        stderr_truncated: bool = False,
    ) -> None:
        result: dict[str, Any] = {
            "type": "command.result",
            "id": request.id,
            "status": status,
            "exit_code": exit_code,
            "stdout": stdout,
            "stderr": stderr,
            "stdout_truncated": stdout_truncated,
            "stderr_truncated": stderr_truncated,
            "duration_ms": int((time.monotonic() - started) * 1000),
        }
        fit_result(result, self._frame_limit() - FRAME_MARGIN)
        log.info("command %s %s (exit code %s) in %d ms", request.id, status, exit_code, result["duration_ms"])
        self._send(result)
