from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monitoring"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from monitoring.jobs import JOBS

        registry.register_jobs(*JOBS)
        registry.register_scope_resources(
            registry.ScopeResource("metrics", read=Role.VIEWER, write=Role.OPERATOR),
            registry.ScopeResource("logs", read=Role.VIEWER),
        )
        metrics = ["custom-metrics", "latest", "history", "catalog", "custom-history", "recent"]
        registry.register_api_routes(
            {**{f"monitoring-api:{name}": "metrics" for name in metrics}, "monitoring-api:logs": "logs"}
        )
        from monitoring.collectors import collect_fleet

        registry.register_metric_collector("fleet", collect_fleet)
