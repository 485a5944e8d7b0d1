"""Ingestion benchmark of the hub: simulated agents → daphne → PostgreSQL, Redis pub/sub → browsers.

    .venv/bin/python bench/ingest/run.py                          # N=1000, D=60, every mode
    .venv/bin/python bench/ingest/run.py --agents 200 --duration 20
    .venv/bin/python bench/ingest/run.py --modes steady --profile  # py-spy the hub (var/bench/)

A fresh PostgreSQL database (dropped at the end) is migrated and given N servers, one API key
bound to each, and a viewer's access token. Then, each mode in turn:

- ``baseline``: the bare Channels consumer of ``baseline_asgi.py`` (json.loads, one
  group_send, an ack) under the saturation load: the ceiling of daphne + the pub/sub layer.
- ``baseline-steady``: the same bare consumer under the steady load of N agents: the floor of
  daphne, the pub/sub layer and the load generator on this machine, with no database. A hub
  cannot keep a fleet the bare consumer cannot keep in the same run.
- ``floor``: the same steady load on ``floor_asgi.py``, a plain ASGI application that only
  parses and acknowledges (no Channels consumer, no channel layer): what daphne and the load
  generator alone take of the machine.
- ``steady``: one hub process (DEBUG off, EMBEDDED_WORKER on); N agents send one frame of one
  40-value sample per second for D seconds, respecting the window; browsers subscribed to
  /api/v1/ws/metrics/{id} of some servers measure agent → browser latency. Agents send from
  the moment they connect; the measured window starts ``--settle`` seconds (default 10) after
  the last one connected, and latencies count frames sent inside it.
- ``saturation``: the same hub; every agent sends as fast as its window allows.
- ``two-process``: two hub processes on the same database and Redis, agents and browsers split
  across them, saturation load; compared with one process.

After each hub mode the samples stored are counted against those sent (every sample carries a
unique ``bench_marker``). The load generator runs in separate processes but on the same CPU
as the hub: on a 2-core machine they compete, and the output says how much each used.
Nothing asserts on times; every step is bounded; all processes are stopped on exit.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import common  # noqa: E402 - needs the path above
import load  # noqa: E402
import patches  # noqa: E402
import psycopg  # noqa: E402

MODES = ("baseline", "baseline-steady", "floor", "steady", "saturation", "two-process")
RUN_NO = {"steady": 1, "saturation": 2, "two-process": 3, "baseline": 4, "baseline-steady": 5, "floor": 6}
BASELINES = ("baseline", "baseline-steady", "floor")

SETUP = """
import json, os
from accounts.models import User
from accounts.services import create_api_key, issue_tokens
from servers.models import Server
n = int(os.environ["BENCH_SERVERS"])
owner = User.objects.create_user("bench-admin", "bench-admin@example.com", None, role="admin")
viewer = User.objects.create_user("bench-viewer", "bench-viewer@example.com", None, role="viewer")
servers = Server.objects.bulk_create(
    [Server(name=f"bench-{i:05d}", hostname=f"bench-{i:05d}.example", created_by=owner) for i in range(n)]
)
keys = [[s.pk, s.hostname, create_api_key(None, owner, name=f"bench {s.pk}", server=s)[1]] for s in servers]
# Thresholds on every server, on metrics the agents send, that the samples never cross: the
# hub evaluates them on every sample, as a production hub with alerts would.
from alerts.models import Threshold
for i, metric in enumerate(json.loads(os.environ["BENCH_THRESHOLDS"])):
    Threshold.objects.create(name=f"bench {i} {metric}", metric=metric, operator=">", value=1e15, scope="all")
out = {"agents": keys, "token": issue_tokens(viewer).access_token}
open(os.environ["BENCH_OUT"], "w").write(json.dumps(out))
print("ok")
"""


@dataclass
class Phase:
    name: str
    label: str
    cfg: load.PhaseConfig
    agents: int
    hubs: int
    procs: int
    stats: dict[str, Any] = field(default_factory=dict)
    browser: dict[str, Any] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    rss: dict[str, int] = field(default_factory=dict)
    pg_connections: int = 0
    strangers: list[str] = field(default_factory=list)
    pg_activity: list[str] = field(default_factory=list)
    stored: int | None = None
    distinct: int | None = None
    lost: int = 0
    stored_unacked: int = 0
    cpu_reference: list[float] = field(default_factory=list)  # before and after the mode (ms)
    window_start: float = 0.0
    probe: list[tuple[float, float, float]] = field(default_factory=list)  # common.SpeedProbe
    loadavg: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the machine's, at the window's end

    @property
    def frames_per_s(self) -> float:
        return float(self.stats.get("acked_in_window", 0)) / self.cfg.duration


def merge(results: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for result in results:
        for key, value in result.items():
            if key == "max_queue":
                merged[key] = max(merged.get(key, 0), value)
            elif isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                bucket = merged.setdefault(key, {})
                for k, v in value.items():
                    bucket[k] = bucket.get(k, 0) + v
            else:
                merged[key] = merged.get(key, 0) + value
    return merged


def _recv(conn: Connection, kind: str, deadline: float) -> Any:
    if not conn.poll(max(0.0, deadline - time.monotonic())):
        raise TimeoutError(f"a load process sent no {kind!r} in time")
    message = conn.recv()
    if message[0] != kind:
        raise RuntimeError(f"a load process sent {message[0]!r}, expected {kind!r}")
    return message[1]


def run_phase(
    phase: Phase,
    agents: list[load.AgentSpec],
    browsers: list[load.BrowserSpec],
    hub_pids: list[int],
    database: str | None,
    profile_dir: Path | None,
) -> Phase:
    ctx = mp.get_context("spawn")
    chunks = [agents[i :: phase.procs] for i in range(phase.procs)]
    groups: list[tuple[str, list[load.AgentSpec], list[load.BrowserSpec]]] = [("generator", c, []) for c in chunks]
    if browsers:
        groups.append(("browsers", [], browsers))
    workers: list[tuple[str, Any, Connection]] = []
    spies: list[Any] = []
    common.wait_quiet()
    phase.cpu_reference.append(common.cpu_reference())
    try:
        for role, chunk, browser_chunk in groups:
            parent, child = ctx.Pipe()
            process = ctx.Process(target=load.worker_main, args=(child, chunk, browser_chunk, phase.cfg), daemon=True)
            process.start()
            child.close()
            workers.append((role, process, parent))
        deadline = time.monotonic() + phase.cfg.connect_phase_timeout + 60
        for _, _, conn in workers:
            _recv(conn, "ready", deadline)
        start_at = time.time() + 1.5 + phase.cfg.settle
        for _, _, conn in workers:
            conn.send(("start", start_at))
        monitor = common.CpuMonitor(
            {
                "hub": hub_pids,
                "generator": [p.pid for role, p, _ in workers if role == "generator"],
                "browsers": [p.pid for role, p, _ in workers if role == "browsers"],
            }
        )
        time.sleep(max(0.0, start_at - time.time()))
        if profile_dir is not None:
            spies = common.start_py_spy(hub_pids, phase.cfg.duration, profile_dir / phase.name)
        sessions = common.pg_sessions(database) if database else 0
        activity = common.PgActivity(database) if database else None
        if activity is not None:
            activity.start()
        monitor.start()
        probe = common.SpeedProbe()
        probe.start()
        phase.window_start = start_at
        time.sleep(max(0.0, start_at + phase.cfg.duration - time.time()))
        phase.probe = probe.stop()
        phase.loadavg = os.getloadavg()
        phase.cpu = monitor.stop()
        phase.strangers = monitor.strangers
        if activity is not None:
            phase.pg_activity = activity.stop()
        phase.rss = dict(monitor.max_rss)
        phase.pg_connections = (common.pg_sessions(database) - sessions) if database else 0
        deadline = time.monotonic() + phase.cfg.drain_timeout + 60
        results = {role: [] for role in ("generator", "browsers")}  # type: dict[str, list[dict[str, Any]]]
        for role, _, conn in workers:
            results[role].append(_recv(conn, "result", deadline))
        phase.stats = merge(results["generator"])
        phase.browser = merge(results["browsers"])
    finally:
        for _, process, conn in workers:
            conn.close()
            process.join(timeout=15)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
        for spy in spies:
            common.finish_py_spy(spy)
    if database:
        check_stored(database, phase)
    phase.cpu_reference.append(common.cpu_reference())
    return phase


def check_stored(database: str, phase: Phase) -> None:
    """Compare what the database holds for this run with what the agents sent and saw acked.
    A frame acked but not stored breaks the protocol's promise (lost); a frame sent but never
    acked (its socket closed, or the drain timed out) is one a real agent would send again."""
    with psycopg.connect(common.db_url(database)) as conn:
        rows = conn.execute(
            "SELECT (\"values\"->>'bench_marker')::numeric::bigint FROM monitoring_metricsample "
            "WHERE (\"values\"->>'bench_run')::numeric = %s",
            [phase.cfg.run_no],
        ).fetchall()
    markers = [int(r[0]) for r in rows]
    unique = set(markers)
    acked: dict[int, int] = phase.stats.get("acked_seq", {})
    sent: dict[int, int] = phase.stats.get("sent_seq", {})
    stored_acked = stored_unacked = 0
    for marker in unique:
        index, seq = divmod(marker % 10**12, 10**6)
        if seq <= acked.get(index, 0):
            stored_acked += 1
        elif seq <= sent.get(index, 0):
            stored_unacked += 1
    phase.stored, phase.distinct = len(markers), len(unique)
    phase.lost = sum(acked.values()) - stored_acked
    phase.stored_unacked = stored_unacked


def timeline(phase: Phase, slow: list[float], latencies: list[tuple[float, float]], step: float = 10.0) -> None:
    """The window in ``step``-second slices: events over SLOW_S sent in each (every slice has
    about browsers x step events), their p99, the speed probe's median and PostgreSQL's CPU, to tell a
    tail the hub makes (the jobs' work at the minute's turn, say) from one the machine makes
    (a slow spell of the VM)."""
    slices = max(1, math.ceil(phase.cfg.duration / step))

    def slice_of(sent: float) -> int:
        return min(slices - 1, max(0, int((sent - phase.window_start) // step)))

    counts = [0] * slices
    for sent in slow:
        counts[slice_of(sent)] += 1
    tails: list[list[float]] = [[] for _ in range(slices)]
    for sent, latency in latencies:
        tails[slice_of(sent)].append(latency)
    probes: list[list[tuple[float, float, float]]] = [[] for _ in range(slices)]
    for sample in phase.probe:
        if phase.window_start <= sample[0] < phase.window_start + phase.cfg.duration:
            probes[int((sample[0] - phase.window_start) // step)].append(sample)
    print(
        f"   per {step:.0f} s of the window (clock second at its start): events over {load.SLOW_S * 1000:.0f} ms / "
        "their p99 ms / speed probe median ms / PostgreSQL CPU % of one core"
    )
    cells = []
    for i, samples in enumerate(probes):
        second = int((phase.window_start + i * step) % 60)
        probe = f"{common.percentile([s[1] for s in samples], 50):.2f}" if samples else "-"
        span = samples[-1][0] - samples[0][0] if len(samples) > 1 else 0.0
        pg = f"{(samples[-1][2] - samples[0][2]) / span * 100:.0f}" if span else "-"
        p99 = f"{common.percentile(tails[i], 99) * 1000:.0f}" if tails[i] else "-"
        cells.append(f":{second:02d} {counts[i]}/{p99}/{probe}/{pg}")
    print("     " + "  ".join(cells))


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def report(phase: Phase) -> None:
    s, b, cfg = phase.stats, phase.browser, phase.cfg
    print(f"\n== {phase.label}")
    print(
        f"   {phase.agents} agents in {phase.procs} load process(es), {phase.hubs} hub process(es), "
        f"{cfg.duration:.0f} s; connected {s.get('connected', 0)}/{phase.agents}"
        + (f", browsers {b.get('connected', 0)}/{b.get('agents', 0)}" if b else "")
    )
    fps = phase.frames_per_s
    expected = f" (offered {phase.agents * cfg.rate:.0f}/s)" if cfg.mode == "steady" else ""
    print(f"   frames/s {fps:,.0f}{expected}; metric values/s {fps * load.VALUES_PER_SAMPLE:,.0f}")
    print(
        f"   sent {s.get('sent', 0):,}, acked {s.get('acked', 0):,}, backlog {s.get('backlog', 0):,} "
        f"(max queue {s.get('max_queue', 0)}), unsent {s.get('unsent', 0)}, unacked {s.get('unacked', 0)}, "
        f"errors {s.get('errors', 0)}, connect retries {s.get('reconnects', 0)}, "
        f"closed by hub {s.get('closed_early', 0)} {s.get('close_codes') or ''}"
    )
    acks = s.get("ack_latencies", [])
    print(
        f"   send → ack: p50 {ms(common.percentile(acks, 50))}, p99 {ms(common.percentile(acks, 99))} (n={len(acks)})"
    )
    if b:
        lat = b.get("latencies", [])
        print(
            f"   agent → browser: p50 {ms(common.percentile(lat, 50))}, p99 {ms(common.percentile(lat, 99))} "
            f"(n={len(lat)}, events received {b.get('received', 0)})"
        )
        slow = b.get("slow_sent", [])
        if lat:
            print(f"   over {load.SLOW_S * 1000:.0f} ms: {len(slow)} ({len(slow) / len(lat):.2%})")
            timeline(phase, slow, list(zip(b.get("latency_sent", []), lat, strict=False)))
    if phase.stored is not None and phase.distinct is not None:
        sent, acked = s.get("sent", 0), s.get("acked", 0)
        print(
            f"   stored samples: {phase.distinct:,} of {sent:,} sent (warm-up included); acked {acked:,}, "
            f"of which not stored (lost): {phase.lost}; duplicates {phase.stored - phase.distinct}; "
            f"sent, never acked: {sent - acked:,} ({phase.stored_unacked:,} of them stored; "
            f"a real agent would resend the rest)"
        )
    rss = phase.rss.get("hub", 0) / 2**20
    print(f"   hub max RSS {rss:.0f} MB (all hub processes); " + describe_cpu(phase.cpu))
    print("   CPU reference before / after the mode: " + " / ".join(f"{r:.1f} ms" for r in phase.cpu_reference))
    print("   load average at the window's end (1 / 5 / 15 min): " + " / ".join(f"{x:.1f}" for x in phase.loadavg))
    for stranger in phase.strangers:
        print(f"   ! not ours: {stranger}")
    if phase.pg_connections:
        print(
            f"   PostgreSQL connections opened during the window: {phase.pg_connections:,} "
            f"({phase.pg_connections / cfg.duration:,.0f}/s)"
        )
    if phase.pg_activity:
        print("   PostgreSQL backends of the hub, % of 0.1 s samples (state, statement):")
        for line in phase.pg_activity:
            print(f"     {line}")
    for detail in (s.get("details") or [])[:5] + (b.get("details") or [])[:3]:
        print(f"   ! {detail}")


def describe_cpu(cpu: dict[str, float]) -> str:
    named = ("hub", "generator", "browsers", "postgres", "redis")
    # Groups a bench adds of its own (a worker process, a second daphne): named, not "other".
    extra = [k for k in cpu if k not in (*named, "sender", "other", "softirq", "system")]
    parts = [f"{name} {cpu.get(name, 0):.0f}%" for name in (*named, *extra)]
    text = (
        f"CPU, % of one core: {', '.join(parts)}, other {cpu.get('other', 0):.0f}% "
        f"(softirq {cpu.get('softirq', 0):.0f}%), machine {cpu.get('system', 0):.0f}% of {100 * common.CORES}%"
    )
    if cpu.get("other", 0) - cpu.get("softirq", 0) > 25:
        text += "\n   ! much CPU went to processes not ours (another benchmark?): these figures are skewed"
    return text


def setup(env: dict[str, str], n: int, work: Path, thresholds: int = 0) -> tuple[list[tuple[int, str, str]], str]:
    out = work / "setup.json"
    metrics = ["cpu_percent", *[name for name, _ in load.STATIC_METRICS]][:thresholds]
    extra = {"BENCH_SERVERS": str(n), "BENCH_OUT": str(out), "BENCH_THRESHOLDS": json.dumps(metrics)}
    common.django_script({**env, **extra}, SETUP, timeout=600)
    data = json.loads(out.read_text())
    return [tuple(a) for a in data["agents"]], data["token"]


def agent_specs(rows: list[tuple[int, str, str]], ports: list[int]) -> list[load.AgentSpec]:
    return [
        load.AgentSpec(index=i, url=f"ws://127.0.0.1:{ports[i % len(ports)]}/api/v1/agents/ws", key=key, hostname=host)
        for i, (_sid, host, key) in enumerate(rows)
    ]


def browser_specs(rows: list[tuple[int, str, str]], ports: list[int], token: str, n: int) -> list[load.BrowserSpec]:
    # Browser j watches agent j's server; agent j talks to hub j % len(ports), the browser to
    # the next one, so with two hubs every event crosses processes through Redis.
    return [
        load.BrowserSpec(
            url=f"ws://127.0.0.1:{ports[(j + 1) % len(ports)]}/api/v1/ws/metrics/{rows[j][0]}",
            token=token,
            origin=f"http://127.0.0.1:{ports[(j + 1) % len(ports)]}",
        )
        for j in range(min(n, len(rows)))
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agents", type=int, default=1000, help="N agents (servers) in steady mode")
    parser.add_argument("--duration", type=float, default=60, help="D seconds of steady load")
    parser.add_argument("--rate", type=float, default=1.0, help="frames (samples) per second per agent, steady")
    parser.add_argument("--sat-agents", type=int, default=0, help="agents in saturation modes (default: N)")
    parser.add_argument("--sat-duration", type=float, default=30, help="seconds of each saturation mode")
    parser.add_argument("--procs", type=int, default=max(1, common.CORES - 1), help="load processes")
    parser.add_argument(
        "--connect-timeout", type=float, default=0, help="seconds to connect every agent (default 30 + N/10)"
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=10,
        help="seconds between all agents connected (sending at the steady rate) and the measured window",
    )
    parser.add_argument("--browsers", type=int, default=20, help="browser clients (one server each)")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--deadline", type=float, default=900, help="global limit in seconds")
    parser.add_argument("--profile", action="store_true", help="py-spy the hub during the hub modes")
    parser.add_argument(
        "--hub-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra hub setting for an experiment, e.g. AGENT_KEY_RECHECK_SECONDS=300 (repeatable)",
    )
    parser.add_argument(
        "--patch",
        action="append",
        default=[],
        choices=patches.KNOWN,
        help="run the hub through experiment_asgi.py with this patch (repeatable; see that file)",
    )
    parser.add_argument(
        "--thresholds", type=int, default=10, help="alert thresholds on every server, never crossed (0: none)"
    )
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database at the end")
    args = parser.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    sat_agents = args.sat_agents or args.agents
    common.install_deadline(args.deadline)
    work = common.ROOT / "var" / "bench" / f"ingest-{datetime.now():%Y%m%d-%H%M%S}"
    work.mkdir(parents=True, exist_ok=True)
    profile_dir = work if args.profile else None
    print(
        f"ChatOps ingest benchmark, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores: the hub, "
        f"{args.procs} load process(es), PostgreSQL and Redis all share them. Logs: {work}"
    )
    processes = common.Processes()
    phases: dict[str, Phase] = {}
    try:
        if "baseline" in modes:
            phases["baseline"] = run_baseline(processes, args, sat_agents, work)
        for name in ("baseline-steady", "floor"):
            if name in modes:
                phases[name] = run_baseline(processes, args, args.agents, work, steady=name)
        hub_modes = [m for m in modes if m not in BASELINES]
        if hub_modes:
            run_hub_modes(processes, args, hub_modes, sat_agents, work, profile_dir, phases)
    except (KeyboardInterrupt, common.BenchAbort) as exc:
        print(f"\naborted: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
    summary(phases)
    return 0


def run_baseline(processes: common.Processes, args: argparse.Namespace, n: int, work: Path, steady: str = "") -> Phase:
    """The bare consumer: ``baseline`` (saturation), or under the steady load of ``n`` agents
    as ``baseline-steady`` or, acknowledging only, ``floor``."""
    env = common.hub_env("", work)
    env.update({"DJANGO_SETTINGS_MODULE": "baseline_settings", "PYTHONPATH": str(HERE)})
    app = "floor_asgi:application" if steady == "floor" else "baseline_asgi:application"
    daphne = processes.start_daphne(app, env, work, cwd=HERE, health_path=None)
    try:
        rows = [(i + 1, f"baseline-{i:05d}.example", "unused") for i in range(n)]
        name, mode, duration = (
            (steady, "steady", args.duration) if steady else ("baseline", "saturation", args.sat_duration)
        )
        what = (
            "plain ASGI app: json.loads + ack" if steady == "floor" else "bare consumer: json.loads + group_send + ack"
        )
        phase = Phase(
            name,
            f"{name} ({what}), {mode}" + (f": {n} agents x {args.rate:g} frame/s" if steady else ""),
            phase_config(args, mode, RUN_NO[name], duration, n),
            agents=n,
            hubs=1,
            procs=args.procs,
        )
        run_phase(phase, agent_specs(rows, [daphne.port]), [], [daphne.pid], None, None)
        report(phase)
        return phase
    finally:
        processes.stop_daphne(daphne)
        common.redis_cleanup(env["REDIS_PREFIX"])


def run_hub_modes(
    processes: common.Processes,
    args: argparse.Namespace,
    modes: list[str],
    sat_agents: int,
    work: Path,
    profile_dir: Path | None,
    phases: dict[str, Phase],
) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="chatops-bench-") as var_dir,
        common.fresh_database("chatops_bench_ingest", keep=args.keep_db) as url,
    ):
        database = url.rsplit("/", 1)[1]
        env = common.hub_env(url, Path(var_dir))
        for item in args.hub_env:
            name, _, value = item.partition("=")
            env[name] = value
            print(f"   hub setting for this run: {name}={value}")
        app = "chatops.asgi:application"
        if args.patch:
            app = "experiment_asgi:application"
            env["PYTHONPATH"] = str(HERE)
            env["BENCH_PATCHES"] = ",".join(args.patch)
            print(f"   EXPERIMENT: hub patched in-process with {', '.join(args.patch)} (experiment_asgi.py)")
        started = time.monotonic()
        common.manage(env, "migrate", "--noinput", "-v", "0")
        rows, token = setup(env, max(args.agents, sat_agents), work, args.thresholds)
        took = time.monotonic() - started
        print(f"\nsetup: database {database} migrated, {len(rows)} servers and keys in {took:.0f} s; "
              f"{args.thresholds} alert thresholds on every server")  # fmt: skip
        try:
            single = [m for m in modes if m in ("steady", "saturation")]
            if single:
                hub = processes.start_daphne(app, env, work)
                for mode in single:
                    n = args.agents if mode == "steady" else sat_agents
                    label = (
                        f"hub, steady: {n} agents x {args.rate:g} frame/s x {load.VALUES_PER_SAMPLE} values"
                        if mode == "steady"
                        else "hub, saturation (as fast as the window allows)"
                    )
                    duration = args.duration if mode == "steady" else args.sat_duration
                    phase = Phase(
                        mode,
                        label,
                        phase_config(args, mode, RUN_NO[mode], duration, n),
                        agents=n,
                        hubs=1,
                        procs=args.procs,
                    )
                    agents = agent_specs(rows[:n], [hub.port])
                    browsers = browser_specs(rows[:n], [hub.port], token, args.browsers)
                    phases[mode] = report_after(run_phase(phase, agents, browsers, [hub.pid], database, profile_dir))
                    common.wait_idle([hub.pid])
                processes.stop_daphne(hub)
            if "two-process" in modes:
                hubs = [processes.start_daphne(app, env, work) for _ in range(2)]
                ports = [h.port for h in hubs]
                phase = Phase(
                    "two-process",
                    "two hub processes, saturation",
                    phase_config(args, "saturation", RUN_NO["two-process"], args.sat_duration, sat_agents),
                    agents=sat_agents,
                    hubs=2,
                    procs=args.procs,
                )
                agents = agent_specs(rows[:sat_agents], ports)
                browsers = browser_specs(rows[:sat_agents], ports, token, args.browsers)
                pids = [h.pid for h in hubs]
                phases["two-process"] = report_after(run_phase(phase, agents, browsers, pids, database, profile_dir))
                for hub in hubs:
                    processes.stop_daphne(hub)
        finally:
            processes.stop_all()
            common.redis_cleanup(env["REDIS_PREFIX"])


def phase_config(args: argparse.Namespace, mode: str, run_no: int, duration: float, agents: int) -> load.PhaseConfig:
    budget = args.connect_timeout or 30 + agents / 10
    return load.PhaseConfig(
        mode=mode, run_no=run_no, duration=duration, rate=args.rate, connect_phase_timeout=budget, settle=args.settle
    )


def report_after(phase: Phase) -> Phase:
    report(phase)
    return phase


def summary(phases: dict[str, Phase]) -> None:
    if not phases:
        return
    print("\n== summary")
    for name, phase in phases.items():
        print(f"   {name:<12} {phase.frames_per_s:8,.0f} frames/s")
    base, sat, two = phases.get("baseline"), phases.get("saturation"), phases.get("two-process")
    if base and sat and base.frames_per_s:
        print(f"   one hub process / baseline: {sat.frames_per_s / base.frames_per_s:.0%} (target >= 80%)")
    if sat and two and sat.frames_per_s:
        print(f"   two hub processes / one: {two.frames_per_s / sat.frames_per_s:.2f}x (target >= 1.7x)")
    print(f"   ({common.CORES} cores shared by hub(s), load generator, PostgreSQL and Redis)")


if __name__ == "__main__":
    sys.exit(main())
