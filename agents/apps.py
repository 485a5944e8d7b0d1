from django.apps import AppConfig


class AgentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agents"

    def ready(self) -> None:
        from accounts.choices import Role
        from agents import approved
        from agents.events import CommandCompletedData
        from agents.jobs import JOBS
        from chatops import registry

        registry.register_jobs(*JOBS)
        approved.register()
        registry.register_webhook_events(
            registry.WebhookEvent("command.completed", "Command completed", CommandCompletedData)
        )
        registry.register_scope_resources(
            registry.ScopeResource("commands", read=Role.OPERATOR, write=Role.OPERATOR),
            registry.ScopeResource("docker", read=Role.VIEWER, write=Role.OPERATOR),
        )
        docker = ["containers", "container-start", "container-stop", "container-restart", "container-logs"]
        registry.register_api_routes(
            {
                "agents-api:commands": "commands",
                "agents-api:command": "commands",
                **{f"agents-api:{name}": "docker" for name in docker},
            }
        )
        from agents.chat import COMMANDS as CHAT_COMMANDS

        for command in CHAT_COMMANDS:
            registry.register_chat_command(command)
        registry.register_audit_actions(
            "command.run",
            "docker.list",
            "docker.logs",
            "docker.restart",
            "docker.start",
            "docker.stop",
            "request.refused",
            "server.enrolled",
        )
