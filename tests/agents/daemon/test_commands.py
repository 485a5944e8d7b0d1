"""Remote commands on the agent: who decides, how they run, what comes back, and when it stops."""

from __future__ import annotations

import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from typing import Any

import psutil
import pytest

from chatops_agent.execute import (
    CommandPolicy,
    CommandRunner,
    Refused,
    exit_code_of,
    fit_result,
)
from chatops_agent.protocol import encoded_size
from tests.agents.daemon.conftest import KEY, until


class Answers:
    """Stands in for the link: records every answer with the time it was sent."""

    def __init__(self) -> None:
        self.frames: list[tuple[float, dict[str, Any], bool]] = []

    def __call__(self, frame: dict[str, Any], *, live: bool = False) -> None:
        json.dumps(frame, allow_nan=False)  # what the link does: must be plain JSON
        self.frames.append((time.monotonic(), dict(frame), live))

    def of(self, request_id: str, kind: str | None = None) -> list[dict[str, Any]]:
        return [f for _, f, _ in self.frames if f["id"] == request_id and (kind is None or f["type"] == kind)]

    def timed(self, request_id: str, kind: str) -> list[tuple[float, dict[str, Any]]]:
        return [(t, f) for t, f, _ in self.frames if f["id"] == request_id and f["type"] == kind]

    async def final(self, request_id: str, timeout: float = 5.0) -> dict[str, Any]:
        def done() -> bool:
            return bool(self.of(request_id, "command.result") or self.of(request_id, "command.rejected"))

        await until(done, timeout, what=f"the end of command {request_id}")
        return (self.of(request_id, "command.result") or self.of(request_id, "command.rejected"))[0]


@pytest.fixture
async def runner():
    """A runner with commands allowed (no patterns), its answers in ``runner.answers``."""
    made: list[CommandRunner] = []

    def make(**policy: Any) -> CommandRunner:
        answers = Answers()
        options = {"enabled": True, "max_timeout": 300.0, **policy}
        command_runner = CommandRunner(CommandPolicy(**options), answers, lambda: 1 << 20, kill_grace=0.3)
        command_runner.answers = answers  # type: ignore[attr-defined]
        made.append(command_runner)
        return command_runner

    yield make
    for command_runner in made:
        await command_runner.close()


def command(request_id: str, text: str, **fields: Any) -> dict[str, Any]:
    return {"type": "command", "id": request_id, "command": text, "timeout": 10, **fields}


def compiled(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in patterns)


# --- the decision -----------------------------------------------------------------------------


async def test_commands_are_rejected_unless_the_agent_allows_them(runner):
    disabled = runner(enabled=False)
    disabled.handle(command("c1", "echo hi"))
    assert disabled.answers.of("c1") == [
        {"type": "command.rejected", "id": "c1", "reason": "remote commands are disabled on this agent"}
    ]
    assert not disabled.running


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("echo secret", "deny pattern"),  # deny wins over a matching allow pattern
        ("echo  secret ", "deny pattern"),
        ("ls /", "none of this agent's allow patterns"),
        ("rm -rf /tmp/x", "deny pattern"),
        ("'rm' -rf /tmp/x", "deny pattern"),  # quoting does not get around a deny pattern
        ("  rm   -rf /tmp/x", "deny pattern"),  # nor do spaces
        ("", "empty command"),
        ("   ", "empty command"),
        ('echo "unclosed', "cannot split the command"),
    ],
)
def test_deny_patterns_win_then_allow_patterns_must_match(text, reason):
    policy = CommandPolicy(
        enabled=True, allow=compiled(r"echo .*", r"rm .*"), deny=compiled(r".*secret.*", r"rm( .*)?")
    )
    with pytest.raises(Refused, match=reason):
        policy.argv(text)


def test_allowed_commands_are_split_into_words_without_a_shell():
    policy = CommandPolicy(enabled=True, allow=compiled(r"echo .*", r"systemctl status [a-z0-9@.-]+"))
    assert policy.argv("echo 'a b' c") == ["echo", "a b", "c"]
    assert policy.argv("systemctl status nginx") == ["systemctl", "status", "nginx"]
    with pytest.raises(Refused):
        policy.argv("systemctl status nginx; reboot")  # fullmatch: a prefix is not enough
    with_shell = CommandPolicy(enabled=True, shell=True)  # noqa: S604 - a policy, not a subprocess call
    assert with_shell.argv("echo hi | wc -c") == ["/bin/sh", "-c", "echo hi | wc -c"]


async def test_a_rejection_names_the_request_and_runs_nothing(runner):
    agent = runner(deny=compiled(r"touch .*"))
    agent.handle(command("c1", "touch /tmp/should-not-exist"))
    assert agent.answers.of("c1")[0]["reason"] == "the command matches a deny pattern of this agent"
    assert len(agent.answers.frames) == 1 and not agent.running


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"command": 42}, "command must be a string"),
        ({"timeout": "soon"}, "timeout must be a positive number"),
        ({"timeout": 0}, "timeout must be a positive number"),
        ({"timeout": True}, "timeout must be a positive number"),
        ({"max_output_bytes": -1}, "max_output_bytes"),
        ({"max_output_bytes": 1.5}, "max_output_bytes"),
    ],
)
async def test_a_malformed_request_is_rejected_with_its_reason(runner, fields, reason):
    agent = runner()
    agent.handle({**command("c1", "echo hi"), **fields})
    (answer,) = agent.answers.of("c1")
    assert answer["type"] == "command.rejected" and reason in answer["reason"]


async def test_a_request_without_a_usable_id_gets_no_answer(runner, caplog):
    agent = runner()
    for bad in (None, 7, "", "x" * 65):
        agent.handle({**command("c1", "echo hi"), "id": bad})
    assert agent.answers.frames == [] and not agent.running
    assert "without a usable id" in caplog.text


# --- running ----------------------------------------------------------------------------------


async def test_an_allowed_command_is_accepted_runs_and_reports_its_output(runner):
    agent = runner(allow=compiled(r"echo .*"))
    agent.handle(command("c1", "echo hello   world"))
    result = await agent.answers.final("c1")
    assert agent.answers.of("c1")[0] == {"type": "command.accepted", "id": "c1"}
    assert result == {
        "type": "command.result",
        "id": "c1",
        "status": "succeeded",
        "exit_code": 0,
        "stdout": "hello world\n",
        "stderr": "",
        "stdout_truncated": False,
        "stderr_truncated": False,
        "duration_ms": result["duration_ms"],
    }
    assert isinstance(result["duration_ms"], int) and 0 <= result["duration_ms"] < 5000


async def test_without_a_shell_shell_syntax_is_plain_text(runner, tmp_path):
    agent = runner()
    target = tmp_path / "created"
    agent.handle(command("c1", "echo hi; echo there"))
    agent.handle(command("c2", f"echo $HOME > {target}"))
    assert (await agent.answers.final("c1"))["stdout"] == "hi; echo there\n"
    assert (await agent.answers.final("c2"))["stdout"] == f"$HOME > {target}\n"
    assert not target.exists()


async def test_with_command_shell_the_shell_interprets_the_command(runner):
    agent = runner(shell=True)  # noqa: S604 - what --command-shell does is under test
    agent.handle(command("c1", "echo hi; echo there | tr a-z A-Z"))
    assert (await agent.answers.final("c1"))["stdout"] == "hi\nTHERE\n"


async def test_a_failing_command_reports_its_exit_code_and_stderr(runner):
    agent = runner()
    agent.handle(command("c1", "sh -c 'echo oops >&2; exit 3'"))
    result = await agent.answers.final("c1")
    assert (result["status"], result["exit_code"], result["stderr"]) == ("failed", 3, "oops\n")


async def test_a_program_that_cannot_start_fails_with_a_null_exit_code(runner, tmp_path):
    not_executable = tmp_path / "script.sh"
    not_executable.write_text("#!/bin/sh\necho hi\n")
    agent = runner()
    agent.handle(command("c1", "/nonexistent/program --flag"))
    agent.handle(command("c2", str(not_executable)))
    missing, denied = await agent.answers.final("c1"), await agent.answers.final("c2")
    assert (missing["status"], missing["exit_code"]) == ("failed", None)
    assert missing["stderr"] == "cannot run '/nonexistent/program': No such file or directory"
    assert (denied["status"], denied["exit_code"]) == ("failed", None)
    assert "Permission denied" in denied["stderr"]


async def test_the_command_gets_no_stdin(runner):
    agent = runner()
    agent.handle(command("c1", "cat"))  # stdin is /dev/null: cat ends at once instead of waiting
    result = await agent.answers.final("c1")
    assert (result["status"], result["stdout"]) == ("succeeded", "")


async def test_the_agents_key_is_kept_out_of_the_environment():
    answers = Answers()
    env = {"PATH": os.environ["PATH"], "CHATOPS_KEY": KEY, "CHATOPS_KEY_FILE": "/etc/k", "CHATOPS_HUB": "h"}
    agent = CommandRunner(CommandPolicy(enabled=True), answers, lambda: 1 << 20, env=env)
    agent.handle(command("c1", "env"))
    stdout = (await answers.final("c1"))["stdout"]
    assert "CHATOPS_HUB=h" in stdout
    assert KEY not in stdout and "CHATOPS_KEY_FILE" not in stdout


async def test_invalid_utf8_becomes_replacement_characters(runner):
    agent = runner()
    agent.handle(command("c1", r"printf '\377ok\n\303\251'"))
    assert (await agent.answers.final("c1"))["stdout"] == "\ufffdok\né"


async def test_output_beyond_max_output_bytes_is_dropped_and_flagged(runner):
    agent = runner()
    agent.handle(command("c1", "seq 1 100000", max_output_bytes=1000))
    agent.handle(command("c2", "seq 1 10", max_output_bytes=1000))
    big, small = await agent.answers.final("c1"), await agent.answers.final("c2")
    expected = "".join(f"{n}\n" for n in range(1, 100001))
    assert big["status"] == "succeeded"  # read to the end: the program was never blocked
    assert big["stdout"] == expected[:1000] and big["stdout_truncated"] is True
    assert big["stderr_truncated"] is False
    assert small["stdout"] == expected[:21] and small["stdout_truncated"] is False


async def test_output_streams_before_the_result_in_coalesced_frames(runner):
    agent = runner()
    agent.handle(command("c1", "sh -c 'echo one; sleep 0.3; echo two >&2; echo three'"))
    result = await agent.answers.final("c1")
    kinds = [frame["type"] for frame in agent.answers.of("c1")]
    assert kinds[0] == "command.accepted" and kinds[-1] == "command.result"
    outputs = agent.answers.of("c1", "command.output")
    assert outputs and all(kind == "command.output" for kind in kinds[1:-1])
    assert all(live for _, frame, live in agent.answers.frames if frame["type"] == "command.output")
    by_stream = {name: "".join(f["data"] for f in outputs if f["stream"] == name) for name in ("stdout", "stderr")}
    assert by_stream == {"stdout": "one\nthree\n", "stderr": "two\n"}
    assert outputs[0] == {"type": "command.output", "id": "c1", "stream": "stdout", "data": "one\n"}
    assert result["stdout"] == "one\nthree\n" and result["stderr"] == "two\n"


async def test_output_frames_are_at_most_16_kib_and_100_ms_apart_per_stream(runner):
    agent = runner()
    # About 19 KB every 100 ms for 1 s: more than one frame's worth (16 KiB) each time.
    script = "i=0; while [ $i -lt 10 ]; do seq 1 4000; sleep 0.1; i=$((i+1)); done"
    agent.handle(command("c1", f"sh -c '{script}'", max_output_bytes=1 << 20))
    result = await agent.answers.final("c1", timeout=10)
    assert result["status"] == "succeeded"
    frames = agent.answers.timed("c1", "command.output")
    assert len(frames) >= 8
    assert max(len(frame["data"].encode()) for _, frame in frames) == 16 * 1024  # some were full
    assert all(len(frame["data"].encode()) <= 16 * 1024 for _, frame in frames)
    times = [at for at, _ in frames]
    assert all(later - earlier >= 0.095 for earlier, later in itertools.pairwise(times))
    streamed = "".join(frame["data"] for _, frame in frames)
    assert result["stdout"].startswith(streamed[:10000])


async def test_a_timeout_kills_the_whole_process_group(runner):
    agent = runner()
    # sh ignores SIGTERM (and so does its background sleep, which inherits that): SIGKILL is needed.
    script = 'echo $$; trap "" TERM; sleep 60 & echo $!; wait'
    started = time.monotonic()
    agent.handle(command("c1", f"sh -c '{script}'", timeout=0.4))
    result = await agent.answers.final("c1")
    elapsed = time.monotonic() - started
    assert (result["status"], result["exit_code"]) == ("timed_out", None)
    child, grandchild = (int(pid) for pid in result["stdout"].split())
    await until(lambda: not alive(child) and not alive(grandchild), timeout=2, what="the group to be gone")
    assert 0.4 + 0.3 <= elapsed < 3  # SIGTERM, the grace period (0.3 s here), then SIGKILL


async def test_a_timeout_ends_a_cooperative_command_with_sigterm_at_once(runner):
    agent = runner()
    started = time.monotonic()
    agent.handle(command("c1", "sh -c 'echo $$; sleep 60 & echo $!; wait'", timeout=0.3))
    result = await agent.answers.final("c1")
    assert result["status"] == "timed_out" and time.monotonic() - started < 0.3 + 0.3
    assert not any(alive(int(pid)) for pid in result["stdout"].split())


async def test_the_hubs_timeout_is_cut_to_the_agents_maximum(runner):
    agent = runner(max_timeout=0.3)
    started = time.monotonic()
    agent.handle(command("c1", "sleep 30", timeout=3600))
    assert (await agent.answers.final("c1"))["status"] == "timed_out"
    assert time.monotonic() - started < 2


async def test_beyond_the_concurrency_limit_commands_are_rejected_as_busy(runner):
    agent = runner(max_running=2)
    agent.handle(command("c1", "sleep 30"))
    agent.handle(command("c2", "sleep 30"))
    agent.handle(command("c3", "echo three"))
    agent.handle(command("c1", "echo again"))
    assert agent.answers.of("c3") == [{"type": "command.rejected", "id": "c3", "reason": "busy: 2 commands running"}]
    assert agent.answers.of("c1", "command.rejected")[0]["reason"] in (
        "a command with this id is already running",
        "busy: 2 commands running",
    )
    assert set(agent.running) == {"c1", "c2"}
    pids = [proc.pid for proc in psutil.Process().children(recursive=True) if proc.name() == "sleep"]
    await agent.close()  # the agent stopping: its commands go with it
    assert not agent.running
    await until(lambda: not any(alive(pid) for pid in pids), timeout=2, what="the sleeps to be killed")
    agent.handle(command("c4", "echo four"))
    assert (await agent.answers.final("c4"))["stdout"] == "four\n"


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


# --- small parts ------------------------------------------------------------------------------


def test_exit_codes_of_killed_processes_read_as_a_shell_shows_them():
    assert exit_code_of(0) == 0
    assert exit_code_of(3) == 3
    assert exit_code_of(-signal.SIGKILL) == 137
    assert exit_code_of(-signal.SIGSEGV) == 139


def test_a_result_too_large_for_one_frame_is_cut_to_fit():
    result = {
        "type": "command.result",
        "id": "c1",
        "status": "succeeded",
        "exit_code": 0,
        "stdout": "x" * 900_000,
        "stderr": "\x01" * 300_000,  # six bytes each in JSON
        "stdout_truncated": False,
        "stderr_truncated": False,
        "duration_ms": 5,
    }
    fit_result(result, 1_000_000)
    assert encoded_size(result) <= 1_000_000
    # Each gets about half the room, measured as JSON.
    assert result["stdout_truncated"] and 450_000 < len(result["stdout"]) < 500_000
    assert result["stderr_truncated"] and 75_000 < len(result["stderr"]) < 84_000
    # A short output keeps all of it; the long one gets the rest of the room.
    uneven = {**result, "stdout": "x" * 2_000_000, "stderr": "oops\n", "stdout_truncated": False}
    uneven["stderr_truncated"] = False
    fit_result(uneven, 1_000_000)
    assert encoded_size(uneven) <= 1_000_000 and len(uneven["stdout"]) > 950_000
    assert uneven["stdout_truncated"] and (uneven["stderr"], uneven["stderr_truncated"]) == ("oops\n", False)
    small = {**result, "stdout": "ok", "stderr": "", "stdout_truncated": False, "stderr_truncated": False}
    assert fit_result(dict(small), 1_000_000) == small


def test_the_agent_can_hide_its_environment_from_the_commands_it_runs():
    # In a child process: a non-dumpable pytest would be a nuisance for the rest of the run.
    code = (
        "import ctypes; from chatops_agent.execute import protect_agent_memory\n"
        "assert protect_agent_memory()\n"
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "0"), result.stderr
