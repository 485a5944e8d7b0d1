"""What the chat benchmark prints: per window (the steady one, each ramp step) the messages
sent and accepted, the deliveries owed and lost, latencies and CPU; then the hub against
the baseline."""

from __future__ import annotations

import argparse
from array import array
from dataclasses import dataclass
from typing import Any

import common

KINDS = {"seq": "q", "room": "q", "status": "q", "scheduled": "d", "sent": "d", "response": "d"}


def unpack(kind: str, data: bytes) -> list[Any]:
    values = array(kind)
    values.frombytes(data)
    return values.tolist()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


@dataclass
class Figures:
    """One window's figures, from the sender's records and every receiver's deliveries."""

    name: str
    rate: float
    seconds: float
    sent: int
    accepted: int
    owed: int
    lost: int
    deliveries: list[float]  # send → each member's socket
    last_member: list[float]  # send → the last member's socket, per message fully delivered
    responses: list[float]  # send → the HTTP answer
    cpu: dict[str, float]

    @property
    def accepted_per_s(self) -> float:
        return self.accepted / self.seconds

    def kept_up(self, behind_ms: float) -> bool:
        p99 = common.percentile(self.deliveries, 99)
        return self.accepted >= 0.95 * self.rate * self.seconds and self.lost == 0 and p99 * 1000 <= behind_ms


def deliveries_by_seq(receivers: list[dict[str, Any]]) -> dict[int, list[float]]:
    found: dict[int, list[float]] = {}
    for result in receivers:
        for seq, latency in zip(unpack("q", result["seqs"]), unpack("d", result["latencies"]), strict=True):
            found.setdefault(seq, []).append(latency)
    return found


def figures(run: Any, by_seq: dict[int, list[float]]) -> list[Figures]:
    records = run.records
    rows = list(
        zip(records["seq"], records["room"], records["sent"], records["status"], records["response"], strict=True)
    )
    out = []
    for window in run.windows:
        inside = [row for row in rows if window.start <= row[2] < window.end]
        accepted = [row for row in inside if 200 <= row[3] < 300]
        owed = lost = 0
        deliveries: list[float] = []
        last_member: list[float] = []
        for seq, room, _sent, _status, _took in accepted:
            expected = run.subscribed.get(room, 0)
            got = by_seq.get(seq, [])
            owed += expected
            lost += max(0, expected - len(got))
            deliveries.extend(got)
            if got and len(got) >= expected:
                last_member.append(max(got))
        out.append(
            Figures(
                window.name, window.rate, window.end - window.start, len(inside), len(accepted), owed, lost,
                deliveries, last_member, [row[4] for row in accepted], window.cpu,
            )
        )  # fmt: skip
    return out


def describe_cpu(cpu: dict[str, float]) -> str:
    parts = [f"{name} {cpu.get(name, 0):.0f}%" for name in ("server", "receivers", "sender", "postgres", "redis")]
    return f"CPU % of one core: {', '.join(parts)}, machine {cpu.get('system', 0):.0f}% of {100 * common.CORES}%"


def dist(values: list[float]) -> str:
    if not values:
        return "none"
    return f"p50 {ms(common.percentile(values, 50))}, p99 {ms(common.percentile(values, 99))}"


def server(run: Any, args: argparse.Namespace) -> list[Figures]:
    by_seq = deliveries_by_seq(run.receivers)
    found = figures(run, by_seq)
    run.figures = found
    subscribed = sum(run.subscribed.values())
    print(f"   {subscribed} sockets subscribed in {len(run.subscribed)} rooms; server max RSS {run.rss / 2**20:.0f} MB")
    for error in run.connect_errors[:5]:
        print(f"   ! {error}")
    steady = found[0]
    print(
        f"   steady, {steady.rate:g} messages/s for {steady.seconds:.0f} s: sent {steady.sent}, accepted "
        f"{steady.accepted} ({steady.accepted_per_s:.1f}/s); deliveries owed {steady.owed}, lost {steady.lost}"
    )
    print(f"     send → each member's socket: {dist(steady.deliveries)} (n={len(steady.deliveries)})")
    print(f"     send → the room's last member: {dist(steady.last_member)} (n={len(steady.last_member)})")
    print(f"     send → HTTP answer: {dist(steady.responses)}")
    print(f"     {describe_cpu(steady.cpu)}")
    if len(found) > 1:
        print(
            "   ramp: offered/s | accepted/s | lost | each member p50 / p99 | HTTP p50 / p99 | CPU server / load / pg"
        )
        for step in found[1:]:
            load = step.cpu.get("receivers", 0) + step.cpu.get("sender", 0)
            mark = "" if step.kept_up(args.behind_ms) else "  (behind)"
            print(
                f"     {step.rate:>6g} | {step.accepted_per_s:8.1f} | {step.lost:>5} | {dist(step.deliveries):>32} | "
                f"{dist(step.responses):>32} | {step.cpu.get('server', 0):.0f}% / {load:.0f}% / "
                f"{step.cpu.get('postgres', 0):.0f}%{mark}"
            )
        print(f"   ramp ended {run.stopped}; sustained: {sustained(run, args):,.0f} messages/s")
    lag = [v for result in run.receivers for v in unpack("d", result["loop_lag"])]
    print(f"   receivers' event-loop lag (latency they add): {dist(lag)}, max {ms(max(lag, default=0.0))}")
    duplicates = sum(result["duplicates"] for result in run.receivers)
    closed = sum(result["closed"] for result in run.receivers)
    others: dict[str, int] = {}
    for result in run.receivers:
        for kind, n in result["other_types"].items():
            others[kind] = others.get(kind, 0) + n
    print(f"   duplicates {duplicates}, sockets closed by the server {closed}, other events {others or 'none'}")
    print(f"   sender: late (every connection busy) {run.late}, never sent {run.unsent}")
    for error in run.sender_errors[:5] + [e for result in run.receivers for e in result["errors"]][:5]:
        print(f"   ! {error}")
    print("   CPU reference before / after: " + " / ".join(f"{r:.1f} ms" for r in run.cpu_reference))
    for window in run.windows:
        for stranger in window.strangers:
            print(f"   ! not ours during {window.name}: {stranger}")
    return found


def sustained(run: Any, args: argparse.Namespace) -> float:
    kept = [step.accepted_per_s for step in getattr(run, "figures", [])[1:] if step.kept_up(args.behind_ms)]
    return max(kept, default=0.0)


def summary(runs: dict[str, Any], args: argparse.Namespace) -> None:
    if not runs:
        return
    print("\n== summary")
    for name, run in runs.items():
        figures_ = getattr(run, "figures", [])
        if not figures_:
            continue
        steady = figures_[0]
        print(
            f"   {name:<8} steady {steady.rate:g}/s: each member p50 {ms(common.percentile(steady.deliveries, 50))}, "
            f"p99 {ms(common.percentile(steady.deliveries, 99))}, lost {steady.lost}; "
            f"sustained {sustained(run, args):,.0f} messages/s"
            + (" (at least: the ramp reached --max-rate)" if run.stopped.startswith("the ladder's end") else "")
        )
    hub, base = runs.get("hub"), runs.get("baseline")
    if hub is not None and getattr(hub, "figures", None):
        p99, lost = common.percentile(hub.figures[0].deliveries, 99) * 1000, hub.figures[0].lost
        print(f"   hub p99 at {args.rate:g} messages/s: {p99:.1f} ms (target < 100 ms); lost {lost} (must be 0)")
    if hub is not None and base is not None and getattr(base, "figures", None) and not args.no_ramp:
        b, h = sustained(base, args), sustained(hub, args)
        ratio = f"{h / b:.0%}" if b else "n/a"
        print(f"   hub / baseline sustained: {h:,.0f} / {b:,.0f} = {ratio} (target >= 50%)")
        bp99 = common.percentile(base.figures[0].deliveries, 99)
        hp99 = common.percentile(hub.figures[0].deliveries, 99)
        if bp99:
            print(f"   hub / baseline steady p99: {hp99 / bp99:.1f}x")
    print(f"   ({common.CORES} cores shared by the server, the load processes, PostgreSQL and Redis)")
