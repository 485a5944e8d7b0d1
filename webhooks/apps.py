from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "webhooks"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from webhooks.jobs import JOBS

        # The event types a webhook may subscribe to are registered by the apps that emit them.
        registry.register_jobs(*JOBS)
        registry.register_scope_resources(registry.ScopeResource("webhooks", read=Role.ADMIN, write=Role.ADMIN))
        routes = ["webhook-list", "webhook-detail", "webhook-test", "deliveries"]
        registry.register_api_routes({f"webhooks-api:{name}": "webhooks" for name in routes})
        registry.register_audit_actions("webhook.created", "webhook.deleted", "webhook.disabled", "webhook.updated")
        from webhooks.collectors import collect_webhooks

        registry.register_metric_collector("webhooks", collect_webhooks)
