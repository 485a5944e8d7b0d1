"""Two-person approval: which kinds of action need a second person (``ApprovalPolicy``), and
each request waiting for, or having had, that second person's decision (``Approval``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from accounts.actor import VIA_CHOICES
from accounts.teams import server_scope
from servers.models import Server

if TYPE_CHECKING:
    from accounts.models import User


class Kind(models.TextChoices):
    RUN = "run", "Run a command"
    RESTART = "restart", "Restart a container"
    STOP = "stop", "Stop a container"
    PLAYBOOK = "playbook", "Run a playbook"
    K8S_RESTART = "k8s_restart", "Restart a Kubernetes deployment"


class Status(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    DENIED = "denied", "Denied"
    EXPIRED = "expired", "Expired"
    FAILED = "failed", "Approved, but failed to run"


class ApprovalPolicy(models.Model):
    """Whether operators' requests of one kind wait for a second person (admins set it).
    One row per kind, created by the migration; a kind without a row needs no approval."""

    kind = models.CharField(max_length=16, choices=Kind.choices, unique=True)
    required = models.BooleanField(default=False, help_text="Operators' requests of this kind need a second person.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name_plural = "approval policies"

    def __str__(self) -> str:
        return f"{self.kind}: {'approval required' if self.required else 'no approval'}"

    @classmethod
    def required_for(cls, kind: str) -> bool:
        return cls.objects.filter(kind=kind, required=True).exists()


class ApprovalQuerySet(models.QuerySet["Approval"]):
    def visible_to(self, user: User) -> ApprovalQuerySet:
        """Operators and admins see the requests about the servers they may see
        (``Server.objects.visible_to``; one whose server is gone, only those who see the whole
        fleet); viewers and anonymous callers none."""
        if not user.is_authenticated or not user.is_active or not user.has_role("operator"):
            return self.none()
        scope = server_scope(user)
        if scope.everything:
            return self.all()
        return self.filter(server__in=Server.objects.within(scope))

    def due(self, now: datetime | None = None) -> ApprovalQuerySet:
        """Pending requests whose time is up."""
        return self.filter(status=Status.PENDING, expires_at__lte=now or timezone.now())


class Approval(models.Model):
    """One request that waits for a second person: what to do (``kind``, ``payload``), who
    asked and from where (enough to act later as them), and what became of it."""

    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    summary = models.CharField(max_length=500, help_text="What will be done, for people.")
    payload = models.JSONField(default=dict, help_text="What the executor needs (server id, command, timeout...).")
    server = models.ForeignKey(
        "servers.Server", null=True, blank=True, on_delete=models.SET_NULL, related_name="approvals"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="approvals_requested"
    )
    requested_via = models.CharField(max_length=16, choices=[(v, v) for v in VIA_CHOICES])
    requested_key = models.ForeignKey(
        "accounts.APIKey", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_ip = models.GenericIPAddressField(null=True, blank=True)
    #: ``Actor.origin`` of the request: for chat, the room and the message of the command.
    origin = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="approvals_decided"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.CharField(max_length=500, blank=True)
    #: What running it gave (``{"history_id": 12, "status": "sent"}``), once approved.
    result = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=1000, blank=True, help_text="Why it did not run, when it failed.")

    objects = ApprovalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "expires_at"], name="approval_status_expiry"),
            models.Index(fields=["kind", "-created_at"], name="approval_kind_created"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} ({self.status}): {self.summary}"

    @property
    def is_expired(self) -> bool:
        return self.status == Status.PENDING and self.expires_at <= timezone.now()

    def data(self) -> dict[str, Any]:
        """The approval as webhooks and chat carry it (the REST shape, without nesting)."""
        from chatops.times import iso

        return {
            "id": self.pk,
            "kind": self.kind,
            "status": self.status,
            "summary": self.summary,
            "payload": self.payload,
            "server_id": self.server_id,
            "requested_by": self.requested_by.username if self.requested_by else None,
            "requested_via": self.requested_via,
            "origin": self.origin,
            "created_at": iso(self.created_at),
            "expires_at": iso(self.expires_at),
            "decided_by": self.decided_by.username if self.decided_by else None,
            "decided_at": iso(self.decided_at),
            "comment": self.comment,
            "result": self.result,
            "error": self.error,
        }
