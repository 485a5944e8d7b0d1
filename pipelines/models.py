"""CI/CD integrations, the raw deliveries they receive, and what the hub makes of them:
pipelines with their jobs, deployments with the servers they touched, and rooms that follow a
repository or an environment."""

from __future__ import annotations

import fnmatch
import secrets
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connections, models
from django.db.models import Q

from chatops.crypto import EncryptedTextField
from chatops.db import insert_plain, select_plain
from pipelines.choices import DeploymentStatus, Provider, RunStatus, Verdict
from servers.models import Server

SECRET_PREFIX = "cisec_"  # noqa: S105 - marks a generated integration secret; not a secret itself


def default_retention_hours() -> int:
    return int(settings.PIPELINES_DELIVERY_RETENTION_HOURS)


class IntegrationQuerySet(models.QuerySet["Integration"]):
    #: What the accept path reads of an integration (``services.receive``); the rest is deferred.
    RECEIVING_FIELDS = frozenset({"id", "name", "provider", "secret", "repositories"})

    def receiving(self, pk: int, provider: str) -> Integration | None:
        """The enabled ``provider`` integration ``pk``, as a receiver needs it, in one plain
        statement. The accept path's lookup: the ORM's ``filter(...).first()`` of the same row
        cost four times the CPU to build (bench/README.md, "pipelines/run.py", session 15)."""
        connection = connections[self.db]
        low, high = connection.ops.integer_field_range(self.model._meta.pk.get_internal_type())
        if (low is not None and pk < low) or (high is not None and pk > high):
            return None  # no such row; the database would refuse the number
        found = select_plain(
            self.model, "t.id = %s AND t.provider = %s AND t.enabled", [pk, provider],
            fields=self.RECEIVING_FIELDS, using=self.db,
        )  # fmt: skip
        return found[0] if found else None


class Integration(models.Model):
    """One CI system sending us events: its provider, its shared secret (encrypted at rest;
    shown once at creation), which repositories it may report, how its environment names map
    onto ours, which servers an environment's deployments touch, and how long its raw
    deliveries are kept."""

    name = models.CharField(max_length=100)
    provider = models.CharField(max_length=16, choices=Provider.choices)
    secret = EncryptedTextField()
    #: Shell patterns (``org/*``) of the repositories accepted; empty accepts every one.
    repositories = models.JSONField(default=list, blank=True)
    #: The provider's environment name -> ours (``{"prod": "production"}``); unmapped names are kept.
    environment_mapping = models.JSONField(default=dict, blank=True)
    #: ``[{"environment": "production", "service": "", "hostnames": [...], "tags": [...]}]``.
    server_mapping = models.JSONField(default=list, blank=True)
    delivery_retention_hours = models.PositiveIntegerField(default=default_retention_hours)
    enabled = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IntegrationQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.provider})"

    @staticmethod
    def generate_secret() -> str:
        return SECRET_PREFIX + secrets.token_urlsafe(32)

    def accepts_repository(self, repository: str) -> bool:
        patterns = self.repositories or []
        return not patterns or any(fnmatch.fnmatchcase(repository.lower(), p.lower()) for p in patterns)

    def environment_for(self, provider_environment: str) -> str:
        mapping: dict[str, str] = self.environment_mapping or {}
        return str(mapping.get(provider_environment, provider_environment))


class IntegrationDeliveryQuerySet(models.QuerySet["Delivery"]):
    def unprocessed(self) -> IntegrationDeliveryQuerySet:
        return self.filter(verdict=Verdict.ACCEPTED, processed_at__isnull=True)

    def record(self, **values: Any) -> Delivery | None:
        """Insert one delivery, or nothing if the database already holds it (an accepted
        delivery id seen before: ``pipelines_delivery_accepted_once``); the saved delivery, or
        ``None`` for a duplicate. One plain ``INSERT … ON CONFLICT DO NOTHING RETURNING``: no
        savepoint, no ``IntegrityError`` to catch, and a fraction of the ORM's CPU on the accept
        path (bench/README.md, "pipelines/run.py", session 15)."""
        delivery = self.model(**values)
        return delivery if insert_plain(delivery, skip_conflicts=True, using=self.db) else None


class Delivery(models.Model):
    """One request a receiver got, whatever became of it. The body is kept only for deliveries
    whose signature held (never for a bad one); ``headers`` keeps the event's identifying
    headers, never a signature or token."""

    integration = models.ForeignKey(Integration, on_delete=models.CASCADE, related_name="deliveries")
    delivery_id = models.CharField(max_length=200, blank=True)
    event = models.CharField(max_length=200, blank=True)
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    reason = models.CharField(max_length=500, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    body = models.TextField(blank=True)
    received_at = models.DateTimeField(db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    process_error = models.CharField(max_length=500, blank=True)

    objects = IntegrationDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            # Two requests carrying the same delivery id: the second is a duplicate, whichever
            # process gets it (the database decides, not a check before the insert).
            models.UniqueConstraint(
                fields=["integration", "delivery_id"],
                condition=Q(verdict="accepted") & ~Q(delivery_id=""),
                name="pipelines_delivery_accepted_once",
            )
        ]
        indexes = [
            models.Index(fields=["received_at"], condition=Q(processed_at__isnull=True), name="pipelines_delivery_todo")
        ]

    def __str__(self) -> str:
        return f"{self.event or '?'} {self.delivery_id} ({self.verdict})"


class Pipeline(models.Model):
    """One run of a CI pipeline (a GitHub workflow run attempt, a GitLab pipeline, a Jenkins
    build, a CDEvents pipeline run)."""

    integration = models.ForeignKey(Integration, on_delete=models.SET_NULL, null=True, related_name="pipelines")
    provider = models.CharField(max_length=16, choices=Provider.choices)
    external_id = models.CharField(max_length=200)
    name = models.CharField(max_length=200, blank=True)
    repository = models.CharField(max_length=300, db_index=True)
    branch = models.CharField(max_length=300, blank=True, db_index=True)
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED, db_index=True)
    #: The provider's time of the event that set ``status``: among deliveries of one rank, the
    #: latest wins, so their order of arrival does not matter.
    status_at = models.DateTimeField(null=True, blank=True)
    commit_sha = models.CharField(max_length=64, blank=True, db_index=True)
    commit_message = models.TextField(blank=True)
    commit_author = models.CharField(max_length=300, blank=True)
    commit_timestamp = models.DateTimeField(null=True, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    started_at = models.DateTimeField(null=True, blank=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    #: The provider's stage names in order (GitLab sends them); other stages follow by start.
    stage_order = models.JSONField(default=list, blank=True)
    started_announced = models.BooleanField(default=False)
    finished_announced = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["integration", "external_id"], name="pipelines_pipeline_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.repository} {self.name} #{self.external_id}"

    @property
    def duration(self) -> float | None:
        return _seconds(self.started_at, self.finished_at)


class Job(models.Model):
    """One job of a pipeline (a GitHub workflow job, a GitLab build, a CDEvents task run).
    Stages are derived from them: GitLab names each build's stage; elsewhere a job is its own
    stage."""

    pipeline = models.ForeignKey(Pipeline, on_delete=models.CASCADE, related_name="jobs")
    external_id = models.CharField(max_length=200)
    name = models.CharField(max_length=300)
    stage = models.CharField(max_length=300)
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED)
    status_at = models.DateTimeField(null=True, blank=True)
    allow_failure = models.BooleanField(default=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "id"]
        constraints = [models.UniqueConstraint(fields=["pipeline", "external_id"], name="pipelines_job_unique")]

    def __str__(self) -> str:
        return f"{self.stage}/{self.name}"


class DeploymentQuerySet(models.QuerySet["Deployment"]):
    def finished(self) -> DeploymentQuerySet:
        return self.filter(
            status__in=[DeploymentStatus.SUCCESS, DeploymentStatus.FAILED, DeploymentStatus.ROLLED_BACK],
            finished_at__isnull=False,
        )


class Deployment(models.Model):
    """A deploy of a service to an environment, and the servers it touched (from the
    integration's server mapping, by hostname or tag)."""

    integration = models.ForeignKey(Integration, on_delete=models.SET_NULL, null=True, related_name="deployments")
    provider = models.CharField(max_length=16, choices=Provider.choices)
    external_id = models.CharField(max_length=200)
    service = models.CharField(max_length=200, db_index=True)
    environment = models.CharField(max_length=100, db_index=True)
    provider_environment = models.CharField(max_length=200, blank=True)
    repository = models.CharField(max_length=300, blank=True)
    ref = models.CharField(max_length=300, blank=True)
    sha = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        max_length=16, choices=DeploymentStatus.choices, default=DeploymentStatus.QUEUED, db_index=True
    )
    status_at = models.DateTimeField(null=True, blank=True)
    description = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    #: When the change's first commit was made, where the provider says (our generic format,
    #: CDEvents); otherwise DORA looks for the deployed commit among the pipelines.
    first_commit_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True, db_index=True)
    servers = models.ManyToManyField(Server, blank=True, related_name="deployments")
    started_announced = models.BooleanField(default=False)
    finished_announced = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeploymentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["integration", "external_id"], name="pipelines_deployment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.service} → {self.environment} ({self.status})"

    @property
    def duration(self) -> float | None:
        return _seconds(self.started_at, self.finished_at)


class Follow(models.Model):
    """A chat room that is told of a repository's pipelines or an environment's deployments."""

    room = models.ForeignKey("chat.Room", on_delete=models.CASCADE, related_name="pipeline_follows")
    repository = models.CharField(max_length=300, blank=True)
    environment = models.CharField(max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(repository="") & ~Q(environment="")) | (~Q(repository="") & Q(environment="")),
                name="pipelines_follow_one_target",
            ),
            models.UniqueConstraint(fields=["room", "repository", "environment"], name="pipelines_follow_unique"),
        ]

    def __str__(self) -> str:
        return f"room {self.room_id} follows {self.repository or self.environment}"


def _seconds(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return max(0.0, (end - start).total_seconds())
