"""The helpdesk's vocabularies, as the seed names them."""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    PENDING = "pending", "Pending (waiting on the requester)"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed"
    CANCELLED = "cancelled", "Cancelled"


class Priority(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical"


class Category(models.TextChoices):
    SYSTEM_DOWN = "system_down", "System down"
    PERFORMANCE_ISSUE = "performance_issue", "Performance issue"
    PASSWORD_RESET = "password_reset", "Password reset"
    SOFTWARE_INSTALLATION = "software_installation", "Software installation"
    HARDWARE_ISSUE = "hardware_issue", "Hardware issue"
    NETWORK_ISSUE = "network_issue", "Network issue"
    OTHER = "other", "Other"


class Source(models.TextChoices):
    API = "api", "REST API or dashboard"
    CHAT = "chat", "A chat thread (/ticket)"
    CHATBOT = "chatbot", "The FAQ bot, escalating"
    ALERT = "alert", "A monitoring alert (incident)"


class SLAState(models.TextChoices):
    NONE = "none", "No policy"
    RUNNING = "running", "Running"
    PAUSED = "paused", "Paused"
    MET = "met", "Met"
    BREACHED = "breached", "Breached"


class Strategy(models.TextChoices):
    LEAST_LOADED = "least_loaded", "Least loaded"
    ROUND_ROBIN = "round_robin", "Round robin"


#: The statuses in which a ticket is being worked on: the SLA clock runs only in these.
RUNNING = (Status.OPEN, Status.IN_PROGRESS)
#: Not finished: they count towards an assignee's load and move with a deactivated assignee.
ACTIVE = (Status.OPEN, Status.IN_PROGRESS, Status.PENDING)
DONE = (Status.RESOLVED, Status.CLOSED, Status.CANCELLED)

#: Which status may follow which. ``resolved`` → ``open`` is the reopening (a requester only
#: within ``HELPDESK_REOPEN_DAYS``); ``closed`` and ``cancelled`` are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.OPEN: frozenset({Status.IN_PROGRESS, Status.PENDING, Status.RESOLVED, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset({Status.OPEN, Status.PENDING, Status.RESOLVED, Status.CANCELLED}),
    Status.PENDING: frozenset({Status.OPEN, Status.IN_PROGRESS, Status.RESOLVED, Status.CANCELLED}),
    Status.RESOLVED: frozenset({Status.OPEN, Status.IN_PROGRESS, Status.CLOSED}),
    Status.CLOSED: frozenset(),
    Status.CANCELLED: frozenset(),
}
