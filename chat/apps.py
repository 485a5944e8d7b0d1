from django.apps import AppConfig


class ChatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chat"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from chatops.registry import WebhookEvent

        registry.register_webhook_events(
            WebhookEvent("message.created", "Chat message created"),
        )
        registry.register_audit_actions("room.created", "room.updated", "room.archived", "message.deleted")

        # Slash commands (cmd): /help is the chat app's own; each app registers its others.
        from chat.commandline import HELP

        registry.register_chat_command(HELP)
        # The scope resource "chat" is the api helper's too: keep one registration at merge.
        registry.register_scope_resources(registry.ScopeResource("chat", read=Role.VIEWER, write=Role.VIEWER))
        registry.register_api_routes({"chat-api:commands": "chat"})
