from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"

    def ready(self) -> None:
        from chatops import registry

        registry.register_audit_actions(
            "notification.sent",
            "notification_channel.created",
            "notification_channel.updated",
            "notification_channel.deleted",
        )
