"""Posting a chat message alone: hub CPU per message, closed loop.

    .venv/bin/python bench/chat/probe.py                         # 2,000 messages, 4 connections, 3 rounds
    .venv/bin/python bench/chat/probe.py --sockets 1000          # with every member's socket subscribed
    .venv/bin/python bench/chat/probe.py --connections 32 --rounds 2

A fresh PostgreSQL database with ``--clients`` viewers in ``--rooms`` public rooms (the chat
benchmark's setup, ``run.SETUP``), one hub process (``chatops.asgi:application``, DEBUG off,
no embedded worker: nothing but the requests and the sockets), and ``--connections``
keep-alive connections posting ``POST /api/v1/messages`` as the rooms' members, each waiting
for its answer before the next (closed loop). With ``--sockets N`` the first N members'
sockets are connected and subscribed first (one receiving process, ``load_clients``), so the
figure includes the fan-out. Per round: the hub process's CPU time over the messages ÷ their
number, and the rate the loop reached. A warm-up of 200 messages precedes the rounds. Compare
runs only at similar CPU references (printed before and after), and A/B two trees by running
this script from each, interleaved.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing as mp
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import common  # noqa: E402 - needs the path above
import load_clients  # noqa: E402

bench_run = importlib.import_module("run")  # the chat benchmark's SETUP


def posts(rows: list[tuple[int, int, str]], first: int, count: int) -> list[common.PostRequest]:
    """``count`` messages, each by the next member in turn, in that member's room."""
    out = []
    for seq in range(first, first + count):
        _user, room, token = rows[seq % len(rows)]
        body = json.dumps({"room_id": room, "content": f"probe:{seq}:{time.time():.6f} a line of chat"}).encode()
        out.append(("/api/v1/messages", body, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}))
    return out


class Hub:
    """One daphne process of the probe (optionally another tree, other settings), with the
    first ``sockets`` members' sockets subscribed through one receiving process."""

    def __init__(
        self,
        processes: common.Processes,
        env: dict[str, str],
        work: Path,
        cwd: Path,
        app: str = "chatops.asgi:application",
        health_path: str | None = "/api/v1/health",
    ) -> None:
        self.daphne = processes.start_daphne(app, env, work, cwd=cwd, health_path=health_path)
        self.process = psutil.Process(self.daphne.pid)
        self.receiver: Any = None
        self.cmd: Any = None
        self.out: Any = None
        self.cpu: list[float] = []

    def subscribe(self, rows: list[tuple[int, int, str]], count: int) -> None:
        port = self.daphne.port
        specs = [
            load_clients.ClientSpec(i, room, f"ws://127.0.0.1:{port}/api/v1/ws/chat", token, f"http://127.0.0.1:{port}")
            for i, (_user, room, token) in enumerate(rows[:count])
        ]
        ctx = mp.get_context("spawn")
        cmd_recv, self.cmd = ctx.Pipe(duplex=False)
        self.out, out_send = ctx.Pipe(duplex=False)
        cfg = load_clients.ReceiveConfig(tag="probe")
        self.receiver = ctx.Process(target=load_clients.receivers_main, args=(cmd_recv, out_send, specs, cfg))
        self.receiver.start()
        while True:
            kind, payload = self.out.recv()
            if kind == "ready":
                print(f"   {sum(payload['subscribed'].values())} sockets subscribed on port {port}")
                return

    def round(self, requests: list[common.PostRequest], connections: int) -> str:
        cpu_before, started = sum(self.process.cpu_times()[:2]), time.monotonic()
        statuses = common.post_closed_loop(self.daphne.port, requests, connections)
        cpu, wall = sum(self.process.cpu_times()[:2]) - cpu_before, time.monotonic() - started
        self.cpu.append(cpu / len(statuses) * 1000)
        return (
            f"{len(statuses):,} messages, hub {self.cpu[-1]:.2f} ms of CPU each, {len(statuses) / wall:.0f}/s "
            f"over {connections} connections, answers {sorted(set(statuses))}"
        )

    def stop(self) -> None:
        if self.receiver is not None:
            self.cmd.send(("stop",))
            while self.out.poll(60) and self.out.recv()[0] != "result":
                pass  # its progress reports, then its result
            self.receiver.join(timeout=60)
            if self.receiver.is_alive():
                self.receiver.kill()


def settings_from(items: list[str], env: dict[str, str], label: str) -> dict[str, str]:
    env = dict(env)
    for item in items:
        key, _, value = item.partition("=")
        env[key] = value
        print(f"   hub {label} setting: {key}={value}")
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=2000, help="per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--clients", type=int, default=1000, help="members (users), spread over the rooms")
    parser.add_argument("--rooms", type=int, default=50)
    parser.add_argument("--sockets", type=int, default=0, help="members whose socket is subscribed first")
    parser.add_argument("--hub-env", action="append", default=[], metavar="NAME=VALUE", help="extra hub setting")
    parser.add_argument("--b-env", action="append", default=[], metavar="NAME=VALUE", help="a second hub, B, with this")
    parser.add_argument("--b-tree", type=Path, help="a second hub, B, run from this tree (same migrations)")
    parser.add_argument(
        "--b-baseline", action="store_true", help="B is the bare baseline (baseline_asgi.py), not a hub"
    )
    parser.add_argument("--deadline", type=float, default=900, help="global limit in seconds")
    args = parser.parse_args()
    work = common.work_dir("chat-probe", args.deadline)
    print(f"Posting a chat message, closed loop, {datetime.now():%Y-%m-%d %H:%M}, tree {common.ROOT}")
    processes = common.Processes()
    hubs: dict[str, Hub] = {}
    try:
        with common.fresh_database("bench_chat_probe") as url:
            env = common.hub_env(url, work, EMBEDDED_WORKER="false", ACCESS_TOKEN_EXPIRE_MINUTES="240")  # noqa: S106
            env_a = settings_from(args.hub_env, env, "A")
            common.manage(env_a, "migrate", "--noinput", "-v", "0", timeout=600)
            rows = bench_run.setup(env_a, args, work)
            hubs["A"] = Hub(processes, env_a, work, common.ROOT)
            if args.b_baseline:
                env_b = common.hub_env("", work)
                env_b.update(
                    {"DJANGO_SETTINGS_MODULE": "baseline_settings", "PYTHONPATH": f"{HERE}:{HERE.parent / 'ingest'}"}
                )
                hubs["B"] = Hub(processes, env_b, work, HERE, app="baseline_asgi:application", health_path=None)
                print("   B: the bare baseline (baseline_asgi.py); rounds alternate A, B")
            elif args.b_env or args.b_tree:
                env_b = settings_from(args.hub_env + args.b_env, env, "B")
                hubs["B"] = Hub(processes, env_b, work, (args.b_tree or common.ROOT).resolve())
                print(f"   hub B: tree {(args.b_tree or common.ROOT).resolve()}; rounds alternate A, B")
            for hub in hubs.values():
                if args.sockets:
                    hub.subscribe(rows, args.sockets)
                common.post_closed_loop(hub.daphne.port, posts(rows, 0, 200), args.connections)  # warm-up
            print(f"   CPU reference before: {common.cpu_reference():.1f} ms")
            first = 200
            for round_no in range(args.rounds):
                for label, hub in hubs.items():
                    requests = posts(rows, first, args.messages)
                    first += args.messages
                    print(f"   round {round_no + 1} {label}: {hub.round(requests, args.connections)}")
            print(f"   CPU reference after: {common.cpu_reference():.1f} ms")
            if "B" in hubs:
                a, b = hubs["A"].cpu, hubs["B"].cpu
                ratios = sorted(y / x for x, y in zip(a, b, strict=True))
                pairs = ", ".join(f"{r:.2f}" for r in ratios)
                print(
                    f"   median ms of CPU per message: A {statistics.median(a):.2f}, B {statistics.median(b):.2f}; "
                    f"B/A per round pair {pairs} (median {statistics.median(ratios):.2f})"
                )
            for hub in hubs.values():
                hub.stop()
    finally:
        for hub in hubs.values():
            if hub.receiver is not None and hub.receiver.is_alive():
                hub.receiver.kill()
        processes.stop_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
