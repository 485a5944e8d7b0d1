"""A cluster of 500 nodes and 20,000 pods: the snapshot's size on the wire, the hub's CPU per
snapshot, and ``GET /kubernetes/clusters/{name}/pods?namespace=`` p50/p95. In-process against
PostgreSQL, with baselines measured in the same run.

    BENCH_REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python bench/kubernetes/run.py
    .venv/bin/python bench/kubernetes/run.py --nodes 100 --pods 4000 --snapshots 3 --requests 100

The snapshot is what ``chatops_agent.kube.collect`` makes (the same fields, realistic names,
usage from metrics-server), split into frames by the agent's own ``kube_watch.split``. Its
cost on the hub is ``k8s.snapshot.parse`` + ``k8s.services.record_snapshot`` (replace the nodes
and pods, the history row, the alerts), timed as the hub process's CPU (``process_time``) and
wall time (PostgreSQL's own work is in the wall time, not the CPU). Baseline: one ingest batch
of 200 agents' data frames (``monitoring.ingest.record_samples``, as bench/alerts), the hub's
main write, in the same run. The pods requests go through the whole Django/DRF stack (JWT,
permission, visibility, filter, count, page, serializer) with Django's test client; baseline:
``GET /api/v1/servers`` of the same user, same run.
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
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "agent"))

from bench import common

INPROCESS = r"""
import gzip, json, os, random, time
from django.test import Client
from accounts.models import User
from accounts.services import issue_tokens
from k8s.models import Cluster, Mode
from k8s import services
from k8s.snapshot import parse
from chatops_agent.kube_watch import split
from chatops_agent.protocol import dumps
from monitoring.ingest import FrameIn, record_samples
from servers.models import Server

p = json.load(open(os.environ["BENCH_IN"]))
rng = random.Random(21)
admin = User.objects.create_superuser("bench", "bench@example.com", "a-long-bench-passphrase")
token = issue_tokens(admin).access_token
namespaces = [f"team-{i:03d}" for i in range(p["namespaces"])]
STATUSES = ["Running"] * 96 + ["Pending", "CrashLoopBackOff", "Completed", "ImagePullBackOff"]

def snapshot(round_):
    nodes = [{"name": f"ip-10-0-{i // 250}-{i % 250}.eu-west-1.compute.internal", "status": "Ready", "ready": True,
              "cpu_allocatable": 7.91, "memory_allocatable": 32_000_000_000.0, "cpu": rng.uniform(0.5, 7),
              "memory": rng.uniform(4e9, 3e10), "pods": 0, "created": 1767225600.0} for i in range(p["nodes"])]
    pods = []
    for i in range(p["pods"]):
        node = nodes[i % len(nodes)]
        node["pods"] += 1
        status = STATUSES[(i * 7) % len(STATUSES)]  # the same pods fail every round: steady state
        pods.append({"name": f"service-{i % 997:03d}-{i:06d}-7d9f8c6b5-x{i % 10}q",
                     "namespace": namespaces[i % len(namespaces)],
                     "node": node["name"], "phase": "Running" if status != "Pending" else "Pending", "status": status,
                     "ready": status == "Running", "restarts": (i % 13) + round_ * (i % 50 == 0),
                     "cpu": rng.uniform(0.001, 0.5), "memory": rng.uniform(2e7, 1e9), "created": 1767312000.0 + i})
    return {"ts": time.time(), "version": "v1.30.2", "metrics": True, "nodes": nodes,
            "namespaces": namespaces, "pods": pods}

result = {"snap_cpu": [], "snap_wall": [], "base_cpu": [], "base_wall": [], "pods": [], "pods_big": [], "servers": []}
server = Server.objects.create(name="k8s-bench", hostname="k8s-bench.local")
cluster = Cluster.objects.create(name="bench", mode=Mode.PUSH, server=server)
agents = [Server.objects.create(name=f"agent-{i}", hostname=f"agent-{i}.local").pk for i in range(200)]
seq = {}
clock = [time.time() - 3600]
NAMES = ["cpu_percent", "memory_percent", "swap_percent", "disk_percent", "load_1", "load_5", "load_15",
         "net_rx_bytes_per_s", "net_tx_bytes_per_s", "uptime_seconds"] + [f"cpu_percent:core{i}" for i in range(30)]

def batch():
    clock[0] += 1
    frames = []
    for sid in agents:
        seq[sid] = seq.get(sid, 0) + 1
        frames.append(FrameIn(sid, "bench-stream-01", {"type": "data", "seq": seq[sid], "logs": [],
            "dropped": {"samples": 0, "logs": 0},
            "samples": [{"ts": clock[0], "values": {n: rng.uniform(0, 60) for n in NAMES}}]}))
    return frames

first = snapshot(0)
frames = split(first, "bench", int((1 << 20) * 0.8))
texts = [dumps(f).encode() for f in frames]
result["wire"] = {"frames": len(frames), "bytes": sum(len(t) for t in texts), "largest": max(len(t) for t in texts),
                  "gzip": sum(len(gzip.compress(t, 6)) for t in texts),
                  "per_pod": sum(len(t) for t in texts) / p["pods"]}
services.record_snapshot(cluster.pk, parse(first))  # warm-up (and the first rows)
record_samples(batch())
for round_ in range(1, p["snapshots"] + 1):
    snap = snapshot(round_)
    for kind in ("snapshot", "baseline"):
        frames_in = batch() if kind == "baseline" else None
        c0, w0 = time.process_time(), time.perf_counter()
        if kind == "snapshot":
            services.record_snapshot(cluster.pk, parse(snap))
        else:
            record_samples(frames_in)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        key = "snap" if kind == "snapshot" else "base"
        result[key + "_cpu"].append(cpu)
        result[key + "_wall"].append(wall)

client = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="127.0.0.1")
def timed(path):
    started = time.perf_counter()
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return time.perf_counter() - started
for _ in range(10):
    timed("/api/v1/servers"); timed("/api/v1/kubernetes/clusters/bench/pods?namespace=team-001")
for i in range(p["requests"]):
    ns = namespaces[rng.randrange(len(namespaces))]
    result["servers"].append(timed("/api/v1/servers"))
    result["pods"].append(timed(f"/api/v1/kubernetes/clusters/bench/pods?namespace={ns}"))
    result["pods_big"].append(timed(f"/api/v1/kubernetes/clusters/bench/pods?namespace={ns}&status=Running&size=100"))
body = client.get(f"/api/v1/kubernetes/clusters/bench/pods?namespace={namespaces[1]}").json()
result["page_total"] = body["pagination"]["total"]
result["alerts"] = __import__("alerts.models", fromlist=["Alert"]).Alert.objects.count()
json.dump(result, open(os.environ["BENCH_OUT"], "w"))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--pods", type=int, default=20_000)
    parser.add_argument("--namespaces", type=int, default=100)
    parser.add_argument("--snapshots", type=int, default=5, help="timed snapshots (and as many baseline batches)")
    parser.add_argument("--requests", type=int, default=300, help="timed GET requests of each kind")
    parser.add_argument("--deadline", type=float, default=1800)
    args = parser.parse_args()
    common.install_deadline(args.deadline)
    work = common.ROOT / "var" / "bench" / f"kubernetes-{datetime.now():%Y%m%d-%H%M%S}"
    work.mkdir(parents=True, exist_ok=True)
    print(f"ChatOps Kubernetes snapshot and pods API, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores")
    print(f"   {args.nodes} nodes, {args.pods} pods in {args.namespaces} namespaces; {args.snapshots} snapshots, "
          f"{args.requests} requests of each kind")  # fmt: skip
    try:
        with common.fresh_database("chatops_bench_k8s") as url, tempfile.TemporaryDirectory() as var_dir:
            # The requests come from one user as fast as they go: the per-user limit is not measured.
            env = common.hub_env(url, Path(var_dir), EMBEDDED_WORKER="false", RATE_LIMIT_DEFAULT="100000/min")
            env["PYTHONPATH"] = str(common.ROOT / "agent")
            common.manage(env, "migrate", "--noinput", "-v", "0")
            common.wait_quiet()
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
    wire = r["wire"]
    print(f"   ran in {time.monotonic() - started:.0f} s; alerts open after the run: {r['alerts']}")
    print(f"\n   snapshot on the wire: {wire['bytes'] / 1e6:.2f} MB in {wire['frames']} frames (largest "
          f"{wire['largest'] / 1e3:.0f} kB), {wire['per_pod']:.0f} B per pod; gzip would make it "
          f"{wire['gzip'] / 1e6:.2f} MB")  # fmt: skip
    snap_cpu, base_cpu = pct(r["snap_cpu"], 50), pct(r["base_cpu"], 50)
    snap_wall, base_wall = pct(r["snap_wall"], 50), pct(r["base_wall"], 50)
    print("\n   write                                     hub CPU p50   wall p50   vs baseline (CPU, wall)")
    print(f"   one snapshot (parse + record_snapshot)  {snap_cpu * 1000:9.0f} ms {snap_wall * 1000:8.0f} ms"
          f"   {snap_cpu / base_cpu:5.1f}x, {snap_wall / base_wall:5.1f}x")  # fmt: skip
    print(f"   baseline: ingest batch of 200 agents     {base_cpu * 1000:9.0f} ms {base_wall * 1000:8.0f} ms")
    print("\n   GET                                                 p50        p95      vs baseline p95")
    base95 = pct(r["servers"], 95)
    rows = [
        (f"pods?namespace= (page of 20 of {r['page_total']})", r["pods"]),
        ("pods?namespace=&status=Running&size=100", r["pods_big"]),
        ("baseline: /api/v1/servers (201 servers, page of 20)", r["servers"]),
    ]
    for label, times in rows:
        p50, p95 = pct(times, 50), pct(times, 95)
        print(f"   {label:<50}{p50 * 1000:7.1f} ms {p95 * 1000:8.1f} ms   {p95 / base95:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
