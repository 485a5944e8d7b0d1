"""Delivery analytics (``GET /api/v1/notifications/analytics``), counted in the database.

Over the notifications given (the list's filters: type, status, severity, date range):
deliveries made, delivered and failed, in total, by notification type, by delivery kind and by
day (UTC, of the notification's creation), and the delivery time (from a delivery's creation to
its delivery, quiet hours included) at the 50th and 95th percentiles: PostgreSQL's
``percentile_cont``; elsewhere (SQLite) the same interpolation from the two rows around each
rank, fetched in order by the database.
"""

from __future__ import annotations

import math
from datetime import UTC, timedelta
from typing import Any

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncDate

from notifications.choices import DeliveryStatus, NotificationStatus
from notifications.models import Delivery, Notification

PERCENTILES = {"p50": 0.5, "p95": 0.95}


class PercentileCont(Aggregate):
    """PostgreSQL's ``percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)``."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression: Any, fraction: float, **extra: Any) -> None:
        super().__init__(expression, fraction=float(fraction), **extra)


def _duration() -> ExpressionWrapper:
    return ExpressionWrapper(F("delivered_at") - F("created_at"), output_field=DurationField())


def _ms(value: timedelta | None) -> float | None:
    return None if value is None else round(value.total_seconds() * 1000, 1)


def delivery_times(deliveries: QuerySet[Delivery]) -> dict[str, Any]:
    """``count``, ``p50`` and ``p95`` in milliseconds (null without deliveries)."""
    done = deliveries.filter(status=DeliveryStatus.DELIVERED, delivered_at__isnull=False).order_by()
    if connection.vendor == "postgresql":
        row = done.aggregate(
            count=Count("id"),
            **{name: PercentileCont(_duration(), p, output_field=DurationField()) for name, p in PERCENTILES.items()},
        )
        return {"count": row["count"], **{name: _ms(row[name]) for name in PERCENTILES}}
    count = done.count()
    out: dict[str, Any] = {"count": count}
    ordered = done.annotate(duration=_duration()).order_by("duration").values_list("duration", flat=True)
    for name, fraction in PERCENTILES.items():
        if not count:
            out[name] = None
            continue
        rank = fraction * (count - 1)
        low = math.floor(rank)
        around = list(ordered[low : low + 2])
        value = around[0] + (around[-1] - around[0]) * (rank - low)
        out[name] = _ms(value)
    return out


def _delivery_counts() -> dict[str, Any]:
    return {
        "sent": Count("id"),
        "delivered": Count("id", filter=Q(status=DeliveryStatus.DELIVERED)),
        "failed": Count("id", filter=Q(status=DeliveryStatus.FAILED)),
        "pending": Count("id", filter=Q(status__in=(DeliveryStatus.PENDING, DeliveryStatus.HELD))),
        "skipped": Count("id", filter=Q(status=DeliveryStatus.SKIPPED)),
    }


def _rate(delivered: int, failed: int) -> float | None:
    return round(delivered / (delivered + failed), 4) if delivered + failed else None


def summarize(notifications: QuerySet[Notification]) -> dict[str, Any]:
    notifications = notifications.order_by()
    deliveries = Delivery.objects.filter(notification__in=notifications.values("pk")).order_by()
    totals = deliveries.aggregate(**_delivery_counts())
    by_status = dict(notifications.values("status").annotate(n=Count("id")).values_list("status", "n"))

    per_type = {row["type"]: row["n"] for row in notifications.values("type").annotate(n=Count("id"))}
    by_type = [
        {"type": row["notification__type"], "notifications": per_type.get(row["notification__type"], 0), **_strip(row)}
        for row in deliveries.values("notification__type").annotate(**_delivery_counts()).order_by("notification__type")
    ]
    seen = {row["type"] for row in by_type}
    by_type += [
        {"type": name, "notifications": n, "sent": 0, "delivered": 0, "failed": 0, "pending": 0, "skipped": 0}
        for name, n in sorted(per_type.items())
        if name not in seen
    ]
    by_type.sort(key=lambda row: row["type"])

    day = TruncDate("created_at", tzinfo=UTC)
    per_day = {row["day"]: row["n"] for row in notifications.annotate(day=day).values("day").annotate(n=Count("id"))}
    delivered_by_day = {
        row["day"]: _strip(row)
        for row in deliveries.annotate(day=TruncDate("notification__created_at", tzinfo=UTC))
        .values("day")
        .annotate(**_delivery_counts())
    }
    empty = {"sent": 0, "delivered": 0, "failed": 0, "pending": 0, "skipped": 0}
    by_day = [
        {"date": day_.isoformat(), "notifications": per_day.get(day_, 0), **delivered_by_day.get(day_, empty)}
        for day_ in sorted(set(per_day) | set(delivered_by_day))
    ]
    by_kind = [
        {"kind": row["kind"], **_strip(row)}
        for row in deliveries.values("kind").annotate(**_delivery_counts()).order_by("kind")
    ]
    return {
        "notifications": sum(by_status.values()),
        "notifications_by_status": {status: by_status.get(status, 0) for status in NotificationStatus.values},
        **totals,
        "delivery_rate": _rate(totals["delivered"], totals["failed"]),
        "delivery_time_ms": delivery_times(deliveries),
        "by_type": by_type,
        "by_kind": by_kind,
        "by_day": by_day,
    }


def _strip(row: Any) -> dict[str, int]:
    return {key: row[key] for key in ("sent", "delivered", "failed", "pending", "skipped")}
