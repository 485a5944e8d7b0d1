"""The seed's ``GET /chatbot/analytics``: how much the bot answers and how sure it is."""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import Lower, Trim

from chatbot.models import ChatLog

COMMON_QUERIES = 10


def summary(logs: QuerySet[ChatLog]) -> dict[str, Any]:
    totals = logs.aggregate(
        total=Count("id"), escalated=Count("id", filter=Q(was_escalated=True)), confidence=Avg("confidence_score")
    )
    total = int(totals["total"] or 0)
    escalated = int(totals["escalated"] or 0)
    common = (
        logs.order_by()
        .annotate(query=Lower(Trim("user_query")))
        .values("query")
        .annotate(count=Count("id"))
        .order_by("-count", "query")[:COMMON_QUERIES]
    )
    return {
        "total_queries": total,
        "escalated_queries": escalated,
        # A percentage, as the seed has it (16.67 for one in six).
        "escalation_rate": round(100.0 * escalated / total, 2) if total else 0.0,
        "avg_confidence_score": round(float(totals["confidence"]), 4) if totals["confidence"] is not None else None,
        "common_queries": [{"query": row["query"], "count": row["count"]} for row in common],
    }
