"""Fixtures of the helpdesk's tests: people of the new roles, a support team, and a clock
that tests move by hand (``django.utils.timezone.now`` patched, so ``auto_now`` fields and
the services read the same time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accounts.actor import Actor
from accounts.models import Team
from helpdesk.services import open_ticket
from tests.factories import UserFactory


class Clock:
    """Now, as the test says: ``clock.advance(minutes=5)``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock


@pytest.fixture
def requester(db):
    return UserFactory.create(username="rita", role="requester")


@pytest.fixture
def other_requester(db):
    return UserFactory.create(username="rob", role="requester")


@pytest.fixture
def support(db):
    return UserFactory.create(username="sam", role="support")


@pytest.fixture
def support2(db):
    return UserFactory.create(username="sue", role="support")


@pytest.fixture
def team(support, support2) -> Team:
    team = Team.objects.create(name="Service desk")
    team.members.add(support, support2)
    return team


@pytest.fixture
def ticket(requester, clock):
    return open_ticket(
        Actor.for_user(requester, "api"),
        title="Printer on floor 2 jams",
        description="Every page jams since this morning.",
        category="hardware_issue",
        priority="medium",
    )


@pytest.fixture
def others_ticket(other_requester, clock):
    return open_ticket(
        Actor.for_user(other_requester, "api"),
        title="VPN drops every hour",
        description="",
        category="network_issue",
        priority="low",
    )
