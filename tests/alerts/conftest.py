"""Fixtures of the alerts tests."""

from __future__ import annotations

import pytest

from tests.alerts import routing_helpers


@pytest.fixture(autouse=True)
def _fresh_streams() -> None:
    """Each test's agent streams start at sequence 1 (the database forgot the last test's)."""
    routing_helpers._seq.clear()
