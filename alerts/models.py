"""Thresholds, the alerts they raise, and the state that survives a hub restart.

A threshold watches one metric on a scope of servers. For each (threshold, server) the
evaluation keeps at most one ``ThresholdState`` (a breach that has not yet lasted
``duration_seconds``) and at most one open ``Alert`` (firing or acknowledged). Both live in the
database and change in the ingest transaction, so a restart neither forgets a pending duration
nor fires an open alert again.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from monitoring.catalog import is_known
from servers.models import Server, Tag

MAX_DURATION_SECONDS = 7 * 24 * 3600


class Operator(models.TextChoices):
    GT = ">", "greater than"
    GTE = ">=", "greater than or equal"
    LT = "<", "less than"
    LTE = "<=", "less than or equal"


class Severity(models.TextChoices):
    INFO = "info", "Info"
    WARNING = "warning", "Warning"
    CRITICAL = "critical", "Critical"


class Scope(models.TextChoices):
    SERVER = "server", "One server"
    TAG = "tag", "Servers with a tag"
    ALL = "all", "Every server"


# The comparison of each operator, as a function (evaluation runs it for every sample).
COMPARE: dict[str, Callable[[float, float], bool]] = {
    Operator.GT: operator.gt,
    Operator.GTE: operator.ge,
    Operator.LT: operator.lt,
    Operator.LTE: operator.le,
}


def threshold_problems(
    *, operator: str | None, value: float | None, clear_value: float | None, scope: str, has_server: bool, has_tag: bool
) -> dict[str, str]:
    """What is wrong with a threshold's combination of fields, by field (empty: nothing).
    The REST API and the admin both ask this."""
    problems: dict[str, str] = {}
    if scope == Scope.SERVER and not has_server:
        problems["server"] = "Required with scope 'server'."
    if scope == Scope.TAG and not has_tag:
        problems["tag"] = "Required with scope 'tag'."
    if scope != Scope.SERVER and has_server:
        problems["server"] = "Only with scope 'server'."
    if scope != Scope.TAG and has_tag:
        problems["tag"] = "Only with scope 'tag'."
    if clear_value is not None and operator is not None and value is not None:
        if operator in (Operator.GT, Operator.GTE) and clear_value > value:
            problems["clear_value"] = f"With {operator}, must be at most value ({value:g})."
        if operator in (Operator.LT, Operator.LTE) and clear_value < value:
            problems["clear_value"] = f"With {operator}, must be at least value ({value:g})."
    return problems


def metric_problem(metric: str, *, expected: bool, before: Threshold | None = None) -> str | None:
    """Why a threshold may not watch ``metric`` (None: it may). A name nothing reports never
    fires, and a typo ("cpu") would pass for a working threshold; one that will be reported
    later (a script not yet run) is taken when marked expected. A stored threshold (``before``)
    is checked only when its metric changes or stops being expected: one whose metric nothing
    reports any more can still be edited."""
    if before is not None and metric == before.metric and (expected or not before.metric_expected):
        return None
    if expected or is_known(metric):
        return None
    return (
        f"No server or script reports {metric[:100]!r} (see GET /api/v1/metrics/catalog). "
        "Set metric_expected if it will be reported later."
    )


class ThresholdQuerySet(models.QuerySet["Threshold"]):
    def visible_to(self, user: object) -> ThresholdQuerySet:
        """The thresholds on every server or a tag, and those on one server the user may see
        (a threshold on another server is not there for them)."""
        visible = Server.objects.visible_to(user)  # type: ignore[arg-type]
        return self.filter(Q(server__isnull=True) | Q(server__in=visible))


class Threshold(models.Model):
    """``metric operator value`` held for ``duration_seconds`` fires; the alert resolves once
    the value is back past ``clear_value`` (hysteresis; without one, past ``value``)."""

    name = models.CharField(max_length=100)
    metric = models.CharField(max_length=100)
    metric_expected = models.BooleanField(
        default=False,
        help_text="The metric is not reported yet (a script or a device to come): take its name as it is.",
    )
    operator = models.CharField(max_length=2, choices=Operator.choices)
    value = models.FloatField()
    duration_seconds = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(MAX_DURATION_SECONDS)])
    clear_value = models.FloatField(null=True, blank=True)
    severity = models.CharField(max_length=16, choices=Severity.choices, default=Severity.WARNING)
    scope = models.CharField(max_length=16, choices=Scope.choices, default=Scope.ALL)
    server = models.ForeignKey(Server, on_delete=models.CASCADE, null=True, blank=True, related_name="thresholds")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, null=True, blank=True, related_name="thresholds")
    enabled = models.BooleanField(default=True)
    repeat_interval_seconds = models.PositiveIntegerField(
        default=0, validators=[MaxValueValidator(MAX_DURATION_SECONDS)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ThresholdQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="alerts_threshold_name_ci_unique"),
            models.CheckConstraint(
                condition=(Q(scope="server", server__isnull=False, tag__isnull=True))
                | (Q(scope="tag", tag__isnull=False, server__isnull=True))
                | (Q(scope="all", server__isnull=True, tag__isnull=True)),
                name="alerts_threshold_scope_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.metric} {self.operator} {self.value:g})"

    def clean(self) -> None:
        problems = threshold_problems(
            operator=self.operator,
            value=self.value,
            clear_value=self.clear_value,
            scope=self.scope,
            has_server=self.server_id is not None,
            has_tag=self.tag_id is not None,
        )
        if problems:
            raise ValidationError(problems)

    def breached(self, value: float) -> bool:
        return COMPARE[self.operator](value, self.value)

    def cleared(self, value: float) -> bool:
        """Back past the clear value: the other side of it, by the operator's direction."""
        if self.clear_value is None:
            return not self.breached(value)
        if self.operator in (Operator.GT, Operator.GTE):
            return value < self.clear_value
        return value > self.clear_value

    def worse(self, value: float, than: float) -> bool:
        """Whether ``value`` is further into the breach than ``than`` (for the peak)."""
        return value > than if self.operator in (Operator.GT, Operator.GTE) else value < than


class ThresholdState(models.Model):
    """A breach that has begun but not yet lasted the threshold's duration."""

    threshold = models.ForeignKey(Threshold, on_delete=models.CASCADE, related_name="states")
    server = models.ForeignKey(Server, on_delete=models.CASCADE, related_name="+")
    pending_since = models.DateTimeField()
    peak_value = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["threshold", "server"], name="alerts_state_unique")]

    def __str__(self) -> str:
        return f"threshold {self.threshold_id} on server {self.server_id} since {self.pending_since:%Y-%m-%d %H:%M:%S}"


class AlertKind(models.TextChoices):
    THRESHOLD = "threshold", "Threshold"
    SERVER_OFFLINE = "server.offline", "Server offline"
    # Raised by the k8s app on its cluster's server (one open alert per node, pod or cluster).
    K8S_NODE_NOT_READY = "k8s.node_not_ready", "Kubernetes node not Ready"
    K8S_POD_FAILING = "k8s.pod_failing", "Kubernetes pod crash-looping or restarting"
    K8S_UNREACHABLE = "k8s.unreachable", "Kubernetes cluster unreachable"


class AlertStatus(models.TextChoices):
    FIRING = "firing", "Firing"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    RESOLVED = "resolved", "Resolved"


OPEN = [AlertStatus.FIRING, AlertStatus.ACKNOWLEDGED]


class AlertQuerySet(models.QuerySet["Alert"]):
    def open(self) -> AlertQuerySet:
        return self.filter(status__in=OPEN)

    def visible_to(self, user: object) -> AlertQuerySet:
        """Alerts of the servers the user may see."""
        return self.filter(server__in=Server.objects.visible_to(user))  # type: ignore[arg-type]


class Alert(models.Model):
    """One episode of a threshold breached on a server (or of a server gone silent)."""

    kind = models.CharField(max_length=32, choices=AlertKind.choices, default=AlertKind.THRESHOLD)
    threshold = models.ForeignKey(Threshold, on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts")
    server = models.ForeignKey(Server, on_delete=models.CASCADE, related_name="alerts")
    # Copied from the threshold when the alert fires, so history reads the same after the
    # threshold is changed or deleted.
    name = models.CharField(max_length=100)
    metric = models.CharField(max_length=100, blank=True)
    operator = models.CharField(max_length=2, blank=True)
    threshold_value = models.FloatField(null=True, blank=True)
    severity = models.CharField(max_length=16, choices=Severity.choices)
    status = models.CharField(max_length=16, choices=AlertStatus.choices, default=AlertStatus.FIRING, db_index=True)
    value = models.FloatField(null=True, blank=True, help_text="The value when the alert fired.")
    peak_value = models.FloatField(null=True, blank=True)
    message = models.CharField(max_length=300)
    started_at = models.DateTimeField(db_index=True, help_text="When the condition began (the breach, or the silence).")
    fired_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ack_comment = models.CharField(max_length=1000, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolve_comment = models.CharField(max_length=1000, blank=True)
    last_notified_at = models.DateTimeField(null=True, blank=True)
    notifications_sent = models.PositiveIntegerField(default=0)
    #: The silence that keeps it from being sent, while one does (``alerts.routing_models``).
    silence = models.ForeignKey(
        "alerts.Silence", on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts"
    )
    #: When the routing job took it into the routes' groups (null: not yet).
    routed_at = models.DateTimeField(null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            # One open episode per (threshold, server), and one open silence per server.
            models.UniqueConstraint(
                fields=["threshold", "server"],
                condition=Q(status__in=["firing", "acknowledged"], kind="threshold"),
                name="alerts_alert_one_open_per_threshold",
            ),
            models.UniqueConstraint(
                fields=["server"],
                condition=Q(status__in=["firing", "acknowledged"], kind="server.offline"),
                name="alerts_alert_one_open_offline",
            ),
        ]
        indexes = [
            models.Index(fields=["server", "status"], name="alerts_alert_server_status"),
            # The helpdesk's incident job reads the alerts of the last day by when they fired.
            models.Index(fields=["fired_at"], name="alerts_alert_fired_at"),
            # The routing job's intake: open alerts it has not taken yet (few rows, ever).
            models.Index(
                fields=["id"],
                condition=Q(routed_at__isnull=True, status__in=["firing", "acknowledged"]),
                name="alerts_alert_unrouted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} on {self.server_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


class EmailNotification(models.Model):
    """An alert email waiting to be sent by the worker (an outbox: queued in the transaction
    that changed the alert, sent after it)."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="emails")
    event = models.CharField(max_length=32)
    recipients = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.event} email for alert {self.alert_id}"


# Routes, groups, silences, escalation policies and the alerts' activity: their own module (the
# size of this one), imported here so that Django finds them as this app's models.
from alerts.routing_models import *  # noqa: E402, F403
