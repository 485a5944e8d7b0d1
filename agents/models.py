"""The hub's record of agents: when each connected and disconnected, and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ConnectionEventQuerySet(models.QuerySet["ConnectionEvent"]):
    def capabilities(self, server_id: int) -> list[str] | None:
        """What the server's agent offered in its latest hello ("metrics", "logs", "commands",
        "docker"); None when no agent has ever connected as it. An agent's flags only change
        with a restart, which is a new hello, so the latest connect is the current truth."""
        latest = self.filter(server_id=server_id, kind=ConnectionEvent.Kind.CONNECT).only("details").first()
        if latest is None:
            return None
        found = latest.details.get("capabilities") if isinstance(latest.details, dict) else None
        return [str(c) for c in found] if isinstance(found, list) else []


class ConnectionEvent(models.Model):
    """An agent connected or disconnected."""

    class Kind(models.TextChoices):
        CONNECT = "connect", "Connect"
        DISCONNECT = "disconnect", "Disconnect"

    server = models.ForeignKey("servers.Server", on_delete=models.CASCADE, related_name="connection_events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    reason = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    agent_version = models.CharField(max_length=50, blank=True)
    api_key = models.ForeignKey("accounts.APIKey", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ConnectionEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["server", "created_at"], name="connevent_server_time_idx")]

    def __str__(self) -> str:
        return f"{self.server_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M:%S}"


class CommandHistory(models.Model):
    """One request to act on a server through its agent: a command or a Docker action.

    Every request makes exactly one row and one audit entry, whatever becomes of it; the audit
    entry is written with the request and completed with the outcome.
    """

    class Kind(models.TextChoices):
        COMMAND = "command", "Command"
        DOCKER = "docker", "Docker"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        TIMED_OUT = "timed_out", "Timed out"
        REJECTED = "rejected", "Rejected"
        AGENT_OFFLINE = "agent_offline", "Agent offline"

    FINAL = (Status.SUCCEEDED, Status.FAILED, Status.TIMED_OUT, Status.REJECTED, Status.AGENT_OFFLINE)

    server = models.ForeignKey("servers.Server", on_delete=models.CASCADE, related_name="commands")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    api_key = models.ForeignKey("accounts.APIKey", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    audit_entry = models.ForeignKey(
        "accounts.AuditLog", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.COMMAND)
    command = models.TextField(max_length=4096, blank=True)
    action = models.CharField(max_length=16, blank=True)  # docker: list, start, stop, restart, logs
    container = models.CharField(max_length=128, blank=True)
    timeout = models.PositiveIntegerField(default=30)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    reason = models.TextField(blank=True)
    exit_code = models.IntegerField(null=True, blank=True)
    stdout = models.TextField(blank=True)
    stderr = models.TextField(blank=True)
    stdout_truncated = models.BooleanField(default=False)
    stderr_truncated = models.BooleanField(default=False)
    result = models.JSONField(null=True, blank=True)  # docker: what the engine answered
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "command history"
        indexes = [models.Index(fields=["server", "created_at"], name="command_server_time_idx")]

    def __str__(self) -> str:
        what = self.command if self.kind == self.Kind.COMMAND else f"docker {self.action} {self.container}".strip()
        return f"#{self.pk} {what[:60]} ({self.status})"

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL
