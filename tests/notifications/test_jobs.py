"""The worker drains the outbox: in-app at once, registered targets through their ``deliver``,
retries with backoff until the last attempt, the notification's status rolled up, nothing lost
when a worker dies mid-send, held deliveries sent when quiet hours end, and old ones pruned."""

from __future__ import annotations

import importlib.util
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.actor import Actor
from notifications import jobs
from notifications.choices import DeliveryStatus, NotificationStatus
from notifications.models import Delivery, Notification
from notifications.services import Recipients, send
from notifications.services.outcomes import Outcome, record_outcomes, retry_delay
from tests.factories import UserFactory
from tests.notifications.conftest import SINK, notify

pytestmark = pytest.mark.django_db


def statuses(notification: Notification) -> dict[str, str]:
    return {d.kind: d.status for d in notification.deliveries.all()}


def test_the_job_is_registered_under_its_own_name_beside_alerts_prune():
    from chatops import registry

    assert registry.jobs.get("notifications.deliver") is not None
    assert registry.jobs.get("notifications.prune_sent").run == jobs.prune_sent
    # notifications.prune is the alerts app's (webhook deliveries and alert emails).
    assert registry.jobs.get("notifications.prune").run != jobs.prune_sent


def test_nothing_is_delivered_before_the_worker_runs(viewer):
    notification = notify(users=(viewer.pk,))
    assert statuses(notification) == {"inapp": DeliveryStatus.PENDING}
    assert notification.status == NotificationStatus.PENDING


def test_an_inapp_delivery_is_delivered_at_once_and_the_notification_sent(viewer):
    notification = notify(users=(viewer.pk,))
    assert jobs.deliver_due() == 1
    delivery = notification.deliveries.get()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.DELIVERED, 1, None)
    assert delivery.delivered_at is not None and delivery.read_at is None
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert notification.finished_at is not None
    assert jobs.deliver_due() == 0


def test_a_registered_target_gets_its_deliveries(sink, viewer):
    notification = notify(users=(viewer.pk,), sinks=(1, 2))
    jobs.deliver_due()
    assert sorted(target for _, _, target in sink.got) == [1, 2]
    assert {d.status for d in notification.deliveries.all()} == {DeliveryStatus.DELIVERED}
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT


def test_an_unknown_target_is_refused_when_sent(sink):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        notify(sinks=(99,))
    assert "targets" in refused.value.message_dict
    assert not Notification.objects.exists()


def test_a_failed_delivery_is_retried_with_backoff_and_then_delivered(sink, settings):
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 30
    sink.failures = 1
    notification = notify(sinks=(1,))
    before = timezone.now()
    jobs.deliver_due()
    delivery = notification.deliveries.get()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (DeliveryStatus.PENDING, 1, "the sink is down")
    # Between half and all of the first step of the backoff.
    assert before + timedelta(seconds=15) <= delivery.next_attempt_at <= timezone.now() + timedelta(seconds=30)
    assert jobs.deliver_due() == 0, "not due yet"
    jobs.deliver_due(now=delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (DeliveryStatus.DELIVERED, 2, "")
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT


def test_the_backoff_doubles_up_to_its_cap(settings):
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 10
    settings.NOTIFICATION_RETRY_CAP_SECONDS = 100
    for attempt, ceiling in [(1, 10), (2, 20), (3, 40), (4, 80), (5, 100), (30, 100)]:
        delays = [retry_delay(attempt) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays), (attempt, min(delays), max(delays))


def test_a_delivery_fails_after_the_last_attempt(sink, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    sink.failures = 10
    notification = notify(sinks=(1,))
    at = timezone.now()
    for _ in range(3):
        jobs.deliver_due(now=at)
        at += timedelta(hours=2)
    delivery = notification.deliveries.get()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.FAILED, 3, None)
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.FAILED and notification.finished_at is not None
    assert jobs.deliver_due(now=at) == 0


def test_a_permanent_failure_is_not_retried_and_the_notification_is_partial(sink, viewer):
    sink.permanent = True
    notification = notify(users=(viewer.pk,), sinks=(1,))
    jobs.deliver_due()
    assert statuses(notification) == {"inapp": DeliveryStatus.DELIVERED, SINK: DeliveryStatus.FAILED}
    assert notification.deliveries.get(kind=SINK).attempts == 1
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PARTIAL


def test_nothing_is_lost_when_a_worker_dies_mid_send(sink, settings):
    """Claimed (leased, attempt counted), then the worker "dies": it never records an outcome.
    The delivery is not due while leased; once the lease ends another run delivers it."""
    settings.NOTIFICATION_LEASE_SECONDS = 120
    notification = notify(sinks=(1,))
    claimed = jobs.claim_one()
    assert claimed is not None and claimed.attempts == 1
    # ... and the process is killed here: no send, no outcome.
    assert jobs.deliver_due() == 0, "leased to the dead worker"
    assert sink.got == []
    later = timezone.now() + timedelta(seconds=121)
    assert jobs.deliver_due(now=later) == 1
    delivery = notification.deliveries.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert len(sink.got) == 1


def test_one_claim_leases_several_in_due_order_and_sized_to_fit_the_lease(sink, settings):
    sent = [notify(sinks=(i,), subject=f"n{i}") for i in (1, 2, 3)]
    first = jobs.claim(limit=2)
    assert [d.notification_id for d in first] == [sent[0].pk, sent[1].pk]
    assert {(d.attempts, d.status) for d in first} == {(1, DeliveryStatus.PENDING)}
    stored = Delivery.objects.filter(pk__in=[d.pk for d in first])
    assert {(d.attempts, d.next_attempt_at) for d in stored} == {(1, first[0].next_attempt_at)}
    assert first[0].next_attempt_at > timezone.now() + timedelta(seconds=100)  # leased
    assert [d.notification_id for d in jobs.claim(limit=2)] == [sent[2].pk]  # the leased are not due
    # A claim's last delivery is sent within half the lease at the longest timeout.
    settings.NOTIFICATION_LEASE_SECONDS, settings.NOTIFICATION_TIMEOUT_SECONDS = 120, 10
    assert jobs.claim_size() == 6
    settings.NOTIFICATION_TIMEOUT_SECONDS = 60
    assert jobs.claim_size() == 1


def test_a_claims_outcomes_are_recorded_together_each_by_its_own_rules(sink):
    one, two = notify(sinks=(1, 2), subject="one"), notify(sinks=(3,), subject="two")
    claimed = jobs.claim(limit=3)
    a, b, c = claimed
    stale = Outcome(c.pk, c.attempts + 1, error="an older attempt's failure")  # not this attempt's
    with CaptureQueriesContext(connection) as recording:
        statuses = record_outcomes([Outcome(a.pk, a.attempts), Outcome(b.pk, b.attempts, error="503"), stale])
    assert statuses == [DeliveryStatus.DELIVERED, DeliveryStatus.PENDING, None]
    b.refresh_from_db()
    assert b.status == DeliveryStatus.PENDING and b.last_error == "503" and b.next_attempt_at > timezone.now()
    one.refresh_from_db()
    assert one.status == NotificationStatus.PENDING  # b is to be retried
    assert record_outcomes([Outcome(c.pk, c.attempts)]) == [DeliveryStatus.DELIVERED]
    two.refresh_from_db()
    assert two.status == NotificationStatus.SENT and two.finished_at is not None
    # One transaction for the claim: no statement per delivery.
    assert len([q for q in recording if q["sql"].startswith("UPDATE")]) <= 2


def test_a_late_outcome_of_a_dead_workers_attempt_does_not_undo_the_next_one(sink):
    notification = notify(sinks=(1,))
    first = jobs.claim_one()
    second = jobs.claim_one(now=timezone.now() + timedelta(hours=1))
    assert first is not None and second is not None and (first.attempts, second.attempts) == (1, 2)
    sink.failures = 1
    assert jobs.attempt(first) is None, "a failure of an attempt that lost its lease is ignored"
    assert jobs.attempt(second) == DeliveryStatus.DELIVERED
    assert notification.deliveries.get().status == DeliveryStatus.DELIVERED


def test_a_disabled_channel_and_an_inactive_user_are_skipped(viewer, channel_of):
    channel = channel_of(viewer, enabled=True)
    notification = notify(users=(viewer.pk,))
    channel.enabled = False
    channel.save()
    jobs.deliver_due()
    assert statuses(notification) == {"inapp": DeliveryStatus.DELIVERED, "email": DeliveryStatus.SKIPPED}
    assert notification.deliveries.get(kind="email").last_error == "The channel is disabled."
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT

    gone = UserFactory.create()
    later = notify(users=(gone.pk,))
    gone.is_active = False
    gone.save()
    jobs.deliver_due()
    assert statuses(later) == {"inapp": DeliveryStatus.SKIPPED}


def test_a_kind_nothing_delivers_fails_for_good():
    notification = send(Actor.system(), type="test", subject="s", content="c", recipients=Recipients(users=()))
    Delivery.objects.create(notification=notification, kind="carrier_pigeon")
    Notification.objects.filter(pk=notification.pk).update(status=NotificationStatus.PENDING, finished_at=None)
    jobs.deliver_due()
    delivery = notification.deliveries.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "carrier_pigeon" in delivery.last_error


@pytest.mark.skipif(
    importlib.util.find_spec("notifications.transports") is not None,
    reason="the transports module is installed: its own tests deliver email",
)
def test_without_the_transports_module_an_email_waits_for_it(viewer, channel_of):
    channel_of(viewer)
    notification = notify(users=(viewer.pk,))
    jobs.deliver_due()
    email = notification.deliveries.get(kind="email")
    assert email.status == DeliveryStatus.PENDING and "transport" in email.last_error


def test_a_notification_to_nobody_is_finished_at_once():
    from accounts.models import Team

    team = Team.objects.create(name="empty")
    notification = send(Actor.system(), type="test", subject="s", content="c", recipients=Recipients(teams=(team.pk,)))
    assert notification.status == NotificationStatus.SENT and notification.finished_at is not None


class TestRetention:
    def test_finished_notifications_past_retention_are_pruned_pending_ones_stay(self, viewer, settings):
        settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "notifications": 30}
        old, recent, waiting = (notify(users=(viewer.pk,)) for _ in range(3))
        jobs.deliver_due()
        long_ago = timezone.now() - timedelta(days=31)
        Notification.objects.filter(pk__in=[old.pk, waiting.pk]).update(finished_at=long_ago)
        Notification.objects.filter(pk=waiting.pk).update(status=NotificationStatus.PENDING)
        assert jobs.prune_sent() == 1
        assert set(Notification.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
        assert not Delivery.objects.filter(notification_id=old.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_deliver_each_delivery_exactly_once(sink):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs row locks and a database shared by threads (PostgreSQL)")
    import threading

    from django.db import connections

    notifications = [notify(sinks=(1, 2, 3)) for _ in range(10)]
    counts: list[int] = []

    def worker() -> None:
        try:
            counts.append(jobs.deliver_due())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 30
    assert sorted(pk for pk, _, _ in sink.got) == sorted(Delivery.objects.values_list("pk", flat=True))
    assert Delivery.objects.filter(status=DeliveryStatus.DELIVERED, attempts=1).count() == 30
    assert {n.status for n in Notification.objects.filter(pk__in=[n.pk for n in notifications])} == {
        NotificationStatus.SENT
    }
