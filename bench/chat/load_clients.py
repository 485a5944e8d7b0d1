"""The chat benchmark's load processes: socket clients that receive, and a sender that posts.

Each process talks to its parent through two Pipes (commands in, reports out).

- ``receivers_main``: connects its chat clients (``/api/v1/ws/chat``, subprotocols
  ``["bearer", token]``, an Origin header), subscribes each to its room, reports ``ready``
  (how many are subscribed in each room), then reads every socket until told to stop. Every
  ``message.created`` whose content starts with the run's tag is a delivery: it records the
  message's sequence number and its latency (receive time minus the send time in the content),
  reports its progress every second (deliveries so far, the worst latency of the last second)
  and measures its own event loop's lag (how late a 10 ms sleep wakes up), which is latency
  the load generator adds.
- ``sender_main``: posts ``POST /api/v1/messages`` over ``--connections`` keep-alive HTTP/1.1
  connections (a minimal asyncio client) at a scheduled rate: message ``seq`` goes to room
  ``seq % rooms`` as one of that room's members (their JWT), content
  ``"<tag>:<seq>:<send time> <text>"``. A message due while every connection is busy waits
  for one (counted as late); the send time is when its request is written.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from array import array
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, cast

import orjson
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, WebSocketException
from websockets.typing import Origin, Subprotocol

TEXTS = [
    "checking the deploy on web-{n}: load looks fine, moving on to the next host",
    "who restarted the worker on db-{n}? the queue drained a minute ago",
    "alert on api-{n} resolved by itself, keeping an eye on memory",
    "rolling out 2.{n}.1 to the canary group now, shout if latency moves",
]


@dataclass(frozen=True)
class ClientSpec:
    index: int
    room_id: int
    url: str
    token: str
    origin: str


@dataclass(frozen=True)
class ReceiveConfig:
    tag: str
    connect_concurrency: int = 50
    connect_timeout: float = 30.0
    connect_phase_timeout: float = 180.0


class Receivers:
    def __init__(self, specs: list[ClientSpec], cfg: ReceiveConfig, out: Connection) -> None:
        self.specs = specs
        self.cfg = cfg
        self.out = out
        self.prefix = f"{cfg.tag}:"  # the first occurrence: in "content" or in "content_html"
        self.seqs = array("q")
        self.latencies = array("d")
        self.duplicates = 0
        self.closed = 0
        self.errors: list[str] = []
        self.other_types: dict[str, int] = {}
        self.recent_worst = 0.0
        self.loop_lag = array("d")
        self.subscribed: dict[int, int] = {}
        self.sockets: list[tuple[ClientSpec, ClientConnection]] = []
        self.stopping = False

    def note(self, text: str) -> None:
        if len(self.errors) < 10:
            self.errors.append(text)

    async def _connect_one(self, spec: ClientSpec, gate: asyncio.Semaphore) -> None:
        async with gate:
            for attempt in range(4):
                try:
                    ws = await connect(
                        spec.url,
                        subprotocols=[Subprotocol("bearer"), cast(Subprotocol, spec.token)],
                        origin=Origin(spec.origin),
                        compression=None,
                        open_timeout=self.cfg.connect_timeout,
                        ping_interval=None,
                        close_timeout=5,
                        max_size=1 << 22,
                    )
                    break
                except (OSError, TimeoutError, WebSocketException) as exc:
                    if attempt == 3:
                        self.note(f"client {spec.index}: connect failed: {type(exc).__name__}: {exc}")
                        return
                    await asyncio.sleep(0.5 * 2**attempt)
            await ws.send(orjson.dumps({"type": "subscribe", "rooms": [{"room_id": spec.room_id}]}).decode())
            deadline = time.monotonic() + self.cfg.connect_timeout
            while time.monotonic() < deadline:
                try:
                    frame = orjson.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
                except (TimeoutError, ConnectionClosed) as exc:
                    self.note(f"client {spec.index}: no subscribed: {type(exc).__name__}")
                    break
                if frame.get("type") == "subscribed" and frame.get("room_id") == spec.room_id:
                    self.subscribed[spec.room_id] = self.subscribed.get(spec.room_id, 0) + 1
                    self.sockets.append((spec, ws))
                    return
                if frame.get("type") in ("error", "resync"):
                    self.note(f"client {spec.index}: {frame}")
                    break
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(), 5)

    async def connect_all(self) -> None:
        gate = asyncio.Semaphore(self.cfg.connect_concurrency)
        tasks = [asyncio.create_task(self._connect_one(spec, gate)) for spec in self.specs]
        _done, late = await asyncio.wait(tasks, timeout=self.cfg.connect_phase_timeout)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
        if late:
            self.note(f"{len(late)} clients not subscribed after {self.cfg.connect_phase_timeout:.0f} s")

    async def read(self, ws: ClientConnection) -> None:
        seen: set[int] = set()
        prefix = self.prefix
        try:
            async for message in ws:
                now = time.time()
                text = message if isinstance(message, str) else message.decode()
                at = text.find(prefix) if "message.created" in text[:40] else -1
                if at < 0:
                    kind = str(orjson.loads(text).get("type"))
                    self.other_types[kind] = self.other_types.get(kind, 0) + 1
                    continue
                start = at + len(prefix)
                seq_text, sent_text = text[start : text.index(" ", start)].split(":")
                seq = int(seq_text)
                if seq in seen:
                    self.duplicates += 1
                    continue
                seen.add(seq)
                latency = now - float(sent_text)
                self.seqs.append(seq)
                self.latencies.append(latency)
                self.recent_worst = max(self.recent_worst, latency)
        except ConnectionClosed as exc:
            if not self.stopping:
                self.closed += 1
                self.note(f"socket closed by the server: {exc}")

    async def lag_probe(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            self.loop_lag.append(time.perf_counter() - started - 0.01)

    async def progress(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            worst, self.recent_worst = self.recent_worst, 0.0
            self.out.send(("progress", {"deliveries": len(self.seqs), "worst": worst}))


async def _receivers(cmd: Connection, out: Connection, specs: list[ClientSpec], cfg: ReceiveConfig) -> None:
    rx = Receivers(specs, cfg, out)
    await rx.connect_all()
    readers = [asyncio.create_task(rx.read(ws)) for _, ws in rx.sockets]
    helpers = [asyncio.create_task(rx.lag_probe()), asyncio.create_task(rx.progress())]
    out.send(("ready", {"subscribed": rx.subscribed, "clients": len(specs), "errors": list(rx.errors)}))
    await asyncio.to_thread(cmd.recv)  # ("stop",)
    rx.stopping = True
    for task in helpers:
        task.cancel()
    await asyncio.gather(*(ws.close() for _, ws in rx.sockets), return_exceptions=True)
    for task in readers:
        task.cancel()
    await asyncio.gather(*readers, *helpers, return_exceptions=True)
    result = {
        "seqs": rx.seqs.tobytes(),
        "latencies": rx.latencies.tobytes(),
        "duplicates": rx.duplicates,
        "closed": rx.closed,
        "errors": rx.errors,
        "other_types": rx.other_types,
        "loop_lag": rx.loop_lag.tobytes(),
    }
    out.send(("result", result))


def receivers_main(cmd: Connection, out: Connection, specs: list[ClientSpec], cfg: ReceiveConfig) -> None:
    """Entry point of a receiving process (multiprocessing, spawn)."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_receivers(cmd, out, specs, cfg))


# --- the sender ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendConfig:
    tag: str
    port: int
    rooms: list[int]
    tokens: dict[int, list[str]]  # room id -> its members' access tokens
    connections: int = 32
    timeout: float = 30.0


class HttpConnection:
    """One keep-alive HTTP/1.1 connection: a request, then its response (Content-Length or
    chunked), in turn."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, token: str, body: bytes, timeout: float) -> tuple[int, bytes]:
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        self.writer.write(head.encode() + body)
        try:
            return await asyncio.wait_for(self._response(self.reader), timeout)
        except BaseException:
            self.close()
            raise

    async def _response(self, reader: asyncio.StreamReader) -> tuple[int, bytes]:
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        length, chunked, close = 0, False, False
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                close = True
        if chunked:
            body = b""
            while True:
                size = int((await reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await reader.readline()
                    break
                body += await reader.readexactly(size + 2)
                body = body[:-2]
        else:
            body = await reader.readexactly(length)
        if close:
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.writer = self.reader = None


class Sender:
    def __init__(self, cfg: SendConfig) -> None:
        self.cfg = cfg
        self.seq = 0
        self.queue: asyncio.Queue[tuple[int, float]] = asyncio.Queue()
        self.connections = [HttpConnection(cfg.port) for _ in range(cfg.connections)]
        # Per message: seq, room, scheduled time, send time, HTTP status (0: error), response latency.
        self.records: dict[str, array[Any]] = {
            "seq": array("q"),
            "room": array("q"),
            "scheduled": array("d"),
            "sent": array("d"),
            "status": array("q"),
            "response": array("d"),
        }
        self.errors: list[str] = []
        self.late = 0

    def _body(self, seq: int, room: int) -> tuple[bytes, float]:
        sent = time.time()
        text = TEXTS[seq % len(TEXTS)].format(n=seq % 97)
        content = f"{self.cfg.tag}:{seq}:{sent:.6f} {text}"
        return orjson.dumps({"room_id": room, "content": content}), sent

    async def _worker(self, conn: HttpConnection) -> None:
        rooms = self.cfg.rooms
        while True:
            seq, scheduled = await self.queue.get()
            room = rooms[seq % len(rooms)]
            members = self.cfg.tokens[room]
            token = members[(seq // len(rooms)) % len(members)]
            body, sent = self._body(seq, room)
            status, took = 0, 0.0
            try:
                status, answer = await conn.post("/api/v1/messages", token, body, self.cfg.timeout)
                took = time.time() - sent
                if status >= 300 and len(self.errors) < 10:
                    self.errors.append(f"HTTP {status}: {answer[:300].decode(errors='replace')}")
            except (OSError, TimeoutError, ConnectionError, ValueError, asyncio.IncompleteReadError) as exc:
                if len(self.errors) < 10:
                    self.errors.append(f"{type(exc).__name__}: {exc}")
            finally:
                self.queue.task_done()
            r = self.records
            r["seq"].append(seq)
            r["room"].append(room)
            r["scheduled"].append(scheduled)
            r["sent"].append(sent)
            r["status"].append(status)
            r["response"].append(took)

    async def run(self, rate: float, start_at: float, duration: float, drain: float) -> dict[str, Any]:
        """Schedule ``rate`` messages/s from ``start_at`` for ``duration`` s; wait (at most
        ``drain`` s after the end) for their answers. Returns this run's records."""
        first = len(self.records["seq"])
        late_before = self.late
        count = int(rate * duration)
        for i in range(count):
            due = start_at + i / rate
            delay = due - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            if self.queue.qsize() > 0 or self.queue._unfinished_tasks >= len(self.connections):  # type: ignore[attr-defined]
                self.late += 1
            self.seq += 1
            self.queue.put_nowait((self.seq, due))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.queue.join(), max(0.1, start_at + duration + drain - time.time()))
        unsent = 0
        while not self.queue.empty():
            self.queue.get_nowait()
            self.queue.task_done()
            unsent += 1
        return {
            **{name: values[first:].tobytes() for name, values in self.records.items()},
            "late": self.late - late_before,
            "unsent": unsent,
            "errors": list(self.errors),
        }


async def _sender(cmd: Connection, out: Connection, cfg: SendConfig) -> None:
    sender = Sender(cfg)
    workers = [asyncio.create_task(sender._worker(conn)) for conn in sender.connections]
    out.send(("ready", {}))
    try:
        while True:
            command = await asyncio.to_thread(cmd.recv)
            if command[0] != "run":
                break
            _, rate, start_at, duration, drain = command
            out.send(("done", await sender.run(rate, start_at, duration, drain)))
    finally:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        for conn in sender.connections:
            conn.close()


def sender_main(cmd: Connection, out: Connection, cfg: SendConfig) -> None:
    """Entry point of the sending process (multiprocessing, spawn)."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_sender(cmd, out, cfg))
