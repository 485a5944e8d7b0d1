"""CI deliveries benchmark: 200 deliveries/s of mixed events (GitHub, GitLab, our JSON,
CDEvents) for 60 s against one hub process, while agents send their samples.

    .venv/bin/python bench/pipelines/run.py                             # 200 agents, 200 deliveries/s, 60 s
    .venv/bin/python bench/pipelines/run.py --duration 20 --agents 100  # quick

A fresh PostgreSQL database gets ``--agents`` servers with their keys (bench/ingest's setup,
with its never-crossed thresholds) and one integration per provider. One hub process
(``chatops.asgi:application``, DEBUG off, the embedded worker on, PostgreSQL and Redis), then
two measured windows of ``--duration`` seconds with the same agents at 1 sample/s each:

- ``agents alone``: the baseline of agent ingest in this run;
- ``agents + deliveries``: the same, while ``sender.py`` posts ``--rate`` deliveries/s (open
  loop, ``--threads`` keep-alive connections): the mix cycles through GitHub workflow_run,
  workflow_job and deployment_status, GitLab Pipeline and Deployment hooks, our pipeline and
  deployment, and a CDEvents service.deployed, each a new run or deploy with its own delivery id.

Printed: each delivery's accept time (request sent → answer read) p50/p95/p99/max, the answers
and verdicts; after the window, how long the worker took to apply what was accepted, and the
loss check (every accepted delivery stored, applied, without error; none refused); the agents'
frames/s and send → ack latency in both windows and their ratio (ingest not slowed: ≈ 1).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing as mp
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "ingest")]

import common  # noqa: E402 - needs the path above
import load  # noqa: E402
import sender  # noqa: E402

_spec = importlib.util.spec_from_file_location("ingest_run", HERE.parent / "ingest" / "run.py")
assert _spec and _spec.loader
ingest = importlib.util.module_from_spec(_spec)
sys.modules["ingest_run"] = ingest  # its dataclasses look their module up
_spec.loader.exec_module(ingest)

SECRET = "bench-ci-secret-0123456789abcdef"  # noqa: S105 - a throwaway secret of a throwaway hub
INTEGRATIONS = f"""
import json
from accounts.actor import Actor
from accounts.models import User
from pipelines.services.integrations import create_integration
admin = User.objects.create_user("bench-ci-admin", "bench-ci@example.com", None, role="admin")
ids = {{}}
for provider in ("github", "gitlab", "generic"):
    mapping = [{{"environment": "production", "hostnames": ["bench-00000.example", "bench-00001.example"]}}]
    found, _ = create_integration(
        Actor.for_user(admin, "api"), name=provider, provider=provider, secret="{SECRET}",
        environment_mapping={{"prod": "production"}}, server_mapping=mapping,
    )
    ids[provider] = found.pk
print(json.dumps(ids))
"""


def _recv(conn: Any, kind: str, timeout: float) -> Any:
    if not conn.poll(timeout):
        raise TimeoutError(f"a load process sent no {kind!r} in time")
    message = conn.recv()
    if message[0] != kind:
        raise RuntimeError(f"expected {kind!r}, got {message[0]!r}")
    return message[1]


def run_window(
    args: argparse.Namespace,
    label: str,
    run_no: int,
    agents: list[load.AgentSpec],
    hub_pid: int,
    database: str,
    sender_cfg: sender.SenderConfig | None,
    others: dict[str, list[int]] | None = None,
) -> tuple[Any, list[tuple[float, float, float, int, str]]]:
    ctx = mp.get_context("spawn")
    cfg = load.PhaseConfig(
        mode="steady", run_no=run_no, duration=args.duration, rate=1.0,
        connect_phase_timeout=30 + len(agents) / 10, settle=args.settle,
    )  # fmt: skip
    phase = ingest.Phase("steady", label, cfg, agents=len(agents), hubs=1, procs=args.procs)
    workers: list[tuple[str, Any, Any]] = []
    results: list[tuple[float, float, float, int, str]] = []
    common.wait_quiet()
    phase.cpu_reference.append(common.cpu_reference())  # the machine's speed, before and after
    try:
        for i in range(args.procs):
            parent, child = ctx.Pipe()
            process = ctx.Process(target=load.worker_main, args=(child, agents[i :: args.procs], [], cfg), daemon=True)
            process.start()
            child.close()
            workers.append(("generator", process, parent))
        if sender_cfg is not None:
            parent, child = ctx.Pipe()
            process = ctx.Process(target=sender.sender_main, args=(child, sender_cfg), daemon=True)
            process.start()
            child.close()
            workers.append(("sender", process, parent))
        for _, _, conn in workers:
            _recv(conn, "ready", cfg.connect_phase_timeout + 120)
        start_at = time.time() + 1.5 + cfg.settle
        for _, _, conn in workers:
            conn.send(("start", start_at))
        monitor = common.CpuMonitor(
            {
                "hub": [hub_pid],
                "generator": [p.pid for role, p, _ in workers if role == "generator"],
                "sender": [p.pid for role, p, _ in workers if role == "sender"],
                **(others or {}),
            }
        )
        time.sleep(max(0.0, start_at - time.time()))
        monitor.start()
        phase.window_start = start_at
        time.sleep(max(0.0, start_at + cfg.duration - time.time()))
        phase.cpu = monitor.stop()
        phase.strangers = monitor.strangers
        phase.rss = dict(monitor.max_rss)
        merged = []
        for role, _, conn in workers:
            found = _recv(conn, "result", cfg.drain_timeout + 120)
            if role == "sender":
                results = found
            else:
                merged.append(found)
        phase.stats = ingest.merge(merged)
    finally:
        for _, process, conn in workers:
            conn.close()
            process.join(timeout=15)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
    phase.cpu_reference.append(common.cpu_reference())
    ingest.check_stored(database, phase)
    return phase, results


def drain(database: str, timeout: float) -> tuple[float, dict[str, int]]:
    """Wait for the worker to apply every accepted delivery; how long it took, and the counts."""
    started = time.monotonic()
    query = """
        SELECT count(*) FILTER (WHERE verdict = 'accepted'),
               count(*) FILTER (WHERE verdict = 'accepted' AND processed_at IS NULL),
               count(*) FILTER (WHERE process_error <> ''),
               count(*) FILTER (WHERE verdict <> 'accepted'),
               (SELECT count(*) FROM pipelines_pipeline), (SELECT count(*) FROM pipelines_deployment),
               (SELECT count(*) FROM pipelines_job), (SELECT count(*) FROM webhooks_delivery)
        FROM pipelines_delivery"""
    with psycopg.connect(common.db_url(database), autocommit=True) as conn:
        while True:
            row = conn.execute(query).fetchone()
            assert row is not None
            if row[1] == 0 or time.monotonic() - started > timeout:
                break
            time.sleep(0.2)
    names = ["accepted", "unapplied", "errors", "refused", "pipelines", "deployments", "jobs", "outbox"]
    return time.monotonic() - started, dict(zip(names, [int(v) for v in row], strict=True))


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def report_deliveries(results: list[tuple[float, float, float, int, str]], args: argparse.Namespace) -> None:
    accept = [end - start for _, start, end, _, _ in results]
    lag = [start - due for due, start, _, _, _ in results]
    statuses = Counter(status for *_, status, _ in results)
    verdicts = Counter(verdict for *_, verdict in results)
    span = max(s for _, s, _, _, _ in results) - min(s for _, s, _, _, _ in results) if results else 0
    achieved = len(results) / max(span, 1e-9)
    print(f"\n== deliveries: {len(results):,} sent over {span:.1f} s ({achieved:.0f}/s, offered {args.rate:.0f}/s)")
    print(f"   answers {dict(statuses)}; verdicts {dict(verdicts)}")
    print(
        f"   accept time: p50 {ms(common.percentile(accept, 50))}, p95 {ms(common.percentile(accept, 95))}, "
        f"p99 {ms(common.percentile(accept, 99))}, max {ms(max(accept, default=float('nan')))}"
    )
    print(f"   sender lag behind schedule: p95 {ms(common.percentile(lag, 95))} (near 0: the hub kept up)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agents", type=int, default=200, help="agents, 1 sample/s each, in both windows")
    parser.add_argument("--duration", type=float, default=60, help="seconds of each measured window")
    parser.add_argument("--rate", type=float, default=200, help="deliveries per second")
    parser.add_argument("--threads", type=int, default=64, help="the sender's connections")
    parser.add_argument(
        "--worker",
        choices=["embedded", "process"],
        default="embedded",
        help="apply deliveries in the hub process (EMBEDDED_WORKER, the default) or in a manage.py worker",
    )
    parser.add_argument(
        "--worker-nice", type=int, default=0, help="the worker process's WORKER_NICE (with --worker process)"
    )
    parser.add_argument(
        "--deliveries-to",
        choices=["hub", "second"],
        default="hub",
        help="post the deliveries to the agents' hub process (the issue's setup) or, to tell the process's "
        "share of the agents' slowdown from the machine's, to a second daphne process (no embedded worker)",
    )
    parser.add_argument(
        "--app",
        default="chatops.asgi:application",
        help="the agents' hub's ASGI application (bench/pipelines is on its path: experiment_asgi:application "
        "replaces the receivers' work, see that module)",
    )
    parser.add_argument("--procs", type=int, default=1, help="agent load processes")
    parser.add_argument("--settle", type=float, default=5, help="seconds between agents connected and the window")
    parser.add_argument("--deadline", type=float, default=1500, help="global limit in seconds")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    common.install_deadline(args.deadline)
    work = common.ROOT / "var" / "bench" / f"pipelines-{datetime.now():%Y%m%d-%H%M%S}"
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"ChatOps CI deliveries benchmark, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores shared by the hub, "
        f"the agents' and the sender's processes, PostgreSQL and Redis. Logs: {work}"
    )
    processes = common.Processes()
    try:
        with common.fresh_database("bench_pipelines", keep=args.keep_db) as url:
            database = url.rsplit("/", 1)[-1]
            env = common.hub_env(url, work, EMBEDDED_WORKER="true" if args.worker == "embedded" else "false")
            env["PYTHONPATH"] = str(HERE)
            env["BENCH_SECRET"] = SECRET
            common.manage(env, "migrate", "--noinput", "-v", "0", timeout=600)
            rows, _token = ingest.setup(env, args.agents, work, thresholds=10)
            ids = json.loads(common.django_script(env, INTEGRATIONS).strip().splitlines()[-1])
            daphne = processes.start_daphne(args.app, env, work)
            if args.app != "chatops.asgi:application":
                print(f"   the agents' hub runs {args.app} (BENCH_RECEIVER={env.get('BENCH_RECEIVER', 'null')})")
            own: dict[str, list[int]] = {}  # the bench's other processes, measured by name
            if args.worker == "process":
                with (work / "worker.log").open("wb") as log:
                    worker = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
                        [common.PYTHON, "manage.py", "worker"],
                        cwd=common.ROOT,
                        env={**env, "WORKER_NICE": str(args.worker_nice)},
                        stdout=log,
                        stderr=log,
                    )
                processes.others.append(worker)
                own["worker"] = [worker.pid]
            applier = (
                "the hub process (embedded worker)"
                if args.worker == "embedded"
                else f"a manage.py worker process (WORKER_NICE={args.worker_nice})"
            )
            print(f"   deliveries applied by: {applier}")
            receiving = daphne
            if args.deliveries_to == "second":
                second_env = {**env, "EMBEDDED_WORKER": "false"}
                receiving = processes.start_daphne("chatops.asgi:application", second_env, work)
                print(f"   deliveries posted to a second daphne process (pid {receiving.pid}), not the agents' hub")
            agents = ingest.agent_specs(rows, [daphne.port])
            if receiving is not daphne:
                own["receiving hub"] = [receiving.pid]
            alone, _ = run_window(
                args, "agents alone (baseline of this run)", 1, agents, daphne.pid, database, None, own or None
            )
            ingest.report(alone)
            cfg = sender.SenderConfig(receiving.port, args.rate, args.duration, args.threads, SECRET, ids)
            loaded, results = run_window(args, "agents + deliveries", 2, agents, daphne.pid, database, cfg, own or None)
            ingest.report(loaded)
            print(f"   sender CPU {loaded.cpu.get('sender', 0):.0f}% of one core")
            report_deliveries(results, args)
            took, counts = drain(database, timeout=300)
            accepted_answers = sum(1 for *_, verdict in results if verdict == "accepted")
            print(f"   applied by the worker {took:.1f} s after the window; {counts}")
            lost = len(results) - counts["accepted"]
            print(
                f"   loss check: {len(results):,} sent, {accepted_answers:,} answered accepted, {counts['accepted']:,} "
                f"stored as accepted, {counts['unapplied']} not applied, {counts['errors']} failed to apply: "
                f"lost {lost}"
            )
            common.redis_cleanup(env["REDIS_PREFIX"])
            print("\n== summary")
            base, with_ci = alone.frames_per_s, loaded.frames_per_s
            a_acks, b_acks = alone.stats.get("ack_latencies", []), loaded.stats.get("ack_latencies", [])
            print(f"   agent frames/s: alone {base:,.0f}, with deliveries {with_ci:,.0f} (ratio {with_ci / base:.2f})")
            for p in (50, 99):
                before, after = common.percentile(a_acks, p), common.percentile(b_acks, p)
                ratio = after / before
                print(f"   agent send → ack p{p}: alone {ms(before)}, with deliveries {ms(after)} (ratio {ratio:.2f})")
            accept = [end - start for _, start, end, _, _ in results]
            span = max(s for _, s, _, _, _ in results) - min(s for _, s, _, _, _ in results)
            achieved = len(results) / max(span, 1e-9)
            print(
                f"   delivery accept p95 {ms(common.percentile(accept, 95))}, offered {args.rate:.0f}/s, "
                f"achieved {achieved:.0f}/s; lost {lost}"
            )
    except (KeyboardInterrupt, common.BenchAbort) as exc:
        print(f"\naborted: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
