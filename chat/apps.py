from django.apps import AppConfig


class ChatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "chat"

    def ready(self) -> None:
        from accounts.choices import Role
        from chat import alerts, approvals, notify
        from chat.commandline import HELP
        from chat.events import MessageData
        from chat.jobs import JOBS
        from chatops import registry
        from chatops.registry import WebhookEvent

        registry.register_jobs(*JOBS)
        registry.register_webhook_events(
            WebhookEvent("message.created", "Chat message created", MessageData),
        )
        # Everyone may talk: the scope is the same for reading and writing (commands have their
        # own checks, as the person who typed them).
        registry.register_scope_resources(registry.ScopeResource("chat", read=Role.VIEWER, write=Role.VIEWER))
        rooms = ["room-list", "room-detail", "room-all", "room-join", "room-leave", "room-members", "room-read"]
        rooms += ["room-alert-subscriptions"]
        messages = ["message-list", "message-detail", "message-edits", "commands"]
        registry.register_api_routes({f"chat-api:{name}": "chat" for name in [*rooms, *messages]})
        registry.register_audit_actions(
            "room.created", "room.updated", "room.archived", "room.alerts_updated", "message.deleted"
        )
        # /help is the chat app's own; each app registers its other commands.
        registry.register_chat_command(HELP)
        # Approval messages in the room a request came from (signals sent by approvals).
        approvals.connect()
        # Alerts in rooms: cards for alerts, lines for server activity; the alerts and agents
        # apps' signals (sent after commit) reach chat here.
        alerts.connect()
        # Rooms as a place notifications go (alert routes, escalation steps name them).
        notify.register()
