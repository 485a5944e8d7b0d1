"""The on-disk buffer: every data frame is stored with its seq before it is sent.

One SQLite file (stdlib ``sqlite3``, WAL mode) with two tables:

- ``frames``: seq → the frame's body (JSON of samples and logs), how many samples and log
  lines it holds, and the ``dropped`` counts it reports. A frame leaves only when the hub
  acknowledges it (or a ``welcome`` says the hub already has it), or when the buffer is full.
- ``meta``: the random ``stream`` id made with the buffer, the next seq, the dropped counts
  not yet reported, and the log readers' positions (saved with the frame holding the lines
  they read, so a restart neither loses nor repeats a line).

Bounded: past ``max_frames`` the oldest frames are dropped and counted; the counts travel in
the ``dropped`` field of the next frame sent. A lock file keeps two agents off one buffer
(both would number frames from the same seq).
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from chatops_agent.protocol import FrameBody, data_frame_text

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS frames (
    seq INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    samples INTEGER NOT NULL,
    logs INTEGER NOT NULL,
    dropped_samples INTEGER NOT NULL DEFAULT 0,
    dropped_logs INTEGER NOT NULL DEFAULT 0
);
"""
_STATE_PREFIX = "state:"
_DROP_WARNING_EVERY = 60.0  # seconds; a full buffer drops on every append, one warning a minute is enough


class BufferLockedError(Exception):
    """Another agent process holds this buffer."""


class FrameBuffer:
    """Frames numbered within one stream, kept until acknowledged, bounded by ``max_frames``."""

    def __init__(self, path: Path, max_frames: int) -> None:
        self.path = path
        self.max_frames = max_frames
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock_fd = self._lock(path.with_name(path.name + ".lock"))
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            # A corrupt buffer must not keep the agent down forever: set it aside (for a
            # post-mortem) and start a new stream. Its frames are lost either way.
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            log.error("buffer %s is unreadable (%s); moved to %s, starting a new stream", path, exc, aside)
            path.rename(aside)
            for suffix in ("-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            self._db = self._open()
        self._dropped_since_warning = 0
        self._last_drop_warning = 0.0

    @staticmethod
    def _lock(lock_path: Path) -> int:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise BufferLockedError(f"{lock_path}: another chatops-agent is using this buffer") from None
        return fd

    def _open(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; each write below says BEGIN itself.
        db = sqlite3.connect(self.path, isolation_level=None)
        os.chmod(self.path, 0o600)  # log lines may be sensitive
        try:
            # WAL + synchronous=NORMAL: an append costs no fsync. A power cut can lose the last
            # few frames, which is a fair price for an agent that must cost almost nothing.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if "stream" not in meta:
                stream = secrets.token_hex(8)
                db.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("schema", SCHEMA_VERSION),
                        ("stream", stream),
                        ("next_seq", "1"),
                        ("dropped_samples", "0"),
                        ("dropped_logs", "0"),
                    ],
                )
                meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
                log.info("new buffer %s, stream %s", self.path, stream)
            self.stream: str = meta["stream"]
            self._next_seq = int(meta["next_seq"])
            self._pending_samples = int(meta["dropped_samples"])
            self._pending_logs = int(meta["dropped_logs"])
            self._count: int = db.execute("SELECT COUNT(*) FROM frames").fetchone()[0]
        except Exception:
            db.close()
            raise
        return db

    @property
    def next_seq(self) -> int:
        """The seq the next appended frame gets."""
        return self._next_seq

    @property
    def count(self) -> int:
        """Frames held (sent or not)."""
        return self._count

    @property
    def pending_dropped(self) -> tuple[int, int]:
        """Samples and log lines dropped and not yet attached to a frame."""
        return self._pending_samples, self._pending_logs

    def _set_meta(self, items: Mapping[str, object]) -> None:
        self._db.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(key, str(value)) for key, value in items.items()],
        )

    def append(self, bodies: Sequence[FrameBody], state: Mapping[str, str] | None = None) -> list[int]:
        """Store frames with the next seqs (and reader positions) in one transaction; their seqs."""
        seqs = list(range(self._next_seq, self._next_seq + len(bodies)))
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(
                "INSERT INTO frames (seq, body, samples, logs) VALUES (?, ?, ?, ?)",
                [(seq, b.body, b.samples, b.logs) for seq, b in zip(seqs, bodies, strict=True)],
            )
            meta: dict[str, object] = {"next_seq": self._next_seq + len(bodies)}
            meta.update({_STATE_PREFIX + key: value for key, value in (state or {}).items()})
            self._set_meta(meta)
            dropped = self._enforce_bound(self._count + len(bodies))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._next_seq += len(bodies)
        self._count += len(bodies) - dropped
        return seqs

    def _enforce_bound(self, count: int) -> int:
        """Drop the oldest frames beyond ``max_frames``, counting what they held; how many went."""
        excess = count - self.max_frames
        if excess <= 0:
            return 0
        rows = self._db.execute(
            "SELECT seq, samples + dropped_samples, logs + dropped_logs FROM frames ORDER BY seq LIMIT ?", (excess,)
        ).fetchall()
        samples = sum(row[1] for row in rows)
        logs = sum(row[2] for row in rows)
        self._db.execute("DELETE FROM frames WHERE seq <= ?", (rows[-1][0],))
        self._pending_samples += samples
        self._pending_logs += logs
        self._set_meta({"dropped_samples": self._pending_samples, "dropped_logs": self._pending_logs})
        self._dropped_since_warning += len(rows)
        now = time.monotonic()
        if now - self._last_drop_warning >= _DROP_WARNING_EVERY:
            log.warning(
                "buffer full (%d frames): dropped the %d oldest frame(s) since the last warning",
                self.max_frames,
                self._dropped_since_warning,
            )
            self._last_drop_warning, self._dropped_since_warning = now, 0
        return len(rows)

    def frames_after(self, seq: int, limit: int) -> list[tuple[int, str]]:
        """Up to ``limit`` frames above ``seq``, oldest first, as ``data`` frame texts.

        Drops not yet reported are attached to the first of them, in the buffer, so that a
        replay of that frame reports the same counts and the hub (which ignores a seq it has
        stored) never counts them twice.
        """
        rows = self._db.execute(
            "SELECT seq, body, dropped_samples, dropped_logs FROM frames WHERE seq > ? ORDER BY seq LIMIT ?",
            (seq, limit),
        ).fetchall()
        if rows and (self._pending_samples or self._pending_logs):
            first = rows[0]
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "UPDATE frames SET dropped_samples = dropped_samples + ?, dropped_logs = dropped_logs + ? "
                    "WHERE seq = ?",
                    (self._pending_samples, self._pending_logs, first[0]),
                )
                self._set_meta({"dropped_samples": 0, "dropped_logs": 0})
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            rows[0] = (first[0], first[1], first[2] + self._pending_samples, first[3] + self._pending_logs)
            self._pending_samples = self._pending_logs = 0
        return [(row[0], data_frame_text(row[0], row[2], row[3], row[1])) for row in rows]

    def ack(self, seq: int) -> int:
        """The hub has committed every frame up to ``seq``: delete them. How many went."""
        deleted = self._db.execute("DELETE FROM frames WHERE seq <= ?", (seq,)).rowcount
        self._count -= deleted
        return deleted

    def discard(self, seq: int) -> None:
        """Drop one frame the hub can never take (too large for it), counting it as dropped."""
        row = self._db.execute(
            "SELECT samples + dropped_samples, logs + dropped_logs FROM frames WHERE seq = ?", (seq,)
        ).fetchone()
        if row is None:
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute("DELETE FROM frames WHERE seq = ?", (seq,))
        self._pending_samples += row[0]
        self._pending_logs += row[1]
        self._set_meta({"dropped_samples": self._pending_samples, "dropped_logs": self._pending_logs})
        self._db.execute("COMMIT")
        self._count -= 1

    def welcome(self, last_seq: int) -> None:
        """The hub has stored this stream up to ``last_seq``: drop those, and never reuse a seq."""
        self.ack(last_seq)
        if last_seq >= self._next_seq:
            # The hub has numbers this buffer has not made (the buffer was restored from a copy,
            # or another agent shares the stream). New frames at or below last_seq would be
            # taken as replays and silently discarded, so continue above it.
            log.warning(
                "hub has stream %s up to seq %d, beyond this buffer's %d; continuing above it",
                self.stream,
                last_seq,
                self._next_seq - 1,
            )
            self._next_seq = last_seq + 1
            self._db.execute("BEGIN IMMEDIATE")
            self._set_meta({"next_seq": self._next_seq})
            self._db.execute("COMMIT")

    def get_state(self, key: str) -> str | None:
        """A log reader's saved position, as stored by :meth:`append`."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (_STATE_PREFIX + key,)).fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        """Close the database and release the lock."""
        self._db.close()
        os.close(self._lock_fd)
