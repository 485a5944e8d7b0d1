"""The load generator's processes: simulated agents and browser clients on asyncio + websockets.

Each process talks to its parent through a Pipe: it connects its sockets and says ``ready``;
the parent answers ``start`` with a wall-clock start time shared by every process; the process
runs its phase, drains (waits for the acks of everything it sent, bounded), closes its sockets
and sends ``result``. Nothing is dropped silently: a frame due while the window is full waits
in the agent (counted as backlog) and is sent as soon as an ack frees the window; frames never
sent by the end of the drain are counted as unsent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import random
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from typing import Any, cast

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, WebSocketException
from websockets.typing import Subprotocol

# 36 metrics that stay put during a run, plus 4 per frame: cpu_percent, bench_run,
# bench_marker (unique per sample: the loss check) and bench_sent_at (the latency probe).
STATIC_METRICS: list[tuple[str, float]] = [
    *[(f"cpu_percent:core{n}", 12.5) for n in range(15)],
    ("load_1", 0.71),
    ("load_5", 0.64),
    ("load_15", 0.52),
    ("memory_percent", 41.3),
    ("memory_used_bytes", 6_884_106_240),
    ("memory_available_bytes", 9_779_437_568),
    ("swap_percent", 0.0),
    ("swap_used_bytes", 0),
    ("disk_percent", 57.2),
    ("disk_percent:/home", 23.9),
    ("disk_percent:/var", 71.4),
    ("disk_read_bytes_per_s", 131_072.0),
    ("disk_write_bytes_per_s", 2_457_600.0),
    ("net_rx_bytes_per_s", 48_213.5),
    ("net_tx_bytes_per_s", 91_877.25),
    ("uptime_seconds", 1_382_400),
    ("process_count", 213),
    ("temperature_celsius:cpu", 48.0),
    ("temperature_celsius:nvme0", 39.85),
    ("agent_rss_bytes", 31_457_280),
    ("agent_cpu_percent", 0.4),
]
VALUES_PER_SAMPLE = len(STATIC_METRICS) + 4
ACK_PREFIX = '{"type":"ack","seq":'
MAX_LATENCIES = 200_000  # per process; enough for every frame of the default runs
SLOW_S = 0.05  # an agent → browser latency counted as slow in the timeline (half the target)


@dataclass(frozen=True)
class AgentSpec:
    index: int
    url: str
    key: str
    hostname: str


@dataclass(frozen=True)
class BrowserSpec:
    url: str
    token: str
    origin: str


@dataclass(frozen=True)
class PhaseConfig:
    mode: str  # "steady" | "saturation"
    run_no: int
    duration: float
    rate: float = 1.0  # data frames per second per agent (steady)
    connect_concurrency: int = 50
    connect_timeout: float = 30.0
    drain_timeout: float = 30.0
    connect_phase_timeout: float = 120.0
    # Seconds between every agent connected (each already sending at the steady rate) and the
    # measured window: the backlog of the connect storm is not the steady state.
    settle: float = 0.0


@dataclass
class Stats:
    agents: int = 0
    connected: int = 0
    connect_failed: int = 0
    generated: int = 0  # frames due (steady) or built (saturation)
    sent: int = 0
    acked: int = 0
    acked_in_window: int = 0
    backlog: int = 0  # frames that were due while the window was full
    max_queue: int = 0  # most frames one agent held back at once
    unsent: int = 0  # due but never sent (a closed socket, the drain timeout)
    unacked: int = 0  # sent but never acknowledged within the drain
    errors: int = 0
    reconnects: int = 0
    closed_early: int = 0
    close_codes: dict[str, int] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    ack_latencies: list[float] = field(default_factory=list)
    acked_seq: dict[int, int] = field(default_factory=dict)  # agent index -> highest seq acked
    sent_seq: dict[int, int] = field(default_factory=dict)  # agent index -> highest seq sent
    # browsers
    received: int = 0
    latencies: list[float] = field(default_factory=list)
    latency_sent: list[float] = field(default_factory=list)  # the send time of each of latencies
    # send times (epoch s) of events that reached a browser more than SLOW_S after they were
    # sent, to see when in the minute the tail happens (the jobs run at minute turns)
    slow_sent: list[float] = field(default_factory=list)

    def note(self, text: str) -> None:
        if len(self.details) < 10:
            self.details.append(text)


class Agent:
    def __init__(self, spec: AgentSpec, cfg: PhaseConfig, stats: Stats) -> None:
        self.spec = spec
        self.cfg = cfg
        self.stats = stats
        self.ws: ClientConnection | None = None
        self.window = 32
        self.seq = 0
        self.acked = 0
        self.due = 0
        self.producing = True
        self.closing = False
        self.saturate = cfg.mode == "saturation"
        self.wake = asyncio.Event()
        self.drained = asyncio.Event()
        self.sent_at: deque[tuple[int, float]] = deque()
        self.window_start = math.inf  # set by run(): until then, warm-up at the steady rate
        self.window_end = math.inf
        self.tasks: list[asyncio.Task[None]] = []
        self.stream = f"bench{cfg.run_no}x{spec.index:07d}"
        rng = random.Random(spec.index)
        self.static = ",".join(f'"{name}":{value * rng.uniform(0.8, 1.2)!r}' for name, value in STATIC_METRICS)
        self.rng = rng

    async def connect(self) -> None:
        """Connect like a real agent: retry with jittered backoff; once welcomed, send at the
        steady rate at once (a silent agent is closed by the hub after 60 s)."""
        for attempt in range(4):
            try:
                await self._connect_once()
                break
            except (OSError, TimeoutError, WebSocketException) as exc:
                if attempt == 3:
                    raise
                self.stats.reconnects += 1
                self.stats.note(f"connect retried: {type(exc).__name__}: {exc}")
                await asyncio.sleep(self.rng.uniform(0, 2 ** (attempt + 1)))
        self.tasks = [asyncio.create_task(self._read()), asyncio.create_task(self._pump())]
        self.tasks.append(asyncio.create_task(self._produce()))

    async def _connect_once(self) -> None:
        self.ws = await connect(
            self.spec.url,
            additional_headers={"Authorization": f"Bearer {self.spec.key}"},
            compression=None,
            open_timeout=self.cfg.connect_timeout,
            ping_interval=None,
            close_timeout=5,
            max_size=1 << 20,
        )
        hello = {
            "type": "hello",
            "protocol": 1,
            "agent_version": "bench",
            "hostname": self.spec.hostname,
            "os": "Debian GNU/Linux 12",
            "kernel": "6.1.0",
            "cpu_count": 16,
            "memory_total_bytes": 16_663_543_808,
            "capabilities": ["logs", "metrics"],
            "stream": self.stream,
            "interval": 1,
        }
        await self.ws.send(json.dumps(hello))
        welcome = json.loads(await asyncio.wait_for(self.ws.recv(), self.cfg.connect_timeout))
        if welcome.get("type") != "welcome":
            raise RuntimeError(f"expected welcome, got {str(welcome)[:200]}")
        self.window = int(welcome["window"])

    def _frame(self, seq: int, now: float) -> str:
        marker = self.cfg.run_no * 10**12 + self.spec.index * 10**6 + seq
        cpu = round(self.rng.uniform(2, 95), 2)
        return (
            f'{{"type":"data","seq":{seq},"samples":[{{"ts":{now!r},"values":{{{self.static},'
            f'"cpu_percent":{cpu!r},"bench_run":{self.cfg.run_no},"bench_marker":{marker},'
            f'"bench_sent_at":{now!r}}}}}],"logs":[]}}'
        )

    async def run(self, start_at: float, end_at: float) -> None:
        assert self.ws is not None
        self.window_start, self.window_end = start_at, end_at
        self.wake.set()
        try:
            await asyncio.sleep(max(0.0, end_at - time.time()))
            self.producing = False
            self.wake.set()
            self._check_drained()
            remaining = end_at + self.cfg.drain_timeout - time.time()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.drained.wait(), max(0.1, remaining))
        finally:
            self.stats.unsent += self.due
            self.stats.unacked += self.seq - self.acked
            self.stats.acked_seq[self.spec.index] = self.acked
            self.stats.sent_seq[self.spec.index] = self.seq
            self.closing = True
            for task in self.tasks[1:]:
                task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 10)
            self.tasks[0].cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)

    def _saturating(self, now: float) -> bool:
        return self.saturate and self.window_start <= now < self.window_end

    async def _produce(self) -> None:
        """Frames due at the steady rate (steady mode, and the warm-up of saturation)."""
        interval = 1.0 / self.cfg.rate
        due_at = time.time() + self.rng.random() * interval  # spread the agents over the second
        while True:
            await asyncio.sleep(max(0.0, due_at - time.time()))
            if due_at >= self.window_end or (self.saturate and due_at >= self.window_start):
                return  # the end, or the pump saturates from now on
            self.stats.generated += 1
            self.due += 1
            if self.seq - self.acked >= self.window:
                self.stats.backlog += 1
            self.stats.max_queue = max(self.stats.max_queue, self.due)
            self.wake.set()
            due_at += interval

    async def _pump(self) -> None:
        assert self.ws is not None
        timer_set = False
        try:
            while True:
                await self.wake.wait()
                self.wake.clear()
                now = time.time()
                while self.seq - self.acked < self.window:
                    now = time.time()
                    if self.due > 0:
                        self.due -= 1
                    elif self._saturating(now):
                        self.stats.generated += 1
                    else:
                        break
                    self.seq += 1
                    self.sent_at.append((self.seq, now))
                    await self.ws.send(self._frame(self.seq, now))
                    self.stats.sent += 1
                if self.saturate and now < self.window_start < math.inf and not timer_set:
                    # Wake when saturation begins even if no ack comes.
                    asyncio.get_running_loop().call_later(self.window_start - now, self.wake.set)
                    timer_set = True
        except ConnectionClosed:
            return

    def _check_drained(self) -> None:
        if not self.producing and self.due == 0 and self.acked >= self.seq:
            self.drained.set()

    async def _read(self) -> None:
        assert self.ws is not None
        stats = self.stats
        try:
            async for message in self.ws:
                text = message if isinstance(message, str) else message.decode()
                if text.startswith(ACK_PREFIX):
                    seq = int(text[len(ACK_PREFIX) : -1])
                else:
                    frame = json.loads(text)
                    if frame.get("type") != "ack":
                        stats.errors += 1
                        stats.note(f"agent {self.spec.index}: {text[:200]}")
                        continue
                    seq = int(frame["seq"])
                if seq <= self.acked:
                    continue
                now = time.time()
                covered = seq - self.acked
                self.acked = seq
                stats.acked += covered
                if self.window_start <= now <= self.window_end:
                    stats.acked_in_window += covered
                while self.sent_at and self.sent_at[0][0] <= seq:
                    _, sent = self.sent_at.popleft()
                    # Frames sent in the measured window only, as for the browsers' latency.
                    if self.window_start <= sent <= self.window_end and len(stats.ack_latencies) < MAX_LATENCIES:
                        stats.ack_latencies.append(now - sent)
                self.wake.set()
                self._check_drained()
        except ConnectionClosed:
            pass
        if not self.closing and (self.producing or self.acked < self.seq):  # the hub closed on us
            code = str(self.ws.close_code)
            stats.closed_early += 1
            stats.close_codes[code] = stats.close_codes.get(code, 0) + 1
            stats.note(f"agent {self.spec.index} closed by the hub: {code} {self.ws.close_reason}")
        self.producing = False
        self.drained.set()


class Browser:
    def __init__(self, spec: BrowserSpec, cfg: PhaseConfig, stats: Stats) -> None:
        self.spec = spec
        self.cfg = cfg
        self.stats = stats
        self.ws: ClientConnection | None = None
        self.window: tuple[float, float] | None = None
        self.stop_at = float("inf")
        self.reader: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self.ws = await connect(
            self.spec.url,
            subprotocols=[Subprotocol("bearer"), cast(Subprotocol, self.spec.token)],
            origin=cast(Any, self.spec.origin),
            compression=None,
            open_timeout=self.cfg.connect_timeout,
            ping_interval=None,
            close_timeout=5,
            max_size=1 << 22,
        )
        self.reader = asyncio.create_task(self.read())

    async def run(self, start_at: float, end_at: float) -> None:
        """Count the events of frames sent in [start_at, end_at]. The socket is read from the
        moment it connected (``read``): a browser that stops reading while the agents connect
        has its socket dropped by the hub's keepalive, as a real one would."""
        self.window = (start_at, end_at)
        self.stop_at = end_at + self.cfg.drain_timeout
        if self.reader is not None:
            await self.reader

    async def read(self) -> None:
        assert self.ws is not None
        stats = self.stats
        try:
            while True:
                remaining = self.stop_at - time.time()
                if remaining <= 0:
                    break
                try:
                    message = await asyncio.wait_for(self.ws.recv(), min(remaining, 1.0))
                except TimeoutError:
                    continue
                now = time.time()
                if self.window is None:
                    continue
                start_at, end_at = self.window
                event = json.loads(message)
                values = event.get("values") or {}
                if event.get("type") != "metrics.sample" or values.get("bench_run") != self.cfg.run_no:
                    continue
                stats.received += 1
                sent = float(values.get("bench_sent_at", 0.0))
                if start_at <= sent <= end_at and len(stats.latencies) < MAX_LATENCIES:
                    stats.latencies.append(now - sent)
                    stats.latency_sent.append(sent)
                    if now - sent > SLOW_S:
                        stats.slow_sent.append(sent)
        except ConnectionClosed as exc:
            stats.closed_early += 1
            stats.note(f"browser closed: {exc}")
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 5)


async def _connect_all(clients: list[Any], cfg: PhaseConfig, stats: Stats) -> list[Any]:
    gate = asyncio.Semaphore(cfg.connect_concurrency)
    connected: list[Any] = []

    async def one(client: Any) -> None:
        async with gate:
            try:
                await client.connect()
                connected.append(client)
            except (OSError, TimeoutError, WebSocketException, RuntimeError, ValueError) as exc:
                stats.connect_failed += 1
                stats.note(f"connect failed: {type(exc).__name__}: {exc}")

    # Bounded: a hub that cannot accept everyone in time gets measured with those it took.
    tasks = [asyncio.create_task(one(c)) for c in clients]
    _done, late = await asyncio.wait(tasks, timeout=cfg.connect_phase_timeout)
    for task in late:
        task.cancel()
    await asyncio.gather(*late, return_exceptions=True)
    if late:
        stats.connect_failed += len(late)
        stats.note(f"{len(late)} connects not done after {cfg.connect_phase_timeout:.0f} s: given up")
    stats.connected = len(connected)
    return connected


async def _main(conn: Connection, agents: list[AgentSpec], browsers: list[BrowserSpec], cfg: PhaseConfig) -> None:
    stats = Stats(agents=len(agents) + len(browsers))
    clients: list[Any] = [Agent(s, cfg, stats) for s in agents] + [Browser(s, cfg, stats) for s in browsers]
    connected = await _connect_all(clients, cfg, stats)
    conn.send(("ready", {"connected": stats.connected, "failed": stats.connect_failed}))
    message = await asyncio.to_thread(conn.recv)
    if message[0] == "start":
        start_at: float = message[1]
        end_at = start_at + cfg.duration
        await asyncio.gather(*(c.run(start_at, end_at) for c in connected), return_exceptions=True)
    else:
        await asyncio.gather(*(c.ws.close() for c in connected if c.ws is not None), return_exceptions=True)
    conn.send(("result", asdict(stats)))


def worker_main(conn: Connection, agents: list[AgentSpec], browsers: list[BrowserSpec], cfg: PhaseConfig) -> None:
    """Entry point of a load process (multiprocessing, spawn)."""
    try:
        asyncio.run(_main(conn, agents, browsers, cfg))
    except KeyboardInterrupt:
        pass
    finally:
        conn.close()
