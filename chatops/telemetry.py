"""The hub's own figures, right across several processes: counters, histograms, and gauges
each process holds (its open sockets), read by ``GET /metrics`` (the telemetry app).

Counting costs a lock and a dict update on the hot path (ingest counts once per batch), never a
round trip. Each process keeps what it counted since its last flush; with ``REDIS_URL`` a daemon
thread flushes every ``TELEMETRY_FLUSH_SECONDS`` in one pipeline:

- counter and histogram increments: ``HINCRBYFLOAT`` into one hash of totals
  (``<prefix>:telemetry:totals``), so totals are the sum over every process that ever counted,
  restarts included (a Prometheus counter that only grows; it resets only with Redis);
- this process's gauges (``HSET <prefix>:telemetry:gauges``, field ``<process>|<name>|<labels>``)
  and a heartbeat (``<prefix>:telemetry:alive``).

A scrape flushes its own process first, then reads the three hashes: gauges are summed over the
processes whose heartbeat is younger than three flush intervals; a dead process's are dropped
(and deleted). So a counter seen by a scrape may lag another process by one flush interval, and
a gauge of a process killed without a goodbye lingers for at most three.

Without Redis (the embedded default: one process, the worker inside it) the process's own
memory is the whole truth. A flush that fails keeps its increments for the next one.

Prometheus' own multiprocess mode was not used: it needs a directory shared by every process
(one machine) and wiped on each restart; Redis is already what the hub's processes share.
"""

from __future__ import annotations

import atexit
import bisect
import logging
import os
import socket
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

SEP = "\x1f"  # between a field's parts: never in a metric name or a label value we write
PROCESS = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class Counter:
    """Only grows. ``inc(amount, *label_values)``, the values in ``labels``' order."""

    name: str
    help: str
    labels: tuple[str, ...] = ()

    def inc(self, amount: float = 1.0, *values: str) -> None:
        _store.add(_key(self.name, values), amount)


@dataclass(frozen=True)
class Histogram:
    """Observations counted in buckets (upper bounds, ascending), with their sum and count."""

    name: str
    help: str
    buckets: tuple[float, ...]

    def observe(self, value: float) -> None:
        index = bisect.bisect_left(self.buckets, value)
        bound = repr(self.buckets[index]) if index < len(self.buckets) else "+Inf"
        _store.add_many(
            (_key(f"{self.name}_bucket", (bound,)), 1.0),
            (_key(f"{self.name}_sum", ()), value),
            (_key(f"{self.name}_count", ()), 1.0),
        )


@dataclass(frozen=True)
class Gauge:
    """A value each process holds (its open sockets); the scrape reports the sum over the
    processes alive."""

    name: str
    help: str
    labels: tuple[str, ...] = ()

    def inc(self, amount: float = 1.0, *values: str) -> None:
        _store.move(_key(self.name, values), amount)

    def dec(self, amount: float = 1.0, *values: str) -> None:
        _store.move(_key(self.name, values), -amount)


def _key(name: str, values: tuple[str, ...]) -> str:
    return SEP.join((name, *values))


def split(key: str) -> tuple[str, tuple[str, ...]]:
    name, *values = key.split(SEP)
    return name, tuple(values)


# --- The hub's own figures (declared here, so every process can describe them) ---------------------

INGEST_FRAMES = Counter(
    "chatops_ingest_frames_total",
    "Agent data frames handed to the ingest batcher, by outcome (stored, failed: the batch could not be written).",
    ("outcome",),
)
INGEST_BATCHES = Histogram(
    "chatops_ingest_batch_seconds",
    "Time to write one ingest batch (one transaction), in seconds.",
    (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
SOCKETS = Gauge("chatops_open_sockets", "Open websockets, by kind (agent, browser).", ("kind",))
JOB_RUNS = Counter("chatops_worker_job_runs_total", "Background job runs, by job and outcome.", ("job", "outcome"))

COUNTERS: tuple[Counter, ...] = (INGEST_FRAMES, JOB_RUNS)
HISTOGRAMS: tuple[Histogram, ...] = (INGEST_BATCHES,)
GAUGES: tuple[Gauge, ...] = (SOCKETS,)


# --- The store ----------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """Totals as a scrape reads them: counter and histogram series, and gauges summed."""

    totals: dict[str, float] = field(default_factory=dict)
    gauges: dict[str, float] = field(default_factory=dict)
    processes: int = 1


class Store:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: defaultdict[str, float] = defaultdict(float)  # not yet flushed to Redis
        self.local: defaultdict[str, float] = defaultdict(float)  # everything this process counted
        self.gauges: defaultdict[str, float] = defaultdict(float)
        self.thread: threading.Thread | None = None
        self.stop = threading.Event()

    def add(self, key: str, amount: float) -> None:
        with self.lock:
            self.pending[key] += amount
            self.local[key] += amount
        self._start()

    def add_many(self, *pairs: tuple[str, float]) -> None:
        with self.lock:
            for key, amount in pairs:
                self.pending[key] += amount
                self.local[key] += amount
        self._start()

    def move(self, key: str, amount: float) -> None:
        with self.lock:
            self.gauges[key] += amount
        self._start()

    # With Redis: a flusher thread per process, started at the first figure counted.
    def _start(self) -> None:
        if self.thread is not None or not settings.REDIS_URL:
            return
        with self.lock:
            if self.thread is not None:
                return
            self.thread = threading.Thread(target=self._loop, name="telemetry-flush", daemon=True)
        self.thread.start()
        atexit.register(self.flush)

    def _loop(self) -> None:
        while not self.stop.wait(float(settings.TELEMETRY_FLUSH_SECONDS)):
            self.flush()

    def flush(self) -> bool:
        """Send what this process counted since the last flush; False if Redis failed (kept)."""
        if not settings.REDIS_URL:
            return True
        with self.lock:
            pending, self.pending = self.pending, defaultdict(float)
            gauges = dict(self.gauges)
        keys = _keys()
        try:
            pipe = _redis().pipeline(transaction=False)
            for key, amount in pending.items():
                pipe.hincrbyfloat(keys["totals"], key, amount)
            if gauges:
                pipe.hset(keys["gauges"], mapping={f"{PROCESS}{SEP}{key}": value for key, value in gauges.items()})
            pipe.hset(keys["alive"], PROCESS, time.time())
            pipe.execute()
        except Exception as exc:
            logger.warning("Could not flush the hub's figures to Redis (kept for the next try): %s", exc)
            with self.lock:
                for key, amount in pending.items():
                    self.pending[key] += amount
            return False
        return True

    def snapshot(self) -> Snapshot:
        """The totals across the hub's processes (this one's alone without Redis)."""
        if not settings.REDIS_URL:
            with self.lock:
                return Snapshot(dict(self.local), {k: v for k, v in self.gauges.items()})
        self.flush()
        keys = _keys()
        pipe = _redis().pipeline(transaction=False)
        pipe.hgetall(keys["totals"])
        pipe.hgetall(keys["gauges"])
        pipe.hgetall(keys["alive"])
        raw_totals, raw_gauges, raw_alive = pipe.execute()
        horizon = time.time() - 3 * float(settings.TELEMETRY_FLUSH_SECONDS)
        alive = {p.decode() for p, beat in raw_alive.items() if float(beat) >= horizon}
        dead = [p for p in raw_alive if p.decode() not in alive]
        gauges: defaultdict[str, float] = defaultdict(float)
        stale: list[bytes] = []
        for raw_field, value in raw_gauges.items():
            process, _, key = raw_field.decode().partition(SEP)
            if process in alive:
                gauges[key] += float(value)
            else:
                stale.append(raw_field)
        if dead or stale:
            cleanup = _redis().pipeline(transaction=False)
            if stale:
                cleanup.hdel(keys["gauges"], *stale)
            if dead:
                cleanup.hdel(keys["alive"], *dead)
            cleanup.execute()
        totals = {key.decode(): float(value) for key, value in raw_totals.items()}
        return Snapshot(totals, dict(gauges), len(alive))


def _keys() -> dict[str, str]:
    prefix = f"{settings.REDIS_PREFIX}:telemetry"
    return {"totals": f"{prefix}:totals", "gauges": f"{prefix}:gauges", "alive": f"{prefix}:alive"}


@cache
def _redis() -> Any:
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)


_store = Store()


def flush() -> bool:
    return _store.flush()


def snapshot() -> Snapshot:
    return _store.snapshot()


# --- Families written by their collector ----------------------------------------------------------


@dataclass
class GaugeLines:
    """A gauge family whose sample lines its collector wrote itself (``name{labels} value``,
    each ending in a newline), for families of tens of thousands of samples: prometheus-client
    builds an object per sample and formats every label of every sample again, which took
    seconds for 1,000 servers x 40 metrics. The lines are the same in the Prometheus text format
    and OpenMetrics; the exposition adds the family's ``HELP`` and ``TYPE``."""

    name: str
    help: str
    lines: list[str] = field(default_factory=list)


def label_value(value: str) -> str:
    """A label value as both formats write it between its quotes."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def labels(**pairs: str) -> str:
    """``a="x",b="y"``: label pairs, in the order given, values escaped."""
    return ",".join(f'{name}="{label_value(value)}"' for name, value in pairs.items())
