"""Serializer fields that refuse values of the wrong JSON type instead of coercing them.

DRF's ``CharField`` turns ``12`` into ``"12"``; the API documents strings, so a number where a
string belongs is a 400. ``StrictModelSerializer`` maps model text fields to these.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from chatops.api.filters import MAX_ID
from chatops.tags import TAG_MAX_LENGTH, tag_validator

#: Python's whitespace (``str.isspace``, ``re``'s ``\s``, what ``strip()`` removes) as a regex
#: class body. ECMA regexes, which OpenAPI patterns are, mean another set by ``\s``.
PY_SPACE = r"\t\n\u000b\u000c\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: A string with something besides whitespace: what DRF's trimming ``CharField`` takes.
NOT_BLANK_PATTERN = f"[^{PY_SPACE}]"


def spell_out_spaces(pattern: str) -> str:
    r"""The same Python regex with ``\s`` and ``\S`` written out, so that it means the same as an
    OpenAPI (ECMA) pattern. (drf-spectacular turns ``\Z`` into ``$`` itself.) Inside a character
    class ``\s`` becomes the bare list of spaces (``[^\s\x00]`` → ``[^…\x00]``)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            if pair == r"\s":
                out.append(PY_SPACE if in_class else f"[{PY_SPACE}]")
            elif pair == r"\S":
                if in_class:
                    raise ValueError(f"\\S inside a character class has no ECMA spelling: {pattern!r}")
                out.append(f"[^{PY_SPACE}]")
            else:
                out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def pattern_validator(regex: re.Pattern[str], message: str) -> RegexValidator:
    """A validator for ``regex`` whose pattern the schema can state as it is."""
    return RegexValidator(spell_out_spaces(regex.pattern), message)


class _StrictString:
    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            raise serializers.ValidationError("Must be a string.", code="not_a_string")
        return super().to_internal_value(data)  # type: ignore[misc]


class StrictCharField(_StrictString, serializers.CharField):
    pass


class StrictRegexField(_StrictString, serializers.RegexField):
    pass


class TagField(StrictCharField):
    """A tag name (``chatops.tags``); surrounding space is dropped and it is lowercased before
    it is checked. Every API that takes tag names uses it (servers, thresholds, teams, rooms)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=TAG_MAX_LENGTH, validators=[tag_validator], **kwargs)

    def to_internal_value(self, data: Any) -> str:
        return str(super().to_internal_value(data)).strip().lower()


class StrictEmailField(_StrictString, serializers.EmailField):
    pass


@extend_schema_field({"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]})
class StrictIPAddressField(_StrictString, serializers.IPAddressField):
    pass


#: Every float the API takes lies within ±FLOAT_LIMIT, so a sum or a difference of two stays finite.
FLOAT_LIMIT = 1e300


class StrictFloatField(serializers.FloatField):
    """A JSON number, finite and within ±``FLOAT_LIMIT``: not ``"1"``, ``true``, NaN or a
    400-digit integer (which Python cannot turn into a float)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", -FLOAT_LIMIT)
        kwargs.setdefault("max_value", FLOAT_LIMIT)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise serializers.ValidationError("Must be a finite number.", code="invalid")
        if isinstance(data, int) and abs(data) > FLOAT_LIMIT:
            # Compared as integers: float() of a huge one raises OverflowError.
            self.fail("max_value" if data > 0 else "min_value", max_value=self.max_value, min_value=self.min_value)
        if not math.isfinite(data):
            raise serializers.ValidationError("Must be a finite number.", code="invalid")
        return float(super().to_internal_value(data))


class StrictBooleanField(serializers.BooleanField):
    """A JSON boolean: not ``"true"``, ``1`` or ``"on"``, which DRF would accept."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            raise serializers.ValidationError("Must be true or false.", code="invalid")
        return data


class StrictModelSerializer(serializers.ModelSerializer[Any]):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.EmailField: StrictEmailField,
        models.GenericIPAddressField: StrictIPAddressField,
        models.FloatField: StrictFloatField,
        models.BooleanField: StrictBooleanField,
    }


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class StrictPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """An object's id as a JSON integer (or null where allowed): not ``""``, ``"7"`` or ``true``,
    which DRF would turn into null or 7."""

    def run_validation(self, data: Any = serializers.empty) -> Any:
        if data is not serializers.empty and data is not None and (isinstance(data, bool) or not isinstance(data, int)):
            raise serializers.ValidationError("Must be a whole number (an id) or null.", code="incorrect_type")
        return super().run_validation(data)


#: The last second of year 9999, the latest instant a date-time can name.
MAX_UNIX_SECONDS = 253402300799
_UNIX_SECONDS_RE = re.compile(r"^\d{1,12}(\.\d{1,9})?\Z")


@extend_schema_field(
    {
        "anyOf": [
            {"type": "string", "format": "date-time"},
            {"type": "number", "minimum": 0, "maximum": MAX_UNIX_SECONDS},
        ],
        "description": "An ISO 8601 date-time, or unix seconds as the live streams send them (`ts`).",
    }
)
class InstantField(serializers.DateTimeField):
    """A date-time, or unix seconds (``1763820000.5``): what the websockets' ``ts`` carries, so a
    page can ask for the history since the last event it saw without converting."""

    def to_internal_value(self, value: Any) -> Any:
        text = str(value).strip() if isinstance(value, str | int | float) and not isinstance(value, bool) else None
        if text is not None and _UNIX_SECONDS_RE.match(text):
            seconds = float(text)
            if seconds > MAX_UNIX_SECONDS:
                raise serializers.ValidationError(f"Unix seconds may be at most {MAX_UNIX_SECONDS} (year 9999).")
            return datetime.fromtimestamp(seconds, UTC)
        return super().to_internal_value(value)
