"""``-o table|json|yaml`` and the exit codes.

Exit codes: 0 success; 1 an error (the hub's or the network's; a command that did not run);
2 a usage error (bad option or argument); 3 not found or forbidden (404, 403); 4 not signed in
or the credentials were refused (401); ``chatops run`` exits with the remote command's own exit
code (124 when it timed out, as ``timeout(1)`` does).
"""

from __future__ import annotations

import enum
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
import yaml

OK, ERROR, USAGE, NOT_FOUND, AUTH, TIMED_OUT = 0, 1, 2, 3, 4, 124


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


Column = tuple[str, str | Callable[[dict[str, Any]], Any]]


# An API time to the second in tables (json and yaml keep it whole).
_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ",".join(cell(v) for v in value) or "-"
    if isinstance(value, dict):
        return str(value.get("username") or value.get("name") or value.get("id") or "-")
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    text = str(value).replace("\n", " ")
    match = _TIME.match(text)
    if match:
        return match.group(1) + ("Z" if match.group(3) in ("Z", "+00:00") else match.group(3))
    return text


def table(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    """kubectl's plain table: upper-case headers, columns aligned with two spaces."""
    cells = [[h for h, _ in columns]]
    for row in rows:
        cells.append([cell(key(row) if callable(key) else row.get(key)) for _, key in columns])
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells)


def emit(data: Any, fmt: Format, columns: Sequence[Column] | None = None) -> None:
    """Print ``data`` (a list of rows or one object) in the chosen format."""
    if fmt is Format.json:
        typer.echo(json.dumps(data, indent=2, default=str))
    elif fmt is Format.yaml:
        typer.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).rstrip())
    elif isinstance(data, list):
        typer.echo(table(data, columns or [(k.upper(), k) for k in (data[0] if data else {})]))
    else:
        rows = [{"field": k, "value": v} for k, v in (data or {}).items()]
        typer.echo(table(rows, [("FIELD", "field"), ("VALUE", "value")]))


def fail(message: str, code: int = ERROR) -> typer.Exit:
    """Say why on stderr and answer the exit to raise."""
    print(f"error: {message}", file=sys.stderr)
    return typer.Exit(code)
