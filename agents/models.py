"""The hub's record of agents: when each connected and disconnected, and why."""

from __future__ import annotations

from django.db import models


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

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["server", "created_at"], name="connevent_server_time_idx")]

    def __str__(self) -> str:
        return f"{self.server_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M:%S}"
