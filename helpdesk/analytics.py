"""The seed's ticket summary, plus SLA compliance, mean times to first response and to
resolution, and a trend by day. Counted in the database (grouped counts, one query each);
the means read two timestamps per finished ticket."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from helpdesk.choices import Category, Priority, SLAState, Status
from helpdesk.models import Ticket

TREND_DAYS = 30


def _counts(tickets: QuerySet[Ticket], field: str, choices: list[str]) -> dict[str, int]:
    found = dict(tickets.order_by().values_list(field).annotate(n=Count("id")))
    return {choice: int(found.get(choice, 0)) for choice in choices}


def _mean_hours(pairs: list[tuple[datetime, datetime | None]]) -> float | None:
    spans = [(end - start).total_seconds() for start, end in pairs if end is not None]
    return round(sum(spans) / len(spans) / 3600, 2) if spans else None


def _trend(tickets: QuerySet[Ticket], days: int) -> list[dict[str, Any]]:
    today = timezone.now().date()
    first = today - timedelta(days=days - 1)
    start = datetime.combine(first, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    opened = dict(
        tickets.filter(created_at__gte=start)
        .annotate(day=TruncDate("created_at"))
        .order_by()
        .values_list("day")
        .annotate(n=Count("id"))
    )
    resolved = dict(
        tickets.filter(resolved_at__gte=start)
        .annotate(day=TruncDate("resolved_at"))
        .order_by()
        .values_list("day")
        .annotate(n=Count("id"))
    )
    out = []
    for offset in range(days):
        day: date = first + timedelta(days=offset)
        out.append({"day": day, "opened": int(opened.get(day, 0)), "resolved": int(resolved.get(day, 0))})
    return out


def summarize(tickets: QuerySet[Ticket], *, days: int = TREND_DAYS) -> dict[str, Any]:
    totals = tickets.order_by().aggregate(
        total=Count("id"),
        auto=Count("id", filter=Q(auto_categorized=True)),
        review=Count("id", filter=Q(needs_review=True)),
        with_policy=Count("id", filter=~Q(sla_state=SLAState.NONE)),
        breached=Count("id", filter=Q(sla_state=SLAState.BREACHED)),
        first_breached=Count("id", filter=Q(first_response_breached_at__isnull=False)),
        resolution_breached=Count("id", filter=Q(resolution_breached_at__isnull=False)),
    )
    resolved = list(tickets.filter(resolved_at__isnull=False).values_list("created_at", "resolved_at"))
    responded = list(tickets.filter(first_response_at__isnull=False).values_list("created_at", "first_response_at"))
    with_policy = int(totals["with_policy"])
    return {
        "status_counts": _counts(tickets, "status", Status.values),
        "priority_counts": _counts(tickets, "priority", Priority.values),
        "category_counts": _counts(tickets, "category", Category.values),
        "total_tickets": int(totals["total"]),
        "avg_resolution_time_hours": _mean_hours(resolved),
        "avg_first_response_time_hours": _mean_hours(responded),
        "auto_categorized": int(totals["auto"]),
        "needs_review": int(totals["review"]),
        "sla": {
            "with_policy": with_policy,
            "breached": int(totals["breached"]),
            "first_response_breached": int(totals["first_breached"]),
            "resolution_breached": int(totals["resolution_breached"]),
            "compliance_percent": (
                round(100 * (with_policy - int(totals["breached"])) / with_policy, 2) if with_policy else None
            ),
            "by_state": _counts(tickets, "sla_state", SLAState.values),
        },
        "trend": _trend(tickets, days),
    }
