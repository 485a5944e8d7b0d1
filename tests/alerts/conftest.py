"""Fixtures of the alerts tests."""

from __future__ import annotations

import pytest

from tests.alerts import routing_helpers


@pytest.fixture(autouse=True)
def _fresh_streams() -> None:
    """Each test's agent streams start at sequence 1 (the database forgot the last test's)."""
    routing_helpers._seq.clear()


# aiosmtpd on 127.0.0.1, for alert emails sent through a configured provider.
from tests.notifications.conftest import smtp_server  # noqa: E402, F401
