"""The categories and priorities a ticket is classified into (the helpdesk seed's vocabulary)."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "system_down",
    "performance_issue",
    "password_reset",
    "software_installation",
    "hardware_issue",
    "network_issue",
    "other",
)
#: Where a ticket goes when the classifier is not sure enough.
FALLBACK_CATEGORY = "other"
PRIORITIES: tuple[str, ...] = ("low", "medium", "high", "critical")
#: Where a label came from (``triage.record_label(..., source=…)``): a short lowercase name such
#: as ``helpdesk`` (a support change of category), ``review`` or ``import``.
LABEL_SOURCE_PATTERN = r"^[a-z][a-z0-9_.-]{0,31}$"
