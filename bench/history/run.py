"""History benchmark: ``GET /api/v1/metrics/{id}/history`` over 7 days of 1 s samples.

    .venv/bin/python bench/history/run.py                       # 20 servers x 7 days (12.1 M samples)
    .venv/bin/python bench/history/run.py --servers 5 --days 1  # a quick run
    .venv/bin/python bench/history/run.py --keep-db             # keep the data; then:
    .venv/bin/python bench/history/run.py --reuse-db NAME --servers 20 --days 7

A fresh PostgreSQL database is migrated, given the servers and a viewer, and filled with
synthetic samples (40 metrics a second, written with COPY) and their 1-minute and 1-hour
rollups, computed from the same values in numpy and written with COPY too (the app's rollup
job is far too slow to roll up a week here; it is timed on the last hour instead, and its
results are compared with the generated ones). Then VACUUM ANALYZE, a hub (daphne, DEBUG
off, the embedded worker off so no job runs beside the measurement), and:

Before measuring, the last ``--pending-minutes`` (2) minutes of every server are marked for the
rollup job, as a running hub has them (the minute being written, the one settling): history
reads those minutes from raw samples. Their rollups are kept, as a minute marked again by late
samples has them, so the answers are the same with or without the marks.

1. ``--requests`` requests over random servers through the real HTTP endpoint, one
   keep-alive connection, sequential: p50/p95/p99 (target p95 < 20 ms);
2. the same calls to ``monitoring.queries.history`` in-process (what the query costs without
   HTTP, DRF and a new database connection per request);
3. ``monitoring.queries._raw`` with bucket=605 s over the same 7 days: why rollups matter.

Requires numpy (``.venv/bin/pip install numpy``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import common  # noqa: E402 - needs the path above
import generate  # noqa: E402
import psycopg  # noqa: E402

SETUP = """
import json, os
from accounts.models import User
from accounts.services import issue_tokens
from servers.models import Server
n = int(os.environ["BENCH_SERVERS"])
viewer = User.objects.filter(username="bench-viewer").first() or User.objects.create_user(
    "bench-viewer", "bench-viewer@example.com", None, role="viewer")
if not Server.objects.filter(name__startswith="hist-").exists():
    Server.objects.bulk_create([Server(name=f"hist-{i:03d}", hostname=f"hist-{i:03d}.example") for i in range(n)])
ids = list(Server.objects.filter(name__startswith="hist-").order_by("pk").values_list("pk", flat=True))[:n]
open(os.environ["BENCH_OUT"], "w").write(json.dumps({"ids": ids, "token": issue_tokens(viewer).access_token}))
print("ok")
"""

# The last minutes of every server marked for the rollup job, as on a running hub.
PENDING = """
import json, os
from datetime import timedelta
from django.db.models import Max
from monitoring.models import MetricRollup, RollupPending
p = json.loads(open(os.environ["BENCH_IN"]).read())
last = MetricRollup.objects.filter(server_id=p["ids"][0], resolution=60).aggregate(last=Max("bucket"))["last"]
RollupPending.objects.all().delete()
RollupPending.objects.bulk_create([RollupPending(server_id=s, bucket=last - timedelta(minutes=i))
    for s in p["ids"] for i in range(p["minutes"])])
print("ok")
"""

# In the hub's configuration: the query without HTTP, the raw path, plans, and the rollup job.
INPROCESS = """
import json, os, time
from datetime import datetime, timedelta
from django.db import connection
from monitoring import queries
from monitoring.jobs import rollup_pending
from monitoring.models import MetricRollup, RollupPending
p = json.loads(open(os.environ["BENCH_IN"]).read())
start, end = datetime.fromisoformat(p["start"]), datetime.fromisoformat(p["end"])
out = {"history": [], "raw": [], "connect": []}
for sid in p["sequence"]:
    t = time.perf_counter(); found = queries.history(sid, "cpu_percent", start, end, p["points"])
    out["history"].append(time.perf_counter() - t)
out["source"], out["bucket"], out["points"] = found.source, found.bucket_seconds, len(found.points)
out["ranges"] = []
for hours in (1, 6, 24, 24 * 7):
    if timedelta(hours=hours) > end - start:
        continue
    took = []
    for sid in p["sequence"][:5]:
        t = time.perf_counter()
        found = queries.history(sid, "cpu_percent", end - timedelta(hours=hours), end, p["points"])
        took.append(time.perf_counter() - t)
    out["ranges"].append([hours, sorted(took)[len(took) // 2], found.source, found.bucket_seconds, len(found.points)])
for _ in range(20):
    connection.close(); t = time.perf_counter(); connection.ensure_connection()
    out["connect"].append(time.perf_counter() - t)
qs = MetricRollup.objects.filter(server_id=p["sequence"][0], metric="cpu_percent", resolution=60,
    bucket__gte=start, bucket__lt=end).order_by("bucket").values_list("bucket", "min", "max", "sum", "count")
out["rollup_plan"] = qs.explain(analyze=True, buffers=True)
t = time.perf_counter(); rows = list(qs); out["rollup_fetch"] = [time.perf_counter() - t, len(rows)]
with connection.cursor() as c:
    c.execute("SET statement_timeout = '300s'")
for sid in p["sequence"][: p["raw_runs"]]:
    t = time.perf_counter(); points = queries._raw(sid, "cpu_percent", start, end, 605)
    out["raw"].append([time.perf_counter() - t, len(json.loads(points))])
if p["raw_explain"]:
    with connection.cursor() as c:
        c.execute("EXPLAIN (ANALYZE, BUFFERS) SELECT floor(extract(epoch FROM ts) / 605) AS b, "
            "avg((\\"values\\"->>'cpu_percent')::float8) FROM monitoring_metricsample WHERE server_id = %s "
            "AND ts >= %s AND ts < %s AND \\"values\\" ? 'cpu_percent' GROUP BY b ORDER BY b",
            [p["sequence"][-1], start, end])
        out["raw_plan"] = "\\n".join(r[0] for r in c.fetchall())
if p["job_minutes"]:
    cut = datetime.fromisoformat(p["data_end"]) - timedelta(minutes=p["job_minutes"])
    def snapshot():
        q = MetricRollup.objects.filter(bucket__gte=cut).values_list("server_id", "metric", "resolution", "bucket",
            "min", "max", "sum", "count")
        return {(s, m, r, b): (lo, hi, tot, n) for s, m, r, b, lo, hi, tot, n in q}
    before = snapshot()
    RollupPending.objects.bulk_create([RollupPending(server_id=s, bucket=cut + timedelta(minutes=i))
        for s in p["ids"] for i in range(p["job_minutes"])], ignore_conflicts=True)
    t = time.perf_counter(); n = 0
    while (k := rollup_pending()):
        n += k
    out["job"] = [time.perf_counter() - t, n]
    after = snapshot()
    worst = max((abs(a - b) / max(1.0, abs(b)) for key, old in before.items() if key in after
        for a, b in zip(after[key], old)), default=0.0)
    out["job_check"] = [len(before), len(after), len(set(before) ^ set(after)), worst]
open(os.environ["BENCH_OUT"], "w").write(json.dumps(out, default=str))
print("ok")
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def dist(values: list[float]) -> str:
    p = common.percentile
    return (
        f"p50 {ms(p(values, 50))}, p95 {ms(p(values, 95))}, p99 {ms(p(values, 99))}, "
        f"max {ms(max(values) if values else float('nan'))} (n={len(values)})"
    )


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def http_requests(
    port: int, token: str, sequence: list[int], start: datetime, end: datetime, points: int, warmup: int
) -> tuple[list[float], dict[str, Any]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    times: list[float] = []
    info: dict[str, Any] = {"statuses": {}}
    try:
        for i, sid in enumerate(sequence[:warmup] + sequence):
            path = f"/api/v1/metrics/{sid}/history?metric=cpu_percent&start={iso(start)}&end={iso(end)}&points={points}"
            t = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            elapsed = time.perf_counter() - t
            info["statuses"][response.status] = info["statuses"].get(response.status, 0) + 1
            if i >= warmup:
                times.append(elapsed)
            if response.status == 200:
                data = json.loads(body)["data"]
                info.update(source=data["source"], bucket=data["bucket_seconds"], points=len(data["points"]))
                info["bytes"] = len(body)
            elif "error" not in info:
                info["error"] = body[:300].decode(errors="replace")
    finally:
        conn.close()
    return times, info


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=20)
    parser.add_argument("--days", type=float, default=7)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--raw-runs", type=int, default=2, help="timed calls of queries._raw (bucket 605 s)")
    parser.add_argument("--no-raw-explain", action="store_true", help="skip EXPLAIN ANALYZE of the raw query")
    parser.add_argument("--pending-minutes", type=int, default=2, help="last minutes of each server marked pending")
    parser.add_argument("--job-minutes", type=int, default=60, help="minutes of every server to roll up with the job")
    parser.add_argument("--procs", type=int, default=common.CORES, help="generating processes")
    parser.add_argument("--deadline", type=float, default=3600, help="global limit in seconds")
    parser.add_argument("--profile", action="store_true", help="py-spy the hub during the HTTP requests")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--reuse-db", metavar="NAME", help="measure a database kept by --keep-db (no generation)")
    args = parser.parse_args()
    common.install_deadline(args.deadline)
    work = common.ROOT / "var" / "bench" / f"history-{datetime.now():%Y%m%d-%H%M%S}"
    work.mkdir(parents=True, exist_ok=True)
    print(f"ChatOps history benchmark, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores. Logs: {work}")
    processes = common.Processes()
    try:
        if args.reuse_db:
            run(args, common.db_url(args.reuse_db), processes, work, fresh=False)
        else:
            with common.fresh_database("chatops_bench_history", keep=args.keep_db) as url:
                run(args, url, processes, work, fresh=True)
    except (KeyboardInterrupt, common.BenchAbort) as exc:
        print(f"\naborted: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
    return 0


def run(args: argparse.Namespace, url: str, processes: common.Processes, work: Path, fresh: bool) -> None:
    database = url.rsplit("/", 1)[1]
    with tempfile.TemporaryDirectory(prefix="chatops-bench-") as var_dir:
        env = common.hub_env(url, Path(var_dir), EMBEDDED_WORKER="false")
        if args.requests + 10 > 550:  # the default limit is 600 a minute per user
            env["RATE_LIMIT_ENABLED"] = "false"
            print("   rate limiting off: more requests than the per-user limit allows in a minute")
        if fresh:
            started = time.monotonic()
            common.manage(env, "migrate", "--noinput", "-v", "0")
            print(f"\nmigrated {database} in {time.monotonic() - started:.0f} s")
        out = work / "setup.json"
        common.django_script({**env, "BENCH_SERVERS": str(args.servers), "BENCH_OUT": str(out)}, SETUP)
        setup = json.loads(out.read_text())
        ids: list[int] = setup["ids"]
        if fresh:
            data_start, data_end = load(url, ids, args)
        else:
            data_start, data_end = span(url)
        size_report(url)
        (work / "pending.json").write_text(json.dumps({"ids": ids, "minutes": args.pending_minutes}))
        common.django_script({**env, "BENCH_IN": str(work / "pending.json")}, PENDING)
        print(f"   pending marks: the last {args.pending_minutes} minutes of each server (read from raw samples)")
        end = datetime.now(UTC)
        start = end - timedelta(days=args.days)
        rng = random.Random(42)
        sequence = [rng.choice(ids) for _ in range(args.requests)]
        print(f"\nquery: metric=cpu_percent, start={iso(start)}, end={iso(end)}, points={args.points}")
        print(f"   (data from {iso(data_start)} to {iso(data_end)}, {len(ids)} servers)")
        spies: list[Any] = []
        try:
            daphne = processes.start_daphne("chatops.asgi:application", env, work)
            if args.profile:
                spies = common.start_py_spy([daphne.pid], 600, work / "http")
                time.sleep(1)
            reference = [common.cpu_reference()]
            times, info = http_requests(daphne.port, setup["token"], sequence, start, end, args.points, warmup=10)
            reference.append(common.cpu_reference())
        finally:
            for spy, _ in spies:
                spy.send_signal(signal.SIGINT)  # py-spy writes its profile when interrupted
            for spy in spies:
                common.finish_py_spy(spy)
            processes.stop_all()
            common.redis_cleanup(env["REDIS_PREFIX"])
        print(f"\n== HTTP GET .../history through daphne, {len(times)} sequential requests, keep-alive")
        print(f"   {dist(times)}  (target p95 < 20 ms)")
        print(f"   CPU reference before / after: {reference[0]:.1f} / {reference[1]:.1f} ms (common.cpu_reference)")
        print(
            f"   statuses {info['statuses']}; source {info.get('source')}, bucket {info.get('bucket')} s, "
            f"{info.get('points')} points, {info.get('bytes', 0):,} bytes"
        )
        if "error" in info:
            print(f"   ! {info['error']}")
        inprocess(env, args, ids, sequence, start, end, data_end, work)


def load(url: str, ids: list[int], args: argparse.Namespace) -> tuple[datetime, datetime]:
    total = round(args.days * 24) * 3600 * len(ids)
    print(f"\ngenerating {total:,} samples ({len(ids)} servers x {args.days:g} days x 86,400 s), {args.procs} writers")
    started = time.monotonic()
    data_start, data_end = generate.generate(url, ids, args.days, args.procs)
    took = time.monotonic() - started
    print(f"   written in {took:.0f} s ({total / took:,.0f} samples/s, with their 1 m and 1 h rollups)")
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE monitoring_metricrollup")
        conn.execute("VACUUM ANALYZE monitoring_metricsample")
    print(f"   VACUUM ANALYZE in {time.monotonic() - started:.0f} s")
    return data_start, data_end


def span(url: str) -> tuple[datetime, datetime]:
    with psycopg.connect(url) as conn:
        sql = "SELECT min(bucket), max(bucket) FROM monitoring_metricrollup WHERE resolution = 3600"
        row = conn.execute(sql).fetchone()
    assert row is not None and row[0] is not None, "no data in that database"
    return row[0], row[1] + timedelta(hours=1)


def size_report(url: str) -> None:
    with psycopg.connect(url) as conn:
        for table in ("monitoring_metricsample", "monitoring_metricrollup"):
            row = conn.execute(
                "SELECT reltuples::bigint, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class "
                "WHERE relname = %s",
                [table],
            ).fetchone()
            assert row is not None
            print(f"   {table}: about {row[0]:,} rows, {row[1]} with indexes")


def inprocess(
    env: dict[str, str],
    args: argparse.Namespace,
    ids: list[int],
    sequence: list[int],
    start: datetime,
    end: datetime,
    data_end: datetime,
    work: Path,
) -> None:
    params = {
        "sequence": sequence,
        "ids": ids,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "data_end": data_end.isoformat(),
        "points": args.points,
        "raw_runs": args.raw_runs,
        "raw_explain": not args.no_raw_explain,
        "job_minutes": args.job_minutes,
    }
    (work / "in.json").write_text(json.dumps(params))
    out = work / "inprocess.json"
    common.django_script(
        {**env, "BENCH_IN": str(work / "in.json"), "BENCH_OUT": str(out)}, INPROCESS, timeout=args.deadline
    )
    result = json.loads(out.read_text())
    print("\n== monitoring.queries.history in-process (no HTTP, one connection kept), same servers")
    print(f"   {dist(result['history'])}; source {result['source']}, bucket {result['bucket']} s")
    for hours, took, source, bucket, points in result["ranges"]:
        print(f"   last {hours:>3} h: {ms(took)} (median of 5), source {source}, bucket {bucket} s, {points} points")
    print(f"   a new PostgreSQL connection (Django, CONN_MAX_AGE=0): {dist(result['connect'])}")
    fetch, rows = result["rollup_fetch"]
    print(f"   the rollup rows alone (list(queryset), no bucketing): {ms(fetch)} for {rows:,} rows")
    print("   plan of the rollup query:")
    for line in str(result["rollup_plan"]).splitlines():
        print(f"     {line}")
    print("\n== monitoring.queries._raw over the same range, bucket 605 s (what history would cost without rollups)")
    for took, points in result["raw"]:
        print(f"   {took:.2f} s ({points} points)")
    if result.get("raw_plan"):
        for line in result["raw_plan"].splitlines():
            print(f"     {line}")
    if result.get("job"):
        took, minutes = result["job"]
        before, after, differ, worst = result["job_check"]
        print(f"\n== the app's rollup job (monitoring.jobs.rollup_pending) on the last {args.job_minutes} min")
        print(
            f"   {minutes} server-minutes in {took:.1f} s = {minutes / max(took, 1e-9):.1f} per second "
            f"(1000 agents at 1 s need 16.7 per second)"
        )
        print(
            f"   its rollups vs the generated ones: {before:,} rows before, {after:,} after, {differ} keys differ, "
            f"largest relative difference {worst:.2e}"
        )


if __name__ == "__main__":
    sys.exit(main())
