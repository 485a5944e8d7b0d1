"""Group names of the account events that close sockets (sent by ``accounts.services``)."""

from __future__ import annotations


def apikey_group(key_id: int) -> str:
    """The agent sockets a key opened: ``apikey.revoked`` closes them."""
    return f"apikey.{key_id}"


def user_group(user_id: int) -> str:
    """The browser streams a user opened: ``user.deactivated`` closes them."""
    return f"user.{user_id}"
