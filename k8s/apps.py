from django.apps import AppConfig


class K8sConfig(AppConfig):
    """Kubernetes clusters (``k8s``: the name ``kubernetes`` is the official client's, which an
    app at the repository root would shadow)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "k8s"
    verbose_name = "Kubernetes"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from k8s import approved, wire
        from k8s.jobs import JOBS

        registry.register_jobs(*JOBS)
        wire.register()
        approved.register()
        registry.register_scope_resources(registry.ScopeResource("kubernetes", read=Role.VIEWER, write=Role.OPERATOR))
        routes = ["cluster-list", "cluster-detail", "cluster-nodes", "cluster-pods", "cluster-restart"]
        registry.register_api_routes({f"k8s-api:{name}": "kubernetes" for name in routes})
        registry.register_audit_actions(
            "kubernetes.cluster.created",
            "kubernetes.cluster.updated",
            "kubernetes.cluster.deleted",
            "kubernetes.rollout_restart",
        )
        from k8s.collectors import collect_clusters
        from k8s.health import check_clusters

        registry.register_metric_collector("kubernetes", collect_clusters)
        registry.register_health_check("kubernetes", check_clusters)
