"""The CI receivers' accept path alone: hub CPU per delivery, closed loop.

    .venv/bin/python bench/pipelines/probe.py                       # 2,000 deliveries, 4 connections, 3 rounds
    .venv/bin/python bench/pipelines/probe.py --connections 64 --rounds 2

A fresh PostgreSQL database with one integration per provider, one hub process
(``chatops.asgi:application``, DEBUG off, no embedded worker: nothing but the requests), and
``--connections`` keep-alive connections posting the benchmark's mixed deliveries
(``sender.build``: GitHub, GitLab, our JSON, CDEvents), each waiting for its answer before the
next (closed loop). Per round: the hub process's CPU time over the deliveries ÷ their number,
and the rate the loop reached. A warm-up of 200 deliveries precedes the rounds. The CPU
reference is printed before and after: compare runs only at similar machine speeds, and A/B
two trees by running this script from each, interleaved (bench/README.md, session 15).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from datetime import datetime
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import common  # noqa: E402 - needs the path above
import sender  # noqa: E402

# The benchmark's integrations (one per provider) and their secret: bench/pipelines/run.py.
bench_run = importlib.import_module("run")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deliveries", type=int, default=2000, help="per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--deadline", type=float, default=900, help="global limit in seconds")
    args = parser.parse_args()
    work = common.work_dir("pipelines-probe", args.deadline)
    print(f"CI receivers' accept path, closed loop, {datetime.now():%Y-%m-%d %H:%M}, tree {common.ROOT}")
    processes = common.Processes()
    try:
        with common.fresh_database("bench_probe") as url:
            env = common.hub_env(url, work, EMBEDDED_WORKER="false")
            common.manage(env, "migrate", "--noinput", "-v", "0", timeout=600)
            ids = json.loads(common.django_script(env, bench_run.INTEGRATIONS).strip().splitlines()[-1])
            daphne = processes.start_daphne("chatops.asgi:application", env, work)
            cfg = sender.SenderConfig(
                port=daphne.port, rate=1, duration=1, threads=1, secret=bench_run.SECRET, integrations=ids
            )  # fmt: skip
            hub = psutil.Process(daphne.pid)
            print(f"   CPU reference before: {common.cpu_reference():.1f} ms")
            common.post_closed_loop(
                daphne.port, [sender.build(cfg, i) for i in range(200)], args.connections
            )  # warm-up
            for round_no in range(args.rounds):
                first = 200 + round_no * args.deliveries
                requests = [sender.build(cfg, first + i) for i in range(args.deliveries)]
                cpu_before, started = sum(hub.cpu_times()[:2]), time.monotonic()
                statuses = common.post_closed_loop(daphne.port, requests, args.connections)
                cpu, wall = sum(hub.cpu_times()[:2]) - cpu_before, time.monotonic() - started
                print(
                    f"   round {round_no + 1}: {len(statuses):,} deliveries, hub {cpu / len(statuses) * 1000:.2f} ms "
                    f"of CPU each, {len(statuses) / wall:.0f}/s over {args.connections} connections, "
                    f"answers {sorted(set(statuses))}"
                )
            print(f"   CPU reference after: {common.cpu_reference():.1f} ms")
    finally:
        processes.stop_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
