"""Synthetic history, fast: 1 s samples of 40 metrics per server, and their 1-minute and
1-hour rollups computed from exactly the same values (numpy), written with COPY.

Rows go in as the hub would write them: raw samples in time order with the servers
interleaved (every server reports every second), rollups minute by minute. Foreign-key
triggers are skipped for the load (``session_replication_role = replica``; the rows are
consistent by construction); indexes stay, so they grow as they would in production.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.queues import Queue
from typing import Any

import numpy as np
import psycopg

GIB = 1 << 30
# name, center, daily amplitude (fraction), noise sd, low, high, decimals
METRICS: list[tuple[str, float, float, float, float, float, int]] = [
    ("cpu_percent", 35, 0.4, 6, 0, 100, 2),
    *[(f"cpu_percent:core{n}", 35, 0.4, 12, 0, 100, 2) for n in range(16)],
    ("load_1", 2.5, 0.4, 0.6, 0, 64, 2),
    ("load_5", 2.5, 0.4, 0.3, 0, 64, 2),
    ("load_15", 2.5, 0.4, 0.15, 0, 64, 2),
    ("memory_percent", 55, 0.1, 1.5, 0, 100, 2),
    ("memory_used_bytes", 9 * GIB, 0.1, 0.2 * GIB, 0, 16 * GIB, 0),
    ("memory_available_bytes", 7 * GIB, 0.1, 0.2 * GIB, 0, 16 * GIB, 0),
    ("swap_percent", 2, 0, 0.2, 0, 100, 2),
    ("swap_used_bytes", 40 << 20, 0, 2 << 20, 0, 2 * GIB, 0),
    ("disk_percent", 57, 0, 0.05, 0, 100, 2),
    ("disk_percent:/home", 24, 0, 0.05, 0, 100, 2),
    ("disk_percent:/var", 71, 0, 0.05, 0, 100, 2),
    ("disk_percent:/data", 83, 0, 0.05, 0, 100, 2),
    ("disk_read_bytes_per_s", 150_000, 0.5, 90_000, 0, 1e10, 0),
    ("disk_write_bytes_per_s", 2_400_000, 0.5, 900_000, 0, 1e10, 0),
    ("net_rx_bytes_per_s", 48_000, 0.6, 20_000, 0, 1e10, 0),
    ("net_tx_bytes_per_s", 92_000, 0.6, 35_000, 0, 1e10, 0),
    ("uptime_seconds", 0, 0, 0, 0, 1e12, 0),  # grows by one a second, see below
    ("process_count", 215, 0.05, 3, 1, 1e6, 0),
    ("temperature_celsius:cpu", 52, 0.15, 1.5, 0, 120, 1),
    ("temperature_celsius:nvme0", 40, 0.05, 0.5, 0, 120, 1),
    ("temperature_celsius:gpu", 45, 0.1, 1.0, 0, 120, 1),
    ("agent_rss_bytes", 31_500_000, 0, 150_000, 0, 1e10, 0),
    ("agent_cpu_percent", 0.4, 0.2, 0.08, 0, 100, 2),
]
NAMES = [m[0] for m in METRICS]
UPTIME = NAMES.index("uptime_seconds")
assert len(METRICS) == 40
SAMPLE_FORMAT = "{" + ",".join(f'"{name}":%.{dec}f' for name, *_, dec in METRICS) + "}"


@dataclass(frozen=True)
class Job:
    url: str
    server_ids: list[int]
    start: datetime  # whole hour, UTC
    hours: list[int]  # hour offsets from start this process writes
    seed: int


def _values(rng: np.random.Generator, job: Job, hour: int) -> np.ndarray:
    """(3600, servers, 40) values of one hour, rounded as they are written."""
    servers = len(job.server_ids)
    t0 = (job.start + timedelta(hours=hour)).timestamp()
    t = t0 + np.arange(3600, dtype=np.float64)
    daily = np.sin(2 * math.pi * (t % 86400) / 86400)[:, None, None]  # (3600, 1, 1)
    spec = np.array([m[1:6] for m in METRICS], dtype=np.float64)  # (40, 5)
    center, amp, sd, low, high = (spec[:, i] for i in range(5))
    # Each server has its own level (0.6-1.4 x) and its own phase of the daily cycle.
    srng = np.random.default_rng(job.seed)  # the same per server in every process and hour
    level = srng.uniform(0.6, 1.4, size=(1, servers, 40))
    shift = srng.uniform(-0.5, 0.5, size=(1, servers, 1))
    values = center * level * (1 + amp * (daily + shift)) + sd * rng.standard_normal((3600, servers, 40))
    values[:, :, UPTIME] = (t - 1_700_000_000)[:, None] + 86400 * np.arange(servers)[None, :]
    np.clip(values, low, high, out=values)
    for k, (*_, dec) in enumerate(METRICS):
        values[:, :, k] = np.round(values[:, :, k], dec)
    return values


def _ts(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S+00")


def _raw_text(job: Job, hour: int, values: np.ndarray) -> bytes:
    base = job.start + timedelta(hours=hour)
    stamps = [_ts(base + timedelta(seconds=i)) for i in range(3600)]
    rows = values.reshape(-1, 40).tolist()
    ids = job.server_ids
    servers = len(ids)
    lines = [
        f"{ids[k % servers]}\t{stamps[k // servers]}\t{SAMPLE_FORMAT % tuple(row)}\n" for k, row in enumerate(rows)
    ]
    return "".join(lines).encode()


def _rollup_text(job: Job, hour: int, values: np.ndarray) -> tuple[bytes, bytes]:
    base = job.start + timedelta(hours=hour)
    ids = job.server_ids
    minutes = values.reshape(60, 60, len(ids), 40)  # minute, second, server, metric
    lo, hi, total = minutes.min(axis=1).tolist(), minutes.max(axis=1).tolist(), minutes.sum(axis=1).tolist()
    lines = []
    for m in range(60):
        bucket = _ts(base + timedelta(minutes=m))
        for s, sid in enumerate(ids):
            for k, name in enumerate(NAMES):
                lines.append(f"{sid}\t{name}\t60\t{bucket}\t{lo[m][s][k]!r}\t{hi[m][s][k]!r}\t{total[m][s][k]!r}\t60\n")
    h_lo, h_hi, h_sum = values.min(axis=0).tolist(), values.max(axis=0).tolist(), values.sum(axis=0).tolist()
    bucket = _ts(base)
    hourly = [
        f"{sid}\t{name}\t3600\t{bucket}\t{h_lo[s][k]!r}\t{h_hi[s][k]!r}\t{h_sum[s][k]!r}\t3600\n"
        for s, sid in enumerate(ids)
        for k, name in enumerate(NAMES)
    ]
    return "".join(lines).encode(), "".join(hourly).encode()


ROLLUP_COLUMNS = '(server_id, metric, resolution, bucket, "min", "max", "sum", "count")'


def work(job: Job, progress: Queue[Any]) -> None:
    """One generating process: its hours, one transaction each."""
    rng = np.random.default_rng(job.seed + 1 + job.hours[0] if job.hours else job.seed)
    with psycopg.connect(job.url) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET session_replication_role = replica")  # no FK trigger per row
        with conn.cursor() as cursor:
            for hour in job.hours:
                values = _values(rng, job, hour)
                with cursor.copy('COPY monitoring_metricsample (server_id, ts, "values") FROM STDIN') as copy:
                    copy.write(_raw_text(job, hour, values))
                minutes, hours = _rollup_text(job, hour, values)
                with cursor.copy(f"COPY monitoring_metricrollup {ROLLUP_COLUMNS} FROM STDIN") as copy:
                    copy.write(minutes)
                    copy.write(hours)
                conn.commit()
                progress.put(values.shape[0] * values.shape[1])


def generate(url: str, server_ids: list[int], days: float, procs: int, seed: int = 7) -> tuple[datetime, datetime]:
    """Write ``days`` of data ending at the last whole hour; returns (start, end). Progress is
    printed every 20 s. ``procs`` processes share the hours (PostgreSQL parsing JSON is most
    of the cost, so two writers keep both cores of this machine busy)."""
    end = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    hours = max(1, round(days * 24))
    start = end - timedelta(hours=hours)
    ctx = mp.get_context("spawn")
    progress: Queue[Any] = ctx.Queue()
    jobs = [Job(url, server_ids, start, list(range(p, hours, procs)), seed) for p in range(procs)]
    workers = [ctx.Process(target=work, args=(job, progress), daemon=True) for job in jobs if job.hours]
    total = hours * 3600 * len(server_ids)
    done = 0
    started = last = time.monotonic()
    for worker in workers:
        worker.start()
    try:
        while any(w.is_alive() for w in workers) or not progress.empty():
            try:
                done += progress.get(timeout=1)
            except Exception:  # noqa: S112 - queue.Empty: look at the workers again
                continue
            if time.monotonic() - last > 20:
                last = time.monotonic()
                rate = done / (last - started)
                print(f"   {done:,} of {total:,} samples, {rate:,.0f}/s, about {(total - done) / rate:.0f} s left")
        failed = [w.exitcode for w in workers if w.exitcode]
        if failed or done < total:
            raise RuntimeError(f"generation failed: exit codes {failed}, {done} of {total} samples")
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join(timeout=10)
    return start, end
