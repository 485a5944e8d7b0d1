"""Instants as the API writes them everywhere (REST, sockets, webhooks): ISO 8601, UTC, ``Z``."""

from __future__ import annotations

from datetime import UTC, datetime


def iso(moment: datetime | None) -> str | None:
    """An instant as the API writes it: ISO 8601, UTC, ``Z``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
