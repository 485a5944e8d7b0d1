"""The hub's record of agents: when each connected and disconnected, and why."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from accounts.models import AuditLog
from agents.events import CommandCompletedData
from chatops.times import iso


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


class CommandHistoryQuerySet(models.QuerySet["CommandHistory"]):
    """The state changes that lock a row first: two hub processes may end one request (the
    wait that ran out and the agent's late answer, or the stale-request job)."""

    def mark_sent(self, history_id: int, server_id: int) -> None:
        """The request reached its agent's socket."""
        Status = self.model.Status
        self.filter(pk=history_id, server_id=server_id, status=Status.PENDING).update(status=Status.SENT)

    def give_up_if_unanswered(self, history_id: int) -> None:
        """No accepted/rejected in time: nobody holds the agent's socket."""
        Status = self.model.Status
        with transaction.atomic():
            history = self.select_for_update().filter(pk=history_id).first()
            if history is not None and history.status in (Status.PENDING, Status.SENT):
                history.finish(Status.AGENT_OFFLINE, reason="the agent did not answer")
                history.save()

    def time_out(self, history_id: int) -> None:
        with transaction.atomic():
            history = self.select_for_update().filter(pk=history_id).first()
            if history is not None and not history.is_final:
                history.finish(self.model.Status.TIMED_OUT, reason="no result from the agent in time")
                history.save()

    def expire_stale(self) -> int:
        """Requests nobody answered (the waiting request died with its process, or asked not
        to wait) end as agent_offline or timed_out, so no row stays open forever."""
        Status, Kind = self.model.Status, self.model.Kind
        now = timezone.now()
        count = 0
        for history in self.filter(status__in=[Status.PENDING, Status.SENT, Status.RUNNING]):
            unanswered = history.status == Status.PENDING and now - history.created_at > timedelta(seconds=30)
            if history.kind == Kind.COMMAND and history.status == Status.SENT:
                unanswered = now - history.created_at > timedelta(seconds=30)
            overdue = now - history.created_at > timedelta(seconds=history.timeout + 60)
            if unanswered:
                self.give_up_if_unanswered(history.pk)
                count += 1
            elif overdue:
                self.time_out(history.pk)
                count += 1
        return count


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

    objects = CommandHistoryQuerySet.as_manager()

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

    @property
    def audit_action(self) -> str:
        return "command.run" if self.kind == self.Kind.COMMAND else f"docker.{self.action}"

    def audit_details(self) -> dict[str, Any]:
        """What the audit entry says of this request when it is made (``finish`` adds why it
        ended)."""
        return {
            "history_id": self.pk,
            "command": self.command,
            "container": self.container,
            "status": self.status,
            "exit_code": self.exit_code,
        }

    def completed_event(self) -> CommandCompletedData:
        """The ``command.completed`` webhook payload."""
        user = self.requested_by
        return {
            "history_id": self.pk,
            "server_id": self.server_id,
            "server_name": self.server.name,
            "command": self.command,
            "status": self.status,
            "exit_code": self.exit_code,
            "requested_by": user.username if user else None,
            "finished_at": iso(self.finished_at),
        }

    def finish(self, status: str, **fields: Any) -> None:
        """Set a final state, complete the audit entry and queue ``command.completed`` for
        webhooks, all in the caller's transaction (the caller saves the row)."""
        # Imported here: every app's models load before any app's services.
        from webhooks.services import enqueue as enqueue_webhook

        self.status = status
        self.finished_at = timezone.now()
        for key, value in fields.items():
            setattr(self, key, value)
        if self.kind == self.Kind.COMMAND:
            enqueue_webhook("command.completed", dict(self.completed_event()))
        if self.audit_entry_id:
            # Kept: what the entry said of the request's origin (a chat room and message) and
            # of the client application that asked.
            entry = AuditLog.objects.filter(pk=self.audit_entry_id)
            before = entry.values_list("details", flat=True).first() or {}
            kept = {k: before[k] for k in ("origin", "client_id") if isinstance(before, dict) and k in before}
            entry.update(details={**kept, **self.audit_details(), "reason": self.reason})

    def take_answer(self, answer: dict[str, Any]) -> None:
        """Move on with an agent's accepted, rejected or result (the caller locked the row,
        checked it is not final, and saves it)."""
        Status = self.Status
        kind = answer["type"]
        now = timezone.now()
        if kind == "command.accepted":
            self.status = Status.RUNNING
            self.started_at = now
        elif kind in ("command.rejected", "docker.rejected"):
            self.finish(Status.REJECTED, reason=answer["reason"])
        elif kind == "command.result":
            self.finish(
                answer["status"],
                exit_code=answer["exit_code"],
                stdout=answer["stdout"],
                stderr=answer["stderr"],
                stdout_truncated=answer["stdout_truncated"],
                stderr_truncated=answer["stderr_truncated"],
                duration_ms=answer["duration_ms"],
                started_at=self.started_at or now,
            )
        elif kind == "docker.result":
            started = self.created_at
            self.finish(
                Status.SUCCEEDED if answer["ok"] else Status.FAILED,
                result=answer["data"] if answer["ok"] else None,
                reason=answer["error"],
                started_at=started,
                duration_ms=int((now - started).total_seconds() * 1000),
            )
