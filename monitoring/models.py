"""Time series: metric samples, log lines, their rollups, and custom metrics.

Raw samples are wide rows (one per sample, its values as JSON), indexed by (server, time) and,
on PostgreSQL, a BRIN index on time: cheap to append in volume. Long ranges are answered from
rollups (one row per server, metric and minute or hour) computed by a background job.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.postgres.indexes import BrinIndex
from django.db import models

from accounts.teams import server_scope
from monitoring.choices import LogLevel
from servers.models import Server


class IngestStream(models.Model):
    """The highest data frame stored of one agent stream: what makes ingestion idempotent."""

    server = models.ForeignKey("servers.Server", on_delete=models.CASCADE, related_name="+")
    stream = models.CharField(max_length=64)
    last_seq = models.BigIntegerField(default=0)
    rejected_frames = models.BigIntegerField(default=0)
    dropped_samples = models.BigIntegerField(default=0)
    dropped_logs = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["server", "stream"], name="ingest_stream_unique")]

    def __str__(self) -> str:
        return f"{self.server_id}/{self.stream}@{self.last_seq}"


class MetricSample(models.Model):
    """One sample of one server: every value the agent measured at ``ts``."""

    id = models.BigAutoField(primary_key=True)
    server = models.ForeignKey("servers.Server", on_delete=models.CASCADE, related_name="+", db_index=False)
    ts = models.DateTimeField()
    values = models.JSONField()

    class Meta:
        indexes = [
            models.Index(fields=["server", "ts"], name="sample_server_ts_idx"),
            BrinIndex(fields=["ts"], name="sample_ts_brin"),
        ]

    def __str__(self) -> str:
        return f"{self.server_id}@{self.ts:%Y-%m-%d %H:%M:%S}"


class LatestSample(models.Model):
    """The newest sample of a server, with its top processes: what ``GET /metrics/{id}`` reads."""

    server = models.OneToOneField("servers.Server", on_delete=models.CASCADE, primary_key=True, related_name="+")
    ts = models.DateTimeField()
    values = models.JSONField()
    top = models.JSONField(null=True, blank=True)

    def __str__(self) -> str:
        return f"latest {self.server_id}@{self.ts:%Y-%m-%d %H:%M:%S}"


class LogLine(models.Model):
    """One log line a server's agent tailed."""

    id = models.BigAutoField(primary_key=True)
    server = models.ForeignKey("servers.Server", on_delete=models.CASCADE, related_name="+", db_index=False)
    ts = models.DateTimeField()
    level = models.CharField(max_length=8, choices=LogLevel.choices, default=LogLevel.INFO)
    source = models.CharField(max_length=255, blank=True)
    message = models.TextField()

    class Meta:
        indexes = [
            models.Index(fields=["server", "ts"], name="logline_server_ts_idx"),
            BrinIndex(fields=["ts"], name="logline_ts_brin"),
        ]

    def __str__(self) -> str:
        return f"{self.server_id} {self.level} {self.message[:40]}"


class MetricRollup(models.Model):
    """min, max, sum and count of one metric of one server over one minute or one hour."""

    server = models.ForeignKey("servers.Server", on_delete=models.CASCADE, related_name="+", db_index=False)
    metric = models.CharField(max_length=100)
    resolution = models.PositiveIntegerField()  # seconds: 60 or 3600
    bucket = models.DateTimeField()
    min = models.FloatField()
    max = models.FloatField()
    sum = models.FloatField()
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["server", "metric", "resolution", "bucket"], name="rollup_unique_bucket")
        ]

    def __str__(self) -> str:
        return f"{self.server_id} {self.metric} {self.resolution}s @{self.bucket:%Y-%m-%d %H:%M}"


class RollupPending(models.Model):
    """A minute of a server that received samples and must be (re)rolled up. Marked at ingest,
    consumed by the rollup job, so samples that arrive late (an agent replaying after an
    outage) are rolled up too."""

    server = models.ForeignKey("servers.Server", on_delete=models.CASCADE, related_name="+", db_index=False)
    bucket = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["server", "bucket"], name="rollup_pending_unique")]

    def __str__(self) -> str:
        return f"pending {self.server_id}@{self.bucket:%Y-%m-%d %H:%M}"


class CustomMetricQuerySet(models.QuerySet["CustomMetric"]):
    def visible_to(self, user: Any) -> CustomMetricQuerySet:
        """Points about no server, and those about a server the user may see."""
        scope = server_scope(user)
        if scope.everything:
            return self.all()
        if not (user is not None and user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(models.Q(server__isnull=True) | models.Q(server__in=Server.objects.within(scope)))


class CustomMetric(models.Model):
    """A point sent by a script or CI through ``POST /api/v1/metrics``."""

    id = models.BigAutoField(primary_key=True)
    name = models.CharField(max_length=100)
    value = models.FloatField()
    unit = models.CharField(max_length=32, blank=True)
    ts = models.DateTimeField()
    tags = models.JSONField(default=dict, blank=True)
    server = models.ForeignKey(
        "servers.Server", on_delete=models.CASCADE, null=True, blank=True, related_name="+", db_index=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CustomMetricQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["name", "ts"], name="custom_name_ts_idx"),
            models.Index(fields=["server", "ts"], name="custom_server_ts_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}@{self.ts:%Y-%m-%d %H:%M:%S}"


class ContainerSnapshot(models.Model):
    """The latest container list an agent reported with its samples (written by ingest, read
    by the agents' container views)."""

    server = models.OneToOneField("servers.Server", on_delete=models.CASCADE, primary_key=True, related_name="+")
    reported_at = models.DateTimeField()
    items = models.JSONField(default=list)

    class Meta:
        # The table keeps the name it was created with in the agents app: the model moved to
        # the app that writes it (monitoring 0004), the rows did not have to (no DDL on a table
        # every ingest batch writes, and hubs mid-upgrade agree on its name).
        db_table = "agents_containersnapshot"

    def __str__(self) -> str:
        return f"containers of {self.server_id} @{self.reported_at:%Y-%m-%d %H:%M:%S}"
