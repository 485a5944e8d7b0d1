"""Cleaning up after a worker that died mid-run (``automation.runner.clean_up_after``): the
private data directory goes only once what ran in it has exited, so a dying process's last
writes cannot keep it (and the private keys in it) on disk."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

from automation.runner import clean_up_after

# Stands in for ansible-playbook: named by its private directory on the command line, in a
# process group of its own, and on SIGTERM it keeps writing its artifacts for a moment.
DYING_WRITER = textwrap.dedent(
    """
    import os, signal, sys, time
    directory = sys.argv[1]
    artifacts = os.path.join(directory, "artifacts")
    def finish(*_):
        end = time.monotonic() + 0.6
        n = 0
        while time.monotonic() < end:
            n += 1
            try:
                os.makedirs(artifacts, exist_ok=True)  # as a job-events writer does
                with open(os.path.join(artifacts, f"event-{n}.json"), "w") as out:
                    out.write("{}")
            except OSError:
                pass
            time.sleep(0.002)
        sys.exit(0)
    signal.signal(signal.SIGTERM, finish)
    open(os.path.join(directory, "ready"), "w").close()
    while True:
        time.sleep(0.05)
    """
)


def start_writer(directory) -> subprocess.Popen:
    (directory / "artifacts").mkdir(parents=True)
    (directory / "env").mkdir()
    (directory / "env" / "ssh_key").write_text("-----BEGIN OPENSSH PRIVATE KEY-----")
    process = subprocess.Popen([sys.executable, "-c", DYING_WRITER, str(directory)], start_new_session=True)
    deadline = time.monotonic() + 10
    while not (directory / "ready").exists():
        assert time.monotonic() < deadline, "the stand-in did not start"
        time.sleep(0.02)
    return process


def test_the_directory_goes_after_what_ran_in_it_has_exited(tmp_path):
    directory = tmp_path / "chatops-ansible-7-abc123"
    process = start_writer(directory)
    clean_up_after(str(directory))
    assert process.wait(timeout=5) == 0  # it finished its writes on SIGTERM
    assert not directory.exists()


def test_a_process_that_ignores_sigterm_is_killed_after_the_grace(tmp_path):
    directory = tmp_path / "chatops-ansible-8-def456"
    (directory / "artifacts").mkdir(parents=True)
    process = subprocess.Popen(
        [sys.executable, "-c", "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
         "open(sys.argv[1] + '/ready', 'w').close(); time.sleep(60)", str(directory)],
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not (directory / "ready").exists():
        assert time.monotonic() < deadline
        time.sleep(0.02)
    clean_up_after(str(directory), grace=0.5)
    assert process.wait(timeout=5) == -signal.SIGKILL
    assert not directory.exists()


def test_only_our_run_directories_are_touched(tmp_path):
    directory = tmp_path / "not-a-run"
    directory.mkdir()
    clean_up_after(str(directory))
    assert directory.exists()
