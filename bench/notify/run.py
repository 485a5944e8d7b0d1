"""An alert storm, from the ingest path to a receiver: 10,000 alerts firing in one minute across
1,000 servers, routed and delivered by the real worker to a webhook receiver on 127.0.0.1.

    .venv/bin/python bench/notify/run.py                      # 1,000 servers x 10 thresholds, 60 s
    .venv/bin/python bench/notify/run.py --group-by server threshold   # one notification per alert
    .venv/bin/python bench/notify/run.py --servers 200 --storm 20 --group-by alert_name severity

One process plays the fleet: every second it writes one batch holding one 40-value frame of every
server through ``monitoring.ingest.record_samples`` (the hub's ingest write, its transaction and
alert evaluation included), as 1,000 agents sampling once a second do. Beside it, one
``manage.py worker`` runs the jobs as in production (``alerts.route`` every 5 s,
``notifications.deliver`` every second). The route sends to one webhook channel whose URL is an
HTTP server in this script, which notes when each notification arrives.

Phases, in one run on one database: **baseline** (no threshold breached: the ingest cost with
the worker idle), **reference** (the storm below with the route switched off: the alerts fire
and the worker takes them, and the helpdesk opens its incidents, but nothing is sent), **clear**
(the servers recover over half the storm's time and the alerts resolve, unrouted), **storm**
(the route on; each second another 1/``storm`` of the servers breach all their thresholds and
stay breached: servers x thresholds alerts fire within the window) and **drain** (ingest goes
on, nothing new breaches, until every alert has reached the receiver or the drain time ends).
Printed: alerts fired, notifications sent and received, alerts never delivered (lost), firing →
arrival at the receiver p50/p95/max (firing is the alert's ``fired_at``), the ingest batch time
of each phase as a ratio to the baseline's, and the storm's as a ratio to the reference storm's:
what notifying adds to ingest, apart from what recording the alerts themselves costs.

Routing: ``--group-by server`` (the default) is one notification per server listing its alerts
(1,000 of them; Alertmanager's ``group_by: [instance]``); ``server threshold`` makes every alert
its own notification (10,000 of them: the stress case for delivery); ``alert_name severity`` is
the product's default grouping (one notification per threshold lists every server that breached
it by the first flush; later ones wait ``group_interval``, 300 s here, and so count as not
arrived when the drain ends). ``--group-wait`` defaults to 0 s, so the figure is the hub's own
delay, not a configured one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from bench import common

SETUP = r"""
import json, os
from alerts.models import Threshold
from alerts.routing_models import AlertRoute
from notifications.models import NotificationChannel
from servers.models import Server
p = json.load(open(os.environ["BENCH_IN"]))
Server.objects.bulk_create([Server(name=f"bench-{i:04d}", hostname=f"bench-{i:04d}.local")
                            for i in range(p["servers"])])
for i in range(p["thresholds"]):
    Threshold.objects.create(name=f"t{i}", metric=f"bench_{i}", operator=">", value=90, clear_value=50,
                             duration_seconds=0, severity="critical", scope="all", enabled=True,
                             repeat_interval_seconds=0)
hook = NotificationChannel.objects.create(name="storm hook", kind="webhook", target=p["receiver"])
AlertRoute.objects.create(name="storm", channels=[hook.pk], group_by=p["group_by"],
                          group_wait_seconds=p["group_wait"], group_interval_seconds=300,
                          repeat_interval_seconds=0, send_resolved=False)
"""

FLEET = r"""
import json, os, random, time
from alerts.models import Alert
from monitoring.ingest import FrameIn, record_samples
from servers.models import Server

p = json.load(open(os.environ["BENCH_IN"]))
servers = list(Server.objects.order_by("pk").values_list("pk", flat=True))
names = [f"bench_{i}" for i in range(p["thresholds"])]
filler = [f"cpu_percent:{i}" for i in range(40 - len(names))]
rng = random.Random(7)
seq = dict.fromkeys(servers, 0)
hot = 0  # the first `hot` servers breach all their thresholds

def batch():
    now = time.time()
    frames = []
    for n, sid in enumerate(servers):
        seq[sid] += 1
        values = {name: rng.uniform(0, 40) for name in filler}
        level = 99.0 if n < hot else 10.0
        values.update({name: level for name in names})
        frames.append(FrameIn(sid, "bench-stream-01", {"type": "data", "seq": seq[sid], "logs": [],
            "dropped": {"samples": 0, "logs": 0}, "samples": [{"ts": now, "values": values}]}))
    return frames

from alerts.routing_models import AlertRoute

times = {"baseline": [], "reference": [], "clear": [], "storm": [], "drain": []}
def tick(phase, started):
    frames = batch()
    t0 = time.perf_counter()
    record_samples(frames)
    times[phase].append(time.perf_counter() - t0)
    time.sleep(max(0.0, started + 1.0 - time.monotonic()))

def storm(phase):
    global hot
    for second in range(p["storm"]):
        hot = round(len(servers) * (second + 1) / p["storm"])
        tick(phase, time.monotonic())

for _ in range(p["warmup"]):
    tick("baseline", time.monotonic())
times["baseline"].clear()
for _ in range(p["baseline"]):
    tick("baseline", time.monotonic())
if p["reference"]:
    # The same storm with the route off: the alerts fire and the worker takes them (and opens
    # the helpdesk's incidents) but sends nothing; then they clear. The storm below, with the
    # route on, is compared with this one: what notifying adds to ingest, in the same run.
    AlertRoute.objects.update(enabled=False)
    storm("reference")
    for second in range(p["storm"] // 2):
        hot = len(servers) - round(len(servers) * (second + 1) / (p["storm"] // 2))
        tick("clear", time.monotonic())
    for _ in range(10):
        tick("clear", time.monotonic())
    AlertRoute.objects.update(enabled=True)
storm_started = time.time()
storm("storm")
storm_ended = time.time()
done_file = os.environ["BENCH_DONE"]
drain_until = time.monotonic() + p["drain"]
while time.monotonic() < drain_until and not os.path.exists(done_file):
    tick("drain", time.monotonic())
fired = {a: f.timestamp() for a, f in Alert.objects.filter(status="firing").values_list("pk", "fired_at")}
json.dump({"times": times, "fired": fired, "storm": [storm_started, storm_ended]}, open(os.environ["BENCH_OUT"], "w"))
"""

OUTBOX = r"""
import json
from django.db.models import Count
from notifications.models import Delivery, Notification
print(json.dumps({"notifications": Notification.objects.count(),
                  "deliveries": dict(Delivery.objects.values_list("status").annotate(n=Count("id")))}))
"""


class Receiver:
    """The webhook channel's far end (``receiver.py``), in its own process at ``nice`` +10:
    a receiver on another machine costs the hub's machine nothing, and here its CPU would
    otherwise count against ingest (the storm's 10,000 POSTs) at the bench's own priority."""

    def __init__(self, work: Path, expected: int) -> None:
        self.out, self.done = work / "received.json", work / "done"
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [common.PYTHON, str(Path(__file__).with_name("receiver.py")), str(self.out), str(self.done), str(expected)],
            stdout=subprocess.PIPE,
            text=True,
            preexec_fn=lambda: os.nice(10),
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()
        self.arrived: dict[int, float] = {}
        self.posts = 0

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)
        got = json.loads(self.out.read_text())
        self.arrived = {int(k): v for k, v in got["arrived"].items()}
        self.posts = got["posts"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--servers", type=int, default=1000)
    parser.add_argument("--thresholds", type=int, default=10, help="breached by every server in the storm")
    parser.add_argument("--baseline", type=int, default=30, help="seconds of ingest before the storm")
    parser.add_argument("--storm", type=int, default=60, help="seconds over which the alerts fire")
    parser.add_argument("--drain", type=int, default=180, help="at most this long after the storm")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--group-by", nargs="*", default=["server"])
    parser.add_argument("--group-wait", type=int, default=0)
    parser.add_argument(
        "--workers", type=int, default=1, help="manage.py worker processes (they share the jobs, as in production)"
    )
    parser.add_argument(
        "--no-reference",
        dest="reference",
        action="store_false",
        help="skip the reference storm (the same storm with the route off, before the routed one)",
    )
    parser.add_argument("--deadline", type=float, default=1800)
    args = parser.parse_args()
    common.install_deadline(args.deadline)
    work = common.ROOT / "var" / "bench" / f"notify-{datetime.now():%Y%m%d-%H%M%S}"
    work.mkdir(parents=True, exist_ok=True)
    expected = args.servers * args.thresholds
    print(f"ChatOps alert storm to a receiver, {datetime.now():%Y-%m-%d %H:%M}, {common.CORES} cores")
    print(f"   {args.servers} servers x {args.thresholds} thresholds = {expected:,} alerts over {args.storm} s; "
          f"group_by {args.group_by or '[] (one group)'}, group_wait {args.group_wait} s, "
          f"{args.workers} worker process(es)")  # fmt: skip
    receiver = Receiver(work, expected)
    reference = common.cpu_reference()
    try:
        with common.fresh_database("chatops_bench_notify") as url, tempfile.TemporaryDirectory() as var_dir:
            env = common.hub_env(url, Path(var_dir), EMBEDDED_WORKER="false", OUTGOING_ALLOW_PRIVATE="true")
            common.manage(env, "migrate", "--noinput", "-v", "0")
            params = {**vars(args), "receiver": receiver.url}
            (work / "in.json").write_text(json.dumps(params))
            script_env = {**env, "BENCH_IN": str(work / "in.json"), "BENCH_OUT": str(work / "out.json")}
            common.django_script(script_env, SETUP)
            common.wait_quiet()
            log = (work / "worker.log").open("w")
            workers = [
                subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
                    [common.PYTHON, "manage.py", "worker"],
                    cwd=common.ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                for _ in range(args.workers)
            ]
            started = time.monotonic()
            try:  # the receiver touches ``done`` once every alert arrived: the fleet stops draining
                common.django_script({**script_env, "BENCH_DONE": str(receiver.done)}, FLEET, timeout=args.deadline)
            finally:
                for worker in workers:
                    worker.terminate()
                for worker in workers:
                    try:
                        worker.wait(30)
                    except subprocess.TimeoutExpired:  # a job that does not end: the figures matter more
                        worker.kill()
                        worker.wait(10)
                log.close()
                receiver.stop()
            outbox = json.loads(common.django_script(env, OUTBOX).strip().splitlines()[-1])
            result = json.loads((work / "out.json").read_text())
    except (KeyboardInterrupt, common.BenchAbort) as exc:
        print(f"\naborted: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    report(args, result, receiver, outbox, reference, time.monotonic() - started)
    return 0


def report(args: argparse.Namespace, result: dict, receiver: Receiver, outbox: dict, reference: float,
           elapsed: float) -> None:  # fmt: skip
    fired = {int(k): v for k, v in result["fired"].items()}
    delays = [receiver.arrived[a] - at for a, at in fired.items() if a in receiver.arrived]
    lost = sorted(set(fired) - set(receiver.arrived))
    storm_start, storm_end = result["storm"]
    print(f"   ran {elapsed:.0f} s; CPU reference {reference:.1f} ms")
    print(f"\n   alerts fired          {len(fired):,} (of {args.servers * args.thresholds:,} breaches),"
          f" {sum(storm_start <= at <= storm_end + 1 for at in fired.values()):,} within the storm window")  # fmt: skip
    print(f"   notifications         {outbox['notifications']:,} sent; {receiver.posts:,} received; "
          f"deliveries by status {outbox['deliveries']}")  # fmt: skip
    print(
        f"   lost                  {len(lost)} alerts never reached the receiver"
        + (f" (e.g. {lost[:5]})" if lost else "")
    )
    if delays:
        p50, p95 = common.percentile(delays, 50), common.percentile(delays, 95)
        print(f"   firing -> receiver    p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(delays):.2f} s"
              f" (alerts.route runs every 5 s, group_wait {args.group_wait} s)")  # fmt: skip
        last = max(receiver.arrived.values())
        print(f"   last arrival          {last - storm_end:.1f} s after the storm's last batch")
    times = result["times"]
    base = common.percentile(times["baseline"], 50)
    print("\n   ingest phase     batches   p50        p95        vs baseline p50 / p95")
    base95 = common.percentile(times["baseline"], 95)
    for phase in ("baseline", "reference", "clear", "storm", "drain"):
        got = times[phase]
        if not got:
            continue
        p50, p95 = common.percentile(got, 50), common.percentile(got, 95)
        ratios = f"{p50 / base:5.2f}x / {p95 / base95:5.2f}x"
        print(f"   {phase:<16}{len(got):8}   {p50 * 1000:7.1f} ms {p95 * 1000:7.1f} ms   {ratios}")
    if times.get("reference") and times["storm"]:
        ref50, ref95 = common.percentile(times["reference"], 50), common.percentile(times["reference"], 95)
        p50, p95 = common.percentile(times["storm"], 50), common.percentile(times["storm"], 95)
        print(f"\n   what notifying adds   storm vs the reference storm (route off): p50 {p50 / ref50:.2f}x, "
              f"p95 {p95 / ref95:.2f}x")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
