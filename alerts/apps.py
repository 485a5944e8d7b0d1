from django.apps import AppConfig


class AlertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"

    def ready(self) -> None:
        from accounts.choices import Role
        from alerts.jobs import JOBS
        from alerts.services.evaluation import evaluate
        from chatops import registry
        from chatops.registry import WebhookEvent
        from monitoring.ingest import register_evaluator

        registry.register_jobs(*JOBS)
        # The servers' events too: alerts emits them, with the server.offline alert.
        registry.register_webhook_events(
            WebhookEvent("alert.created", "Alert created"),
            WebhookEvent("alert.acknowledged", "Alert acknowledged"),
            WebhookEvent("alert.resolved", "Alert resolved"),
            WebhookEvent("server.offline", "Server offline"),
            WebhookEvent("server.online", "Server online"),
        )
        registry.register_scope_resources(registry.ScopeResource("alerts", read=Role.VIEWER, write=Role.OPERATOR))
        from alerts.collectors import collect_alerts

        registry.register_metric_collector("alerts", collect_alerts)
        routes = ["threshold-list", "threshold-detail", "alert-list", "alert-detail", "alert-acknowledge"]
        routes += ["alert-resolve", "alert-timeline", "silence-list", "silence-detail"]
        routes += ["alert-route-list", "alert-route-detail", "escalation-policy-list", "escalation-policy-detail"]
        registry.register_api_routes({f"alerts-api:{name}": "alerts" for name in routes})
        # The thresholds judge every ingest batch (and custom metrics) inside its transaction;
        # monitoring only knows the hook, not this app.
        register_evaluator(evaluate)
        from alerts.chat import COMMANDS as CHAT_COMMANDS

        for command in CHAT_COMMANDS:
            registry.register_chat_command(command)
        registry.register_audit_actions(
            "alert.acknowledged",
            "alert.resolved",
            "threshold.created",
            "threshold.deleted",
            "threshold.updated",
            "alert_route.created",
            "alert_route.updated",
            "alert_route.deleted",
            "escalation_policy.created",
            "escalation_policy.updated",
            "escalation_policy.deleted",
            "silence.created",
            "silence.updated",
            "silence.expired",
        )
