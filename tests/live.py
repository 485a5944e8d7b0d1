"""A real hub in its own processes, for end-to-end tests: daphne on a free port, a database of
its own (a fresh PostgreSQL database when DATABASE_URL points at PostgreSQL, else a SQLite file)
and, when REDIS_URL is set, the same Redis with its own key prefix."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _database(var_dir: Path) -> Iterator[str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{var_dir / 'hub.sqlite3'}"
        return
    name = f"chatops_live_{uuid.uuid4().hex[:12]}"
    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Hub:
    """A running hub: ``url``, ``env``, and helpers to run management code against it."""

    def __init__(self, env: dict[str, str], var_dir: Path) -> None:
        self.env = env
        self.var_dir = var_dir
        self.processes: list[subprocess.Popen[bytes]] = []
        self.ports: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports[0]}"

    def manage(self, *args: str, timeout: float = 120) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def python(self, code: str) -> str:
        """Run Django code in the hub's configuration; returns the last line it printed."""
        out = self.manage("shell", "-c", code)
        return out.strip().splitlines()[-1]

    def start_daphne(self, port: int | None = None, env: dict[str, str] | None = None) -> int:
        port = port or free_port()
        log = open(self.var_dir / f"daphne-{port}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "chatops.asgi:application"],
            cwd=ROOT,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        if port not in self.ports:
            self.ports.append(port)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"daphne exited: {(self.var_dir / f'daphne-{port}.log').read_text()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2) as response:
                    if response.status == 200:
                        return port
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise RuntimeError("daphne did not become healthy in 30 s")

    def stop_daphne(self, port: int) -> None:
        """Stop the daphne serving ``port`` (it can be started again on the same port)."""
        for process in self.processes:
            if process.poll() is None and f"{port}" in " ".join(map(str, process.args)):  # type: ignore[arg-type]
                process.terminate()
                process.wait(timeout=15)

    def log(self, port: int | None = None) -> str:
        return (self.var_dir / f"daphne-{port or self.ports[0]}.log").read_text(errors="replace")

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def live_hub(tmp_path: Path, processes: int = 1, **extra_env: str) -> Iterator[Hub]:
    var_dir = tmp_path / "hub"
    var_dir.mkdir()
    with _database(var_dir) as database_url:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},
            "DJANGO_SETTINGS_MODULE": "chatops.settings",
            "DATABASE_URL": database_url,
            "CHATOPS_VAR_DIR": str(var_dir),
            "SECRET_KEY": "live-hub-secret-key-for-tests-0123456789abcdef",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "REDIS_PREFIX": f"chatops-live-{uuid.uuid4().hex[:8]}",
            **extra_env,
        }
        hub = Hub(env, var_dir)
        hub.manage("migrate", "--noinput", "-v", "0")
        try:
            for _ in range(processes):
                hub.start_daphne()
            yield hub
        finally:
            hub.stop()


SETUP_CODE = """
from accounts.models import User
from accounts.services import create_api_key, issue_tokens
from servers.models import Server
admin = User.objects.create_superuser('ops', 'ops@example.com', 'a-long-live-test-passphrase')
server = Server.objects.create(name='{name}', hostname='{hostname}', created_by=admin)
key, raw = create_api_key(None, admin, name='agent', server=server)
import json
print(json.dumps({{'server_id': server.pk, 'key': raw, 'token': issue_tokens(admin).access_token}}))
"""


def setup_fleet(hub: Hub, name: str = "e2e-box", hostname: str = "e2e-box.local") -> dict[str, object]:
    """An admin, one server and its agent key in the hub's database; returns ids and secrets."""
    import json

    return dict(json.loads(hub.python(SETUP_CODE.format(name=name, hostname=hostname))))


class Agent:
    """A real ``chatops-agent`` process."""

    def __init__(
        self,
        hub_url: str,
        key: str,
        work: Path,
        interval: float = 1.0,
        log_files: tuple[Path, ...] = (),
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ):
        work.mkdir(parents=True, exist_ok=True)
        key_file = work / "key"
        key_file.write_text(key)
        key_file.chmod(0o600)
        self.work = work
        self.args = [
            PYTHON, "-m", "chatops_agent",
            "--hub", hub_url,
            "--key-file", str(key_file),
            "--interval", str(interval),
            "--buffer", str(work / "buffer.sqlite3"),
        ]  # fmt: skip
        for path in log_files:
            self.args += ["--log-file", str(path)]
        self.args += list(extra_args)
        self.extra_env = env or {}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Agent:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
        env.update(self.extra_env)
        self.log_handle = open(self.work / "agent.log", "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=env, stdout=self.log_handle, stderr=subprocess.STDOUT)
        return self

    def stop(self) -> int:
        assert self.process is not None
        self.process.terminate()
        try:
            code = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.log_handle.close()
        return code

    def log(self) -> str:
        return (self.work / "agent.log").read_text(errors="replace")
