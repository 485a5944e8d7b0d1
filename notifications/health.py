"""The email provider in ``GET /api/v1/health``: the same check as ``POST
/email-providers/validate`` (SMTP connects, starts TLS and signs in; an API provider answers its
cheapest authenticated call), never a message sent."""

from __future__ import annotations

import time

from chatops.registry import ServiceStatus
from notifications import mail_check
from notifications.models import EmailProvider


def check_email() -> list[ServiceStatus]:
    provider = EmailProvider.objects.filter(pk=EmailProvider.SINGLETON).first()
    started = time.perf_counter()
    report = mail_check.check(provider)
    elapsed = round((time.perf_counter() - started) * 1000, 2)
    failed = report.failed
    if failed is not None:
        # The step only: its detail names hosts and servers' replies, and health is public.
        return [ServiceStatus("email", report.provider, "down", elapsed, error=f"{failed.step} failed")]
    probed = any(step.step != "configuration" for step in report.steps)
    # A backend with nothing to connect to (console, in-memory) cannot be probed without mail.
    return [ServiceStatus("email", report.provider, "up" if probed else "unknown", elapsed if probed else None)]
