from django.apps import AppConfig


class ChatbotConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chatbot"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatbot.chat import COMMANDS
        from chatops import registry

        # The FAQ: everyone reads, support staff and above write. The bot: everyone asks (a
        # write: it may open a ticket). Its logs and analytics: support staff and above.
        registry.register_scope_resources(
            registry.ScopeResource("faqs", read=Role.REQUESTER, write=Role.SUPPORT),
            registry.ScopeResource("chatbot", read=Role.SUPPORT, write=Role.REQUESTER),
        )
        registry.register_api_routes(
            {
                "chatbot-api:faq-list": "faqs",
                "chatbot-api:faq-detail": "faqs",
                "chatbot-api:chat": "chatbot",
                "chatbot-api:chat-log-list": "chatbot",
                "chatbot-api:analytics": "chatbot",
            }
        )
        registry.register_audit_actions("faq.created", "faq.updated", "faq.deleted")
        for command in COMMANDS:
            registry.register_chat_command(command)
