from django.apps import AppConfig


class PipelinesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pipelines"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from pipelines.events import WEBHOOK_EVENTS
        from pipelines.jobs import JOBS

        registry.register_jobs(*JOBS)
        registry.register_webhook_events(*WEBHOOK_EVENTS)
        registry.register_scope_resources(
            # Integrations hold CI secrets and their raw deliveries: admins only.
            registry.ScopeResource("integrations", read=Role.ADMIN, write=Role.ADMIN),
            registry.ScopeResource("pipelines", read=Role.VIEWER, write=Role.OPERATOR),
        )
        registry.register_api_routes(
            {
                "pipelines-api:integration-list": "integrations",
                "pipelines-api:integration-detail": "integrations",
                "pipelines-api:integration-deliveries": "integrations",
                # The receivers authenticate by the integration's secret, never by a key.
                "pipelines-api:receive-github": None,
                "pipelines-api:receive-gitlab": None,
                "pipelines-api:receive-generic": None,
                "pipelines-api:pipeline-list": "pipelines",
                "pipelines-api:pipeline-detail": "pipelines",
                "pipelines-api:deployment-list": "pipelines",
                "pipelines-api:deployment-detail": "pipelines",
                "pipelines-api:dora": "pipelines",
                "pipelines-api:follow-list": "pipelines",
                "pipelines-api:follow-detail": "pipelines",
            }
        )
        registry.register_audit_actions(
            "integration.created",
            "integration.updated",
            "integration.deleted",
            "pipeline_follow.created",
            "pipeline_follow.deleted",
        )
        from pipelines.collectors import collect_pipelines
        from pipelines.health import check_integrations

        registry.register_metric_collector("pipelines", collect_pipelines)
        registry.register_health_check("ci", check_integrations)
