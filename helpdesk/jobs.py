"""The helpdesk's background work: the SLA clock's breaches, and incidents from alerts."""

from __future__ import annotations

from django.conf import settings

from chatops.registry import Job


def check_sla() -> None:
    from helpdesk.services.breaches import check_breaches

    check_breaches()


def sync_incidents() -> None:
    from helpdesk.services.incidents import sync_incidents

    sync_incidents()


JOBS = (
    Job("helpdesk.sla", settings.HELPDESK_SLA_CHECK_SECONDS, check_sla),
    Job("helpdesk.incidents", settings.HELPDESK_INCIDENT_SYNC_SECONDS, sync_incidents),
)
