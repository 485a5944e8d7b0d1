"""The agent as installed: no Django inside, the real process end to end, the key kept out of logs."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chatops_agent.cli import RedactingFormatter
from tests.agents.daemon.conftest import KEY, FakeHub, until
from tests.agents.daemon.test_collector import REQUIRED

ROOT = Path(__file__).resolve().parents[3]


def test_no_module_of_the_agent_imports_django():
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import chatops_agent
        names = [m.name for m in pkgutil.walk_packages(chatops_agent.__path__, "chatops_agent.")]
        for name in names:
            if name != "chatops_agent.__main__":  # runs the agent on import
                importlib.import_module(name)
        assert len(names) >= 8, names
        leaked = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
        assert not leaked, leaked
        print("ok", len(names))
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_the_log_formatter_blanks_bearer_tokens_and_the_key():
    formatter = RedactingFormatter("%(message)s", secret=KEY)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "sent Authorization: Bearer %s and %s", (KEY, KEY), None)
    text = formatter.format(record)
    assert KEY not in text
    assert "Bearer [redacted]" in text


def agent_command() -> list[str]:
    script = Path(sys.executable).with_name("chatops-agent")  # the console script, as installed
    return [str(script)] if script.exists() else [sys.executable, "-m", "chatops_agent"]


async def start_agent(tmp_path: Path, hub: FakeHub, *extra: str) -> asyncio.subprocess.Process:
    (tmp_path / "key").write_text(KEY + "\n")
    (tmp_path / "agent.toml").write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATOPS_")}
    command = [
        *agent_command(),
        *("--config", str(tmp_path / "agent.toml")),
        *("--hub", hub.url),
        *("--key-file", str(tmp_path / "key")),
        *("--buffer", str(tmp_path / "buffer.sqlite3")),
        *extra,
    ]
    return await asyncio.create_subprocess_exec(*command, env=env, cwd=ROOT, stderr=asyncio.subprocess.PIPE)


@pytest.mark.slow
async def test_the_real_agent_streams_metrics_and_logs_and_stops_cleanly_on_sigterm(hub, tmp_path):
    log_file = tmp_path / "app.log"
    log_file.write_text("old line\n")
    agent = await start_agent(tmp_path, hub, "--interval", "0.5", "--log-file", str(log_file), "--log-level", "debug")
    try:
        await until(lambda: len(hub.received) >= 1, timeout=15, what="a first frame")
        with log_file.open("a") as handle:
            handle.write("WARNING disk almost full\n")
        await until(lambda: any(frame["logs"] for _, frame in hub.received), timeout=5, what="the log line")
    finally:
        agent.send_signal(signal.SIGTERM)
        returncode = await asyncio.wait_for(agent.wait(), 15)
    assert agent.stderr is not None
    stderr = (await agent.stderr.read()).decode()
    assert returncode == 0, stderr
    await until(lambda: hub.close_codes, what="the socket closed")
    assert hub.close_codes == [1000]

    sample = hub.received[0][1]["samples"][0]
    assert set(sample["values"]) >= REQUIRED
    assert sample["top"]["cpu"] and sample["top"]["memory"]
    lines = [line for _, frame in hub.received for line in frame["logs"]]
    assert [(line["level"], line["source"], line["message"]) for line in lines] == [
        ("warning", str(log_file), "WARNING disk almost full")
    ]
    # Debug logging on, and still neither the key nor the header in the agent's log.
    assert "connected to the hub" in stderr
    assert KEY not in stderr
    assert "Bearer chk" not in stderr


@pytest.mark.slow
async def test_the_real_agent_exits_77_when_the_hub_refuses_its_key(hub, tmp_path):
    hub.reject = (4401, "unknown key")
    agent = await start_agent(tmp_path, hub, "--interval", "0.5")
    returncode = await asyncio.wait_for(agent.wait(), 15)
    assert agent.stderr is not None
    stderr = (await agent.stderr.read()).decode()
    assert returncode == 77, stderr
    assert "4401" in stderr and "key" in stderr
    assert hub.connections == 1


@pytest.mark.slow
async def test_the_real_agent_runs_an_allowed_command_and_refuses_a_denied_one(hub, tmp_path):
    agent = await start_agent(
        tmp_path,
        hub,
        *("--interval", "0.5", "--allow-commands"),
        *("--command-allow", "echo [a-z ]+", "--command-allow", "uptime"),
        *("--command-deny", ".*secret.*"),
    )
    try:
        await until(lambda: len(hub.received) >= 1, timeout=15, what="a first frame")
        for request_id, text in (("c1", "echo hello there"), ("c2", "echo secret"), ("c3", "ls /")):
            await hub.send({"type": "command", "id": request_id, "command": text, "timeout": 5})
        await until(lambda: all(hub.final(f"c{n}") for n in range(1, 4)), timeout=10, what="three answers")
    finally:
        agent.send_signal(signal.SIGTERM)
        returncode = await asyncio.wait_for(agent.wait(), 15)
    assert agent.stderr is not None
    stderr = (await agent.stderr.read()).decode()
    assert returncode == 0, stderr
    assert hub.hellos[0]["capabilities"] == ["metrics", "logs", "commands"]
    assert hub.final("c1") == {
        "type": "command.result",
        "id": "c1",
        "status": "succeeded",
        "exit_code": 0,
        "stdout": "hello there\n",
        "stderr": "",
        "stdout_truncated": False,
        "stderr_truncated": False,
        "duration_ms": hub.final("c1")["duration_ms"],
    }
    assert hub.final("c2") == {
        "type": "command.rejected",
        "id": "c2",
        "reason": "the command matches a deny pattern of this agent",
    }
    assert hub.final("c3")["reason"] == "the command matches none of this agent's allow patterns"
    # The server keeps its own record of what it ran and refused.
    assert "running command c1" in stderr and "rejected command c2" in stderr
    assert "remote commands are ON" in stderr
