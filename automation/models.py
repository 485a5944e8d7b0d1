"""Playbook runs (``PlaybookRun``) and how the hub reaches each host (``ConnectionProfile``).
Playbooks themselves are files (``automation.playbooks``), not rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.actor import VIA_CHOICES
from accounts.teams import server_scope
from automation.choices import FINISHED, Connection, RunStatus
from chatops.crypto import EncryptedTextField
from servers.models import Server

if TYPE_CHECKING:
    from accounts.models import User


class ConnectionProfile(models.Model):
    """Connection settings for one server, or for every server carrying one tag. A server's
    own profile wins over its tags' (the first tag by name that has one); without either a
    host is reached over SSH as the worker's user with its default key."""

    server = models.OneToOneField(
        Server, null=True, blank=True, on_delete=models.CASCADE, related_name="connection_profile"
    )
    tag = models.OneToOneField(
        "servers.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="connection_profile"
    )
    connection = models.CharField(max_length=16, choices=Connection.choices, default=Connection.SSH)
    ssh_user = models.CharField(max_length=64, blank=True, help_text="ansible_user; empty: the worker's user.")
    ssh_port = models.PositiveIntegerField(null=True, blank=True, help_text="ansible_port; empty: 22.")
    #: The private key (PEM/OpenSSH text), encrypted at rest; written to a 0600 file in the run's
    #: private data directory for the run only, never shown, never logged.
    private_key = EncryptedTextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(server__isnull=False, tag__isnull=True) | Q(server__isnull=True, tag__isnull=False),
                name="automation_profile_server_xor_tag",
            )
        ]

    def __str__(self) -> str:
        target = f"server {self.server_id}" if self.server_id else f"tag {self.tag_id}"
        return f"{target}: {self.connection}"

    @property
    def has_private_key(self) -> bool:
        return bool(self.private_key)


class PlaybookRunQuerySet(models.QuerySet["PlaybookRun"]):
    def visible_to(self, user: User) -> PlaybookRunQuerySet:
        """Runs whose every host the user may see (``Server.objects.visible_to``): a run that
        touched a server outside their teams' scope is not theirs to read."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        scope = server_scope(user)
        if scope.everything:
            return self.all()
        hidden = Server.objects.exclude(pk__in=Server.objects.within(scope).values("pk"))
        return self.exclude(servers__in=hidden)

    def unfinished(self) -> PlaybookRunQuerySet:
        return self.filter(status=RunStatus.RUNNING)


class PlaybookRun(models.Model):
    """One execution of a playbook: what was asked, on which hosts, and what came of it."""

    playbook = models.CharField(max_length=200, db_index=True)
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.RUNNING, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="playbook_runs"
    )
    requested_via = models.CharField(max_length=16, choices=[(v, v) for v in VIA_CHOICES])
    #: ``Actor.origin``: for chat, the room and message of the command (the result is posted there).
    origin = models.JSONField(default=dict, blank=True)
    approval = models.ForeignKey(
        "approvals.Approval", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: What was asked: the host patterns (server names, tag names, ``all``), variables, options.
    targets = models.JSONField(default=list)
    variables = models.JSONField(default=dict, blank=True)
    check_mode = models.BooleanField(default=False)
    limit = models.CharField(max_length=500, blank=True)
    tags = models.JSONField(default=list, blank=True)
    #: The servers in the inventory, and those left out (``[{"name", "reason"}]``).
    servers = models.ManyToManyField(Server, blank=True, related_name="playbook_runs")
    hosts = models.JSONField(default=list)
    skipped_hosts = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    #: The worker process carrying it (``host:pid:token``), and its last sign of life.
    claimed_by = models.CharField(max_length=200, blank=True, db_index=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    cancel_requested = models.BooleanField(default=False)
    #: The run's private data directory on the worker's host, while it may exist (removed at the
    #: end; by the reaper, with any process left running in it, when the run is lost).
    private_dir = models.CharField(max_length=500, blank=True)
    rc = models.IntegerField(null=True, blank=True)
    reason = models.CharField(max_length=1000, blank=True, help_text="Why it ended as it did, when not successful.")
    output = models.TextField(blank=True)
    output_truncated = models.BooleanField(default=False)
    last_event = models.PositiveIntegerField(default=0, help_text="The counter of the last runner event kept.")
    #: ``{host: {ok, changed, failed, unreachable, skipped}}`` and ``[{task, host, status, changed, ...}]``.
    host_stats = models.JSONField(default=dict, blank=True)
    task_results = models.JSONField(default=list, blank=True)
    tasks_total = models.PositiveIntegerField(default=0)
    tasks_successful = models.PositiveIntegerField(default=0)
    tasks_failed = models.PositiveIntegerField(default=0)

    objects = PlaybookRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["playbook", "-created_at"], name="automation_run_playbook")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.playbook} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def duration(self) -> float | None:
        if self.started_at is None:
            return None
        end = self.finished_at or timezone.now()
        return round((end - self.started_at).total_seconds(), 3)
