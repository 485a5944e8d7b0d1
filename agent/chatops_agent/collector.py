"""Metrics of this host with psutil: exactly the names of the protocol's table, plus ``top``.

Percentages of CPU and the per-second rates (disk and network bytes) are measured between two
readings. The collector takes a first reading when it is made, one interval before the first
sample, so every sample has them; should a counter go backwards (an interface removed), that
rate is left out of that one sample rather than sent as a false 0.

Cost matters more than anything here (the agent must stay under 1 % of a core at a 1 s
interval), which explains three choices:

- The mount list is read once a minute, not every sample.
- ``top`` is measured at most every ``top_every`` seconds (5 s), and every sample carries the
  latest measurement: the hub keeps the ``top`` of the newest sample and clears it when that
  sample has none, while a scan means one read per process, which on a busy host costs more
  than every other metric together. On Linux the process table is read straight from
  ``/proc/<pid>/stat`` (one read per process), about seven times cheaper than
  ``psutil.process_iter`` with attributes (~160 µs a process here); elsewhere ``process_iter``
  is used. A process's CPU % is its CPU time over the period between two scans.
- ``collect`` is synchronous and meant to run in a thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
from collections.abc import Callable
from typing import NamedTuple

import psutil

from chatops_agent.protocol import ProcessInfo, Sample, Top
from chatops_agent.wire import MAX_ABS_VALUE, MAX_VALUES_PER_SAMPLE, valid_metric_name

log = logging.getLogger(__name__)

# Filesystems that are not disks: their "usage" means nothing or is the host's seen twice.
_PSEUDO_FS = frozenset(
    {
        "autofs", "aufs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts",
        "devtmpfs", "efivarfs", "fusectl", "hugetlbfs", "iso9660", "mqueue", "nsfs", "overlay", "proc",
        "pstore", "ramfs", "rpc_pipefs", "securityfs", "squashfs", "sysfs", "tmpfs", "tracefs", "udf",
        "fuse.lxcfs", "fuse.snapfuse", "fuse.gvfsd-fuse", "fuse.portal",
    }
)  # fmt: skip
# Network filesystems: statvfs on one whose server is gone can hang the collecting thread.
_NETWORK_FS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "glusterfs", "fuse.sshfs", "fuse.rclone", "davfs", "afs"}
)
# Mounts made by container runtimes and snaps: many, short-lived, and not the host's disks.
_SKIP_MOUNT_PREFIXES = ("/snap/", "/var/lib/docker/", "/var/lib/containers/", "/var/lib/kubelet/", "/run/")
MOUNTS_REFRESH = 60.0
TOP_N = 5
# The hub refuses a sample of more values than this; a host with hundreds of cores could get
# there. Per-device series beyond it are left out.
MAX_VALUES = MAX_VALUES_PER_SAMPLE
_COMM_LEN = 15  # the kernel cuts a process's name (comm) to 15 characters


class ProcStat(NamedTuple):
    """What a scan needs of one process."""

    name: str
    cpu_seconds: float
    rss_bytes: int


# A process is (pid, start time): a pid reused by a new process must not inherit the old CPU time.
ProcKey = tuple[int, float]


def _scan_proc() -> dict[ProcKey, ProcStat]:
    """Every process from ``/proc/<pid>/stat``, one read each (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    table: dict[ProcKey, ProcStat] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fd = os.open(f"/proc/{entry}/stat", os.O_RDONLY)
        except OSError:
            continue  # gone since the listing, or not ours to read
        try:
            data = os.read(fd, 4096)
        except OSError:
            continue
        finally:
            os.close(fd)
        # The name sits in parentheses and may itself hold ")" or spaces: cut at the last ")".
        right = data.rfind(b")")
        fields = data[right + 2 :].split()
        try:
            cpu = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
            table[(int(entry), int(fields[19]))] = ProcStat(
                data[data.find(b"(") + 1 : right].decode("utf-8", "replace"), cpu, int(fields[21]) * page
            )
        except (IndexError, ValueError):
            continue
    return table


def _scan_psutil() -> dict[ProcKey, ProcStat]:
    """Every process through ``psutil.process_iter`` (where there is no ``/proc``)."""
    table: dict[ProcKey, ProcStat] = {}
    for proc in psutil.process_iter(["name", "cpu_times", "memory_info", "create_time"]):
        info = proc.info
        if info["cpu_times"] is None or info["memory_info"] is None:
            continue  # access denied
        cpu = info["cpu_times"].user + info["cpu_times"].system
        table[(proc.pid, info["create_time"] or 0.0)] = ProcStat(info["name"] or "", cpu, info["memory_info"].rss)
    return table


class Collector:
    """Takes samples; keeps the previous readings that rates and percentages need."""

    def __init__(self, top_every: float = 5.0) -> None:
        self.top_every = top_every
        self._self = psutil.Process()
        self._boot_time = psutil.boot_time()
        self._total_memory = psutil.virtual_memory().total
        self._scan = _scan_proc if sys.platform.startswith("linux") and os.path.isdir("/proc/self") else _scan_psutil
        self._mounts: list[tuple[str, str]] = []
        self._mounts_read = -math.inf
        self._failed: set[str] = set()
        # The first readings: the next collect() measures from here.
        psutil.cpu_percent(percpu=True)
        self._self.cpu_percent(None)
        self._counters_at = time.monotonic()
        self._counters = self._read_counters()
        self._procs_at = time.monotonic()
        self._procs = self._scan()
        self._top: Top | None = None

    def collect(self) -> Sample:
        """One sample: every metric this host has, and ``top`` when it is due."""
        ts = time.time()
        values: dict[str, float] = {}
        parts: tuple[Callable[[dict[str, float]], None], ...] = (
            self._cpu,
            self._memory,
            self._disks,
            self._rates,
            self._system,
            self._temperatures,
            self._own_cost,
        )
        for part in parts:
            try:
                part(values)
            except Exception:
                # One source failing (a kernel without /proc/vmstat, a sensor driver erroring)
                # must not cost the whole sample. Said once, then quietly.
                name = part.__name__
                level = logging.DEBUG if name in self._failed else logging.WARNING
                log.log(level, "collecting %s failed", name.strip("_"), exc_info=True)
                self._failed.add(name)
        # What the hub would refuse (and the whole frame with it) is left out here.
        finite = {k: float(v) for k, v in values.items() if math.isfinite(v) and abs(v) <= MAX_ABS_VALUE}
        if len(finite) > MAX_VALUES:
            # Host-wide series first (they have no ":"), then per-device ones while room is left.
            names = sorted(finite, key=lambda name: ":" in name)[:MAX_VALUES]
            finite = {name: finite[name] for name in names}
        sample: Sample = {"ts": ts, "values": finite}
        if self._top is None or time.monotonic() - self._procs_at >= self.top_every - 0.1:  # 0.1: jitter
            try:
                self._top = self.top()
            except Exception:
                log.warning("collecting top processes failed", exc_info=True)
        if self._top is not None:
            sample["top"] = self._top
        return sample

    def _cpu(self, values: dict[str, float]) -> None:
        cores = psutil.cpu_percent(percpu=True)
        if cores:
            values["cpu_percent"] = sum(cores) / len(cores)
        for index, percent in enumerate(cores):
            values[f"cpu_percent:core{index}"] = percent
        values["load_1"], values["load_5"], values["load_15"] = psutil.getloadavg()

    def _memory(self, values: dict[str, float]) -> None:
        memory = psutil.virtual_memory()
        values["memory_percent"] = memory.percent
        values["memory_used_bytes"] = memory.used
        values["memory_available_bytes"] = memory.available
        swap = psutil.swap_memory()
        values["swap_percent"] = swap.percent
        values["swap_used_bytes"] = swap.used

    def _disks(self, values: dict[str, float]) -> None:
        values["disk_percent"] = psutil.disk_usage("/").percent
        now = time.monotonic()
        if now - self._mounts_read >= MOUNTS_REFRESH:
            self._mounts, self._mounts_read = self._real_mounts(), now
        for mountpoint, name in self._mounts:
            try:
                values[name] = psutil.disk_usage(mountpoint).percent
            except OSError:
                continue  # unmounted since the list was read

    @staticmethod
    def _real_mounts() -> list[tuple[str, str]]:
        """(mountpoint, metric name) of every real disk mount but "/", one per device."""
        seen_devices: set[str] = set()
        mounts: list[tuple[str, str]] = []
        # Shortest first: of a device mounted twice (bind mounts) the outer mount is kept.
        for part in sorted(psutil.disk_partitions(all=False), key=lambda p: len(p.mountpoint)):
            if part.mountpoint == "/":
                seen_devices.add(part.device)
                continue
            if (
                part.fstype in _PSEUDO_FS
                or part.fstype in _NETWORK_FS
                or part.device.startswith("/dev/loop")
                or part.mountpoint.startswith(_SKIP_MOUNT_PREFIXES)
                or part.device in seen_devices
            ):
                continue
            name = f"disk_percent:{part.mountpoint}"
            if not valid_metric_name(name):
                continue  # a mountpoint with spaces or over 80 characters has no valid name
            seen_devices.add(part.device)
            mounts.append((part.mountpoint, name))
        return mounts

    @staticmethod
    def _read_counters() -> tuple[int, int, int, int]:
        """Disk read/write and network rx/tx byte counters, summed."""
        disk = psutil.disk_io_counters(perdisk=False)
        # No disk statistics (some containers): nothing was read or written that we can see.
        read, written = (disk.read_bytes, disk.write_bytes) if disk is not None else (0, 0)
        rx = tx = 0
        for nic, counters in psutil.net_io_counters(pernic=True).items():
            if nic != "lo":
                rx += counters.bytes_recv
                tx += counters.bytes_sent
        return read, written, rx, tx

    def _rates(self, values: dict[str, float]) -> None:
        now = time.monotonic()
        counters = self._read_counters()
        elapsed = now - self._counters_at
        previous, self._counters, self._counters_at = self._counters, counters, now
        if elapsed < 0.01:
            return  # two readings at once say nothing about a rate
        names = ("disk_read_bytes_per_s", "disk_write_bytes_per_s", "net_rx_bytes_per_s", "net_tx_bytes_per_s")
        for name, new, old in zip(names, counters, previous, strict=True):
            if new >= old:
                values[name] = (new - old) / elapsed

    def _system(self, values: dict[str, float]) -> None:
        values["uptime_seconds"] = time.time() - self._boot_time
        values["process_count"] = len(psutil.pids())

    def _temperatures(self, values: dict[str, float]) -> None:
        read = getattr(psutil, "sensors_temperatures", None)
        if read is None:
            return  # not on this platform
        for chip, entries in read().items():
            for index, entry in enumerate(entries):
                # A chip with one unlabelled sensor is named by the chip alone.
                sensor = chip if len(entries) == 1 and not entry.label else f"{chip}/{entry.label or index}"
                name = "temperature_celsius:" + "_".join(sensor.split())
                if name in values:
                    name = f"{name}/{index}"
                if valid_metric_name(name):
                    values[name] = entry.current

    def _own_cost(self, values: dict[str, float]) -> None:
        with self._self.oneshot():
            values["agent_rss_bytes"] = self._self.memory_info().rss
            values["agent_cpu_percent"] = self._self.cpu_percent(None)

    def top(self) -> Top:
        """The 5 processes using the most CPU and the 5 using the most memory since the last scan."""
        now = time.monotonic()
        table = self._scan()
        elapsed = max(now - self._procs_at, 1e-3)
        previous, self._procs, self._procs_at = self._procs, table, now
        rows: list[ProcessInfo] = []
        for key, stat in table.items():
            # A process born since the last scan spent all its CPU time within the period.
            before = previous[key].cpu_seconds if key in previous else 0.0
            rows.append(
                {
                    "pid": key[0],
                    "name": stat.name,
                    "cpu_percent": round(max(stat.cpu_seconds - before, 0.0) / elapsed * 100, 2),
                    "memory_percent": round(stat.rss_bytes / self._total_memory * 100, 2),
                }
            )
        by_cpu = sorted(rows, key=lambda row: row["cpu_percent"], reverse=True)[:TOP_N]
        by_memory = sorted(rows, key=lambda row: row["memory_percent"], reverse=True)[:TOP_N]
        for row in {id(row): row for row in by_cpu + by_memory}.values():
            if len(row["name"]) == _COMM_LEN:
                row["name"] = self._full_name(row["pid"], row["name"])
        return {"cpu": by_cpu, "memory": by_memory}

    @staticmethod
    def _full_name(pid: int, comm: str) -> str:
        """The untruncated name psutil finds (from the command line), for the few shown."""
        try:
            return psutil.Process(pid).name() or comm
        except (psutil.Error, OSError):
            return comm
