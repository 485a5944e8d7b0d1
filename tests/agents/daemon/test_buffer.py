"""The on-disk buffer: numbering, acks, the bound and its drop counts, persistence, welcome."""

from __future__ import annotations

import json
import re
import stat

import pytest

from chatops_agent.buffer import BufferLockedError, FrameBuffer
from chatops_agent.protocol import FrameBody


def body(samples: int = 1, logs: int = 0) -> FrameBody:
    content = {
        "samples": [{"ts": 1.0, "values": {"cpu_percent": 1.0}}] * samples,
        "logs": [{"ts": 1.0, "level": "info", "source": "/x", "message": "m"}] * logs,
    }
    return FrameBody(json.dumps(content), samples, logs)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "state" / "buffer.sqlite3"


def frames(buffer: FrameBuffer, after: int = 0) -> list[dict]:
    return [json.loads(text) for _, text in buffer.frames_after(after, 1000)]


def test_a_new_buffer_makes_a_stream_and_numbers_from_one(path):
    buffer = FrameBuffer(path, 100)
    assert re.fullmatch(r"[A-Za-z0-9_-]{8,64}", buffer.stream)
    assert buffer.append([body(), body()]) == [1, 2]
    assert buffer.append([body()]) == [3]
    sent = frames(buffer)
    assert [frame["seq"] for frame in sent] == [1, 2, 3]
    assert sent[0]["type"] == "data"
    assert sent[0]["samples"] == [{"ts": 1.0, "values": {"cpu_percent": 1.0}}]
    assert sent[0]["logs"] == []
    assert sent[0]["dropped"] == {"samples": 0, "logs": 0}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    buffer.close()


def test_frames_leave_only_when_acknowledged_and_acks_are_cumulative(path):
    buffer = FrameBuffer(path, 100)
    buffer.append([body()] * 5)
    assert [seq for seq, _ in buffer.frames_after(2, 2)] == [3, 4]
    assert buffer.count == 5  # sending deletes nothing
    assert buffer.ack(3) == 3
    assert buffer.count == 2
    assert [seq for seq, _ in buffer.frames_after(0, 100)] == [4, 5]
    assert buffer.ack(3) == 0  # a repeated ack is harmless
    buffer.close()


def test_past_the_bound_the_oldest_frames_go_and_are_counted(path):
    buffer = FrameBuffer(path, 3)
    buffer.append([body(1, 2)] * 5)
    assert buffer.count == 3
    assert buffer.pending_dropped == (2, 4)
    sent = frames(buffer)
    assert [frame["seq"] for frame in sent] == [3, 4, 5]
    assert sent[0]["dropped"] == {"samples": 2, "logs": 4}
    assert [frame["dropped"] for frame in sent[1:]] == [{"samples": 0, "logs": 0}] * 2
    assert buffer.pending_dropped == (0, 0)
    # A replay of that frame (its ack was lost) says the same, so the hub, which ignores a
    # seq it has stored, counts the drops once.
    assert frames(buffer)[0]["dropped"] == {"samples": 2, "logs": 4}
    buffer.close()


def test_a_dropped_frame_passes_on_the_drops_it_was_carrying(path):
    buffer = FrameBuffer(path, 2)
    buffer.append([body(1, 1)] * 3)  # seq 1 dropped
    frames(buffer)  # seq 2 now carries {1, 1}
    buffer.append([body(1, 1)] * 2)  # seqs 2 and 3 dropped: their own 2+2 and the carried 1+1
    assert buffer.pending_dropped == (3, 3)
    first = frames(buffer)[0]
    assert (first["seq"], first["dropped"]) == (4, {"samples": 3, "logs": 3})
    buffer.close()


def test_everything_survives_a_restart(path):
    buffer = FrameBuffer(path, 2)
    buffer.append([body()] * 3, state={"file:/var/log/x": "1:2:3"})
    stream = buffer.stream
    buffer.close()

    again = FrameBuffer(path, 2)
    assert again.stream == stream
    assert again.next_seq == 4
    assert again.count == 2
    assert again.pending_dropped == (1, 0)
    assert again.get_state("file:/var/log/x") == "1:2:3"
    assert again.get_state("journald") is None
    assert [frame["seq"] for frame in frames(again)] == [2, 3]
    again.close()


def test_welcome_drops_what_the_hub_has_and_never_reuses_its_numbers(path):
    buffer = FrameBuffer(path, 100)
    buffer.append([body()] * 5)
    buffer.welcome(3)
    assert [seq for seq, _ in buffer.frames_after(0, 100)] == [4, 5]
    # The hub knows numbers this buffer never made (a buffer restored from a backup): new
    # frames must go above them, or the hub would take them for replays and discard them.
    buffer.welcome(40)
    assert buffer.count == 0
    assert buffer.append([body()]) == [41]
    buffer.close()
    assert FrameBuffer(path, 100).next_seq == 42


def test_a_frame_too_large_for_the_hub_is_discarded_and_counted(path):
    buffer = FrameBuffer(path, 100)
    buffer.append([body(1, 7), body()])
    buffer.discard(1)
    assert frames(buffer)[0]["dropped"] == {"samples": 1, "logs": 7}
    buffer.close()


def test_two_agents_cannot_share_a_buffer(path):
    buffer = FrameBuffer(path, 100)
    with pytest.raises(BufferLockedError):
        FrameBuffer(path, 100)
    buffer.close()
    FrameBuffer(path, 100).close()  # released on close


def test_a_corrupt_buffer_is_set_aside_and_a_new_stream_begins(path, caplog):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    buffer = FrameBuffer(path, 100)
    assert buffer.next_seq == 1
    assert list(path.parent.glob("buffer.sqlite3.corrupt-*"))
    assert "unreadable" in caplog.text
    buffer.close()
