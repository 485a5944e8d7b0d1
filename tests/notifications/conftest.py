"""Fixtures of the notifications tests: a delivery target registered by the test (the way the
chat app registers ``chat_room``), and helpers to send and deliver."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from accounts.actor import Actor
from notifications import targets
from notifications.models import Delivery, Notification, NotificationChannel
from notifications.services import Recipients, send
from notifications.targets import DeliveryError, Target

SINK = "test_sink"


@dataclass
class Sink:
    """A place deliveries go to: it keeps what it got, and fails when told to."""

    got: list[tuple[int, str, int | None]] = field(default_factory=list)
    #: Fail the next this many calls (retryable), or every call with ``permanent``.
    failures: int = 0
    permanent: bool = False
    known: set[int] = field(default_factory=lambda: {1, 2, 3})

    def deliver(self, delivery: Delivery) -> None:
        if self.permanent:
            raise DeliveryError("the sink refuses this for good", permanent=True)
        if self.failures:
            self.failures -= 1
            raise DeliveryError("the sink is down")
        self.got.append((delivery.pk, delivery.notification.subject, delivery.target_id))

    def exists(self, target_id: int) -> bool:
        return target_id in self.known


@pytest.fixture
def sink() -> Iterator[Sink]:
    made = Sink()
    targets.register_target(Target(SINK, "test sink", made.deliver, made.exists))
    yield made
    targets.unregister_target(SINK)


def notify(
    *, users: tuple[int, ...] = (), sinks: tuple[int, ...] = (), channels: tuple[int, ...] = (), **extra: Any
) -> Notification:
    """Send as the system, as alerts and other apps do."""
    fields: dict[str, Any] = {"type": "test", "subject": "Disk full", "content": "**/var** is at 97 %", **extra}
    recipients = Recipients(users=users, channels=channels, targets={SINK: sinks} if sinks else {})
    return send(Actor.system(), recipients=recipients, **fields)


@pytest.fixture
def channel_of(db):
    """A channel of a user (default: email), as corner 3's CRUD would save it."""

    def make(user: Any, kind: str = "email", target: str = "", enabled: bool = True) -> NotificationChannel:
        return NotificationChannel.objects.create(
            name=f"{user.username}'s {kind}",
            kind=kind,
            target=target or f"{user.username}@example.com",
            user=user,
            enabled=enabled,
        )

    return make
