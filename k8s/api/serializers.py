"""What the k8s API returns and takes. Units are in the field names' help: a node's
``cpu_usage`` and ``memory_usage`` are % of its allocatable, a pod's ``cpu_usage`` is
millicores and ``memory_usage`` MiB (the seed's shapes); every usage is null without
metrics-server."""

from __future__ import annotations

import re
from typing import Any

from rest_framework import serializers

from k8s.models import Cluster, ClusterSample, Health, Node, Pod, RolloutRestart
from servers.models import tag_validator

NAME = re.compile(r"^[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?$")


class ClusterSerializer(serializers.ModelSerializer[Cluster]):
    status = serializers.ChoiceField(
        choices=Health.choices, read_only=True, source="health",
        help_text="healthy, degraded (a node not Ready or a pod failing) or unreachable (no snapshot for "
        "K8S_UNREACHABLE_SECONDS).",
    )  # fmt: skip
    nodes = serializers.IntegerField(source="node_count", read_only=True)
    pods = serializers.IntegerField(source="pod_count", read_only=True)
    namespaces = serializers.IntegerField(source="namespace_count", read_only=True)
    metrics_note = serializers.CharField(read_only=True, help_text='"no metrics-server" where usage is unavailable.')
    tags = serializers.ListField(
        child=serializers.CharField(), read_only=True, source="server.tag_names",
        help_text="The tags of the cluster's server: teams see the cluster through them.",
    )  # fmt: skip
    created_at = serializers.DateTimeField(read_only=True)

    class Meta:
        model = Cluster
        fields = [
            "name", "mode", "version", "status", "nodes", "pods", "namespaces", "nodes_not_ready", "pods_failing",
            "metrics_available", "metrics_note", "actions_enabled", "last_snapshot_at", "last_error", "server_id",
            "tags", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class SampleSerializer(serializers.ModelSerializer[ClusterSample]):
    phases = serializers.DictField(child=serializers.IntegerField(), help_text="Pods by phase.")

    class Meta:
        model = ClusterSample
        fields = ["ts", "node_count", "nodes_ready", "pod_count", "phases", "cpu", "memory", "cpu_allocatable",
                  "memory_allocatable"]  # fmt: skip
        read_only_fields = fields


class ClusterDetailSerializer(ClusterSerializer):
    namespace_names = serializers.ListField(child=serializers.CharField(), source="namespaces", read_only=True)
    api_url = serializers.CharField(read_only=True, help_text="Pull: the API server (admins only; else empty).")
    has_kubeconfig = serializers.SerializerMethodField()
    has_token = serializers.SerializerMethodField()
    poll_interval_seconds = serializers.IntegerField(read_only=True)
    history = SampleSerializer(many=True, read_only=True, source="history_samples")

    class Meta(ClusterSerializer.Meta):
        fields = [*ClusterSerializer.Meta.fields, "namespace_names", "api_url", "has_kubeconfig", "has_token",
                  "poll_interval_seconds", "history"]  # fmt: skip
        read_only_fields = fields

    def get_has_kubeconfig(self, cluster: Cluster) -> bool:
        return bool(cluster.kubeconfig)

    def get_has_token(self, cluster: Cluster) -> bool:
        return bool(cluster.token)


class ClusterWriteSerializer(serializers.Serializer[Any]):
    """Register (or change) a polled cluster: a kubeconfig, or an API server URL and a
    service-account token. Secrets are write-only and stored encrypted."""

    name = serializers.RegexField(NAME, max_length=63, help_text="1-63 lowercase letters, digits, '-', '_' or '.'.")
    api_url = serializers.URLField(required=False, allow_blank=True, max_length=500)
    token = serializers.CharField(
        required=False, allow_blank=True, write_only=True, max_length=10000, trim_whitespace=True
    )
    kubeconfig = serializers.CharField(
        required=False, allow_blank=True, write_only=True, max_length=100000, trim_whitespace=False
    )
    ca_cert = serializers.CharField(
        required=False, allow_blank=True, max_length=20000, help_text="PEM, for a private CA."
    )
    verify_tls = serializers.BooleanField(required=False, default=True)
    poll_interval_seconds = serializers.IntegerField(required=False, default=30, min_value=10, max_value=3600)
    actions_enabled = serializers.BooleanField(required=False, default=False, help_text="Allow rollout restarts.")
    tags = serializers.ListField(
        child=serializers.CharField(max_length=50, validators=[tag_validator]), required=False, default=list,
        max_length=20, help_text="The cluster's tags: teams whose scope names one see it.",
    )  # fmt: skip

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        partial = self.partial
        kubeconfig, url, token = attrs.get("kubeconfig"), attrs.get("api_url"), attrs.get("token")
        if kubeconfig and (url or token):
            raise serializers.ValidationError({"kubeconfig": ["Give a kubeconfig, or api_url and token; not both."]})
        if not partial and ((url and not token) or (token and not url)):
            raise serializers.ValidationError({"token" if url else "api_url": ["api_url and token go together."]})
        if not partial and not kubeconfig and not (url and token):
            raise serializers.ValidationError({"api_url": ["Give a kubeconfig, or api_url and token."]})
        return attrs


class ClusterUpdateSerializer(ClusterWriteSerializer):
    name = None  # type: ignore[assignment]


class NodeSerializer(serializers.ModelSerializer[Node]):
    cpu_usage = serializers.FloatField(
        source="cpu_percent", read_only=True, allow_null=True, help_text="% of allocatable CPU."
    )
    memory_usage = serializers.FloatField(
        source="memory_percent", read_only=True, allow_null=True, help_text="% of allocatable memory."
    )
    cpu_cores = serializers.FloatField(source="cpu", read_only=True, allow_null=True, help_text="Cores in use.")
    memory_bytes = serializers.FloatField(source="memory", read_only=True, allow_null=True, help_text="Bytes in use.")
    created_at = serializers.DateTimeField(source="created", read_only=True, allow_null=True)

    class Meta:
        model = Node
        fields = ["name", "status", "ready", "cpu_usage", "memory_usage", "cpu_cores", "memory_bytes",
                  "cpu_allocatable", "memory_allocatable", "pods", "created_at"]  # fmt: skip
        read_only_fields = fields


class PodSerializer(serializers.ModelSerializer[Pod]):
    cpu_usage = serializers.FloatField(
        source="cpu_millicores", read_only=True, allow_null=True, help_text="Millicores."
    )
    memory_usage = serializers.FloatField(source="memory_mib", read_only=True, allow_null=True, help_text="MiB.")
    created_at = serializers.DateTimeField(source="created", read_only=True, allow_null=True)

    class Meta:
        model = Pod
        fields = ["name", "namespace", "node", "status", "phase", "ready", "restarts", "cpu_usage", "memory_usage",
                  "created_at"]  # fmt: skip
        read_only_fields = fields


class RestartRequestSerializer(serializers.Serializer[Any]):
    namespace = serializers.RegexField(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", max_length=63)
    deployment = serializers.RegexField(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", max_length=253)


class RolloutRestartSerializer(serializers.ModelSerializer[RolloutRestart]):
    cluster = serializers.CharField(source="cluster.name", read_only=True)
    requested_by = serializers.CharField(source="requested_by.username", read_only=True, allow_null=True, default=None)

    class Meta:
        model = RolloutRestart
        fields = ["id", "cluster", "namespace", "deployment", "status", "detail", "restarted_at", "requested_by",
                  "requested_at", "finished_at"]  # fmt: skip
        read_only_fields = fields
