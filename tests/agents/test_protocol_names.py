"""Metric names in data frames: valid names are remembered, invalid ones always refused."""

from __future__ import annotations

import pytest

from agents import protocol
from agents.protocol import ProtocolError, parse_data

NOW = 1.8e9


def frame(*names: str) -> dict:
    return {"type": "data", "seq": 1, "samples": [{"ts": NOW, "values": dict.fromkeys(names, 1.0)}]}


@pytest.mark.parametrize("name", ["CPU", "cpu percent", "1cpu", "cpu:", "x" * 101, "cpu:a b"])
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
