"""Chat benchmark: messages posted over REST → the hub → Redis pub/sub → every member's socket.

    .venv/bin/python bench/chat/run.py                                   # 1,000 clients, 50 rooms (~11 min)
    .venv/bin/python bench/chat/run.py --clients 200 --duration 20      # quick
    .venv/bin/python bench/chat/run.py --modes hub --no-ramp            # the hub at 100 messages/s only

A fresh PostgreSQL database is migrated and given ``--clients`` users (viewers) and ``--rooms``
public rooms, each user a member of one room (``chat.services.create_room`` by an admin, then
``join_room`` as the user), and an access token per user. Then, for each server in turn
(``baseline``: ``baseline_asgi.py``, a bare consumer doing one ``group_send`` per request;
``hub``: ``chatops.asgi:application``, DEBUG off, the embedded worker on, PostgreSQL and
Redis), one daphne process and the same load:

- every user's chat socket connected (``load_clients.py``, ``--procs`` receiving processes) and
  subscribed to its room;
- ``steady``: ``--rate`` (100) messages/s over REST for ``--warmup`` + ``--duration`` seconds,
  spread across the rooms round-robin, each posted by one of the room's members; measured:
  send → each member's socket p50/p99, send → the last member's socket, the HTTP answer, and
  lost (accepted messages a subscribed member never received: must be 0);
- ``ramp`` (saturation): ``--step`` seconds at ``--start-rate``, then each step ``--factor``
  times faster, until delivery falls behind (fewer than 95 % of the offered messages
  accepted, deliveries not drained ``--drain`` s after the step, a delivery lost, or the
  step's p99 over ``--behind-ms``). The sustained rate is the fastest step that kept up.

The hub's figures print as ratios to the baseline's, measured in the same run. The load
generator shares the machine's cores with the server, PostgreSQL and Redis: the report gives
each one's CPU and the receiving processes' own event-loop lag (latency they add).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import common  # noqa: E402 - needs the path above
import load_clients  # noqa: E402
import report  # noqa: E402

MODES = ("baseline", "hub")

SETUP = """
import json, os
from accounts.actor import Actor
from accounts.models import User
from accounts.services import issue_tokens
from chat.services import create_room, join_room
n, r = int(os.environ["BENCH_CLIENTS"]), int(os.environ["BENCH_ROOMS"])
admin = User.objects.create_user("bench-admin", "bench-admin@example.com", None, role="admin")
rooms = [create_room(Actor.for_user(admin, "api"), name=f"bench-{i:03d}", topic="benchmark") for i in range(r)]
out = []
for i in range(n):
    user = User.objects.create_user(f"bench-{i:05d}", f"bench-{i:05d}@example.com", None, role="viewer")
    room = rooms[i % r]
    join_room(Actor.for_user(user, "api"), room)
    out.append([user.pk, room.pk, issue_tokens(user).access_token])
open(os.environ["BENCH_OUT"], "w").write(json.dumps(out))
print("ok")
"""


@dataclass
class Window:
    """A stretch of the run measured on its own: the steady window or one ramp step."""

    name: str
    rate: float
    start: float
    end: float
    cpu: dict[str, float] = field(default_factory=dict)
    strangers: list[str] = field(default_factory=list)
    worst: float = 0.0  # the receivers' per-second worst latencies in the step's second half: their median
    drained: bool = True
    accepted_share: float = 1.0


@dataclass
class ServerRun:
    name: str
    pid: int = 0
    subscribed: dict[int, int] = field(default_factory=dict)
    connect_errors: list[str] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    records: dict[str, list[Any]] = field(default_factory=dict)
    receivers: list[dict[str, Any]] = field(default_factory=list)
    sender_errors: list[str] = field(default_factory=list)
    late: int = 0
    unsent: int = 0
    cpu_reference: list[float] = field(default_factory=list)
    rss: int = 0
    stopped: str = ""  # why the ramp ended
    figures: list[Any] = field(default_factory=list)  # report.Figures, per window

    def expected(self) -> int:
        """Deliveries owed so far: every accepted message to every subscribed member of its room."""
        records = self.records
        return sum(
            self.subscribed.get(room, 0)
            for room, status in zip(records.get("room", []), records.get("status", []), strict=True)
            if 200 <= status < 300
        )


class Load:
    """The receiving processes and the sender, and the parent's view of their progress."""

    def __init__(
        self, specs: list[load_clients.ClientSpec], send: load_clients.SendConfig, tag: str, procs: int
    ) -> None:
        ctx = mp.get_context("spawn")
        cfg = load_clients.ReceiveConfig(tag=tag, connect_phase_timeout=60 + len(specs) / 10)
        self.receivers = [self._spawn(ctx, load_clients.receivers_main, specs[i::procs], cfg) for i in range(procs)]
        self.sender = self._spawn(ctx, load_clients.sender_main, send)
        self.deliveries = [0] * procs
        self.worst: list[tuple[float, float]] = []  # (time, a receiver's worst latency of the last second)
        self.ready: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []
        self.sent: list[tuple[str, Any]] = []  # the sender's reports, in order
        self.stopping = False

    def take(self, kind: str) -> Any:
        """The sender's first unread report of ``kind`` (removed), or None."""
        for i, (found, payload) in enumerate(self.sent):
            if found == kind:
                del self.sent[i]
                return payload
        return None

    @staticmethod
    def _spawn(ctx: Any, target: Any, *args: Any) -> tuple[Any, Connection, Connection]:
        cmd_parent, cmd_child = ctx.Pipe()
        out_parent, out_child = ctx.Pipe()
        process = ctx.Process(target=target, args=(cmd_child, out_child, *args), daemon=True)
        process.start()
        cmd_child.close()
        out_child.close()
        return process, cmd_parent, out_parent

    @property
    def pids(self) -> dict[str, list[int]]:
        return {"receivers": [p.pid for p, _, _ in self.receivers], "sender": [self.sender[0].pid]}

    def pump(self, timeout: float, until: Callable[[], Any] | None = None) -> Any:
        """Read the receivers' reports (progress must be read, or their pipes fill up) and the
        sender's answers until ``until()`` returns something (returned) or
        ``timeout`` passes (None)."""
        deadline = time.monotonic() + timeout
        outs = {out: i for i, (_, _, out) in enumerate(self.receivers)}
        sender_out = self.sender[2]
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            for conn in wait([*outs, sender_out], timeout=min(1.0, left)):
                assert isinstance(conn, Connection)
                try:
                    kind, payload = conn.recv()
                except EOFError:
                    # A receiver that sent its result and exited, while stopping, is done; its
                    # pipe must not end the wait for the others' results.
                    if conn is sender_out or not self.stopping:
                        raise RuntimeError("a load process exited early") from None
                    outs.pop(conn, None)
                    continue
                if conn is sender_out:
                    self.sent.append((kind, payload))
                else:
                    self._receiver_report(outs[conn], kind, payload)
            found = until() if until else None
            if found is not None:
                return found

    def _receiver_report(self, index: int, kind: str, payload: Any) -> None:
        if kind == "progress":
            self.deliveries[index] = payload["deliveries"]
            self.worst.append((time.time(), payload["worst"]))
        elif kind == "ready":
            self.ready.append(payload)
        elif kind == "result":
            self.results.append(payload)

    def wait_ready(self, timeout: float) -> None:
        if self.pump(timeout, lambda: self.take("ready")) is None:
            raise TimeoutError("the sender did not start")
        if self.pump(timeout, lambda: True if len(self.ready) == len(self.receivers) else None) is None:
            raise TimeoutError("the receiving processes did not connect their clients in time")

    def stop(self) -> None:
        self.stopping = True
        for _, cmd, _ in self.receivers:
            with contextlib.suppress(OSError):
                cmd.send(("stop",))
        with contextlib.suppress(RuntimeError):
            self.pump(60, lambda: True if len(self.results) == len(self.receivers) else None)
        if len(self.results) < len(self.receivers):
            # Counting without a receiver's deliveries would report them lost: say so instead.
            print(f"   ! only {len(self.results)} of {len(self.receivers)} receiving processes reported: "
                  "the lost and latency figures of this run are incomplete", flush=True)  # fmt: skip
        with contextlib.suppress(OSError):
            self.sender[1].send(("quit",))
        for process, _, _ in [*self.receivers, self.sender]:
            process.join(timeout=15)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)


def send_window(load: Load, run: ServerRun, window: Window, lead: float, drain: float) -> None:
    """Send at ``window.rate`` from ``lead`` seconds before the window (a warm-up, not
    measured) to its end; measure CPU over the window; then wait (at most ``drain`` s) for
    every accepted message to reach every subscribed member."""
    load.sender[1].send(("run", window.rate, window.start - lead, window.end - window.start + lead, drain))
    load.pump(max(0.0, window.start - time.time()))
    monitor = common.CpuMonitor({"server": [run.pid], **load.pids})
    monitor.start()
    load.pump(max(0.0, window.end - time.time()))
    window.cpu = monitor.stop()
    window.strangers = monitor.strangers
    run.rss = max(run.rss, monitor.max_rss.get("server", 0))
    done = load.pump(drain + 60, lambda: load.take("done"))
    if done is None:
        raise TimeoutError("the sender did not finish")
    # Requests of an earlier window still in flight when it ended are answered in this one: count
    # only this window's own (scheduled from its start).
    scheduled = report.unpack("d", done["scheduled"])
    statuses = [status for status, at in zip(report.unpack("q", done["status"]), scheduled, strict=True)
                if at >= window.start - lead - 1e-6]  # fmt: skip
    for name in ("seq", "room", "scheduled", "sent", "status", "response"):
        run.records.setdefault(name, []).extend(report.unpack(report.KINDS[name], done[name]))
    run.late += done["late"]
    run.unsent += done["unsent"]
    run.sender_errors = done["errors"]
    offered = max(1, round(window.rate * (window.end - window.start + lead)))
    window.accepted_share = sum(1 for status in statuses if 200 <= status < 300) / offered
    target = run.expected()
    window.drained = load.pump(drain, lambda: True if sum(load.deliveries) >= target else None) is not None
    half = (window.start + window.end) / 2
    # The median of the receivers' per-second worst latencies: behind all along, not one spike.
    seconds = [worst for at, worst in load.worst if half <= at <= window.end + 1]
    window.worst = common.percentile(seconds, 50) if seconds else 0.0


def ladder(args: argparse.Namespace) -> list[float]:
    rates, rate = [], args.start_rate
    while rate <= args.max_rate:
        rates.append(round(rate))
        rate *= args.factor
    return rates


def measure_server(
    name: str, port: int, pid: int, rows: list[tuple[int, int, str]], args: argparse.Namespace, work: Path
) -> ServerRun:
    run = ServerRun(name, pid)
    tag = f"b{uuid.uuid4().hex[:8]}"
    specs = [
        load_clients.ClientSpec(i, room, f"ws://127.0.0.1:{port}/api/v1/ws/chat", token, f"http://127.0.0.1:{port}")
        for i, (_user, room, token) in enumerate(rows)
    ]
    tokens: dict[int, list[str]] = {}
    for _user, room, token in rows:
        tokens.setdefault(room, []).append(token)
    send = load_clients.SendConfig(
        tag=tag, port=port, rooms=sorted(tokens), tokens=tokens, connections=args.connections
    )
    common.wait_quiet()
    load = Load(specs, send, tag, args.procs)
    started = time.monotonic()
    try:
        load.wait_ready(120 + len(specs) / 5)
        for ready in load.ready:
            for room, count in ready["subscribed"].items():
                run.subscribed[int(room)] = run.subscribed.get(int(room), 0) + count
            run.connect_errors += ready["errors"]
        print(
            f"   {sum(run.subscribed.values())}/{len(specs)} clients subscribed in {time.monotonic() - started:.0f} s"
        )
        run.cpu_reference.append(common.cpu_reference())
        start = time.time() + 1.0 + args.warmup
        steady = Window("steady", args.rate, start, start + args.duration)
        run.windows.append(steady)
        spies = (
            common.start_py_spy([pid], args.warmup + 1.0 + args.duration, work / f"steady-{name}")
            if args.profile
            else []
        )
        send_window(load, run, steady, args.warmup, args.drain)
        for spy in spies:
            common.finish_py_spy(spy)
        print(
            f"   steady window done (per-second worst latency, median of its second half: {steady.worst * 1000:.0f} ms)"
        )
        if not args.no_ramp:
            settle(load, run)
            ramp(load, run, args)
        run.cpu_reference.append(common.cpu_reference())
    finally:
        load.stop()
    run.receivers = load.results
    return run


def settle(load: Load, run: ServerRun, seconds: float = 15) -> None:
    """Give the server up to ``seconds`` to work off a backlog (requests in flight, deliveries)."""
    load.pump(5)  # requests still in flight get answered (their records come with the next window)
    target = run.expected()
    load.pump(seconds, lambda: True if sum(load.deliveries) >= target else None)


def ramp(load: Load, run: ServerRun, args: argparse.Namespace) -> None:
    """Faster steps until ``--patience`` steps in a row fell behind (one slow step on a shared
    machine may be somebody else's work). After a step that fell behind, the server gets up
    to 15 s to work off its backlog before the next one."""
    strikes = 0
    for rate in ladder(args):
        start = time.time() + 1.0
        window = Window(f"{rate}/s", rate, start, start + args.step)
        run.windows.append(window)
        send_window(load, run, window, 0.0, args.drain)
        lost = run.expected() - sum(load.deliveries)
        behind = []
        if window.accepted_share < 0.95:
            behind.append(f"accepted {window.accepted_share:.0%} of the offered messages")
        if not window.drained:
            behind.append(f"{lost} deliveries still missing {args.drain:.0f} s after the step")
        if window.worst * 1000 > args.behind_ms:
            behind.append(f"worst latency per second {window.worst * 1000:.0f} ms (median, second half of the step)")
        print(f"   step {rate}/s: accepted {window.accepted_share:.0%}, worst {window.worst * 1000:.0f} ms")
        if not behind:
            strikes = 0
            continue
        strikes += 1
        run.stopped = f"at {rate}/s: " + "; ".join(behind)
        if strikes >= args.patience:
            return
        settle(load, run)
    run.stopped = f"the ladder's end ({args.max_rate:g}/s) reached"


def setup(env: dict[str, str], args: argparse.Namespace, work: Path) -> list[tuple[int, int, str]]:
    out = work / "setup.json"
    extra = {"BENCH_CLIENTS": str(args.clients), "BENCH_ROOMS": str(args.rooms), "BENCH_OUT": str(out)}
    common.django_script({**env, **extra}, SETUP, timeout=1200)
    return [(int(u), int(r), str(t)) for u, r, t in json.loads(out.read_text())]


def run_baseline(processes: common.Processes, rows: list[tuple[int, int, str]], args: argparse.Namespace,
                 work: Path) -> ServerRun:  # fmt: skip
    env = common.hub_env("", work)
    env.update({"DJANGO_SETTINGS_MODULE": "baseline_settings", "PYTHONPATH": f"{HERE}:{HERE.parent / 'ingest'}"})
    daphne = processes.start_daphne("baseline_asgi:application", env, work, cwd=HERE, health_path=None)
    try:
        return measure_server("baseline", daphne.port, daphne.pid, rows, args, work)
    finally:
        processes.stop_daphne(daphne)
        common.redis_cleanup(env["REDIS_PREFIX"])


def run_hub(processes: common.Processes, env: dict[str, str], rows: list[tuple[int, int, str]],
            args: argparse.Namespace, work: Path) -> ServerRun:  # fmt: skip
    daphne = processes.start_daphne("chatops.asgi:application", env, work)
    try:
        return measure_server("hub", daphne.port, daphne.pid, rows, args, work)
    finally:
        processes.stop_daphne(daphne)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=1000, help="users, each with one socket in one room")
    parser.add_argument("--rooms", type=int, default=50)
    parser.add_argument("--rate", type=float, default=100, help="messages/s in the steady window")
    parser.add_argument("--duration", type=float, default=60, help="seconds of the steady window")
    parser.add_argument("--warmup", type=float, default=5, help="seconds sent at the steady rate before it")
    parser.add_argument("--no-ramp", action="store_true", help="skip the saturation ramp")
    parser.add_argument("--start-rate", type=float, default=20, help="the ramp's first step, messages/s")
    parser.add_argument("--factor", type=float, default=1.25, help="each ramp step this much faster")
    parser.add_argument("--max-rate", type=float, default=5000, help="the ramp's last step at most")
    parser.add_argument("--step", type=float, default=10, help="seconds of each ramp step")
    parser.add_argument("--patience", type=int, default=2, help="the ramp ends after this many steps behind in a row")
    parser.add_argument("--drain", type=float, default=5, help="seconds after a window for deliveries to arrive")
    parser.add_argument(
        "--behind-ms", type=float, default=500, help="a step whose worst latency exceeds this is behind"
    )
    parser.add_argument("--procs", type=int, default=2, help="receiving processes (the sender is one more)")
    parser.add_argument("--connections", type=int, default=128, help="the sender's keep-alive HTTP connections")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated, of baseline, hub")
    parser.add_argument("--deadline", type=float, default=2400, help="global limit in seconds")
    parser.add_argument("--hub-env", action="append", default=[], metavar="NAME=VALUE", help="extra hub setting")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--profile", action="store_true", help="py-spy the server over the steady window (var/bench/)")
    args = parser.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if set(modes) - set(MODES):
        parser.error(f"unknown modes: {', '.join(sorted(set(modes) - set(MODES)))}")
    work = common.work_dir("chat", args.deadline)
    print(
        f"ChatOps chat benchmark, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores shared by the server, "
        f"{args.procs} receiving process(es) + 1 sender, PostgreSQL and Redis. Logs: {work}"
    )
    processes = common.Processes()
    runs: dict[str, ServerRun] = {}
    try:
        with (
            tempfile.TemporaryDirectory(prefix="chatops-bench-") as var_dir,
            common.fresh_database("chatops_bench_chat", keep=args.keep_db) as url,
        ):
            # Tokens issued at setup must outlive the run (the default is 30 minutes).
            env = common.hub_env(url, Path(var_dir), **{"ACCESS_TOKEN_EXPIRE_MINUTES": "240"})
            for item in args.hub_env:
                key, _, value = item.partition("=")
                env[key] = value
                print(f"   hub setting for this run: {key}={value}")
            started = time.monotonic()
            common.manage(env, "migrate", "--noinput", "-v", "0")
            rows = setup(env, args, work)
            print(f"\nsetup: {len(rows)} users in {args.rooms} rooms in {time.monotonic() - started:.0f} s")
            try:
                for mode in modes:
                    print(f"\n== {mode}")
                    if mode == "baseline":
                        runs[mode] = run_baseline(processes, rows, args, work)
                    else:
                        runs[mode] = run_hub(processes, env, rows, args, work)
                    report.server(runs[mode], args)
            finally:
                processes.stop_all()
                common.redis_cleanup(env["REDIS_PREFIX"])
    except (KeyboardInterrupt, common.BenchAbort) as exc:
        print(f"\naborted: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
    report.summary(runs, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
