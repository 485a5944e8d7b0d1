from django.apps import AppConfig


class ServersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "servers"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry

        registry.register_scope_resources(registry.ScopeResource("servers", read=Role.VIEWER, write=Role.ADMIN))
        registry.register_api_routes({"servers-api:server-list": "servers", "servers-api:server-detail": "servers"})
        from servers.chat import COMMANDS as CHAT_COMMANDS

        for command in CHAT_COMMANDS:
            registry.register_chat_command(command)
        registry.register_audit_actions("server.created", "server.deleted", "server.updated")
