"""A JSON parser that refuses what would otherwise fail later with a 500.

JSON may carry lone UTF-16 surrogates (``"\\ud800"``); Python decodes them into a ``str`` that
cannot be encoded as UTF-8, and the database would fail on it with a 500. We refuse such a
body at the door with a 400 instead. NUL characters are refused by the string fields.

Nesting is limited to ``MAX_JSON_DEPTH`` levels: no request of the API needs more than a few,
and Python's decoder recurses once per level, so a body of ``[[[[…`` hits the interpreter's
recursion limit (a 500) at about a thousand. A body past the size limit never gets here:
Django refuses to read it (``RequestDataTooBig``, a 413 in the exception handler).
"""

from __future__ import annotations

import json
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32


def _too_deep(data: Any, limit: int) -> bool:
    # Iterative, so the check itself cannot exhaust the stack.
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class StrictJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        too_deep = ParseError(f"JSON parse error - nested deeper than {MAX_JSON_DEPTH} levels.")
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep from None
        if _too_deep(data, MAX_JSON_DEPTH):
            raise too_deep
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ParseError("JSON parse error - strings must be valid Unicode (no lone surrogates).") from None
        except (TypeError, ValueError):
            raise ParseError("JSON parse error - unsupported value.") from None
        return data
