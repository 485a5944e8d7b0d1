"""Two transactions at once on PostgreSQL, in two threads: the second must wait for the
first's row locks, and both must end well."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction


def in_thread(target: Callable[[], Any]) -> threading.Thread:
    """Run ``target`` in a daemon thread that closes its database connection at the end."""

    def body() -> None:
        try:
            target()
        finally:
            connection.close()

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread


def second_waits_for_first(first: Callable[[], Any], second: Callable[[], Any], why: str) -> None:
    """``first`` runs in a transaction that stays open; ``second`` runs in another transaction
    meanwhile and must still be running half a second later (waiting for ``first``'s locks,
    ``why`` says which); then ``first`` commits, and neither may have raised."""
    done, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def run_first() -> None:
        try:
            with transaction.atomic():
                first()
                done.set()
                release.wait(10)
        except BaseException as exc:
            errors.append(exc)
            done.set()

    def run_second() -> None:
        try:
            with transaction.atomic():
                second()
        except BaseException as exc:
            errors.append(exc)

    one = in_thread(run_first)
    assert done.wait(10)
    two = in_thread(run_second)
    time.sleep(0.5)
    assert two.is_alive(), why
    release.set()
    one.join(10)
    two.join(10)
    assert errors == []
