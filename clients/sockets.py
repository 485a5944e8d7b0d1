"""A client application's key on browsers' sockets (``["bearer", "ck_…"]`` subprotocols):
registered with ``chatops.registry.register_socket_key``, read by ``accounts.sockets``."""

from __future__ import annotations

from rest_framework.exceptions import APIException

from accounts.models import User
from clients.authentication import authenticate_key


def user_for_key(raw: str, ip: str | None) -> User | None:
    """The client's bot, if the key is an active client's and ``ip`` is in its ranges. Its
    sockets close when it is revoked or its key rotated (``clients.services``)."""
    try:
        client = authenticate_key(raw, ip)
    except APIException:
        return None
    client.touch()
    return client.user
