"""Kubernetes clusters in the fleet: the cluster, its latest nodes and pods, and its history.

A cluster belongs to an inventory ``Server`` (``server``): in push mode the server whose agent
runs ``--kubernetes`` inside the cluster; in pull mode a server row the registration creates for
the cluster's API endpoint. Who may see the cluster is who may see that server (teams scope
servers by tags), and the cluster's alerts are alerts on that server, so thresholds' routing,
silences, acknowledgement and resolution work as for any server.

Nodes and pods hold the latest snapshot only (replaced whole by each one); ``ClusterSample``
keeps the totals of every snapshot for the history.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from chatops.crypto import EncryptedTextField
from servers.models import Server


class Mode(models.TextChoices):
    PUSH = "push", "Pushed by an agent in the cluster"
    PULL = "pull", "Polled by the hub"


class Health(models.TextChoices):
    HEALTHY = "healthy", "Healthy"
    DEGRADED = "degraded", "Degraded"
    UNREACHABLE = "unreachable", "Unreachable"


class ClusterQuerySet(models.QuerySet["Cluster"]):
    def visible_to(self, user: object) -> ClusterQuerySet:
        """The clusters of the servers the user may see (``Server.objects.visible_to``)."""
        return self.filter(server__in=Server.objects.visible_to(user))  # type: ignore[arg-type]


class Cluster(models.Model):
    """One Kubernetes cluster and the totals of its latest snapshot."""

    name = models.CharField(max_length=63)
    mode = models.CharField(max_length=8, choices=Mode.choices)
    server = models.OneToOneField(Server, on_delete=models.CASCADE, related_name="kubernetes_cluster")
    version = models.CharField(max_length=64, blank=True)
    # Pull: how the hub reaches the API server (a kubeconfig, or a URL and a token).
    api_url = models.CharField(max_length=500, blank=True)
    kubeconfig = EncryptedTextField(blank=True)
    token = EncryptedTextField(blank=True)
    ca_cert = models.TextField(blank=True, max_length=20000)
    verify_tls = models.BooleanField(default=True)
    poll_interval_seconds = models.PositiveIntegerField(default=30)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    #: The owner allows rollout restarts (pull: set by an admin; push: the agent's flag, as it says).
    actions_enabled = models.BooleanField(default=False)
    # The latest snapshot's totals.
    last_snapshot_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    metrics_available = models.BooleanField(null=True)
    node_count = models.PositiveIntegerField(default=0)
    nodes_not_ready = models.PositiveIntegerField(default=0)
    pod_count = models.PositiveIntegerField(default=0)
    pods_failing = models.PositiveIntegerField(default=0)
    namespace_count = models.PositiveIntegerField(default=0)
    namespaces = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="k8s_cluster_name_ci_unique")]

    def __str__(self) -> str:
        return self.name

    def health(self, now: object = None) -> str:
        """``unreachable`` without a snapshot for K8S_UNREACHABLE_SECONDS; ``degraded`` with a
        node not Ready or a pod failing; else ``healthy``."""
        current = now or timezone.now()
        limit = timedelta(seconds=settings.K8S_UNREACHABLE_SECONDS)
        if self.last_snapshot_at is None or current - self.last_snapshot_at > limit:  # type: ignore[operator]
            return Health.UNREACHABLE
        if self.nodes_not_ready or self.pods_failing:
            return Health.DEGRADED
        return Health.HEALTHY

    @property
    def metrics_note(self) -> str:
        if self.metrics_available is False:
            return "no metrics-server"
        return ""


class Node(models.Model):
    """A node as the latest snapshot had it. Usage is null without metrics-server."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="nodes")
    name = models.CharField(max_length=253)
    status = models.CharField(max_length=16)
    ready = models.BooleanField()
    cpu_allocatable = models.FloatField(null=True, help_text="cores")
    memory_allocatable = models.FloatField(null=True, help_text="bytes")
    cpu = models.FloatField(null=True, help_text="cores in use")
    memory = models.FloatField(null=True, help_text="bytes in use")
    pods = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(null=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["cluster", "name"], name="k8s_node_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def cpu_percent(self) -> float | None:
        """CPU in use, % of allocatable (null without metrics-server)."""
        return _percent(self.cpu, self.cpu_allocatable)

    @property
    def memory_percent(self) -> float | None:
        return _percent(self.memory, self.memory_allocatable)


def _percent(used: float | None, total: float | None) -> float | None:
    if used is None or not total:
        return None
    return round(100.0 * used / total, 1)


class Pod(models.Model):
    """A pod as the latest snapshot had it."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="pods")
    namespace = models.CharField(max_length=63)
    name = models.CharField(max_length=253)
    node = models.CharField(max_length=253, blank=True)
    phase = models.CharField(max_length=16)
    status = models.CharField(max_length=64)
    ready = models.BooleanField()
    restarts = models.PositiveIntegerField(default=0)
    cpu = models.FloatField(null=True, help_text="cores in use")
    memory = models.FloatField(null=True, help_text="bytes in use")
    created = models.DateTimeField(null=True)

    class Meta:
        ordering = ["namespace", "name"]
        constraints = [models.UniqueConstraint(fields=["cluster", "namespace", "name"], name="k8s_pod_unique")]
        indexes = [models.Index(fields=["cluster", "status"], name="k8s_pod_cluster_status")]

    def __str__(self) -> str:
        return f"{self.namespace}/{self.name}"

    @property
    def cpu_millicores(self) -> float | None:
        return None if self.cpu is None else round(self.cpu * 1000, 1)

    @property
    def memory_mib(self) -> float | None:
        return None if self.memory is None else round(self.memory / 1048576, 1)


class ClusterSample(models.Model):
    """The totals of one snapshot: the cluster's history."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="samples")
    ts = models.DateTimeField()
    node_count = models.PositiveIntegerField()
    nodes_ready = models.PositiveIntegerField()
    pod_count = models.PositiveIntegerField()
    phases = models.JSONField(default=dict)
    cpu = models.FloatField(null=True, help_text="cores in use, all nodes")
    memory = models.FloatField(null=True, help_text="bytes in use, all nodes")
    cpu_allocatable = models.FloatField(null=True)
    memory_allocatable = models.FloatField(null=True)

    class Meta:
        ordering = ["-ts"]
        indexes = [models.Index(fields=["cluster", "-ts"], name="k8s_sample_cluster_ts")]

    def __str__(self) -> str:
        return f"{self.cluster_id} at {self.ts:%Y-%m-%d %H:%M:%S}"


class RestartCount(models.Model):
    """A rise of a pod's restart count between two snapshots, kept K8S_RESTART_ALERT_MINUTES:
    the window of "restarted more than N times in M minutes". Only rises are written (a
    20,000-pod cluster writes a row per restarting pod, not per pod)."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="+")
    namespace = models.CharField(max_length=63)
    name = models.CharField(max_length=253)
    seen_at = models.DateTimeField()
    increase = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["cluster", "namespace", "name", "seen_at"], name="k8s_restart_window")]

    def __str__(self) -> str:
        return f"{self.namespace}/{self.name}: +{self.increase}"


class AlertSubject(models.Model):
    """Which open alert stands for which node, pod or the cluster itself (``subject``:
    ``node/<name>``, ``pod/<namespace>/<name>``, ``cluster``), so a snapshot resolves the alert
    of what recovered and raises none twice."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=330)
    alert = models.OneToOneField("alerts.Alert", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cluster", "subject"], name="k8s_alert_subject_unique")]

    def __str__(self) -> str:
        return f"{self.cluster_id} {self.subject}"


class RolloutRestart(models.Model):
    """One requested rollout restart of a deployment: who asked, how it went (like a command's
    history row; its audit entry is written with it)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent to the agent"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        REJECTED = "rejected", "Rejected by the agent"
        AGENT_OFFLINE = "agent_offline", "Agent offline"
        TIMED_OUT = "timed_out", "Timed out"

    FINAL = (Status.SUCCEEDED, Status.FAILED, Status.REJECTED, Status.AGENT_OFFLINE, Status.TIMED_OUT)

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="restarts")
    namespace = models.CharField(max_length=63)
    deployment = models.CharField(max_length=253)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    detail = models.CharField(max_length=500, blank=True)
    restarted_at = models.CharField(max_length=40, blank=True, help_text="The stamp put on the pod template.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(namespace=""), name="k8s_restart_namespace"),
        ]

    def __str__(self) -> str:
        return f"restart {self.namespace}/{self.deployment} ({self.status})"

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL
