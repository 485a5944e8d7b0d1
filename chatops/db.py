"""Small database helpers that differ by backend."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet


def advisory_lock(name: str) -> None:
    """Serialise a critical section across processes until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing to do, because our SQLite
    transactions are IMMEDIATE, which already serialises every writer.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(name.encode())])


def unique_conflicts(
    queryset: QuerySet[Any], values: dict[str, Any], noun: str, exclude_pk: Any = None
) -> dict[str, list[str]]:
    """The fields of ``values`` already taken (case-insensitively) in ``queryset``."""
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    taken: dict[str, list[str]] = {}
    for field, value in values.items():
        if value is not None and queryset.filter(**{f"{field}__iexact": value}).exists():
            taken[field] = [f"A {noun} with this {field} already exists."]
    return taken


@contextmanager
def conflicts_as_409(
    queryset: QuerySet[Any], values: dict[str, Any], noun: str, exclude_pk: Any = None
) -> Iterator[None]:
    """Refuse taken unique values with a 409 before writing, and again if a concurrent writer
    takes one between the check and the write (the database's constraint catches that)."""
    from chatops.api.exceptions import UniqueConflict

    taken = unique_conflicts(queryset, values, noun, exclude_pk)
    if taken:
        raise UniqueConflict(taken)
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        taken = unique_conflicts(queryset, values, noun, exclude_pk)
        raise UniqueConflict(taken or {"non_field_errors": [f"This {noun} conflicts with another."]}) from None
