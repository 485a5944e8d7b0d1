from django.apps import AppConfig


class DashboardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dashboard"

    def ready(self) -> None:
        from chatops import registry

        # The seed's fleet summary reads metrics, logs, alerts and tickets: a key needs metrics:read.
        registry.register_api_routes({f"dashboard-api:{name}": "metrics" for name in ("health", "metrics", "logs")})
