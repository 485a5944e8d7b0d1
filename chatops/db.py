"""Small database helpers that differ by backend."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

from django.db import IntegrityError, connection, connections, migrations, transaction
from django.db.models import Field, Model, QuerySet

M = TypeVar("M", bound=Model)

#: The largest id a bigint column holds: larger numbers name no row (and the database refuses them).
MAX_ID = 2**63 - 1


class PostgreSQLOnly(migrations.RunSQL):
    """A migration's RunSQL that does nothing on other databases (indexes SQLite cannot have)."""

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


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


Converter = Any  # (value, expression, connection) -> value


@cache
def _selected(
    model: type[Model], names: frozenset[str] | None, alias: str
) -> tuple[str, str, tuple[Field[Any, Any], ...], tuple[tuple[tuple[Converter, Any], ...], ...]]:
    """The select list, the table, the fields, and each field's converters as the ORM's
    compiler applies them (the backend's, then the field's: SQLite's datetimes, JSON, …)."""
    fields = tuple(f for f in model._meta.concrete_fields if names is None or f.name in names)
    connection = connections[alias]
    quote = connection.ops.quote_name
    columns = ", ".join(f"t.{quote(str(f.column))}" for f in fields)
    converters = []
    for field in fields:
        column = field.get_col(model._meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        converters.append(tuple((convert, column) for convert in found))
    return f"SELECT {columns}", quote(model._meta.db_table), fields, tuple(converters)


def select_plain(
    model: type[M],
    where: str,
    params: Sequence[Any],
    *,
    fields: frozenset[str] | None = None,
    extra: Mapping[str, str] | None = None,
    lock: bool = False,
    using: str = "default",
) -> list[M]:
    """Rows of ``model`` read by one plain statement and built as the ORM builds them
    (``Model.from_db``, the backend's and each field's converters), without the ORM's query compiler.

    ``SELECT <the model's columns, or those of fields> [, <extra>] FROM <its table> t WHERE
    <where>``; each ``extra`` expression is set on the instance under its name. For the few
    reads that every request makes: compiling a one-row query cost three to four times the CPU
    of running it (bench/README.md, "pipelines/run.py", session 15, and "Session 17").
    ``where`` is our own SQL, never a caller's text: values go in ``params``. ``lock``: the
    rows are locked for the transaction (``FOR UPDATE``, where the backend has it; SQLite
    writes one transaction at a time anyway, as ``select_for_update`` there).
    """
    select, table, chosen, converters = _selected(model, fields, using)
    names = list(extra or {})
    if names:
        select += ", " + ", ".join(f"{(extra or {})[name]} AS {name}" for name in names)
    connection = connections[using]
    locking = " FOR UPDATE" if lock and connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(f"{select} FROM {table} t WHERE {where}{locking}", params)
        rows = cursor.fetchall()
    attnames = [f.attname for f in chosen]
    out = []
    for row in rows:
        values = list(row[: len(chosen)])
        for index, field_converters in enumerate(converters):
            for convert, column in field_converters:
                values[index] = convert(values[index], column, connection)
        instance = model.from_db(using, attnames, values)
        for name, value in zip(names, row[len(chosen) :], strict=True):
            setattr(instance, name, value)
        out.append(instance)
    return out


def lookup_where(model: type[Model], lookup: Mapping[str, Any], using: str = "default") -> tuple[str, list[Any]]:
    """``t.<column> = %s AND …`` for ``select_plain``, and its parameters, from an equality
    lookup by field name (a relation given as an instance or its key), each value prepared
    as the ORM prepares it. ``None`` is refused: it would need ``IS NULL``."""
    connection = connections[using]
    quote = connection.ops.quote_name
    parts, params = [], []
    for name, value in lookup.items():
        field = model._meta.get_field(name)
        if value is None or not isinstance(field, Field):
            raise ValueError(f"lookup_where compares a field with a value: {name}={value!r}")
        key = value.pk if isinstance(value, Model) else value
        parts.append(f"t.{quote(str(field.column))} = %s")
        params.append(field.get_db_prep_value(key, connection, prepared=False))
    return " AND ".join(parts), params


@cache
def _insert(model: type[Model], alias: str, skip_conflicts: bool) -> tuple[str, tuple[Field[Any, Any], ...]]:
    fields = tuple(f for f in model._meta.concrete_fields if not f.primary_key)
    quote = connections[alias].ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    conflicts = " ON CONFLICT DO NOTHING" if skip_conflicts else ""
    pk = quote(str(model._meta.pk.column))
    table = quote(model._meta.db_table)
    return f"INSERT INTO {table} ({columns}) VALUES ({marks}){conflicts} RETURNING {pk}", fields  # noqa: S608 - names from the model


def insert_statement(instance: Model, *, skip_conflicts: bool = False, using: str = "default") -> tuple[str, list[Any]]:
    """The ``INSERT … RETURNING`` key that ``insert_plain`` runs for ``instance``, and its
    parameters (each field's ``pre_save`` has run: ``auto_now_add`` is set on the instance).
    For a larger statement that writes the row with others (a data-modifying ``WITH``)."""
    connection = connections[using]
    sql, fields = _insert(type(instance), using, skip_conflicts)
    values = [field.pre_save(instance, True) for field in fields]
    if any(hasattr(value, "resolve_expression") for value in values):
        raise ValueError(f"insert_plain writes values, not expressions ({type(instance).__name__}): use save()")
    return sql, [field.get_db_prep_save(value, connection) for field, value in zip(fields, values, strict=True)]


def insert_plain(instance: Model, *, skip_conflicts: bool = False, using: str = "default") -> bool:
    """Insert a new ``instance`` by one plain ``INSERT … RETURNING`` its key, with the values the
    ORM would write (each field's ``pre_save`` and ``get_db_prep_save``: ``auto_now_add`` and
    defaults included). No signals and no ``save()`` override run: for the models written on
    every request of a hot path, where the ORM's insert cost several times the statement's
    CPU (bench/README.md, "pipelines/run.py", session 15, and "Session 17").

    ``skip_conflicts``: ``ON CONFLICT DO NOTHING``; ``False`` is returned when a unique
    constraint kept the row out (and the instance stays unsaved). Needs ``RETURNING``
    (PostgreSQL, SQLite 3.35+). A field left to its ``db_default`` (an expression, not a
    value) is refused: ``save()`` knows to leave it out."""
    connection = connections[using]
    sql, params = insert_statement(instance, skip_conflicts=skip_conflicts, using=using)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    instance.pk = row[0]
    instance._state.adding = False
    instance._state.db = using
    return True
