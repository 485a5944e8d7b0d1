"""A JSON parser that refuses text PostgreSQL cannot store.

JSON may carry lone UTF-16 surrogates (``"\\ud800"``); Python decodes them into a ``str`` that
cannot be encoded as UTF-8, and the database would fail on it with a 500. We refuse such a
body at the door with a 400 instead. NUL characters are refused by the string fields.
"""

from __future__ import annotations

import json
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class StrictJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        data = super().parse(stream, media_type, parser_context)
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ParseError("JSON parse error - strings must be valid Unicode (no lone surrogates).") from None
        except (TypeError, ValueError):
            raise ParseError("JSON parse error - unsupported value.") from None
        return data
