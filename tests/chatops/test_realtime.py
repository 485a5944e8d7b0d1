"""The realtime layer of the shared base: streams forward what they declare, and the shared
base (``chatops/``) imports no app, not even inside a function."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings

from chatops.realtime import StreamConsumer


class Echo(StreamConsumer):
    forwards = ("thing.said",)

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[dict[str, Any]] = []

    async def send_json(self, content: Any, close: bool = False) -> None:
        self.sent.append(content)


async def test_a_stream_forwards_the_types_it_declares_unchanged():
    consumer = Echo()
    event = {"type": "thing.said", "n": 1}
    await consumer.dispatch(event)
    assert consumer.sent == [event]


async def test_a_stream_refuses_a_type_it_does_not_declare():
    consumer = Echo()
    with pytest.raises(ValueError, match=r"No handler for message type thing\.other"):
        await consumer.dispatch({"type": "thing.other"})
    assert consumer.sent == []


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_shared_base_imports_no_app():
    base = Path(settings.BASE_DIR)
    ours = {config.name for config in apps.get_app_configs() if Path(config.path).parent == base} - {"chatops"}
    assert {"accounts", "monitoring", "dashboard"} <= ours
    found = {
        f"{path.relative_to(base)}: {name}"
        for path in (base / "chatops").rglob("*.py")
        if path.name != "settings.py"  # settings name the apps, as strings
        for name in _imported_modules(path)
        if name.split(".")[0] in ours
    }
    assert not found


async def test_frames_to_browsers_are_strict_json():
    """A stream's frames are encoded by orjson: a value that is not a number (a gauge that read
    NaN) becomes ``null``, which a browser's ``JSON.parse`` accepts (``json`` wrote ``NaN``);
    keys that are numbers become strings, as before."""
    import json
    import math

    text = await StreamConsumer.encode_json({"value": math.nan, 7: "seven", "ok": [1, 2.5, "x"]})
    assert json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON")) == {
        "value": None,
        "7": "seven",
        "ok": [1, 2.5, "x"],
    }
