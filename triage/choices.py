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
#: Who recorded a label (``triage.record_label(..., source=…)``).
LABEL_SOURCES: tuple[str, ...] = ("correction", "import", "review")
