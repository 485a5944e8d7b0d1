from django.apps import AppConfig


class AutomationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "automation"

    def ready(self) -> None:
        # Nothing here imports ansible: it is loaded by the worker when a run starts.
        from accounts.choices import Role
        from approvals.registry import register_kind
        from automation import approved
        from automation.chat import COMMANDS
        from automation.events import PlaybookRunData
        from automation.jobs import JOBS
        from chatops import registry

        registry.register_jobs(*JOBS)
        register_kind("playbook", "Run a playbook", approved.run)
        registry.register_webhook_events(
            registry.WebhookEvent("playbook.completed", "Playbook run succeeded", PlaybookRunData),
            registry.WebhookEvent(
                "playbook.failed", "Playbook run failed, timed out, was cancelled or lost", PlaybookRunData
            ),
        )
        registry.register_scope_resources(registry.ScopeResource("playbooks", read=Role.VIEWER, write=Role.OPERATOR))
        registry.register_api_routes(
            {
                f"automation-api:{name}": "playbooks"
                for name in ("playbooks-available", "playbook-execute", "executions", "execution", "execution-cancel")
            }
        )
        registry.register_audit_actions("playbook.run", "playbook.cancel")
        for command in COMMANDS:
            registry.register_chat_command(command)
