"""The documented test vector: the hub's signing code and the documented receiver agree on it."""

from __future__ import annotations

import re
from pathlib import Path

from webhooks.signing import signature, signature_headers, signature_v2

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
SECRET = "whsec_MfKQ9r7ZtG3x8VbN2pLw5cYhJd4sA6eU"
TIMESTAMP = 1700000000
BODY = (
    b'{"event":"webhook.test","timestamp":"2023-11-14T22:13:20Z","data":{"webhook_id":1,'
    b'"message":"This is a test delivery from ChatOps.","requested_by":"ada"}}'
)
V1 = "sha256=b0556db5b9ddd6dda66cf3ce652ff9023b506d0e1a61863a1761cffdd3a3b6c3"
V2 = "sha256=07de590671e8a834d02ed60d4daf34f349a9fab9211bf0592eb55e2f8c29dddc"


def documented_verify():
    """The ``verify`` function exactly as docs/webhooks.md shows it."""
    snippet = next(
        block for block in re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S) if "def verify" in block
    )
    namespace = {}
    exec(compile(snippet, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    return namespace["verify"]


def test_the_hub_signs_the_vector_as_documented():
    assert signature(SECRET, BODY) == V1
    assert signature_v2(SECRET, TIMESTAMP, BODY) == V2
    assert signature_headers(SECRET, TIMESTAMP, BODY) == {
        "X-Webhook-Timestamp": "1700000000",
        "X-Webhook-Signature": V1,
        "X-Webhook-Signature-V2": V2,
    }


def test_the_documentation_states_the_same_vector():
    text = DOC.read_text()
    for value in (SECRET, str(TIMESTAMP), BODY.decode(), V1, V2):
        assert f"`{value}`" in text, value


def test_the_documented_receiver_accepts_the_vector_and_refuses_tampering():
    verify = documented_verify()
    assert verify(SECRET, BODY, str(TIMESTAMP), V2, now=TIMESTAMP + 10) is True
    assert verify(SECRET, BODY + b" ", str(TIMESTAMP), V2, now=TIMESTAMP) is False
    assert verify("another-secret", BODY, str(TIMESTAMP), V2, now=TIMESTAMP) is False
    assert verify(SECRET, BODY, str(TIMESTAMP + 1), V2, now=TIMESTAMP) is False
    assert verify(SECRET, BODY, str(TIMESTAMP), V1, now=TIMESTAMP) is False
    assert verify(SECRET, BODY, "17e8", V2, now=TIMESTAMP) is False


def test_the_documented_receiver_refuses_a_replay():
    verify = documented_verify()
    assert verify(SECRET, BODY, str(TIMESTAMP), V2, now=TIMESTAMP + 301) is False
    assert verify(SECRET, BODY, str(TIMESTAMP), V2, now=TIMESTAMP - 301) is False
