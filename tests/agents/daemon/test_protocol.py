"""Frame encoding: the protocol's limits on lines per frame, message length and frame size."""

from __future__ import annotations

import json

import pytest

from chatops_agent.protocol import clean_text, data_frame_text, encode_bodies
from chatops_agent.wire import MAX_LOGS_PER_FRAME, MAX_MESSAGE_CHARS, valid_metric_name


def line(message: str = "m") -> dict:
    return {"ts": 1.0, "level": "info", "source": "/var/log/x", "message": message}


SAMPLE = {"ts": 1.0, "values": {"cpu_percent": 2.5}}


def test_one_interval_is_one_frame():
    bodies = encode_bodies([SAMPLE], [line()])
    assert len(bodies) == 1
    assert json.loads(bodies[0].body) == {"samples": [SAMPLE], "logs": [line()]}
    assert (bodies[0].samples, bodies[0].logs) == (1, 1)


def test_a_burst_of_lines_is_split_into_frames_of_at_most_1000():
    bodies = encode_bodies([SAMPLE], [line(str(n)) for n in range(2500)])
    assert [(b.samples, b.logs) for b in bodies] == [(1, 1000), (0, 1000), (0, 500)]
    messages = [entry["message"] for b in bodies for entry in json.loads(b.body)["logs"]]
    assert messages == [str(n) for n in range(2500)]


def test_frames_stay_within_the_byte_budget():
    big = "é" * MAX_MESSAGE_CHARS
    bodies = encode_bodies([SAMPLE], [line(big)] * 200, budget=100_000)
    assert len(bodies) > 1
    assert all(len(b.body.encode()) <= 100_000 for b in bodies)
    assert sum(b.logs for b in bodies) == 200


def test_nothing_to_send_makes_no_frame():
    assert encode_bodies([], []) == []


def test_not_a_number_is_refused_before_it_reaches_the_hub():
    with pytest.raises(ValueError, match="JSON"):
        encode_bodies([{"ts": 1.0, "values": {"x": float("nan")}}], [])


def test_the_data_frame_adds_its_header_to_the_stored_body():
    body = encode_bodies([SAMPLE], [])[0].body
    frame = json.loads(data_frame_text(42, 3, 4, body))
    assert frame == {"type": "data", "seq": 42, "dropped": {"samples": 3, "logs": 4}, "samples": [SAMPLE], "logs": []}


def test_text_is_made_storable_and_cut_with_an_ellipsis():
    assert clean_text("a\x00b", 10) == "ab"
    assert clean_text("bad \ud800 surrogate", 100) == "bad ? surrogate"
    cut = clean_text("x" * 9000, MAX_MESSAGE_CHARS)
    assert len(cut) == MAX_MESSAGE_CHARS and cut.endswith("…")
    assert clean_text("x" * MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS) == "x" * MAX_MESSAGE_CHARS


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("cpu_percent", True),
        ("disk_percent:/home", True),
        ("temperature_celsius:coretemp/Core_0", True),
        ("Cpu", False),
        ("disk_percent:/with space", False),
        ("disk_percent:" + "x" * 81, False),
        ("x" * 101, False),
        ("cpu_percent\n", False),  # `$` matched before a final newline; the hub refuses it
        ("disk_percent:\x00", False),
        ("disk_percent:\ud800", False),
        ("disk_percent:/mnt/ü", True),
    ],
)
def test_metric_names_follow_the_protocol(name, valid):
    assert valid_metric_name(name) is valid


def test_limits_match_the_protocol():
    assert MAX_LOGS_PER_FRAME == 1000
    assert MAX_MESSAGE_CHARS == 8192


def test_the_agent_checks_values_and_names_as_the_hub_does():
    # Two copies (the agent never imports the hub's modules): they must not drift apart.
    from agents import protocol as hub
    from chatops_agent import wire as agent

    assert agent.MAX_ABS_VALUE == hub.MAX_ABS_VALUE
    assert agent.METRIC_NAME_RE.pattern == hub.METRIC_NAME_RE.pattern
