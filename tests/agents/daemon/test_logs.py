"""Log sources: a file followed across rotation and truncation, and journalctl's JSON."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chatops_agent.logs import FileTailer, JournaldReader, LogCollector, guess_level, journal_entry_to_line
from chatops_agent.wire import MAX_MESSAGE_CHARS


def append(path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def read(tailer: FileTailer, logs: LogCollector) -> list[str]:
    tailer.poll()
    return [line["message"] for line in logs.drain()[0]]


@pytest.fixture
def logs():
    return LogCollector()


@pytest.fixture
def log_file(tmp_path):
    path = tmp_path / "app.log"
    path.write_text("written before the agent started\n")
    return path


def test_a_first_start_reads_only_what_is_written_from_then_on(log_file, logs):
    tailer = FileTailer(str(log_file), logs)
    assert read(tailer, logs) == []
    append(log_file, "one\ntwo\n")
    assert read(tailer, logs) == ["one", "two"]
    assert read(tailer, logs) == []
    tailer.close()


def test_a_partial_line_waits_for_its_end(log_file, logs):
    tailer = FileTailer(str(log_file), logs)
    tailer.poll()
    append(log_file, "half a ")
    assert read(tailer, logs) == []
    append(log_file, "line\r\nnext")
    assert read(tailer, logs) == ["half a line"]
    append(log_file, "\n")
    assert read(tailer, logs) == ["next"]
    tailer.close()


def test_rotation_by_rename_and_recreate_loses_no_line(log_file, logs):
    tailer = FileTailer(str(log_file), logs)
    tailer.poll()
    append(log_file, "before rotation\n")
    assert read(tailer, logs) == ["before rotation"]
    os.rename(log_file, f"{log_file}.1")
    append(f"{log_file}.1", "written to the old file after the rename\n")
    assert read(tailer, logs) == ["written to the old file after the rename"]  # not recreated yet
    log_file.write_text("first line of the new file\n")
    append(f"{log_file}.1", "late line, old file\n")
    assert read(tailer, logs) == ["late line, old file", "first line of the new file"]
    # The writer had not reopened yet: the old file is read once more, then let go.
    append(f"{log_file}.1", "very late, old file\n")
    append(log_file, "second line of the new file\n")
    assert read(tailer, logs) == ["very late, old file", "second line of the new file"]
    append(f"{log_file}.1", "too late\n")
    append(log_file, "third\n")
    assert read(tailer, logs) == ["third"]
    tailer.close()


def test_truncation_in_place_restarts_at_the_beginning(log_file, logs):
    tailer = FileTailer(str(log_file), logs)
    tailer.poll()
    append(log_file, "a fairly long line before copytruncate\n")
    assert read(tailer, logs) == ["a fairly long line before copytruncate"]
    with open(log_file, "r+") as handle:
        handle.truncate(0)
    append(log_file, "after\n")
    assert read(tailer, logs) == ["after"]
    tailer.close()


def test_a_file_that_appears_later_is_read_from_its_start(tmp_path, logs, caplog):
    path = tmp_path / "later.log"
    tailer = FileTailer(str(path), logs)
    assert read(tailer, logs) == []
    assert "will keep trying" in caplog.text
    path.write_text("hello\n")
    assert read(tailer, logs) == ["hello"]
    tailer.close()


def test_a_restart_resumes_at_the_saved_position(log_file, logs):
    tailer = FileTailer(str(log_file), logs)
    tailer.poll()
    append(log_file, "read\npart")
    tailer.poll()
    _, positions = logs.drain()
    tailer.close()
    append(log_file, "ial\nafter\n")
    again = FileTailer(str(log_file), logs, positions[tailer.key])
    assert read(again, logs) == ["partial", "after"]
    again.close()


def test_a_file_rotated_while_the_agent_was_stopped_is_read_from_its_start(log_file, logs):
    tailer = FileTailer(str(log_file), logs)
    tailer.poll()
    _, positions = logs.drain()
    tailer.close()
    os.rename(log_file, f"{log_file}.1")
    log_file.write_text("new file\n")
    again = FileTailer(str(log_file), logs, positions[tailer.key])
    assert read(again, logs) == ["new file"]
    again.close()


def test_lines_are_cleaned_and_overlong_ones_cut(log_file, logs):
    tailer = FileTailer(str(log_file), logs)
    tailer.poll()
    with open(log_file, "ab") as handle:
        handle.write(b"x" * 100_000 + b"\n")
        handle.write(b"bad \xff byte and a \x00 NUL\n\n   \nlast\n")
    messages = read(tailer, logs)
    assert len(messages) == 3
    assert len(messages[0]) == MAX_MESSAGE_CHARS and messages[0].endswith("…")
    assert messages[1] == "bad \ufffd byte and a  NUL"
    assert messages[2] == "last"
    tailer.close()


def test_a_full_collector_makes_the_reader_wait_and_nothing_is_lost(log_file):
    logs = LogCollector(max_pending=10)
    tailer = FileTailer(str(log_file), logs)
    tailer.poll()
    append(log_file, "".join(f"line {n}\n" for n in range(25_000)))
    tailer.poll()
    assert 10 <= len(logs._lines) < 25_000  # one chunk read, then it stopped
    held = len(logs._lines)
    tailer.poll()
    assert len(logs._lines) == held  # full: the rest waits in the file
    messages = []
    for _ in range(100):
        messages += [line["message"] for line in logs.drain()[0]]
        tailer.poll()
    assert messages == [f"line {n}" for n in range(25_000)]
    tailer.close()


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("2026-01-01 12:00:00 ERROR db: connection refused", "error"),
        ("level=warn msg=slow", "warning"),
        ("[CRITICAL] disk gone", "critical"),
        ("kernel: panic", "critical"),
        ("DEBUG cache miss", "debug"),
        ("Jan 1 sshd[1]: NOTICE accepted", "notice"),
        ("GET /health 200", "unknown"),
        ("3 errors found", "unknown"),
        ("2026-01-01T12:00:00.123Z WARN pool exhausted", "warning"),
        ("2026/01/01 12:00:00 [error] 7#7: *1 open() failed", "error"),
        ("[Wed Oct 11 14:32:52 2000] [core:error] [pid 35708] File does not exist", "error"),
        ("<11>Jan  1 12:00:00 web-1 app[7]: disk gone", "error"),
        ("<165>1 2026-01-01T12:00:00Z web-1 app - - - hello", "notice"),
        ("Jan  1 12:00:00 web-1 sshd[42]: error: maximum authentication attempts", "error"),
        ("ERROR:root:boom", "error"),
        ('{"level": "warn", "msg": "slow"}', "warning"),
        ('{"level": 50, "msg": "pino says error"}', "error"),
        ('{"msg": "an error with no level"}', "unknown"),
        ('time=2026-01-01 msg="an error" level=debug', "debug"),
    ],
)
def test_the_level_of_a_plain_line_is_guessed_from_its_text(text, level):
    assert guess_level(text) == level


# The hub's own access log, and others like it: a level word in a path, query or message.
@pytest.mark.parametrize(
    "text",
    [
        '127.0.0.1:51234 - - [02/Dec/2026:08:00:00] "GET /static/dashboard/js/alert-feed.js" 200 1234',
        '127.0.0.1:51234 - - [02/Dec/2026:08:00:00] "GET /api/v1/logs/1?min_level=error" 200 99',
        '10.0.0.1 - - [02/Dec/2026:08:00:00 +0000] "GET /panic HTTP/1.1" 404 0 "-" "curl/8"',
        "HTTP GET /api/v1/logs/1?min_level=critical 200 [0.01, 127.0.0.1:5555]",
        "user bob deleted the error-report dashboard",
        "Retrying after fatal-looking timeout",
    ],
)
def test_a_level_word_where_no_format_puts_a_level_is_not_a_level(text):
    assert guess_level(text) == "unknown"


def test_lines_built_to_make_the_patterns_backtrack_are_placed_within_a_deadline():
    # Every line the agent reads passes here: one that took exponential time would stop it.
    # A subprocess, since a regex holds the GIL for as long as it runs.
    texts = ["1:1 " * 50, "1" * 199 + " ", "a[1]: " * 40, "[a:" * 66]
    code = f"from chatops_agent.logs import guess_level\nfor t in {texts!r}: guess_level(t)"
    root = Path(__file__).resolve().parents[3]
    subprocess.run([sys.executable, "-c", code], check=True, timeout=5, cwd=root)


def test_a_line_of_unknown_level_is_sent_without_a_level(tmp_path):
    path = tmp_path / "access.log"
    path.write_text("")
    logs = LogCollector()
    tailer = FileTailer(str(path), logs)
    tailer.poll()
    with path.open("a") as out:
        out.write('"GET /static/dashboard/js/alert-feed.js" 200\nERROR real trouble\n')
    tailer.poll()
    lines = logs.drain()[0]
    assert "level" not in lines[0]
    assert lines[1]["level"] == "error"
    tailer.close()


PRIORITIES = [("0", "critical"), ("2", "critical"), ("3", "error"), ("4", "warning"), ("5", "notice"), ("6", "info")]


@pytest.mark.parametrize(("priority", "level"), [*PRIORITIES, ("7", "debug")])
def test_journal_priorities_map_to_levels(priority, level):
    line = journal_entry_to_line({"MESSAGE": "m", "PRIORITY": priority, "_SYSTEMD_UNIT": "nginx.service"})
    assert line["level"] == level
    assert line["source"] == "journald:nginx.service"


@pytest.mark.parametrize("priority", [None, "-1", "8", "x"])
def test_a_journal_entry_without_a_usable_priority_has_the_level_its_message_states(priority):
    extra = {"PRIORITY": priority} if priority else {}
    assert "level" not in journal_entry_to_line({"MESSAGE": "GET /error-page 200", **extra})
    assert journal_entry_to_line({"MESSAGE": "WARNING: low disk", **extra})["level"] == "warning"


def test_journal_entries_become_protocol_lines():
    line = journal_entry_to_line(
        {"MESSAGE": [104, 105, 255], "SYSLOG_IDENTIFIER": "kernel", "__REALTIME_TIMESTAMP": "1763820000500000"}
    )
    assert line == {"ts": 1763820000.5, "source": "journald:kernel", "message": "hi\ufffd"}  # no PRIORITY: unknown
    assert "data threshold" in journal_entry_to_line({"MESSAGE": None})["message"]


FAKE_JOURNALCTL = textwrap.dedent(
    """
    import json, sys, time
    with open(sys.argv[1], "a") as out:
        out.write(" ".join(sys.argv[2:]) + "\\n")
    for n in range(3):
        entry = {"MESSAGE": f"entry {n}", "PRIORITY": "3", "_SYSTEMD_UNIT": "app.service",
                 "__CURSOR": f"s=abc;i={n}", "__REALTIME_TIMESTAMP": "1763820000000000"}
        print(json.dumps(entry), flush=True)
    print("not json", flush=True)
    print("Hint: not seeing messages from other users", file=sys.stderr, flush=True)
    time.sleep(30)
    """
)


async def test_journald_entries_are_read_with_their_cursor(tmp_path, caplog):
    script = tmp_path / "journalctl.py"
    script.write_text(FAKE_JOURNALCTL)
    calls = tmp_path / "calls"
    logs = LogCollector()
    reader = JournaldReader(logs, None, (sys.executable, str(script), str(calls)), env={"CHATOPS_KEY": "secret"})
    assert "CHATOPS_KEY" not in reader._env  # journalctl gets none of the agent's secrets
    task = asyncio.create_task(reader.run())
    try:
        for _ in range(500):
            if len(logs._lines) >= 3 and "other users" in caplog.text:
                break
            await asyncio.sleep(0.01)
        lines, positions = logs.drain()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert [(line["message"], line["level"], line["source"]) for line in lines] == [
        (f"entry {n}", "error", "journald:app.service") for n in range(3)
    ]
    assert positions == {"journald": "s=abc;i=2"}
    assert calls.read_text().split() == ["-f", "-o", "json", "-n", "0"]
    assert JournaldReader(logs, "s=abc;i=2", ("journalctl",)).argv()[-1] == "--after-cursor=s=abc;i=2"


async def test_journald_is_skipped_with_a_warning_where_journalctl_is_missing(caplog):
    reader = JournaldReader(LogCollector(), None, ("/nonexistent/journalctl",))
    await asyncio.wait_for(reader.run(), 1)
    assert "not found" in caplog.text
