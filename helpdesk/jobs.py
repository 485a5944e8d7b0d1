"""The helpdesk's background work: the SLA clock's breaches."""

from __future__ import annotations

from django.conf import settings

from chatops.registry import Job


def check_sla() -> None:
    from helpdesk.services.breaches import check_breaches

    check_breaches()


JOBS = (Job("helpdesk.sla", settings.HELPDESK_SLA_CHECK_SECONDS, check_sla),)
