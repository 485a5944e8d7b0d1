from django.apps import AppConfig


class ChatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chat"

    def ready(self) -> None:
        from chat.jobs import JOBS
        from chatops import registry
        from chatops.registry import WebhookEvent

        registry.register_webhook_events(
            WebhookEvent("message.created", "Chat message created"),
        )
        registry.register_audit_actions("room.created", "room.updated", "room.archived", "message.deleted")
        registry.register_jobs(*JOBS)
