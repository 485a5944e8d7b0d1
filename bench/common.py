"""Shared helpers of the hub benchmarks: a fresh PostgreSQL database, the hub's environment,
daphne processes that are always stopped, percentiles and CPU/RSS accounting with psutil.

Everything listens on and connects to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import psutil
import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
CORES = os.cpu_count() or 1


class BenchAbort(Exception):
    """The global deadline passed, or a signal asked us to stop."""


def install_deadline(seconds: float) -> None:
    """SIGALRM after ``seconds`` and SIGTERM/SIGHUP raise :class:`BenchAbort` in the main
    thread, so ``finally`` blocks stop every process we started (Ctrl-C raises
    KeyboardInterrupt, which they handle the same way)."""

    def abort(signum: int, _frame: FrameType | None) -> None:
        name = "the global deadline" if signum == signal.SIGALRM else signal.Signals(signum).name
        raise BenchAbort(f"stopped by {name}")

    signal.signal(signal.SIGALRM, abort)
    signal.signal(signal.SIGTERM, abort)
    signal.signal(signal.SIGHUP, abort)
    signal.alarm(max(1, int(seconds)))


def work_dir(name: str, deadline: float) -> Path:
    """Install the global ``deadline`` and make this run's directory for logs and files
    (``var/bench/<name>-<time>``)."""
    install_deadline(deadline)
    work = ROOT / "var" / "bench" / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}"
    work.mkdir(parents=True, exist_ok=True)
    return work


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def cpu_reference(rounds: int = 5) -> float:
    """Milliseconds one core takes for a fixed piece of Python work (the median of ``rounds``).

    The virtual machine these benchmarks ran on changed speed by up to 2x over minutes with
    nothing else running (this loop took 110 to 207 ms), so every figure is printed with the
    reference measured beside it: compare runs only at similar references."""
    took = []
    for _ in range(rounds):
        started = time.perf_counter()
        total = 0
        for i in range(400_000):
            total += i * i
        took.append(time.perf_counter() - started)
    return sorted(took)[rounds // 2] * 1000


class SpeedProbe:
    """A thread that times a small fixed piece of Python work (~1 ms) twice a second: the
    machine's speed, and how long our own load keeps a process waiting for a core, over a
    measured window. It also reads PostgreSQL's CPU time (every ``postgres`` process, and
    what exited backends left to the postmaster), to place its bursts in time. Costs about
    0.5 % of a core."""

    def __init__(self, period: float = 0.5) -> None:
        self.period = period
        self.samples: list[tuple[float, float, float]] = []  # (time.time(), probe ms, PostgreSQL CPU s)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="speed-probe", daemon=True)
        self._postgres = _named(("postgres",))

    def _postgres_cpu(self) -> float:
        total = 0.0
        for proc in self._postgres:
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system + times.children_user + times.children_system
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.period):
            started = time.perf_counter()
            total = 0
            for i in range(20_000):
                total += i * i
            took = (time.perf_counter() - started) * 1000
            self.samples.append((time.time(), took, self._postgres_cpu()))

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> list[tuple[float, float, float]]:
        self._stop.set()
        self._thread.join(timeout=5)
        return self.samples


def db_url(name: str) -> str:
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    return f"{base}/{name}"


@contextlib.contextmanager
def fresh_database(prefix: str, keep: bool = False) -> Iterator[str]:
    """CREATE a uniquely named database, yield its URL, DROP it at the end (unless ``keep``)."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield db_url(name)
    finally:
        if keep:
            print(f"kept database {name}")
        else:
            with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=10) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_sessions(database: str) -> int:
    """Connections ever opened to ``database`` (pg_stat_database.sessions, PostgreSQL >= 14)."""
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_clear_snapshot()")
        row = conn.execute("SELECT sessions FROM pg_stat_database WHERE datname = %s", [database]).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def hub_env(database_url: str, var_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a production-like hub: DEBUG off, PostgreSQL, Redis."""
    prefix = f"chatops-bench-{uuid.uuid4().hex[:8]}"
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_"))},
        "DJANGO_SETTINGS_MODULE": "chatops.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "REDIS_PREFIX": prefix,
        "CHATOPS_VAR_DIR": str(var_dir),
        "SECRET_KEY": "bench-secret-key-0123456789abcdef0123456789abcdef",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMBEDDED_WORKER": "true",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args[:2])} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def django_script(env: dict[str, str], code: str, timeout: float = 300) -> str:
    """Run ``code`` with the hub's settings (``manage.py shell -c``); returns what it printed."""
    return manage(env, "shell", "-c", code, timeout=timeout)


@dataclass
class Daphne:
    """One daphne process, stopped by :meth:`stop` (always called through :class:`Processes`)."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@dataclass
class Processes:
    """Every child we start, stopped in reverse order on exit whatever happens."""

    daphnes: list[Daphne] = field(default_factory=list)
    others: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_daphne(
        self,
        app: str,
        env: dict[str, str],
        log_dir: Path,
        cwd: Path = ROOT,
        health_path: str | None = "/api/v1/health",
        timeout: float = 60,
    ) -> Daphne:
        port = free_port()
        log_path = log_dir / f"daphne-{port}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter
                [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), app],
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        daphne = Daphne(process, port, log_path)
        self.daphnes.append(daphne)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"daphne exited:\n{log_path.read_text()[-3000:]}")
            if _ready(port, health_path):
                return daphne
            time.sleep(0.1)
        raise RuntimeError(f"daphne on port {port} not ready in {timeout:.0f} s")

    def stop_daphne(self, daphne: Daphne) -> None:
        daphne.stop()
        if daphne in self.daphnes:
            self.daphnes.remove(daphne)

    def stop_all(self) -> None:
        for daphne in reversed(self.daphnes):
            with contextlib.suppress(Exception):
                daphne.stop()
        self.daphnes.clear()
        for process in reversed(self.others):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.others.clear()


def _ready(port: int, health_path: str | None) -> bool:
    if health_path is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return False
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{health_path}", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _cpu_seconds(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return float(times.user + times.system)


def _named(names: tuple[str, ...]) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["name"]):
        if (proc.info.get("name") or "").startswith(names):
            found.append(proc)
    return found


class CpuMonitor:
    """Samples the CPU time and RSS of process groups between :meth:`start` and :meth:`stop`:
    CPU % is of one core (200 % = both cores of this machine); RSS is the maximum seen.
    Groups: named pids, plus every ``postgres`` and ``redis-server`` process; ``system`` is
    the whole machine; ``other`` is the rest (the kernel's softirq work, processes not ours:
    :attr:`strangers` names the busiest of those)."""

    def __init__(self, groups: dict[str, list[int]], interval: float = 0.5) -> None:
        self.groups = groups
        self.interval = interval
        self.max_rss: dict[str, int] = dict.fromkeys(groups, 0)
        self._start_cpu: dict[int, float] = {}
        self._start_children: dict[int, float] = {}
        self._procs: dict[str, list[psutil.Process]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._t0 = 0.0
        self._sys0: Any = None
        self.result: dict[str, float] = {}
        self.strangers: list[str] = []
        self._all0: dict[int, float] = {}

    def _group_procs(self) -> dict[str, list[psutil.Process]]:
        procs: dict[str, list[psutil.Process]] = {}
        for name, pids in self.groups.items():
            procs[name] = []
            for pid in pids:
                with contextlib.suppress(psutil.Error):
                    procs[name].append(psutil.Process(pid))
        procs["postgres"] = _named(("postgres",))
        procs["redis"] = _named(("redis-server",))
        return procs

    def _sample_rss(self) -> None:
        while not self._stop.wait(self.interval):
            for name in self.groups:
                for proc in self._procs.get(name, []):
                    with contextlib.suppress(psutil.Error):
                        self.max_rss[name] = max(self.max_rss[name], proc.memory_info().rss)

    def start(self) -> None:
        self._procs = self._group_procs()
        for members in self._procs.values():
            for proc in members:
                with contextlib.suppress(psutil.Error):
                    times = proc.cpu_times()
                    self._start_cpu[proc.pid] = times.user + times.system
                    self._start_children[proc.pid] = times.children_user + times.children_system
        self._all0 = _all_cpu()
        self._sys0 = psutil.cpu_times()
        self._t0 = time.monotonic()
        self._thread = threading.Thread(target=self._sample_rss, daemon=True)
        self._thread.start()

    def stop(self) -> dict[str, float]:
        wall = max(1e-9, time.monotonic() - self._t0)
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.result = {}
        for name, members in self._group_procs().items():
            before = {p.pid for p in self._procs.get(name, [])}
            total = 0.0
            alive: set[int] = set()
            for proc in members:
                with contextlib.suppress(psutil.Error):
                    times = proc.cpu_times()
                    now = times.user + times.system
                    alive.add(proc.pid)
                    if proc.pid in before:
                        # Children it reaped meanwhile (PostgreSQL backends that exited) count too.
                        children = times.children_user + times.children_system
                        total += now - self._start_cpu[proc.pid] + children - self._start_children[proc.pid]
                    else:
                        total += now  # appeared meanwhile (a new PostgreSQL backend): counts from 0
            # Gone meanwhile: its whole CPU time is in its parent's children time, less what it
            # had used before the start.
            total -= sum(self._start_cpu.get(pid, 0.0) for pid in before - alive)
            self.result[name] = 100 * total / wall
        sys1 = psutil.cpu_times()
        busy = (sum(sys1) - sys1.idle - sys1.iowait) - (sum(self._sys0) - self._sys0.idle - self._sys0.iowait)
        self.result["system"] = 100 * busy / wall
        softirq = 100 * (sys1.softirq - self._sys0.softirq) / wall
        self.result["other"] = self.result["system"] - sum(v for k, v in self.result.items() if k != "system")
        self.result["softirq"] = softirq  # part of "other": the loopback network stack, mostly
        ours = {p.pid for members in self._group_procs().values() for p in members} | set(self._start_cpu)
        ours |= {p.pid for p in psutil.Process().children(recursive=True)} | {os.getpid()}
        deltas = [(cpu - self._all0.get(pid, 0.0), pid) for pid, cpu in _all_cpu().items() if pid not in ours]
        self.strangers = []
        for delta, pid in sorted(deltas, reverse=True)[:3]:
            if 100 * delta / wall >= 5:
                with contextlib.suppress(psutil.Error):
                    cmd = " ".join(psutil.Process(pid).cmdline())[:80]
                    self.strangers.append(f"{100 * delta / wall:.0f}% pid {pid} {cmd}")
        return self.result


def _all_cpu() -> dict[int, float]:
    found: dict[int, float] = {}
    for proc in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            found[proc.pid] = times.user + times.system
    return found


def wait_quiet(below: float = 30.0, timeout: float | None = None) -> float:
    """Wait (bounded) until the whole machine uses less than ``below`` % CPU over 2 s: other
    people's benchmarks on a shared machine would skew ours. Returns the last reading.
    ``BENCH_QUIET_TIMEOUT`` (seconds, default 120) bounds the wait: on a machine that is never
    quiet (others' tests, the load the run is given priority over) 0 skips it."""
    if timeout is None:
        timeout = float(os.environ.get("BENCH_QUIET_TIMEOUT", "120"))
    deadline = time.monotonic() + timeout
    reading = psutil.cpu_percent(interval=2) * CORES
    while reading >= below and time.monotonic() < deadline:
        reading = psutil.cpu_percent(interval=2) * CORES
    if reading >= below:
        print(f"   ! the machine is busy before we start ({reading:.0f}% CPU): figures will be skewed")
    return reading


def wait_idle(pids: list[int], below: float = 15.0, settle: float = 1.0, timeout: float = 30.0) -> None:
    """Wait until the processes use less than ``below`` % CPU for ``settle`` seconds (bounded)."""
    procs = [psutil.Process(pid) for pid in pids if psutil.pid_exists(pid)]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = sum(_cpu_seconds(p) for p in procs)
        time.sleep(settle)
        if 100 * (sum(_cpu_seconds(p) for p in procs) - before) / settle < below:
            return


def redis_cleanup(prefix: str) -> None:
    """Delete the keys a hub wrote under its own prefix (cache, rate-limit counters)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def start_py_spy(pids: list[int], duration: float, prefix: Path) -> list[tuple[subprocess.Popen[bytes], Path]]:
    """Sample each pid with py-spy (if installed) for ``duration`` s into ``<prefix>-<pid>.txt``
    (collapsed stacks, idle included, one root per thread). py-spy costs CPU too: a profiled
    run's figures are not the reference ones."""
    spy = Path(PYTHON).with_name("py-spy")
    if not spy.exists():
        print("   (py-spy not installed: .venv/bin/pip install py-spy)")
        return []
    started = []
    for pid in pids:
        out = Path(f"{prefix}-{pid}.txt")
        command = [str(spy), "record", "--pid", str(pid), "--duration", str(int(duration)), "--rate", "100"]
        command += ["--format", "raw", "--output", str(out), "--nonblocking", "--threads", "--idle"]
        started.append((subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), out))  # noqa: S603
    return started


def finish_py_spy(spy: tuple[subprocess.Popen[bytes], Path], top: int = 12) -> None:
    process, out = spy
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return
    if out.exists():
        print(f"   profile {out}")
        for line in profile_summary(out, top):
            print(f"     {line}")


IDLE_LEAVES = ("select (selectors.py", "wait (threading.py", "_worker (concurrent/futures/thread.py", "get (queue.py")


def _idle(leaf: str) -> bool:
    """A sample whose innermost frame waits (epoll, a condition, an idle executor thread)."""
    return any(part in leaf for part in IDLE_LEAVES)


def profile_summary(path: Path, top: int = 12) -> list[str]:
    """Per kind of thread (threads named alike merged: every request of Django's ASGI handler
    gets a thread of its own): its share of the busy samples (the innermost frame not an idle
    wait), then the functions with the largest inclusive share of them."""
    counts: dict[str, dict[str, int]] = {}
    busy: dict[str, int] = {}
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        frames = stack.split(";")
        if _idle(frames[-1]):
            continue
        count = int(count_text)
        thread = re.sub(r"[-_]?\d+", "", frames[0].partition(": ")[2] or frames[0])
        busy[thread] = busy.get(thread, 0) + count
        seen: set[str] = set()
        for frame in frames[1:]:
            name = frame.rsplit(":", 1)[0] + ")" if ":" in frame else frame
            if name not in seen:
                seen.add(name)
                per = counts.setdefault(thread, {})
                per[name] = per.get(name, 0) + count
    everything = max(1, sum(busy.values()))
    lines = []
    for thread, n in sorted(busy.items(), key=lambda kv: -kv[1]):
        if n < 0.03 * everything:
            continue
        lines.append(f"{thread}: {100 * n / everything:.0f}% of the busy samples ({n})")
        for name, c in sorted(counts[thread].items(), key=lambda kv: -kv[1])[:top]:
            lines.append(f"  {100 * c / n:5.1f}%  {name}")
    return lines


class PgActivity:
    """Samples pg_stat_activity of one database every ``interval`` s in a thread: what its
    backends were doing (active, waiting on a lock...) and on which statements."""

    def __init__(self, database: str, interval: float = 0.1) -> None:
        self.database = database
        self.interval = interval
        self.samples = 0
        self.counts: dict[tuple[str, str], int] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            while not self._stop.wait(self.interval):
                rows = conn.execute(
                    "SELECT coalesce(wait_event_type, 'CPU'), "
                    "left(regexp_replace(regexp_replace(query, '\\s+', ' ', 'g'), '[0-9]+', 'N', 'g'), 80) "
                    "FROM pg_stat_activity WHERE datname = %s AND state = 'active' AND pid <> pg_backend_pid()",
                    [self.database],
                ).fetchall()
                self.samples += 1
                for wait, query in rows:
                    key = (str(wait), str(query))
                    self.counts[key] = self.counts.get(key, 0) + 1

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> list[str]:
        """The busiest (state, statement) pairs: % of samples a backend was in it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        n = max(1, self.samples)
        top = sorted(self.counts.items(), key=lambda kv: -kv[1])[:6]
        return [f"{100 * c / n:5.1f}% {wait:<8} {query}" for (wait, query), c in top]


#: A request of the closed-loop probes: path, body, headers (always POST).
PostRequest = tuple[str, bytes, dict[str, str]]


def post_closed_loop(port: int, requests: list[PostRequest], connections: int) -> list[int]:
    """POST ``requests`` over ``connections`` keep-alive connections, each waiting for its
    answer before the next (a closed loop: the probes' measure of CPU per request)."""
    statuses: list[int] = []

    def run(chunk: list[PostRequest]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for path, body, headers in chunk:
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            statuses.append(response.status)
        conn.close()

    threads = [threading.Thread(target=run, args=(requests[i::connections],)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return statuses
