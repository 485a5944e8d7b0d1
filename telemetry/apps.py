from django.apps import AppConfig


class TelemetryConfig(AppConfig):
    """``GET /metrics``: the Prometheus exposition of what every app registered
    (``chatops.registry.metric_collectors``), plus the hub's own figures (``chatops.telemetry``).
    It imports no app above accounts: each app brings its own collector (docs/prometheus-grafana.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "telemetry"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from telemetry.collectors import collect_hub

        # The whole fleet at once, whatever the teams' scopes: admins' keys only (docs).
        registry.register_scope_resources(registry.ScopeResource("prometheus", read=Role.ADMIN))
        registry.register_api_routes({"telemetry:metrics": "prometheus"})
        registry.register_metric_collector("hub", collect_hub)
