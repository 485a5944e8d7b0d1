from django.apps import AppConfig


class ChatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chat"

    def ready(self) -> None:
        from chatops import registry
        from chatops.registry import WebhookEvent

        registry.register_webhook_events(
            WebhookEvent("message.created", "Chat message created"),
        )
        registry.register_audit_actions("room.created", "room.updated", "room.archived", "message.deleted")

        # Alerts in rooms: cards for alerts, lines for server activity; the alerts and agents
        # apps' signals (sent after commit) reach chat here.
        from chat import alerts

        alerts.connect()
        registry.register_audit_actions("room.alerts_updated")
        registry.register_api_routes({"chat-api:room-alert-subscriptions": "chat"})
        # The scope resource "chat" (read viewer, write viewer) is the api part's; registered
        # here until that part is merged (keep one).
        from accounts.choices import Role

        registry.register_scope_resources(registry.ScopeResource("chat", read=Role.VIEWER, write=Role.VIEWER))
