"""The in-app inbox: unread counts, marking read, and the live events to the user's sockets
(published after commit: the database is the record, the socket only says it changed)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from accounts.actor import Actor
from chatops.realtime import publish_after_commit
from notifications.events import NotificationCreatedEvent, NotificationReadEvent, inbox_group
from notifications.models import Delivery
from notifications.representation import inbox_item


def unread_counts(user_ids: Iterable[int]) -> dict[int, int]:
    ids = set(user_ids)
    rows = (
        Delivery.objects.in_app()
        .filter(user__in=ids)
        .unread()
        .order_by()
        .values("user")
        .annotate(n=Count("id"))
        .values_list("user", "n")
    )
    return {**dict.fromkeys(ids, 0), **dict(rows)}


def unread_count(user_id: int) -> int:
    return unread_counts([user_id])[user_id]


def announce_delivered(deliveries: Sequence[Delivery]) -> None:
    """``notification.created`` to each recipient's sockets, with their unread count, once the
    transaction that marked these in-app deliveries delivered commits."""
    if not deliveries:
        return
    counts = unread_counts(d.user_id for d in deliveries if d.user_id)
    messages = []
    for delivery in deliveries:
        if delivery.user_id is None:
            continue
        event = NotificationCreatedEvent(
            type="notification.created", item=inbox_item(delivery), unread=counts.get(delivery.user_id, 0)
        )
        messages.append((inbox_group(delivery.user_id), event))
    publish_after_commit(messages)


def _announce_read(user_id: int, ids: list[int], *, all: bool) -> None:
    event = NotificationReadEvent(type="notification.read", ids=ids, all=all, unread=unread_count(user_id))
    publish_after_commit([(inbox_group(user_id), event)])


def mark_read(actor: Actor, delivery: Delivery) -> Delivery:
    """Mark one of the actor's inbox items read (again: no change)."""
    assert actor.user is not None and delivery.user_id == actor.user.pk
    with transaction.atomic():
        if delivery.read_at is None:
            now = timezone.now()
            changed = Delivery.objects.filter(pk=delivery.pk, read_at__isnull=True).update(read_at=now)
            delivery.read_at = (
                now if changed else Delivery.objects.values_list("read_at", flat=True).get(pk=delivery.pk)
            )
            if changed:
                _announce_read(actor.user.pk, [delivery.pk], all=False)
    return delivery


def mark_all_read(actor: Actor) -> int:
    """Mark every unread inbox item of the actor read; returns how many."""
    assert actor.user is not None
    with transaction.atomic():
        count = Delivery.objects.inbox(actor.user).unread().update(read_at=timezone.now())
        if count:
            _announce_read(actor.user.pk, [], all=True)
    return count
