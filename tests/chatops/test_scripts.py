"""scripts/dev and scripts/test as a newcomer runs them: a taken port, Ctrl-C, the banner, a path.

They run in the test's own virtualenv (CHATOPS_VENV), so they never install anything, and
scripts/dev on a fresh SQLite database in a temporary CHATOPS_VAR_DIR.
"""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.live import free_port

ROOT = Path(__file__).resolve().parents[2]


def script_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a user's shell: embedded defaults, no pytest or Django test settings."""
    dropped = ("DATABASE_URL", "REDIS_URL", "REDIS_PREFIX", "DJANGO_SETTINGS_MODULE", "DEBUG", "ALLOWED_HOSTS")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k not in dropped}
    env.update(CHATOPS_VENV=sys.prefix, CHATOPS_VAR_DIR=str(tmp_path / "var"), **extra)
    return env


class _AlwaysOK(BaseHTTPRequestHandler):
    """Another program on the port that answers every GET, health probes included."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"status": "ok"}')

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def taken_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AlwaysOK)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def test_dev_refuses_a_port_another_program_holds_and_names_it(tmp_path, taken_port):
    result = subprocess.run(
        [str(ROOT / "scripts" / "dev")],
        env=script_env(tmp_path, CHATOPS_PORT=str(taken_port)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert f"port {taken_port} on 127.0.0.1 is already in use" in result.stderr
    assert f"CHATOPS_PORT={taken_port + 1} ./scripts/dev" in result.stderr
    # Refused before anything ran: no "hub running" banner, no database, no agent.
    assert "ChatOps hub:" not in result.stdout
    assert not (tmp_path / "var" / "chatops.sqlite3").exists()


def _lines(process: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


@pytest.mark.slow
def test_dev_prints_where_to_sign_in_and_ctrl_c_stops_everything_with_exit_0(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "dev")],
        env=script_env(tmp_path, CHATOPS_PORT=str(port), CHATOPS_AGENT_INTERVAL="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # Its own process group, which gets the SIGINT as a terminal's Ctrl-C sends it.
        start_new_session=True,
    )
    lines = _lines(process)
    output = []
    try:
        deadline = time.monotonic() + 120
        while not any("connected to the hub" in line for line in output):
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, "".join(output)
            output.append(line)
        os.killpg(process.pid, signal.SIGINT)
        returncode = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    text = "".join(output)
    assert returncode == 0, text
    var = tmp_path / "var"
    banner = text[text.index("ChatOps hub:") :]
    assert f"ChatOps hub: http://127.0.0.1:{port}/" in banner
    assert "sign in as admin, password in " + str(var / "admin-password") in banner
    # After the first run's one-off password line, which the banner repeats the place of.
    assert text.index("Created admin 'admin' with password") < text.index("ChatOps hub:")
    # The hub and the agent are gone with the script: the port is free again.
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.slow
def test_dev_says_when_allowed_hosts_leaves_out_the_address_it_checks_the_hub_on(tmp_path):
    # As a user opening the hub to other machines might write it, without 127.0.0.1.
    result = subprocess.run(
        [str(ROOT / "scripts" / "dev")],
        env=script_env(tmp_path, CHATOPS_PORT=str(free_port()), ALLOWED_HOSTS="devbox.example.net"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "the hub refuses the host 127.0.0.1 (400): ALLOWED_HOSTS must list it too" in result.stderr
    assert "ChatOps hub:" not in result.stdout


@pytest.mark.slow
def test_test_script_with_a_path_runs_only_pytest_and_says_so(tmp_path):
    result = subprocess.run(
        [
            str(ROOT / "scripts" / "test"),
            "tests/agents/daemon/test_config.py",
            "-k",
            "test_defaults",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        env=script_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "== pytest only: ruff, mypy and the migrations check are skipped" in result.stdout
    assert "== mypy" not in result.stdout
    assert "1 passed" in result.stdout
