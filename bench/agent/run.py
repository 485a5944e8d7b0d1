"""Measure what the agent costs the server it watches: CPU and memory at a 1 s interval.

Starts a tiny local "sink hub" (a websockets server on 127.0.0.1 that speaks protocol 1:
welcome with window 32, an ack for every data frame), runs the real ``chatops-agent`` against
it as a subprocess, appends a few lines a second to a log file the agent tails, and samples
the agent's CPU times and RSS with psutil. Prints the average CPU % of one core, the maximum
RSS, and what the hub received. Targets: under 1 % of a core and under 50 MB.

    .venv/bin/python bench/agent/run.py                 # 60 s
    .venv/bin/python bench/agent/run.py --duration 20 --extra-processes 300
    .venv/bin/python bench/agent/run.py --agent-arg=--allow-docker   # DOCKER_HOST as the agent would see it

CPU is measured from the first frame on (the steady state); the start-up (imports, the first
psutil readings) is printed separately. Everything stays on 127.0.0.1 and ends by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

KEY = "chk_benchbenchbenchbenchbenchbenchbenchbench"
CPU_TARGET = 1.0  # % of one core
RSS_TARGET = 50.0  # MB


class SinkHub:
    """Speaks just enough of the protocol: welcome, then an ack for every data frame."""

    def __init__(self, window: int = 32) -> None:
        self.window = window
        self.frames = 0
        self.samples = 0
        self.logs = 0
        self.last_seq = 0
        self.first_frame = asyncio.Event()
        self.hello: dict[str, Any] = {}

    async def handle(self, ws: ServerConnection) -> None:
        """One agent connection."""
        if ws.request is None or ws.request.headers.get("Authorization") != f"Bearer {KEY}":
            await ws.close(4401, "bad key")
            return
        self.hello = json.loads(await ws.recv())
        welcome = {
            "type": "welcome",
            "protocol": 1,
            "server_id": 1,
            "server_name": self.hello.get("hostname"),
            "window": self.window,
            "max_frame_bytes": 1 << 20,
            "last_seq": self.last_seq,
        }
        await ws.send(json.dumps(welcome))
        with contextlib.suppress(ConnectionClosed):  # the agent may go at any moment
            await self._receive(ws)

    async def _receive(self, ws: ServerConnection) -> None:
        async for message in ws:
            frame = json.loads(message)
            if frame.get("type") != "data":
                continue
            if frame["seq"] > self.last_seq:
                self.last_seq = frame["seq"]
                self.frames += 1
                self.samples += len(frame["samples"])
                self.logs += len(frame["logs"])
            self.first_frame.set()
            await ws.send(json.dumps({"type": "ack", "seq": frame["seq"]}))


def agent_command() -> list[str]:
    """The installed console script next to this Python, else the module."""
    script = Path(sys.executable).with_name("chatops-agent")
    return [str(script)] if script.exists() else [sys.executable, "-m", "chatops_agent"]


def cpu_seconds(proc: psutil.Process) -> float:
    """User plus system CPU time of the process so far."""
    times = proc.cpu_times()
    return times.user + times.system


async def write_logs(path: Path, per_second: float) -> None:
    """Append lines to the tailed file at a steady rate, some of them errors."""
    if per_second <= 0:
        return
    count = 0
    with path.open("a", encoding="utf-8") as handle:
        while True:
            count += 1
            level = "ERROR" if count % 10 == 0 else "INFO"
            handle.write(f"2026-01-01T00:00:00Z {level} bench line {count} " + "x" * 80 + "\n")
            handle.flush()
            await asyncio.sleep(1 / per_second)


async def bench(args: argparse.Namespace) -> int:
    """Run the agent for ``args.duration`` seconds and print what it cost."""
    hub = SinkHub()
    workdir = Path(tempfile.mkdtemp(prefix="chatops-agent-bench-"))
    sleepers: list[subprocess.Popen[bytes]] = []
    try:
        sleep_bin = shutil.which("sleep") or "/bin/sleep"
        for _ in range(args.extra_processes):
            sleepers.append(subprocess.Popen([sleep_bin, str(args.duration + 60)]))  # noqa: S603
        (workdir / "key").write_text(KEY + "\n")
        (workdir / "agent.toml").write_text("")
        log_file = workdir / "app.log"
        log_file.touch()
        async with serve(hub.handle, "127.0.0.1", 0, max_size=1 << 20) as server:
            port = server.sockets[0].getsockname()[1]
            env = {k: v for k, v in os.environ.items() if not k.startswith("CHATOPS_")}
            command = [
                *agent_command(),
                *("--config", str(workdir / "agent.toml")),
                *("--hub", f"http://127.0.0.1:{port}"),
                *("--key-file", str(workdir / "key")),
                *("--interval", str(args.interval)),
                *("--buffer", str(workdir / "buffer.sqlite3")),
                *("--log-file", str(log_file)),
                *("--log-level", "warning"),
                *args.agent_arg,
            ]
            started = time.monotonic()
            child = await asyncio.create_subprocess_exec(*command, env=env)
            proc = psutil.Process(child.pid)
            try:
                await asyncio.wait_for(hub.first_frame.wait(), args.interval * 3 + 15)
            except TimeoutError:
                print("the agent sent no frame; see its log above", file=sys.stderr)
                child.terminate()
                await child.wait()
                return 1
            startup_cpu = cpu_seconds(proc)
            startup_wall = time.monotonic() - started
            frames_before, samples_before = hub.frames, hub.samples
            writer = asyncio.create_task(write_logs(log_file, args.log_lines_per_second))
            begin = time.monotonic()
            host_processes = len(psutil.pids())
            max_rss = proc.memory_info().rss
            while time.monotonic() - begin < args.duration:
                await asyncio.sleep(0.5)
                max_rss = max(max_rss, proc.memory_info().rss)
            elapsed = time.monotonic() - begin
            cpu = cpu_seconds(proc) - startup_cpu
            writer.cancel()
            child.send_signal(signal.SIGTERM)
            returncode = await asyncio.wait_for(child.wait(), 15)
    finally:
        for sleeper in sleepers:
            sleeper.kill()
            sleeper.wait()
        shutil.rmtree(workdir, ignore_errors=True)

    cpu_percent = cpu / elapsed * 100
    rss_mb = max_rss / 1e6
    print(f"chatops-agent at --interval {args.interval:g} for {elapsed:.0f} s ({host_processes} processes on the host)")
    print(f"  start-up: {startup_cpu:.2f} s CPU in {startup_wall:.1f} s until the first frame")
    verdict = "ok" if cpu_percent < CPU_TARGET else "OVER TARGET"
    print(f"  average CPU: {cpu_percent:.3f} % of one core (target < {CPU_TARGET:g} %: {verdict})")
    verdict = "ok" if rss_mb < RSS_TARGET else "OVER TARGET"
    print(f"  max RSS: {rss_mb:.1f} MB (target < {RSS_TARGET:g} MB: {verdict})")
    print(f"  frames received: {hub.frames} ({hub.frames - frames_before} during the measurement)")
    print(f"  samples received: {hub.samples} ({hub.samples - samples_before} during the measurement)")
    print(f"  log lines received: {hub.logs}")
    print(f"  agent exit code after SIGTERM: {returncode}")
    return 0


def main() -> int:
    """Parse the arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds to measure (default 60)")
    parser.add_argument("--interval", type=float, default=1.0, help="the agent's --interval (default 1)")
    parser.add_argument("--log-lines-per-second", type=float, default=10.0, help="lines appended to the tailed file")
    parser.add_argument("--extra-processes", type=int, default=0, help="idle processes to add, as on a busier host")
    parser.add_argument(
        "--agent-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="one more argument for the agent, e.g. --agent-arg=--allow-docker (repeatable)",
    )
    return asyncio.run(bench(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
