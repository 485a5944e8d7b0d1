"""Playbooks as files: the ``*.yml``/``*.yaml`` files directly in ``ANSIBLE_PLAYBOOK_DIR``,
each described by its first play's name and the variables its sidecar schema declares
(``<stem>.vars.yml``; docs/ansible.md). Only PyYAML here: ansible is imported by the runner
only, never when the hub starts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,150}\.ya?ml$")
SCHEMA_SUFFIXES = (".vars.yml", ".vars.yaml")
VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
TYPES = ("string", "integer", "float", "boolean", "choice", "list")
#: Variables no schema may declare: they would change how and where ansible connects (a run on
#: the hub itself through ``ansible_connection=local``) or what it trusts.
RESERVED_PREFIXES = ("ansible_",)
RESERVED = frozenset({"hostvars", "groups", "group_names", "inventory_hostname", "environment", "omit", "playbook_dir"})


class SchemaError(ValueError):
    """A sidecar schema that cannot be used (the playbook is listed with it, and refused to run)."""


@dataclass(frozen=True)
class Variable:
    name: str
    type: str = "string"
    required: bool = False
    default: Any = None
    choices: list[Any] | None = None
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "default": self.default,
            "choices": self.choices,
            "description": self.description,
        }


@dataclass(frozen=True)
class Playbook:
    name: str
    path: Path
    description: str
    plays: list[str]
    variables: list[Variable] = field(default_factory=list)
    #: Why the playbook or its schema could not be read; such a playbook is listed, not run.
    error: str = ""


def playbook_dir() -> Path:
    return Path(settings.ANSIBLE_PLAYBOOK_DIR)


def _is_playbook(path: Path) -> bool:
    return path.is_file() and bool(NAME.match(path.name)) and not path.name.endswith(SCHEMA_SUFFIXES)


def available() -> list[Playbook]:
    """Every playbook of the directory, by name (an absent directory: none)."""
    base = playbook_dir()
    if not base.is_dir():
        return []
    return [_load(path) for path in sorted(base.iterdir(), key=lambda p: p.name) if _is_playbook(path)]


def find(name: str) -> Playbook | None:
    """The playbook ``name`` (a file name in the directory, nothing outside it), or None."""
    if not NAME.match(name) or name.endswith(SCHEMA_SUFFIXES):
        return None
    path = playbook_dir() / name
    return _load(path) if _is_playbook(path) else None


def _load(path: Path) -> Playbook:
    plays: list[str] = []
    error = ""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(document, list) or not all(isinstance(play, dict) for play in document):
            raise SchemaError("a playbook is a list of plays")
        plays = [str(play.get("name") or play.get("import_playbook") or "") for play in document]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, SchemaError) as exc:
        # Ansible's own tags (!vault) are not PyYAML's: such a play is still runnable, unnamed here.
        if not isinstance(exc, yaml.constructor.ConstructorError):
            error = f"unreadable playbook: {exc}"
    variables: list[Variable] = []
    try:
        variables = _schema(path)
    except SchemaError as exc:
        error = error or f"bad variable schema: {exc}"
    description = next((p for p in plays if p), "")
    return Playbook(path.name, path, description, plays, variables, error)


def _schema(path: Path) -> list[Variable]:
    stem = path.name.rsplit(".", 1)[0]
    sidecar = next((path.with_name(stem + s) for s in SCHEMA_SUFFIXES if path.with_name(stem + s).is_file()), None)
    if sidecar is None:
        return []
    try:
        document = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SchemaError(str(exc)) from None
    items = document.get("variables", []) if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise SchemaError("`variables` is a list")
    found: list[Variable] = []
    for item in items:
        found.append(_variable(item))
    names = [v.name for v in found]
    if len(set(names)) != len(names):
        raise SchemaError("a variable is declared twice")
    return found


def _variable(item: Any) -> Variable:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise SchemaError("each variable is a mapping with a `name`")
    unknown = set(item) - {"name", "type", "required", "default", "choices", "description"}
    if unknown:
        raise SchemaError(f"unknown keys {sorted(unknown)} in variable {item['name']!r}")
    name = item["name"]
    if not VARIABLE_NAME.match(name) or name.startswith(RESERVED_PREFIXES) or name in RESERVED:
        raise SchemaError(f"{name!r} may not be a variable's name")
    kind = item.get("type", "choice" if "choices" in item else "string")
    if kind not in TYPES:
        raise SchemaError(f"{name}: type is one of {', '.join(TYPES)}")
    choices = item.get("choices")
    if choices is not None and (not isinstance(choices, list) or not choices):
        raise SchemaError(f"{name}: choices is a non-empty list")
    if kind == "choice" and choices is None:
        raise SchemaError(f"{name}: a choice needs choices")
    variable = Variable(
        name=name,
        type=kind,
        required=bool(item.get("required", False)),
        default=item.get("default"),
        choices=choices,
        description=str(item.get("description", "")),
    )
    if variable.default is not None:
        try:
            coerce(variable, variable.default)
        except ValueError as exc:
            raise SchemaError(f"{name}: the default is invalid ({exc})") from None
    return variable


def coerce(variable: Variable, value: Any) -> Any:
    """``value`` as the variable's type, or ValueError saying why not. Strings from a chat
    command line (``replicas=3``, ``debug=yes``) are read as the type asks."""
    kind = variable.type
    result: Any
    if kind in ("string", "choice"):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError("expected a string")
        result = value if isinstance(value, str) else str(value)
        if variable.choices is not None and value in variable.choices:
            result = value
        elif variable.choices is not None:  # "3" typed in chat for a choice of 3
            result = next((c for c in variable.choices if str(c) == str(value)), result)
    elif kind == "integer":
        if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and _int(value))):
            raise ValueError("expected an integer")
        result = int(value)
    elif kind == "float":
        if isinstance(value, bool):
            raise ValueError("expected a number")
        try:
            result = float(value)
        except (TypeError, ValueError):
            raise ValueError("expected a number") from None
    elif kind == "boolean":
        if isinstance(value, bool):
            result = value
        elif isinstance(value, str) and value.lower() in ("true", "yes", "on", "1", "false", "no", "off", "0"):
            result = value.lower() in ("true", "yes", "on", "1")
        else:
            raise ValueError("expected true or false")
    else:  # list
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str | int | float | bool) for v in value):
            raise ValueError("expected a list of plain values")
        result = value
    if variable.choices is not None and kind != "list" and result not in variable.choices:
        raise ValueError(f"expected one of {', '.join(map(str, variable.choices))}")
    return result


def _int(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?\d{1,18}", text.strip()))


def validate_variables(playbook: Playbook, given: dict[str, Any]) -> dict[str, Any]:
    """The variables to run with (defaults filled in, values coerced), or ``ValueError`` with
    ``args[0]`` a ``{name: message}`` of everything wrong: unknown names (only declared
    variables reach ansible, so nothing can override its connection settings), missing
    required ones, wrong types or choices."""
    declared = {v.name: v for v in playbook.variables}
    errors: dict[str, str] = {}
    for name in given:
        if name not in declared:
            errors[name] = "not a variable this playbook declares"
    result: dict[str, Any] = {}
    for name, variable in declared.items():
        if name in given and given[name] is not None:
            try:
                result[name] = coerce(variable, given[name])
            except ValueError as exc:
                errors[name] = str(exc)
        elif variable.default is not None:
            result[name] = coerce(variable, variable.default)
        elif variable.required:
            errors[name] = "this variable is required"
    if errors:
        raise ValueError(errors)
    return result
