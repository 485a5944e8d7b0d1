"""The scrape time of ``GET /metrics`` for a fleet of 1,000 servers x 40 metrics (target: under
200 ms), in-process against PostgreSQL and Redis, with baselines measured in the same run.

    .venv/bin/python bench/metrics/run.py
    BENCH_REDIS_URL=redis://127.0.0.1:6379/5 .venv/bin/python bench/metrics/run.py --servers 200 --requests 20

Setup: N servers with 3 tags each among 20, each with a latest sample of M values (the agent's
names, per-core CPU and per-mount disk to make up M), 5 % of them with an open alert, and the
apps' usual tables empty. The scrape goes through the whole stack (Django's test client, the
bearer token, every registered collector, prometheus-client's encoder), as Prometheus would
call it, in the Prometheus text format and in OpenMetrics. Baselines in the same run:
``GET /api/v1/servers`` (a page of 20, the same stack with JWT), and the latest samples query
alone (the floor: what one query of the fleet costs before any exposition).
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

TOKEN = "bench-metrics-token-0123456789abcdef"  # noqa: S105  # a throwaway hub's

INPROCESS = r"""
import json, os, random, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from accounts.models import User
from accounts.services import issue_tokens
from alerts.models import Alert
from monitoring.models import LatestSample
from servers.models import Server, Tag

p = json.load(open(os.environ["BENCH_IN"]))
rng = random.Random(7)
admin = User.objects.create_superuser("bench", "bench@example.com", "a-long-bench-passphrase")
jwt = issue_tokens(admin).access_token
BASE = ["cpu_percent", "memory_percent", "memory_used_bytes", "memory_available_bytes", "swap_percent",
        "swap_used_bytes", "disk_percent", "disk_read_bytes_per_s", "disk_write_bytes_per_s", "net_rx_bytes_per_s",
        "net_tx_bytes_per_s", "load_1", "load_5", "load_15", "uptime_seconds", "process_count",
        "agent_rss_bytes", "agent_cpu_percent"]
extra = [f"cpu_percent:core{i}" for i in range(16)] + [f"disk_percent:/mnt/d{i}" for i in range(16)]
NAMES = (BASE + extra)[: p["metrics"]]
tags = [Tag.objects.create(name=f"tag-{i:02d}") for i in range(20)]
servers = Server.objects.bulk_create(
    [Server(name=f"srv-{i:04d}", hostname=f"srv-{i:04d}.bench.internal", status="online") for i in range(p["servers"])]
)
Through = Server.tags.through
Through.objects.bulk_create([Through(server_id=s.pk, tag_id=t.pk) for s in servers for t in rng.sample(tags, 3)])
now = timezone.now()
LatestSample.objects.bulk_create(
    [LatestSample(server=s, ts=now, values={n: round(rng.uniform(0, 100), 2) for n in NAMES}) for s in servers]
)
Alert.objects.bulk_create([
    Alert(server=s, name="cpu", severity=rng.choice(["warning", "critical"]), status="firing", started_at=now)
    for s in servers[: max(1, len(servers) // 20)]
])
client = Client(HTTP_HOST="127.0.0.1")
scraper = {"HTTP_AUTHORIZATION": "Bearer " + os.environ["METRICS_BEARER_TOKEN"]}
OM = "application/openmetrics-text; version=1.0.0,text/plain;version=0.0.4;q=0.5"

def timed(path, **headers):
    started = time.perf_counter()
    response = client.get(path, **headers)
    assert response.status_code == 200, response.content[:300]
    return time.perf_counter() - started, response

def query_alone():
    started = time.perf_counter()
    rows = list(LatestSample.objects.values_list("server_id", "server__name", "server__status", "ts", "values"))
    assert len(rows) == len(servers)
    return time.perf_counter() - started

for _ in range(5):
    timed("/metrics", **scraper); timed("/api/v1/servers", HTTP_AUTHORIZATION="Bearer " + jwt); query_alone()
result = {"text": [], "openmetrics": [], "servers": [], "query": [], "collectors": {}}
for _ in range(p["requests"]):
    result["text"].append(timed("/metrics", **scraper)[0])
    result["openmetrics"].append(timed("/metrics", HTTP_ACCEPT=OM, **scraper)[0])
    result["servers"].append(timed("/api/v1/servers", HTTP_AUTHORIZATION="Bearer " + jwt)[0])
    result["query"].append(query_alone())
with CaptureQueriesContext(connection) as queries:
    _, response = timed("/metrics", **scraper)
body = response.content
result["queries"] = len(queries.captured_queries)
result["bytes"] = len(body)
result["lines"] = sum(1 for line in body.splitlines() if line and not line.startswith(b"#"))
for line in body.decode().splitlines():
    if line.startswith("chatops_collector_duration_seconds{"):
        name = line.split('"')[1]
        result["collectors"][name] = float(line.rsplit(" ", 1)[1])
if p["profile"]:
    import cProfile, io, pstats
    profiler = cProfile.Profile()
    profiler.enable()
    timed("/metrics", **scraper)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
    result["profile"] = out.getvalue()
json.dump(result, open(os.environ["BENCH_OUT"], "w"))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=1000)
    parser.add_argument("--metrics", type=int, default=40, help="values in each server's latest sample (at most 50)")
    parser.add_argument("--requests", type=int, default=50, help="timed requests of each kind")
    parser.add_argument("--deadline", type=float, default=900)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions of one scrape")
    args = parser.parse_args()
    common.install_deadline(args.deadline)
    work = common.ROOT / "var" / "bench" / f"metrics-{datetime.now():%Y%m%d-%H%M%S}"
    work.mkdir(parents=True, exist_ok=True)
    print(f"ChatOps GET /metrics scrape, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores")
    print(f"   {args.servers} servers x {args.metrics} metrics, {args.requests} requests of each kind")
    try:
        with common.fresh_database("chatops_bench_metrics") as url, tempfile.TemporaryDirectory() as var_dir:
            env = common.hub_env(
                url, Path(var_dir), EMBEDDED_WORKER="false", RATE_LIMIT_DEFAULT="100000/min", METRICS_BEARER_TOKEN=TOKEN
            )
            common.manage(env, "migrate", "--noinput", "-v", "0")
            (work / "in.json").write_text(json.dumps(vars(args)))
            out = work / "out.json"
            started = time.monotonic()
            common.django_script(
                {**env, "BENCH_IN": str(work / "in.json"), "BENCH_OUT": str(out)}, INPROCESS, timeout=args.deadline
            )
            r = json.loads(out.read_text())
    except (KeyboardInterrupt, common.BenchAbort) as exc:
        print(f"\naborted: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    pct = common.percentile
    print(f"   ran in {time.monotonic() - started:.0f} s")
    print(
        f"\n   one scrape: {r['bytes'] / 1e6:.2f} MB, {r['lines']} samples, {r['queries']} SQL queries "
        "(the token needs none)"
    )
    base = pct(r["servers"], 50)
    print("\n   GET                                            p50        p95      vs baseline p50")
    rows = [
        ("/metrics (Prometheus text)", r["text"]),
        ("/metrics (OpenMetrics)", r["openmetrics"]),
        ("floor: the latest samples query alone", r["query"]),
        ("baseline: /api/v1/servers (page of 20)", r["servers"]),
    ]
    for label, times in rows:
        p50, p95 = pct(times, 50), pct(times, 95)
        print(f"   {label:<45}{p50 * 1000:7.1f} ms {p95 * 1000:8.1f} ms   {p50 / base:6.2f}x")
    print("\n   collectors in the last scrape (their own clock, before encoding):")
    for name, seconds in sorted(r["collectors"].items(), key=lambda item: -item[1]):
        print(f"     {name:<16}{seconds * 1000:8.1f} ms")
    if r.get("profile"):
        print(r["profile"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
