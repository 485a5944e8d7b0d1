"""One worker sends several deliveries at once (``NOTIFICATION_DELIVERY_THREADS``): each
thread claims with ``skip_locked`` as separate workers do, so every delivery is sent once,
and a slow receiver does not hold up the rest."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from django.db import connection, transaction

from accounts.actor import Actor
from notifications import jobs, targets
from notifications.choices import DeliveryStatus, NotificationStatus
from notifications.models import Delivery, Notification
from notifications.services import Recipients, send
from notifications.targets import Target

THREADS = 3
SLOW = "test_slow_sink"

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the threads' own connections see committed rows only
    pytest.mark.skipif(connection.vendor != "postgresql", reason="threads: PostgreSQL (DATABASE_URL)"),
]


class Gate:
    """A receiver that answers only once ``THREADS`` deliveries are in flight together (a
    barrier): sent one at a time, every delivery would fail at the barrier's timeout."""

    def __init__(self) -> None:
        self.barrier = threading.Barrier(THREADS, timeout=10)
        self.got: Counter[int] = Counter()
        self.lock = threading.Lock()

    def deliver(self, delivery: Delivery) -> None:
        self.barrier.wait()
        with self.lock:
            self.got[delivery.pk] += 1


@pytest.fixture
def gate() -> Iterator[Gate]:
    made = Gate()
    targets.register_target(Target(SLOW, "slow sink", made.deliver, lambda _pk: True))
    yield made
    targets.unregister_target(SLOW)


def test_deliveries_go_out_side_by_side_each_once(settings, gate):
    settings.NOTIFICATION_DELIVERY_THREADS = THREADS
    sent = [
        send(Actor.system(), type="test", subject=f"n{i}", content="x", recipients=Recipients(targets={SLOW: [i]}))
        for i in range(THREADS * 2)
    ]
    assert jobs.delivery_threads() == THREADS
    assert jobs.deliver_due() == THREADS * 2
    deliveries = Delivery.objects.filter(notification__in=sent)
    assert set(gate.got) == set(deliveries.values_list("pk", flat=True))
    assert set(gate.got.values()) == {1}  # each sent once: no two threads claimed the same
    assert set(deliveries.values_list("status", "attempts")) == {(DeliveryStatus.DELIVERED, 1)}
    assert set(Notification.objects.filter(pk__in=[n.pk for n in sent]).values_list("status", flat=True)) == {
        NotificationStatus.SENT
    }


def test_inside_a_transaction_or_with_one_thread_it_sends_inline(settings):
    settings.NOTIFICATION_DELIVERY_THREADS = 1
    assert jobs.delivery_threads() == 1
    settings.NOTIFICATION_DELIVERY_THREADS = THREADS
    with transaction.atomic():
        assert jobs.delivery_threads() == 1
