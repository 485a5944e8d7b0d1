from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "helpdesk"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from helpdesk import receivers
        from helpdesk.jobs import JOBS

        registry.register_jobs(*JOBS)
        # Tickets: every role reads and writes its own (the views narrow it); the dashboard's
        # fleet summary is a read of what the caller may see.
        registry.register_scope_resources(
            registry.ScopeResource("tickets", read=Role.REQUESTER, write=Role.REQUESTER),
        )
        registry.register_api_routes(
            {
                "helpdesk-api:ticket-list": "tickets",
                "helpdesk-api:ticket-detail": "tickets",
                "helpdesk-api:ticket-comments": "tickets",
                "helpdesk-api:ticket-timeline": "tickets",
                "helpdesk-api:ticket-analytics-summary": "tickets",
                "helpdesk-api:sla-policy-list": "tickets",
                "helpdesk-api:sla-policy-detail": "tickets",
                "helpdesk-api:category-route-list": "tickets",
                "helpdesk-api:category-route-detail": "tickets",
            }
        )
        registry.register_audit_actions(
            "ticket.opened",
            "ticket.updated",
            "ticket.commented",
            "ticket.deleted",
            "ticket.sla_breached",
            "sla_policy.created",
            "sla_policy.updated",
            "sla_policy.deleted",
            "category_route.created",
            "category_route.updated",
            "category_route.deleted",
        )
        receivers.connect()
        from helpdesk.chat import COMMANDS as CHAT_COMMANDS

        for command in CHAT_COMMANDS:
            registry.register_chat_command(command)
