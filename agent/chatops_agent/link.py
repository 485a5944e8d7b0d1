"""The websocket to the hub: hello, welcome, then buffered frames within the hub's window.

One connection at a time. Frames are read from the buffer oldest first and sent while fewer
than ``window`` await an ack; an ack (cumulative) deletes them from the buffer and lets more
go. Whatever breaks the connection, the buffer still holds every unacknowledged frame, so the
next connection resends them: the hub stores a seq once, so nothing is lost or stored twice.

Requests of the hub (``command``, ``docker``) go to the handlers registered with :meth:`HubLink.on`;
their answers come back through :meth:`HubLink.send_reply` and an in-memory :class:`Outbox`,
sent by a task of their own: they carry no seq, take no room in the window and never wait
for an ack, so a full window does not hold back a command's result, nor a result the data.

Reconnects wait with exponential backoff and full jitter. The close codes that no retry can
fix (4400, 4401, 4403, and HTTP 401/403 at the handshake) raise :class:`FatalHubError`; after
"retry later" (4503, 1011) the backoff keeps growing even if the connection had lasted.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from chatops_agent import __version__
from chatops_agent.buffer import FrameBuffer
from chatops_agent.outbox import Outbox
from chatops_agent.wire import (
    ACK,
    CLOSE_FORBIDDEN,
    CLOSE_HUB_STOPPING,
    CLOSE_MEANINGS,
    CLOSE_PROTOCOL_ERROR,
    CLOSE_UNAUTHENTICATED,
    ERROR,
    FATAL_CLOSE_CODES,
    HUB_MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    RETRY_LATER_CLOSE_CODES,
    WELCOME,
)

log = logging.getLogger(__name__)

BACKOFF_CAP = 60.0
MAX_WINDOW = 1000  # a hub asking for more is mistaken; the agent would hold that many frames in flight
EXIT_PROTOCOL = 76  # sysexits EX_PROTOCOL
EXIT_NOPERM = 77  # sysexits EX_NOPERM


def backoff_delay(attempt: int, base: float = 1.0, cap: float = BACKOFF_CAP, rng: random.Random | None = None) -> float:
    """Seconds to wait before reconnect ``attempt`` (0-based): uniform in [0, min(cap, base·2^attempt)].

    Full jitter: a fleet that lost the hub at the same moment spreads its reconnects over the
    whole interval instead of arriving in waves.
    """
    ceiling = min(cap, base * 2.0 ** min(attempt, 64))  # min(): 2.0**1100 overflows
    return (rng or random).uniform(0.0, ceiling)  # jitter, not a secret


class FatalHubError(Exception):
    """The hub refused the agent in a way no retry can fix; the operator must act."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.exit_code = EXIT_PROTOCOL if code == CLOSE_PROTOCOL_ERROR else EXIT_NOPERM


class _BadWelcomeError(Exception):
    """The hub's answer to hello was not a usable welcome."""


@dataclass
class _Session:
    """What one connection knows: the hub's limits and the frames awaiting its ack."""

    window: int
    max_frame_bytes: int
    sent_upto: int
    in_flight: deque[int] = field(default_factory=deque)


class HubLink:
    """Keeps a connection to the hub and drains the buffer into it."""

    def __init__(
        self,
        url: str,
        key: str,
        hello: Mapping[str, Any],
        buffer: FrameBuffer,
        *,
        backoff_base: float = 1.0,
        welcome_timeout: float = 30.0,
        open_timeout: float = 10.0,
        stable_after: float = 10.0,
    ) -> None:
        self.url = url
        self._key = key
        self._hello = dict(hello)
        self._buffer = buffer
        self.backoff_base = backoff_base
        self.welcome_timeout = welcome_timeout
        self.open_timeout = open_timeout
        self.stable_after = stable_after
        self.attempt = 0
        self._welcomed_at: float | None = None
        self.connected = False
        self._wake = asyncio.Event()
        self._handlers: dict[str, Callable[[dict[str, Any]], None]] = {}
        self.outbox = Outbox()
        # The hub's limit as the last welcome said; answers are built to fit it.
        self.max_frame_bytes = HUB_MAX_FRAME_BYTES

    def notify(self) -> None:
        """New frames are in the buffer."""
        self._wake.set()

    def on(self, kind: str, handler: Callable[[dict[str, Any]], None]) -> None:
        """Call ``handler`` with every frame of type ``kind`` from the hub.

        It runs inside the receive loop, so it must not block: it checks the request, answers
        what it can at once and starts a task for the rest.
        """
        self._handlers[kind] = handler

    def send_reply(self, frame: Mapping[str, Any], *, live: bool = False) -> None:
        """Send an answer to a request of the hub, now or after the next welcome.

        ``live`` marks output for live display: dropped while the link is down instead of kept.
        """
        if live and not self.connected:
            return
        self.outbox.put(frame, live=live)

    async def run(self) -> None:
        """Connect, stream, reconnect, until cancelled or a :class:`FatalHubError`."""
        while True:
            code: int | None = None
            reason = ""
            try:
                async with connect(
                    self.url,
                    additional_headers={"Authorization": f"Bearer {self._key}"},
                    user_agent_header=f"chatops-agent/{__version__}",
                    max_size=HUB_MAX_FRAME_BYTES,
                    open_timeout=self.open_timeout,
                    ping_interval=20,
                    ping_timeout=20,
                    close_timeout=5,
                ) as ws:
                    try:
                        await self._session(ws)
                    except asyncio.CancelledError:
                        # Stopping: a normal close, not the 1011 that leaving by an exception sends.
                        await ws.close(1000, "agent stopping")
                        raise
                    code, reason = ws.close_code, ws.close_reason or ""
            except ConnectionClosed as exc:
                if exc.rcvd is not None:
                    code, reason = exc.rcvd.code, exc.rcvd.reason
                else:
                    log.warning("connection to the hub lost (%s)", exc)
            except InvalidStatus as exc:
                status = exc.response.status_code
                if status in (401, 403):
                    # The hub (or a proxy) refused the handshake itself: same meaning as 4401/4403.
                    code = CLOSE_UNAUTHENTICATED if status == 401 else CLOSE_FORBIDDEN
                    raise FatalHubError(code, f"hub refused the key: HTTP {status}") from None
                log.warning("hub refused the websocket with HTTP %d", status)
            except (OSError, TimeoutError, InvalidHandshake) as exc:
                log.warning("cannot reach the hub at %s: %s", self.url, str(exc) or type(exc).__name__)
            except _BadWelcomeError as exc:
                log.warning("no usable welcome from the hub: %s", exc)
            except Exception:
                # A bug or a failing buffer (disk full) must not end the agent: collection goes
                # on, and the next connection tries again.
                log.exception("connection to the hub failed")
            finally:
                self.connected = False
                self.outbox.drop_live()
            if code in FATAL_CLOSE_CODES:
                raise FatalHubError(code, f"hub closed the connection with {code}: {FATAL_CLOSE_CODES[code]}")
            if code is not None:
                level = logging.INFO if code in (1000, 1001, CLOSE_HUB_STOPPING) else logging.WARNING
                meaning = f" ({CLOSE_MEANINGS[code]})" if code in CLOSE_MEANINGS else ""
                log.log(level, "hub closed the connection: %d %s%s", code, reason, meaning)
            # The backoff starts afresh only after a connection that lasted: two agents sharing
            # one server's key replace each other (4409) at once, and must not flap every second.
            lasted = self._welcomed_at is not None and time.monotonic() - self._welcomed_at >= self.stable_after
            if lasted and code not in RETRY_LATER_CLOSE_CODES:
                self.attempt = 0
            self._welcomed_at = None
            delay = backoff_delay(self.attempt, self.backoff_base)
            self.attempt += 1
            log.info(
                "reconnecting in %.1f s (attempt %d); %d frame(s) buffered", delay, self.attempt, self._buffer.count
            )
            await asyncio.sleep(delay)

    async def _session(self, ws: ClientConnection) -> None:
        await ws.send(json.dumps(self._hello))
        try:
            # asyncio.timeout, not wait_for: on Python 3.11, wait_for drops a cancel (the stop)
            # that lands in the turn the welcome is read, and the agent would never stop.
            async with asyncio.timeout(self.welcome_timeout):
                welcome = await self._welcome(ws)
        except TimeoutError:
            raise _BadWelcomeError(f"none within {self.welcome_timeout:g} s of hello") from None
        last_seq = welcome["last_seq"]
        self._buffer.welcome(last_seq)
        self._welcomed_at = time.monotonic()
        session = _Session(
            window=min(welcome["window"], MAX_WINDOW),
            max_frame_bytes=welcome.get("max_frame_bytes", HUB_MAX_FRAME_BYTES),
            sent_upto=last_seq,
        )
        self.max_frame_bytes = session.max_frame_bytes
        self.connected = True
        log.info(
            "connected to the hub as server %r (id %s); window %d, %d frame(s) to send",
            welcome.get("server_name"),
            welcome.get("server_id"),
            session.window,
            self._buffer.count,
        )
        # Three loops, each ending the session when it ends: the receiver when the hub closes,
        # a sender when a send fails (or, were it a bug, when it raises).
        tasks = {
            asyncio.create_task(self._receive(ws, session)),
            asyncio.create_task(self._send_frames(ws, session)),
            asyncio.create_task(self._send_replies(ws, session)),
        }
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        for task in done:
            task.result()  # re-raises what ended it (ConnectionClosed carries the close code)

    async def _receive(self, ws: ClientConnection, session: _Session) -> None:
        async for message in ws:
            self._on_message(message, session)

    async def _welcome(self, ws: ClientConnection) -> dict[str, Any]:
        async for message in ws:
            frame = _parse(message)
            if frame is None:
                continue
            if frame.get("type") == ERROR:
                _log_error_frame(frame)
                continue
            if frame.get("type") != WELCOME:
                raise _BadWelcomeError(f"expected welcome, got {frame.get('type')!r}")
            for name in ("window", "last_seq"):
                value = frame.get(name)
                if not isinstance(value, int) or isinstance(value, bool) or value < (1 if name == "window" else 0):
                    raise _BadWelcomeError(f"{name} is {value!r}")
            if frame.get("protocol") != PROTOCOL_VERSION:
                log.warning("hub speaks protocol %r; this agent speaks %d", frame.get("protocol"), PROTOCOL_VERSION)
            size = frame.get("max_frame_bytes")
            if not isinstance(size, int) or isinstance(size, bool) or size < 1024:
                frame["max_frame_bytes"] = HUB_MAX_FRAME_BYTES
            return frame
        raise _BadWelcomeError("the hub closed the connection before its welcome")

    async def _send_frames(self, ws: ClientConnection, session: _Session) -> None:
        while True:
            # Cleared before looking, so a notify() or an ack that comes while we send is not lost.
            self._wake.clear()
            room = session.window - len(session.in_flight)
            frames = self._buffer.frames_after(session.sent_upto, room) if room > 0 else []
            for seq, text in frames:
                # UTF-8 takes at most 4 bytes a character: only a long text needs the exact count.
                if len(text) * 4 > session.max_frame_bytes and len(text.encode()) > session.max_frame_bytes:
                    log.error(
                        "frame %d exceeds the hub's max_frame_bytes (%d); dropping it", seq, session.max_frame_bytes
                    )
                    self._buffer.discard(seq)
                    session.sent_upto = seq
                    continue
                await ws.send(text)
                session.in_flight.append(seq)
                session.sent_upto = seq
            if not frames:
                await self._wake.wait()

    async def _send_replies(self, ws: ClientConnection, session: _Session) -> None:
        # websockets sends each whole message at once, so this loop and _send_frames may
        # interleave messages but never mix their bytes.
        while True:
            reply = self.outbox.pop()
            if reply is None:
                await self.outbox.wait()
                continue
            if reply.size > session.max_frame_bytes:
                # The executors build answers to fit; sending one anyway would cost the socket (4413).
                log.error("%s exceeds the hub's max_frame_bytes (%d); dropping it", reply.what, session.max_frame_bytes)
                continue
            try:
                await ws.send(reply.text)
            except BaseException:
                if not reply.live:
                    self.outbox.push_back(reply)  # maybe unsent: the next connection tries again
                raise

    def _on_message(self, message: str | bytes, session: _Session) -> None:
        frame = _parse(message)
        if frame is None:
            return
        kind = frame.get("type")
        if kind == ACK:
            seq = frame.get("seq")
            if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
                log.warning("hub sent an ack without a usable seq: %r", seq)
                return
            self._buffer.ack(seq)
            while session.in_flight and session.in_flight[0] <= seq:
                session.in_flight.popleft()
            session.sent_upto = max(session.sent_upto, seq)
            self._wake.set()
        elif kind == ERROR:
            _log_error_frame(frame)
        elif isinstance(kind, str) and kind in self._handlers:
            try:
                self._handlers[kind](frame)
            except Exception:
                # A bug in one request's handling must not take the connection down with it.
                log.exception("handling a %r frame from the hub failed", kind)
        else:
            # Unknown types are expected from newer hubs; not an error. Requests of a kind no
            # handler is registered for also end here (an agent made without executors).
            log.debug("ignoring a %r frame from the hub", str(kind)[:100])


def _parse(message: str | bytes) -> dict[str, Any] | None:
    try:
        frame = json.loads(message)
    except ValueError:
        log.warning("hub sent a frame that is not JSON")
        return None
    if not isinstance(frame, dict):
        log.warning("hub sent a frame that is not a JSON object")
        return None
    return frame


def _log_error_frame(frame: Mapping[str, Any]) -> None:
    log.warning(
        "hub reports an error: %s: %s (seq %s)",
        str(frame.get("code"))[:100],
        str(frame.get("detail"))[:500],
        frame.get("seq"),
    )
