"""How a delivery is signed. Receivers do the same with their copy of the secret
(docs/webhooks.md shows how, with a fixed test vector that the tests check)."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Webhook-Signature"
SIGNATURE_V2_HEADER = "X-Webhook-Signature-V2"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"


def _hex(secret: str, message: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signature(secret: str, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256 of the raw body>``."""
    return _hex(secret, body)


def signature_v2(secret: str, timestamp: int, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">``: covers the time of sending too,
    so a receiver that refuses old timestamps cannot be sent a recorded delivery again."""
    return _hex(secret, f"{timestamp}.".encode() + body)


def signature_headers(secret: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, body),
        SIGNATURE_V2_HEADER: signature_v2(secret, timestamp, body),
    }
