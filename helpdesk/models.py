"""Tickets, their conversation and timeline, SLA policies and the routes of categories to teams.

Who sees a ticket is decided in one place, ``TicketQuerySet.visible_to``: support staff
(``support``, ``operator``, ``admin``) see every ticket; everyone else (``requester``,
``viewer``) the tickets they opened or watch; another's ticket is a 404 to them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from accounts.choices import Role
from accounts.models import Team
from helpdesk.choices import ACTIVE, RUNNING, Category, Priority, SLAState, Source, Status, Strategy

TITLE_MAX = 200
DESCRIPTION_MAX = 10_000
COMMENT_MAX = 10_000


def is_staff(user: Any) -> bool:
    """Support staff: they see and work every ticket (support, operators, admins)."""
    return bool(user is not None and user.is_authenticated and user.has_role(Role.SUPPORT))


class TicketQuerySet(models.QuerySet["Ticket"]):
    def visible_to(self, user: Any) -> TicketQuerySet:
        """Every ticket for support staff; one's own (opened or watched) for everyone else."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if is_staff(user):
            return self.all()
        watched = Ticket.watchers.through.objects.filter(user_id=user.pk).values("ticket_id")
        return self.filter(Q(created_by=user) | Q(pk__in=watched))

    def active(self) -> TicketQuerySet:
        return self.filter(status__in=ACTIVE)


class Ticket(models.Model):
    """A request for help or an incident, with the seed's fields, its SLA clock and its links
    (the alert that opened it, the chat thread it came from)."""

    title = models.CharField(max_length=TITLE_MAX)
    description = models.TextField(max_length=DESCRIPTION_MAX, blank=True)
    priority = models.CharField(max_length=16, choices=Priority.choices, default=Priority.MEDIUM, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    category = models.CharField(max_length=32, choices=Category.choices, default=Category.OTHER, db_index=True)
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.API)
    #: The requester (the seed's ``created_by``); null for an incident the hub opened.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="tickets_opened"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="tickets_assigned"
    )
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="tickets")
    watchers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="tickets_watched")
    # Auto-categorisation (triage.predict): whether the category was guessed, how sure the
    # classifier was (a calibrated probability), and whether support should look again.
    auto_categorized = models.BooleanField(default=False)
    confidence_score = models.FloatField(null=True, blank=True)
    needs_review = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The SLA clock (helpdesk.sla): the targets are read from the policy of the priority when
    # the ticket opens or its priority changes; time spent paused (not open or in progress)
    # is kept in ``paused_seconds`` and pushes the due times back, whatever the policy.
    first_response_at = models.DateTimeField(null=True, blank=True)
    first_response_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    paused_seconds = models.PositiveIntegerField(default=0)
    first_response_breached_at = models.DateTimeField(null=True, blank=True)
    resolution_breached_at = models.DateTimeField(null=True, blank=True)
    sla_state = models.CharField(max_length=16, choices=SLAState.choices, default=SLAState.NONE, db_index=True)
    # An incident: the alert that opened it (and the last one merged into it), its key
    # (threshold and server) under which repeats merge, and how many alerts it gathered.
    alert = models.ForeignKey("alerts.Alert", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    incident_key = models.CharField(max_length=100, blank=True, db_index=True)
    alert_count = models.PositiveIntegerField(default=0)
    recovered_at = models.DateTimeField(null=True, blank=True)
    #: The chat message whose thread the ticket was opened from (``/ticket``).
    chat_message = models.ForeignKey("chat.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = TicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="helpdesk_ticket_assignee"),
            models.Index(fields=["created_by", "status"], name="helpdesk_ticket_requester"),
        ]
        constraints = [
            # One open incident per key: repeats merge into it.
            models.UniqueConstraint(
                fields=["incident_key"],
                condition=Q(status__in=["open", "in_progress", "pending"]) & ~Q(incident_key=""),
                name="helpdesk_one_open_incident_per_key",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"

    @property
    def clock_running(self) -> bool:
        return self.status in RUNNING

    def paused_total(self, now: datetime) -> timedelta:
        """Time the clock stood still so far, the current pause included."""
        current = now - self.paused_at if self.paused_at is not None else timedelta(0)
        return timedelta(seconds=self.paused_seconds) + current


class TicketComment(models.Model):
    """A public reply or an internal note (support staff only; requesters never see one)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(max_length=COMMENT_MAX)
    internal = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"comment {self.pk} on ticket {self.ticket_id}"


class TicketEvent(models.Model):
    """One entry of a ticket's timeline: every change, who made it, and what it was."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=32)
    #: What changed: ``{"field": ..., "from": ..., "to": ...}`` and the like.
    details = models.JSONField(default=dict, blank=True)
    #: Only support staff see it (an internal note, an SLA breach, a reassignment).
    internal = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} on ticket {self.ticket_id}"


class SLAPolicy(models.Model):
    """The targets of one priority: first response and resolution, in working minutes of the
    clock (which stands still while the ticket waits on its requester)."""

    priority = models.CharField(max_length=16, choices=Priority.choices, unique=True)
    first_response_minutes = models.PositiveIntegerField()
    resolution_minutes = models.PositiveIntegerField()
    enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority"]
        verbose_name = "SLA policy"
        verbose_name_plural = "SLA policies"

    def __str__(self) -> str:
        return f"{self.priority}: {self.first_response_minutes} min / {self.resolution_minutes} min"


class CategoryRoute(models.Model):
    """Which team works a category, and how a new ticket finds its assignee in it."""

    category = models.CharField(max_length=32, choices=Category.choices, unique=True)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="helpdesk_routes")
    strategy = models.CharField(max_length=16, choices=Strategy.choices, default=Strategy.LEAST_LOADED)
    auto_assign = models.BooleanField(default=True)
    #: Round robin: who got the last one (the next member after them gets the next).
    last_assigned = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["category"]

    def __str__(self) -> str:
        return f"{self.category} → team {self.team_id} ({self.strategy})"


class IncidentSync(models.Model):
    """The state of an alert the helpdesk has acted on. The ``helpdesk.incidents`` job takes the
    alerts whose status moved on since (new, acknowledged, resolved) and brings their incident
    along, in the alert's order of events; so an alert storm costs the ingest path nothing, and
    a crash between an alert's commit and its incident loses nothing."""

    alert = models.OneToOneField(
        "alerts.Alert", on_delete=models.CASCADE, primary_key=True, related_name="incident_sync"
    )
    state = models.CharField(max_length=16)
    synced_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"alert {self.alert_id}: {self.state}"
