"""Secrets at rest: webhook secrets, channel URLs, integration tokens, SSH keys, kubeconfigs.

A secret is stored as a Fernet token (AES-128-CBC + HMAC-SHA256, with its own random IV), so a
copy of the database alone reveals nothing. The keys come from ``CHATOPS_ENCRYPTION_KEYS``
(comma-separated, newest first; each a Fernet key, ``Fernet.generate_key()``): the first
encrypts, every one decrypts, so a key is rotated by putting a new one in front and running
``manage.py rotate_secrets`` before the old one is dropped. Without that setting the key is
derived from ``SECRET_KEY`` (HKDF-SHA256), which then must not change.

``EncryptedTextField`` is what models use: the attribute holds the plain text, the column
the token. Never log either; show a secret only masked (``mask``).
"""

from __future__ import annotations

import base64
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

#: Every token starts with this (the Fernet version byte, base64): a value without it is a
#: plain text written before the column was encrypted, which a data migration encrypts.
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 - a format marker, not a secret


class DecryptionFailed(ValueError):
    """A stored secret that none of the configured keys opens (a lost or dropped key)."""


def _derived_key(secret: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"chatops-secrets-at-rest", info=b"fernet")
    return base64.urlsafe_b64encode(hkdf.derive(secret.encode()))


@cache
def _fernet(keys: tuple[str, ...], secret_key: str) -> MultiFernet:
    try:
        fernets = [Fernet(key.encode()) for key in keys] if keys else [Fernet(_derived_key(secret_key))]
    except ValueError as exc:
        raise ImproperlyConfigured(
            "CHATOPS_ENCRYPTION_KEYS: each key must be 32 url-safe base64-encoded bytes "
            "(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
        ) from exc
    return MultiFernet(fernets)


def fernet() -> MultiFernet:
    return _fernet(tuple(getattr(settings, "CHATOPS_ENCRYPTION_KEYS", ())), settings.SECRET_KEY)


def encrypt(plain: str) -> str:
    return fernet().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionFailed("A stored secret cannot be decrypted with the configured keys") from exc


def rotate(token: str) -> str:
    """The same secret under the newest key."""
    return fernet().rotate(token.encode()).decode()


def is_token(value: str) -> bool:
    return value.startswith(TOKEN_PREFIX)


def mask(secret: str, *, keep: int = 4) -> str:
    """``abcd…`` (at most ``keep`` leading characters, never more than a quarter of it)."""
    if not secret:
        return ""
    shown = min(keep, len(secret) // 4)
    return f"{secret[:shown]}…"


class EncryptedTextField(models.TextField):
    """A text column holding a Fernet token; Python sees the plain text. Not searchable or
    orderable by content (each encryption differs)."""

    description = "Text encrypted at rest"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value) if is_token(value) else value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))
