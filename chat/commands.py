"""Slash commands typed in a room: parsed, run as the person who typed them, answered in a
thread under the command. (Being built: issue 16, the commands part.)"""

from __future__ import annotations

from typing import Any


def dispatch(actor: Any, message: Any) -> None:
    """Run the command ``message`` holds, as ``actor``, after its message was committed."""
    raise NotImplementedError("chat commands are not built yet")
