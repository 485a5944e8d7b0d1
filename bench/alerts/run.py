"""What alert evaluation costs ingestion: the same batches through
``monitoring.ingest.record_samples`` with no thresholds, with thresholds that never fire, and
with thresholds that fire and resolve all the time. In-process, against PostgreSQL.

    .venv/bin/python bench/alerts/run.py                     # 200 servers, batches of 200 frames
    .venv/bin/python bench/alerts/run.py --servers 500 --thresholds 20 --rounds 5

Each frame is one agent's 1 s sample of 40 values (the agent's metric names). One batch holds one
frame of every server, as the hub's group commit writes them under load. The scenarios are
interleaved round by round (so drift of the machine hits each alike) and the per-batch wall time
of ``record_samples`` (its whole transaction, commit included) is printed: p50, p95, frames/s,
and the ratio to the run without thresholds. Thresholds are scoped to every server
(``scope=all``), the worst case for matching.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from bench import common

INPROCESS = r"""
import json, os, random, time
from datetime import UTC, datetime
from django.db import connection
from alerts.models import Alert, Threshold, ThresholdState
import monitoring.ingest.write
from monitoring.ingest import FrameIn, record_samples
from servers.models import Server

# Time the evaluation itself too, inside the batches (the registered evaluators, wrapped).
inner = []
real_evaluate = monitoring.ingest.write.run_evaluators
def timed_evaluate(samples, **options):
    started = time.perf_counter()
    try:
        return real_evaluate(samples, **options)
    finally:
        inner.append(time.perf_counter() - started)
monitoring.ingest.write.run_evaluators = timed_evaluate

p = json.load(open(os.environ["BENCH_IN"]))
servers = [Server.objects.create(name=f"bench-{i}", hostname=f"bench-{i}.local").pk for i in range(p["servers"])]
NAMES = ["cpu_percent", "memory_percent", "swap_percent", "disk_percent", "load_1", "load_5", "load_15",
         "net_rx_bytes_per_s", "net_tx_bytes_per_s", "disk_read_bytes_per_s", "disk_write_bytes_per_s",
         "uptime_seconds", "process_count"] + [f"cpu_percent:{i}" for i in range(8)] + [
         f"disk_percent:/mnt/d{i}" for i in range(19)]
rng = random.Random(7)
seq = {}
clock = [datetime(2026, 1, 1, tzinfo=UTC).timestamp()]

def batch(hot):
    clock[0] += 1
    frames = []
    for n, sid in enumerate(servers):
        key = (sid, hot)
        seq[sid] = seq.get(sid, 0) + 1
        values = {name: rng.uniform(0, 60) for name in NAMES}
        if hot and n % 5 == 0:
            # A fifth of the servers cross the thresholds and back every few seconds.
            values["cpu_percent"] = 95.0 if int(clock[0] / 3) % 2 else 10.0
        frames.append(FrameIn(sid, "bench-stream-01", {"type": "data", "seq": seq[sid], "logs": [],
            "dropped": {"samples": 0, "logs": 0}, "samples": [{"ts": clock[0], "values": values}]}))
    return frames

def thresholds(kind):
    Threshold.objects.all().delete()
    ThresholdState.objects.all().delete()
    if kind == "none":
        return
    for i in range(p["thresholds"]):
        metric = "cpu_percent" if i == 0 else NAMES[i % len(NAMES)]
        Threshold.objects.create(name=f"t{i}", metric=metric, operator=">", value=90, clear_value=50,
                                 duration_seconds=1 if kind == "firing" else 0, scope="all",
                                 enabled=True)

result = {"none": [], "quiet": [], "firing": [], "eval_none": [], "eval_quiet": [], "eval_firing": []}
for _ in range(p["warmup"]):
    record_samples(batch(False))
for rnd in range(p["rounds"]):
    for kind in ("none", "quiet", "firing"):
        thresholds(kind)
        for _ in range(p["batches"]):
            frames = batch(kind == "firing")
            inner.clear()
            started = time.perf_counter()
            record_samples(frames)
            result[kind].append(time.perf_counter() - started)
            result["eval_" + kind].append(sum(inner))
result["alerts"] = Alert.objects.count()
json.dump(result, open(os.environ["BENCH_OUT"], "w"))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=200, help="frames per batch (one per server)")
    parser.add_argument("--thresholds", type=int, default=10)
    parser.add_argument("--batches", type=int, default=20, help="batches per scenario per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--deadline", type=float, default=1800)
    args = parser.parse_args()
    common.install_deadline(args.deadline)
    work = common.ROOT / "var" / "bench" / f"alerts-{datetime.now():%Y%m%d-%H%M%S}"
    work.mkdir(parents=True, exist_ok=True)
    print(f"ChatOps alert evaluation cost, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores")
    print(f"   {args.servers} frames of 40 values per batch, {args.thresholds} thresholds (scope all), "
          f"{args.rounds} rounds x {args.batches} batches per scenario")  # fmt: skip
    try:
        with common.fresh_database("chatops_bench_alerts") as url, tempfile.TemporaryDirectory() as var_dir:
            env = common.hub_env(url, Path(var_dir), EMBEDDED_WORKER="false")
            common.manage(env, "migrate", "--noinput", "-v", "0")
            common.wait_quiet()
            (work / "in.json").write_text(json.dumps(vars(args)))
            out = work / "out.json"
            started = time.monotonic()
            common.django_script(
                {**env, "BENCH_IN": str(work / "in.json"), "BENCH_OUT": str(out)}, INPROCESS, timeout=args.deadline
            )
            result = json.loads(out.read_text())
    except (KeyboardInterrupt, common.BenchAbort) as exc:
        print(f"\naborted: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    print(f"   ran in {time.monotonic() - started:.0f} s; alerts fired in the 'firing' scenario: {result['alerts']}")
    base = common.percentile(result["none"], 50)
    header = "scenario                          batch p50    p95      frames/s (p50)   vs none   evaluate p50 (share)"
    print(f"\n   {header}")
    labels = {
        "none": "no thresholds",
        "quiet": f"{args.thresholds} thresholds, never breached",
        "firing": f"{args.thresholds} thresholds, 1/5 servers flapping",
    }
    for kind in ("none", "quiet", "firing"):
        times = result[kind]
        p50, p95 = common.percentile(times, 50), common.percentile(times, 95)
        evaluate = common.percentile(result["eval_" + kind], 50)
        print(f"   {labels[kind]:<34}{p50 * 1000:7.1f} ms {p95 * 1000:7.1f} ms {args.servers / p50:12,.0f}"
              f"        {p50 / base:5.2f}x   {evaluate * 1000:6.1f} ms ({evaluate / p50:4.0%})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
