"""CI integrations in ``GET /api/v1/health``: CI systems push to the hub, so nothing is probed;
each enabled integration is judged by its last delivery (one query): ``up`` when it was accepted
(or a duplicate, or filtered: the hub understood it), ``down`` when the hub could not use it (a
bad signature, an invalid payload, an unknown event: a misconfigured sender), ``unknown`` before
the first."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery

from chatops.registry import ServiceStatus
from pipelines.choices import Verdict
from pipelines.models import Delivery, Integration

UNDERSTOOD = {Verdict.ACCEPTED, Verdict.DUPLICATE, Verdict.FILTERED}


def check_integrations() -> list[ServiceStatus]:
    last = Delivery.objects.filter(integration=OuterRef("pk")).order_by("-received_at", "-pk")
    rows = (
        Integration.objects.filter(enabled=True)
        .annotate(last_at=Subquery(last.values("received_at")[:1]), last_verdict=Subquery(last.values("verdict")[:1]))
        .order_by("name", "pk")
        .values_list("name", "provider", "last_at", "last_verdict")
    )
    statuses = []
    for name, provider, last_at, verdict in rows:
        if verdict is None:
            statuses.append(ServiceStatus(name, provider, "unknown"))
        elif verdict in UNDERSTOOD:
            statuses.append(ServiceStatus(name, provider, "up", last_seen=last_at))
        else:
            statuses.append(ServiceStatus(name, provider, "down", error=f"last delivery: {verdict}", last_seen=last_at))
    return statuses
