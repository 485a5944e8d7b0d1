"""Metrics from psutil: the protocol's names, finite numbers, top processes, mount filtering."""

from __future__ import annotations

import math
import os
import time
from collections import namedtuple

import psutil
import pytest

from chatops_agent import collector as collector_module
from chatops_agent.collector import Collector, _scan_proc, _scan_psutil
from chatops_agent.wire import METRIC_NAME_RE

REQUIRED = {
    "cpu_percent",
    "load_1",
    "load_5",
    "load_15",
    "memory_percent",
    "memory_used_bytes",
    "memory_available_bytes",
    "swap_percent",
    "swap_used_bytes",
    "disk_percent",
    "disk_read_bytes_per_s",
    "disk_write_bytes_per_s",
    "net_rx_bytes_per_s",
    "net_tx_bytes_per_s",
    "uptime_seconds",
    "process_count",
    "agent_rss_bytes",
    "agent_cpu_percent",
}
# Per-device series: only these prefixes may carry a ":device" part.
DEVICE_PREFIXES = ("cpu_percent:core", "disk_percent:", "temperature_celsius:")

Partition = namedtuple("Partition", "device mountpoint fstype opts")


@pytest.fixture(scope="module")
def samples():
    collector = Collector()
    time.sleep(0.2)
    first = collector.collect()
    time.sleep(0.2)
    return first, collector.collect()


def test_every_metric_of_the_protocol_is_there_with_a_finite_number(samples):
    for sample in samples:
        values = sample["values"]
        assert set(values) >= REQUIRED, REQUIRED - set(values)
        cores = psutil.cpu_count()
        assert {f"cpu_percent:core{n}" for n in range(cores)} <= set(values)
        for name, value in values.items():
            assert isinstance(value, float) and math.isfinite(value), name
            assert METRIC_NAME_RE.match(name) and len(name) <= 100, name
            assert name in REQUIRED or name.startswith(DEVICE_PREFIXES), f"{name} is not in the protocol's table"
        assert abs(sample["ts"] - time.time()) < 5
        assert values["agent_rss_bytes"] > 1_000_000
        assert 0 <= values["memory_percent"] <= 100
        assert values["process_count"] >= 1


def test_every_sample_carries_the_top_processes(samples):
    for sample in samples:
        top = sample["top"]
        for key, field in (("cpu", "cpu_percent"), ("memory", "memory_percent")):
            rows = top[key]
            assert 1 <= len(rows) <= 5
            assert [row[field] for row in rows] == sorted((row[field] for row in rows), reverse=True)
            for row in rows:
                assert set(row) == {"pid", "name", "cpu_percent", "memory_percent"}
                assert isinstance(row["pid"], int) and isinstance(row["name"], str)


def test_a_busy_process_is_among_the_top_by_cpu():
    collector = Collector(top_every=0)
    deadline = time.process_time() + 0.3
    while time.process_time() < deadline:
        pass
    mine = [row for row in collector.top()["cpu"] if row["pid"] == os.getpid()]
    assert mine and mine[0]["cpu_percent"] > 30


def test_the_proc_reader_agrees_with_psutil():
    fast, slow = _scan_proc(), _scan_psutil()
    mine = next(stat for (pid, _), stat in fast.items() if pid == os.getpid())
    theirs = next(stat for (pid, _), stat in slow.items() if pid == os.getpid())
    assert mine.name == theirs.name[:15]
    assert abs(mine.rss_bytes - theirs.rss_bytes) < 20_000_000
    assert abs(mine.cpu_seconds - theirs.cpu_seconds) < 1


def test_only_real_disks_are_reported_once_each(monkeypatch):
    partitions = [
        Partition("/dev/sda1", "/", "ext4", ""),
        Partition("/dev/sda2", "/home", "ext4", ""),
        Partition("/dev/sda2", "/srv/bind-of-home", "ext4", ""),
        Partition("/dev/sdb1", "/mnt/with space", "xfs", ""),
        Partition("/dev/loop3", "/snap/core/1", "squashfs", ""),
        Partition("/dev/loop4", "/mnt/image", "ext4", ""),
        Partition("tmpfs", "/run/user/1000", "tmpfs", ""),
        Partition("server:/x", "/mnt/nfs", "nfs4", ""),
        Partition("overlay", "/var/lib/docker/overlay2/x/merged", "overlay", ""),
        Partition("/dev/sdc1", "/boot/efi", "vfat", ""),
    ]
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: partitions)
    assert Collector._real_mounts() == [
        ("/home", "disk_percent:/home"),
        ("/boot/efi", "disk_percent:/boot/efi"),
    ]


def test_a_counter_that_goes_back_gives_no_rate_rather_than_a_false_one(monkeypatch):
    collector = Collector()
    counters = iter([(100, 100, 100, 100), (50, 200, 300, 100)])
    monkeypatch.setattr(Collector, "_read_counters", staticmethod(lambda: next(counters)))
    collector._counters = next(counters)
    collector._counters_at = time.monotonic() - 1.0
    values = {}
    collector._rates(values)
    assert "disk_read_bytes_per_s" not in values
    assert values["disk_write_bytes_per_s"] == pytest.approx(100, rel=0.1)
    assert values["net_rx_bytes_per_s"] == pytest.approx(200, rel=0.1)
    assert values["net_tx_bytes_per_s"] == 0


def test_temperatures_are_named_by_chip_and_label(monkeypatch):
    Temp = namedtuple("Temp", "label current high critical")
    sensors = {
        "coretemp": [Temp("Package id 0", 51.0, 80, 100), Temp("Core 0", 49.0, 80, 100)],
        "acpitz": [Temp("", 40.0, None, None)],
        "nvme": [Temp("", 38.0, None, None), Temp("", float("nan"), None, None)],
    }
    monkeypatch.setattr(psutil, "sensors_temperatures", lambda: sensors, raising=False)
    sample = Collector().collect()
    temperatures = {k: v for k, v in sample["values"].items() if k.startswith("temperature_celsius:")}
    assert temperatures == {
        "temperature_celsius:coretemp/Package_id_0": 51.0,
        "temperature_celsius:coretemp/Core_0": 49.0,
        "temperature_celsius:acpitz": 40.0,
        "temperature_celsius:nvme/0": 38.0,
    }


def test_a_failing_source_costs_only_its_own_metrics(monkeypatch, caplog):
    def broken():
        raise OSError("no /proc/meminfo")

    collector = Collector()
    monkeypatch.setattr(psutil, "virtual_memory", broken)
    sample = collector.collect()
    assert "memory_percent" not in sample["values"]
    assert "cpu_percent" in sample["values"]
    assert "collecting memory failed" in caplog.text


def test_more_values_than_the_hub_takes_keeps_the_host_wide_ones(monkeypatch):
    monkeypatch.setattr(collector_module, "MAX_VALUES", 10)
    values = Collector().collect()["values"]
    assert len(values) == 10
    assert all(":" not in name for name in values)


def test_values_the_hub_would_refuse_are_left_out(monkeypatch):
    # The hub refuses a whole frame for one value past 1e300 (its sums must stay finite).
    monkeypatch.setattr(
        Collector, "_system", lambda self, values: values.update(uptime_seconds=1e301, process_count=1e300)
    )
    values = Collector().collect()["values"]
    assert "uptime_seconds" not in values
    assert values["process_count"] == 1e300
