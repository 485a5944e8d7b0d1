"""Where alerts go and who hears of them: routes, their groups, silences and escalation
policies, and what happened to each alert on the way (``AlertActivity``, the timeline).

Modelled on Alertmanager (an ordered list of routes with ``continue``; ``group_by``,
``group_wait``, ``group_interval``, ``repeat_interval``; silences of label matchers) and on
Grafana OnCall (escalation chains). Defined here to keep ``alerts.models`` readable; imported
at its end, so Django finds them as the alerts app's models. See docs/alert-routing.md.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from alerts.models import Alert

__all__ = [
    "GROUP_BY_DEFAULT",
    "ActivityKind",
    "AlertActivity",
    "AlertGroup",
    "AlertGroupMember",
    "AlertRoute",
    "EscalationPolicy",
    "GroupLabel",
    "MatchLabel",
    "MatchOp",
    "Silence",
    "SilenceState",
]


class MatchLabel(models.TextChoices):
    """What a silence's matcher compares."""

    SEVERITY = "severity", "Severity"
    SERVER = "server", "Server name"
    TAG = "tag", "A tag of the server"
    THRESHOLD = "threshold", "Threshold id"
    KIND = "kind", "Alert kind"
    ALERT_NAME = "alert_name", "Alert name"


class MatchOp(models.TextChoices):
    EQ = "=", "equals"
    NE = "!=", "does not equal"
    RE = "=~", "matches the regular expression"
    NRE = "!~", "does not match the regular expression"


class GroupLabel(models.TextChoices):
    """What a route groups its alerts by (always within the route)."""

    ALERT_NAME = "alert_name", "Alert name"
    SEVERITY = "severity", "Severity"
    THRESHOLD = "threshold", "Threshold"
    KIND = "kind", "Alert kind"
    SERVER = "server", "Server"


GROUP_BY_DEFAULT = [GroupLabel.ALERT_NAME.value, GroupLabel.SEVERITY.value]


def _default_group_by() -> list[str]:
    return list(GROUP_BY_DEFAULT)


class SilenceState(models.TextChoices):
    PENDING = "pending", "Not begun"
    ACTIVE = "active", "Active"
    EXPIRED = "expired", "Expired"


class Silence(models.Model):
    """Alerts whose labels meet every matcher between ``starts_at`` and ``ends_at`` are not
    sent (routes, alert emails); they still exist and show as silenced."""

    #: ``[{"label": MatchLabel, "op": MatchOp, "value": str}]``, all of which must match.
    matchers = models.JSONField(default=list)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField(db_index=True)
    comment = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    #: Laid on the open alerts it matched once it began (by its creation, or by the routing job
    #: at ``starts_at``); alerts that fire later are matched as they fire.
    applied = models.BooleanField(default=False)

    class Meta:
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="alerts_silence_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"silence #{self.pk} until {self.ends_at:%Y-%m-%d %H:%M}"

    def state(self, now: datetime) -> SilenceState:
        if now < self.starts_at:
            return SilenceState.PENDING
        return SilenceState.ACTIVE if now < self.ends_at else SilenceState.EXPIRED


class EscalationPolicy(models.Model):
    """Steps taken while an alert stays firing and unacknowledged: step *i* notifies its
    recipients ``after_minutes`` after the alert was first notified (cumulative)."""

    name = models.CharField(max_length=100)
    description = models.CharField(max_length=500, blank=True)
    #: ``[{"after_minutes": int, "users": [ids], "teams": [ids], "channels": [ids], "chat_rooms": [ids]}]``
    steps = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "escalation policies"
        constraints = [models.UniqueConstraint(Lower("name"), name="alerts_escalation_name_ci_unique")]

    def __str__(self) -> str:
        return self.name


class AlertRoute(models.Model):
    """Alerts that match go, grouped, to the route's receivers. Routes are tried in
    ``position`` order; the first that matches takes the alert, unless it has
    ``continue_matching`` (Alertmanager's ``continue``), when the next ones are tried too.
    An empty criterion matches everything."""

    name = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=0, db_index=True)
    enabled = models.BooleanField(default=True)
    # What it matches (every non-empty criterion must hold).
    severities = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    thresholds = models.JSONField(default=list, blank=True)
    kinds = models.JSONField(default=list, blank=True)
    continue_matching = models.BooleanField(default=False)
    # Who hears (ids; rooms are the chat app's, so ids, checked through the registered target).
    users = models.JSONField(default=list, blank=True)
    teams = models.JSONField(default=list, blank=True)
    channels = models.JSONField(default=list, blank=True)
    chat_rooms = models.JSONField(default=list, blank=True)
    # How (Alertmanager's meanings).
    group_by = models.JSONField(default=_default_group_by, blank=True)
    group_wait_seconds = models.PositiveIntegerField(default=30)
    group_interval_seconds = models.PositiveIntegerField(default=300)
    repeat_interval_seconds = models.PositiveIntegerField(default=4 * 3600)
    send_resolved = models.BooleanField(default=True)
    escalation_policy = models.ForeignKey(
        EscalationPolicy, on_delete=models.PROTECT, null=True, blank=True, related_name="routes"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(Lower("name"), name="alerts_route_name_ci_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_receivers(self) -> bool:
        return bool(self.users or self.teams or self.channels or self.chat_rooms)


class AlertGroup(models.Model):
    """Alerts of one route that share the values of its ``group_by`` labels: notified together.
    Deleted once every member has resolved and been told of (a later alert starts a new one,
    with a new ``group_wait``)."""

    route = models.ForeignKey(AlertRoute, on_delete=models.CASCADE, related_name="groups")
    key = models.CharField(max_length=64)
    labels = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    #: When the routing job looks at the group next: ``group_wait`` after it began, then every
    #: ``group_interval``.
    next_flush_at = models.DateTimeField(db_index=True)
    last_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["route", "key"], name="alerts_group_route_key")]

    def __str__(self) -> str:
        return f"group {self.labels} of route {self.route_id}"


class AlertGroupMember(models.Model):
    """An alert in a group, and how far it has been told of and escalated."""

    group = models.ForeignKey(AlertGroup, on_delete=models.CASCADE, related_name="members")
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="group_memberships")
    joined_at = models.DateTimeField()
    #: When a notification first listed it as firing (null: not yet).
    notified_at = models.DateTimeField(null=True, blank=True)
    #: Escalation steps already taken, and when the next one is due (null: none).
    escalation_step = models.PositiveSmallIntegerField(default=0)
    next_escalation_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["group", "alert"], name="alerts_group_member_unique")]

    def __str__(self) -> str:
        return f"alert {self.alert_id} in group {self.group_id}"


class ActivityKind(models.TextChoices):
    SILENCED = "silenced", "Silenced"
    UNSILENCED = "unsilenced", "Silence ended"
    NOTIFIED = "notified", "Notified"
    ESCALATED = "escalated", "Escalated"


class AlertActivity(models.Model):
    """What happened to an alert beyond its own fields, for its timeline: a silence began or
    ended for it, a notification listed it, an escalation step was taken."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="activity")
    at = models.DateTimeField()
    kind = models.CharField(max_length=16, choices=ActivityKind.choices)
    silence = models.ForeignKey(Silence, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    route = models.ForeignKey(AlertRoute, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    notification = models.ForeignKey(
        "notifications.Notification", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: Kept in clear (the route's name, the reason, the step), so it reads the same later.
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name_plural = "alert activity"
        indexes = [models.Index(fields=["alert", "at"], name="alerts_activity_alert_at")]

    def __str__(self) -> str:
        return f"{self.kind} of alert {self.alert_id} at {self.at:%Y-%m-%d %H:%M:%S}"
