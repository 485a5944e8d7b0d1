"""Group names of the account events that close sockets (sent by ``accounts.services``)."""

from __future__ import annotations

# Every browser stream joins its user's group in the realtime base, which owns the name.
from chatops.realtime import user_group

__all__ = ["apikey_group", "user_group"]


def apikey_group(key_id: int) -> str:
    """The agent sockets a key opened: ``apikey.revoked`` closes them."""
    return f"apikey.{key_id}"
