from __future__ import annotations

from django.contrib import admin

from k8s.models import Cluster, ClusterSample, RolloutRestart


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "mode", "version", "node_count", "pod_count", "last_snapshot_at", "actions_enabled"]
    list_filter = ["mode", "actions_enabled"]
    search_fields = ["name"]
    raw_id_fields = ["server", "created_by"]
    list_select_related = ["server"]
    # The secrets are never shown; they change through the API.
    exclude = ["kubeconfig", "token"]
    readonly_fields = ["last_snapshot_at", "last_error", "last_error_at", "metrics_available", "node_count",
                       "nodes_not_ready", "pod_count", "pods_failing", "namespace_count", "namespaces"]  # fmt: skip


@admin.register(ClusterSample)
class ClusterSampleAdmin(admin.ModelAdmin):
    list_display = ["cluster", "ts", "node_count", "pod_count"]
    list_filter = ["cluster"]
    search_fields = ["cluster__name"]
    raw_id_fields = ["cluster"]
    list_select_related = ["cluster"]
    readonly_fields = ["ts"]


@admin.register(RolloutRestart)
class RolloutRestartAdmin(admin.ModelAdmin):
    list_display = ["cluster", "namespace", "deployment", "status", "requested_by", "requested_at"]
    list_filter = ["status"]
    search_fields = ["deployment", "namespace", "cluster__name"]
    raw_id_fields = ["cluster", "requested_by"]
    list_select_related = ["cluster", "requested_by"]
    readonly_fields = ["requested_at", "finished_at"]
