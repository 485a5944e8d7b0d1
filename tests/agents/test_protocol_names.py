"""Data frames: metric names (valid ones remembered, invalid ones always refused) and values."""

from __future__ import annotations

import pytest

from agents import protocol
from agents.protocol import ProtocolError, parse_data

NOW = 1.8e9


def frame(*names: str) -> dict:
    return {"type": "data", "seq": 1, "samples": [{"ts": NOW, "values": dict.fromkeys(names, 1.0)}]}


# A trailing newline passed a `$`-anchored pattern (it matches before a final "\n").
@pytest.mark.parametrize(
    "name", ["CPU", "cpu percent", "1cpu", "cpu:", "x" * 101, "cpu:a b", "cpu_percent\n", "disk:/\n"]
)
def test_invalid_names_are_refused_also_once_valid_ones_are_known(name):
    parse_data(frame("cpu_percent", "disk_used:/var"), now=NOW)
    with pytest.raises(ProtocolError, match="is not a metric name"):
        parse_data(frame("cpu_percent", name), now=NOW)
    assert name not in protocol._KNOWN_NAMES


def test_the_known_names_are_bounded(monkeypatch):
    monkeypatch.setattr(protocol, "_KNOWN_NAMES", set())
    monkeypatch.setattr(protocol, "MAX_KNOWN_NAMES", 3)
    parse_data(frame(*(f"m{i}" for i in range(10))), now=NOW)
    assert len(protocol._KNOWN_NAMES) == 3
    assert parse_data(frame("m9"), now=NOW)["samples"][0]["values"] == {"m9": 1.0}


def values_frame(value: object) -> dict:
    return {"type": "data", "seq": 7, "samples": [{"ts": NOW, "values": {"cpu_percent": value}}]}


@pytest.mark.parametrize(
    "value",
    [float("nan"), float("inf"), -float("inf"), 10**400, -(10**400), True, "1", None],
    ids=["nan", "inf", "-inf", "1e400", "-1e400", "bool", "str", "null"],
)
def test_a_value_that_is_not_a_finite_number_is_refused_with_its_path_and_seq(value):
    # 10**400 (JSON has no limit on integers) overflowed float() and escaped as an OverflowError.
    with pytest.raises(ProtocolError, match=r"samples\[0\]\.values\.cpu_percent: not a finite number") as caught:
        parse_data(values_frame(value), now=NOW)
    assert caught.value.seq == 7


@pytest.mark.parametrize(("value", "stored"), [(1, 1.0), (-2.5, -2.5), (10**15, 1e15), (0.0, 0.0)])
def test_finite_numbers_are_kept_as_floats(value, stored):
    values = parse_data(values_frame(value), now=NOW)["samples"][0]["values"]
    assert values == {"cpu_percent": stored} and type(values["cpu_percent"]) is float


def test_a_stream_id_with_a_trailing_newline_is_refused():
    hello = {"type": "hello", "protocol": protocol.PROTOCOL_VERSION, "hostname": "web-1", "agent_version": "1.0"}
    assert protocol.parse_hello({**hello, "stream": "stream-000001"})["stream"] == "stream-000001"
    with pytest.raises(ProtocolError, match="stream: 8-64 characters"):
        protocol.parse_hello({**hello, "stream": "stream-000001\n"})


@pytest.mark.parametrize("value", [1e301, -1e301, 10**301, 1.7e308], ids=["1e301", "-1e301", "int 10**301", "1.7e308"])
def test_a_value_past_1e300_is_refused_so_sums_of_it_stay_finite(value):
    with pytest.raises(ProtocolError, match=r"values\.cpu_percent: out of range") as caught:
        parse_data(values_frame(value), now=NOW)
    assert caught.value.seq == 7


@pytest.mark.parametrize("value", [1e300, -1e300, 10**300])
def test_values_up_to_1e300_are_kept(value):
    assert parse_data(values_frame(value), now=NOW)["samples"][0]["values"] == {"cpu_percent": float(value)}


def test_the_agent_and_the_hub_know_the_same_log_levels():
    from chatops_agent import wire as agent_side
    from monitoring.choices import LogLevel

    assert agent_side.LEVELS == protocol.LEVELS
    assert set(protocol.LEVELS) == set(LogLevel.values)


def test_a_log_line_without_a_level_is_unknown_and_an_older_agents_levels_still_pass():
    logs = [{"ts": NOW, "message": "GET /x"}, {"ts": NOW, "level": "error", "message": "boom"}]
    parsed = parse_data({"type": "data", "seq": 1, "logs": logs}, now=NOW)
    assert [line["level"] for line in parsed["logs"]] == ["unknown", "error"]
