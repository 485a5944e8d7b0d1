"""Database work in threads of a test's own: two transactions at once on PostgreSQL (the
second must wait for the first's row locks, and both must end well), and a blocking call made
off the event loop of an async test. Each thread closes its database connection when done."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from asgiref.sync import sync_to_async
from django.db import connection, connections, transaction


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


async def off_the_loop(target: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``target(*args, **kwargs)`` in a thread of the event loop's executor, while the test goes
    on (answering an agent's socket, say), with that thread's database connections closed
    after. Django's test client never closes its connection, and one left open in an executor
    thread stayed checked out of the pool to the end of the run: PostgreSQL then could not drop
    the test database ("is being accessed by other users")."""

    def run() -> Any:
        try:
            return target(*args, **kwargs)
        finally:
            connections.close_all()

    return await sync_to_async(run, thread_sensitive=False)()


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
