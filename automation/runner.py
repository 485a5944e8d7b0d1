"""Carrying out runs in the worker: claim a run (``SKIP LOCKED``), build its private data
directory and inventory, and start it with ansible-runner's ``run_async`` (ansible is imported
here, when a run starts, never when the hub starts). Runner's callbacks, on its thread, keep
the output and results (in memory, written to the row at most every second and at the end),
publish each event to the run's socket group, beat the heartbeat and poll for a cancel. The
private data directory (inventory, private keys, artefacts) is removed when the run ends.

``reap`` ends runs nobody carries any more: a worker process that is gone (a hub or worker
restart mid-run) or silent for ``ANSIBLE_HEARTBEAT_TIMEOUT``, and this process's own runs
whose thread died without recording an end."""

from __future__ import annotations

import contextlib
import logging
import os
import shlex
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from automation import inventory, playbooks
from automation.choices import RunStatus
from automation.events import PlaybookOutputEvent, ansible_group
from automation.models import PlaybookRun
from automation.services import finish_run
from chatops.realtime import bridge, publish

logger = logging.getLogger(__name__)

#: This process, as ``claimed_by`` names it: host, pid, and a token for this start of it.
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
TRUNCATED = "\n[… output truncated: ANSIBLE_OUTPUT_LIMIT reached …]\n"
#: How often (seconds) a run's thread writes its output, beats its heartbeat and polls for a cancel.
FLUSH_SECONDS = 1.0
MAX_TASK_RESULTS = 5000
MESSAGE_LIMIT = 500
RESULTS = {
    "runner_on_ok": "ok",
    "runner_on_failed": "failed",
    "runner_on_unreachable": "unreachable",
    "runner_on_skipped": "skipped",
}
STATUSES = {
    "successful": RunStatus.SUCCESSFUL,
    "failed": RunStatus.FAILED,
    "canceled": RunStatus.CANCELLED,
    "timeout": RunStatus.TIMEOUT,
}

_active: dict[int, Recorder] = {}
_lock = threading.Lock()


def active_runs() -> list[int]:
    with _lock:
        return list(_active)


class Recorder:
    """One run's callbacks (called on runner's thread) and what they gathered."""

    def __init__(self, run: PlaybookRun, private_dir: Path) -> None:
        self.run_id = run.pk
        self.private_dir = private_dir
        self.hosts = list(run.hosts)
        self.output: list[str] = []
        self.size = 0
        self.truncated = False
        self.counter = 0
        self.tasks: list[dict[str, Any]] = []
        #: The recap (``playbook_on_stats``'s data): ok, changed, failures, dark, skipped per host.
        self.stats: dict[str, Any] = {}
        self.last_flush = 0.0
        self.cancelled = False
        self.dirty = False
        self.thread: threading.Thread | None = None
        self.done = threading.Event()

    # --- runner's callbacks ------------------------------------------------------------------

    def event(self, data: dict[str, Any]) -> bool:
        """Each runner event: keep its text and result, forward it live. Returns False: runner
        need not write it to the artefacts (the row is the record; so ``Runner.stats``, read
        from them, stays empty: the recap is taken from its event here)."""
        try:
            self._event(data)
        except Exception:
            logger.exception("Playbook run %s: an event could not be recorded", self.run_id)
        return False

    def _event(self, data: dict[str, Any]) -> None:
        stdout = str(data.get("stdout") or "")
        name = str(data.get("event") or "")
        self.counter = max(self.counter, int(data.get("counter") or 0))
        details = data.get("event_data") or {}
        host, task = details.get("host"), details.get("task")
        if name == "playbook_on_stats":
            self.stats = details
        if name in RESULTS and len(self.tasks) < MAX_TASK_RESULTS:
            self.tasks.append(_task_result(name, details))
        if stdout:
            self._append(stdout + "\n")
            event = PlaybookOutputEvent(
                type="ansible.output", execution_id=self.run_id, counter=self.counter, event=name,
                host=host, task=task, stdout=stdout,
            )  # fmt: skip
            try:
                bridge.call(publish, [(ansible_group(self.run_id), event)])
            except Exception:
                logger.exception("Playbook run %s: an event could not be published", self.run_id)
        self.dirty = True

    def _append(self, text: str) -> None:
        if self.truncated:
            return
        room = settings.ANSIBLE_OUTPUT_LIMIT - self.size
        if len(text) > room:
            text, self.truncated = text[:room] + TRUNCATED, True
        self.output.append(text)
        self.size += len(text)

    def cancel(self) -> bool:
        """Polled by runner every ``pexpect_timeout``: write what came, beat, read a cancel."""
        now = time.monotonic()
        if now - self.last_flush >= FLUSH_SECONDS:
            self.last_flush = now
            try:
                self.cancelled = self._flush()
            except Exception:
                logger.exception("Playbook run %s: could not write its progress", self.run_id)
        return self.cancelled

    def _flush(self) -> bool:
        fields: dict[str, Any] = {"heartbeat_at": timezone.now()}
        if self.dirty:
            fields |= self._progress()
            self.dirty = False
        PlaybookRun.objects.filter(pk=self.run_id).update(**fields)
        return PlaybookRun.objects.filter(pk=self.run_id, cancel_requested=True).exists()

    def _progress(self) -> dict[str, Any]:
        ok = sum(1 for t in self.tasks if t["status"] in ("ok", "changed"))
        failed = sum(1 for t in self.tasks if t["status"] in ("failed", "unreachable"))
        return {
            "output": "".join(self.output),
            "output_truncated": self.truncated,
            "last_event": self.counter,
            "task_results": self.tasks,
            "tasks_total": len(self.tasks),
            "tasks_successful": ok,
            "tasks_failed": failed,
        }

    def finished(self, runner: Any) -> None:
        """Runner's last call: record the end, then remove the private data directory."""
        try:
            status = STATUSES.get(str(runner.status), RunStatus.FAILED)
            reason = _reason(status, runner.rc, self.tasks)
            fields = self._progress() | {"rc": runner.rc, "host_stats": _host_stats(self.stats, self.hosts)}
            finish_run(self.run_id, status, reason=reason, **fields)
        except Exception:
            logger.exception("Playbook run %s: could not record its end", self.run_id)
            finish_run(self.run_id, RunStatus.FAILED, reason="The hub could not record the run's end (logged).")
        finally:
            self.close()

    def close(self) -> None:
        shutil.rmtree(self.private_dir, ignore_errors=True)
        with _lock:
            _active.pop(self.run_id, None)
        self.done.set()
        connection.close()


def _task_result(name: str, details: dict[str, Any]) -> dict[str, Any]:
    found = details.get("res")
    result: dict[str, Any] = found if isinstance(found, dict) else {}
    status = RESULTS[name]
    changed = bool(result.get("changed"))
    if status == "ok" and changed:
        status = "changed"
    if status == "failed" and details.get("ignore_errors"):
        status = "ignored"
    message = result.get("msg") or ""
    return {
        "task": str(details.get("task") or ""),
        "host": str(details.get("host") or ""),
        "status": status,
        "changed": changed,
        "message": str(message)[:MESSAGE_LIMIT] if status in ("failed", "unreachable", "ignored") else "",
    }


def _host_stats(stats: dict[str, Any] | None, hosts: list[str]) -> dict[str, dict[str, int]]:
    """Runner's recap per host: ok, changed, failed, unreachable, skipped."""
    stats = stats or {}
    names = {
        "ok": "ok", "changed": "changed", "failures": "failed", "dark": "unreachable", "skipped": "skipped",
    }  # fmt: skip
    seen = set(hosts) | {h for key in names for h in (stats.get(key) or {})}
    return {
        host: {ours: int((stats.get(theirs) or {}).get(host, 0)) for theirs, ours in names.items()}
        for host in sorted(seen)
    }


def _reason(status: str, rc: int | None, tasks: list[dict[str, Any]]) -> str:
    if status == RunStatus.SUCCESSFUL:
        return ""
    if status == RunStatus.TIMEOUT:
        return f"Stopped after ANSIBLE_RUN_TIMEOUT ({settings.ANSIBLE_RUN_TIMEOUT} s)."
    if status == RunStatus.CANCELLED:
        return ""  # the row has who cancelled it
    failed = [t for t in tasks if t["status"] in ("failed", "unreachable")]
    if failed:
        first = failed[0]
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        return f"{first['status'].capitalize()}: task {first['task']!r} on {first['host']}: {first['message']}{more}"
    return f"ansible-playbook exited with {rc}."


# --- Claiming and starting -------------------------------------------------------------------


def start_runs() -> int:
    """The worker's job: start runs waiting for a worker, up to this process's free slots."""
    started = 0
    while len(active_runs()) < settings.ANSIBLE_MAX_CONCURRENT_RUNS:
        run = _claim()
        if run is None:
            break
        launch(run)
        started += 1
    return started


def _claim() -> PlaybookRun | None:
    now = timezone.now()
    with transaction.atomic():
        run = (
            PlaybookRun.objects.select_for_update(skip_locked=True)
            .filter(status=RunStatus.RUNNING, claimed_by="")
            .order_by("created_at", "pk")
            .first()
        )
        if run is None:
            return None
        run.claimed_by, run.started_at, run.heartbeat_at = WORKER_ID, now, now
        run.save(update_fields=["claimed_by", "started_at", "heartbeat_at"])
    return run


def launch(run: PlaybookRun) -> Recorder:
    """Start ``run`` on runner's thread; returns at once."""
    base = settings.ANSIBLE_RUNS_DIR or None
    if base:
        Path(base).mkdir(parents=True, exist_ok=True)
    private_dir = Path(tempfile.mkdtemp(prefix=f"chatops-ansible-{run.pk}-", dir=base))  # mode 0700
    PlaybookRun.objects.filter(pk=run.pk).update(private_dir=str(private_dir))
    recorder = Recorder(run, private_dir)
    with _lock:
        _active[run.pk] = recorder
    try:
        recorder.thread = _start(run, recorder)
    except Exception as exc:
        logger.exception("Playbook run %s could not start", run.pk)
        finish_run(run.pk, RunStatus.FAILED, reason=f"Could not start: {type(exc).__name__}: {exc}"[:1000])
        recorder.close()
    return recorder


def _start(run: PlaybookRun, recorder: Recorder) -> threading.Thread:
    import ansible_runner  # only where a run starts: ansible is never loaded with the hub

    playbook = playbooks.find(run.playbook)
    if playbook is None:
        raise FileNotFoundError(f"the playbook {run.playbook} is gone from the playbook directory")
    servers = list(run.servers.prefetch_related("tags"))
    hosts = inventory.build(servers, recorder.private_dir / "keys")
    # ansible-runner starts ansible-playbook from PATH: this interpreter's bin first.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    # The variables as a file of ``!unsafe`` values, as AWX passes survey answers: a value is
    # data, never a template (``{{ lookup('pipe', …) }}`` would run on the worker itself).
    arguments = ["--check"] if run.check_mode else []
    if run.variables:
        variables = recorder.private_dir / "variables.yml"
        variables.write_text(unsafe_yaml(dict(run.variables)), encoding="utf-8")
        arguments += ["-e", f"@{variables}"]
    cmdline = shlex.join(arguments) or None
    thread, _ = ansible_runner.run_async(
        private_data_dir=str(recorder.private_dir),
        project_dir=str(playbook.path.parent),
        playbook=playbook.name,
        inventory=hosts,
        limit=run.limit or None,
        tags=",".join(run.tags) or None,
        cmdline=cmdline,
        envvars={"PATH": path, "ANSIBLE_NOCOLOR": "1", "ANSIBLE_FORCE_COLOR": "0", "ANSIBLE_RETRY_FILES_ENABLED": "0"},
        settings={"pexpect_timeout": 0.5, "suppress_ansible_output": True},
        timeout=settings.ANSIBLE_RUN_TIMEOUT,
        ident="run",
        quiet=True,
        event_handler=recorder.event,
        cancel_callback=recorder.cancel,
        finished_callback=recorder.finished,
    )
    return thread


class _UnsafeDumper(yaml.SafeDumper):
    """Every string as ``!unsafe``: Ansible then never templates it."""


_UnsafeDumper.add_representer(str, lambda dumper, value: dumper.represent_scalar("!unsafe", value, style="'"))


def unsafe_yaml(variables: dict[str, Any]) -> str:
    """``name: value`` lines, the values' strings ``!unsafe`` (names are checked identifiers)."""
    lines = []
    for name, value in sorted(variables.items()):
        text = yaml.dump(value, Dumper=_UnsafeDumper, allow_unicode=True, default_flow_style=True, width=1 << 30)
        lines.append(f"{name}: {text.removesuffix(chr(10)).removesuffix('...').strip()}")
    return "\n".join(lines) + "\n"


def wait(run_id: int, timeout: float) -> bool:
    """Until this process's run ``run_id`` has recorded its end (tests, the shutdown)."""
    with _lock:
        recorder = _active.get(run_id)
    return True if recorder is None else recorder.done.wait(timeout)


# --- Runs nobody carries -----------------------------------------------------------------------


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _gone(claimed_by: str) -> str:
    """Why the worker that claimed a run no longer carries it, or "" while it may."""
    host, _, rest = claimed_by.partition(":")
    pid, _, _token = rest.partition(":")
    if claimed_by == WORKER_ID:
        return ""
    if host == socket.gethostname() and pid.isdigit():
        if int(pid) == os.getpid():
            return "this worker process restarted while it ran"
        if not _process_alive(int(pid)):
            return f"its worker process ({pid}) is gone: the hub or worker stopped while it ran"
    return ""


def reap() -> int:
    """The worker's job: end, as ``lost`` or ``failed`` with the reason, the runs left
    ``running`` by a worker that is gone or silent, and this process's own runs whose thread
    died without recording an end."""
    now = timezone.now()
    silent_since = now - timedelta(seconds=settings.ANSIBLE_HEARTBEAT_TIMEOUT)
    ended = 0
    mine = active_runs()
    running = PlaybookRun.objects.filter(status=RunStatus.RUNNING).exclude(claimed_by="")
    for run_id, claimed_by, heartbeat, private_dir in running.values_list(
        "pk", "claimed_by", "heartbeat_at", "private_dir"
    ):
        reason = _gone(claimed_by)
        status = RunStatus.LOST
        if claimed_by == WORKER_ID and run_id not in mine:
            status, reason = RunStatus.FAILED, "its runner thread ended without recording an end"
        elif not reason and claimed_by != WORKER_ID and (heartbeat is None or heartbeat < silent_since):
            reason = f"its worker ({claimed_by}) gave no sign of life for {settings.ANSIBLE_HEARTBEAT_TIMEOUT} s"
        if reason and finish_run(run_id, status, reason=f"Lost: {reason}."[:1000]) is not None:
            ended += 1
            if private_dir and claimed_by.partition(":")[0] == socket.gethostname() and run_id not in mine:
                clean_up_after(private_dir)
    with _lock:
        dead = [r for r in _active.values() if r.thread is not None and not r.thread.is_alive() and not r.done.is_set()]
    for recorder in dead:
        finish_run(recorder.run_id, RunStatus.FAILED, reason="Its runner thread ended without recording an end.")
        recorder.close()
        ended += 1
    return ended


def clean_up_after(private_dir: str, grace: float = 10.0) -> None:
    """After a worker died mid-run: stop what it left running in the run's private data
    directory (ansible-playbook ignores the hang-up of its terminal) and remove the directory,
    private keys included. The directory goes only once those processes have exited (``grace``
    seconds after SIGTERM, then SIGKILL): removed while a dying ``ansible-playbook`` still
    wrote its artifacts, its last files kept the directory alive."""
    path = Path(private_dir)
    if not path.is_absolute() or not path.name.startswith("chatops-ansible-"):
        return
    groups = _groups_running_in(path)
    _signal_groups(groups, signal.SIGTERM)
    if not _wait_until_gone(path, grace):
        _signal_groups(_groups_running_in(path), signal.SIGKILL)
        _wait_until_gone(path, 2.0)
    shutil.rmtree(path, ignore_errors=True)


def _groups_running_in(path: Path) -> set[int]:
    """The process groups of the processes whose command line names ``path`` (never this
    process's own group)."""
    needle = str(path).encode()
    groups = set()
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if needle in (entry / "cmdline").read_bytes():
                group = os.getpgid(int(entry.name))
                if group != os.getpgid(0):
                    groups.add(group)
        except (OSError, ValueError):
            continue
    return groups


def _signal_groups(groups: set[int], signum: int) -> None:
    for group in groups:
        with contextlib.suppress(OSError):
            os.killpg(group, signum)


def _wait_until_gone(path: Path, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while _groups_running_in(path):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True
