from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"

    def ready(self) -> None:
        from accounts.choices import Role
        from chatops import registry
        from notifications.jobs import JOBS

        registry.register_jobs(*JOBS)
        # Notifications: every role reads what it sent or received; only admins send. The inbox
        # and quiet hours are each user's own, so every role reads and writes them.
        registry.register_scope_resources(
            registry.ScopeResource("notifications", read=Role.VIEWER, write=Role.ADMIN),
            registry.ScopeResource("inbox", read=Role.VIEWER, write=Role.VIEWER),
        )
        sent = ["notification-list", "notification-detail", "notification-analytics"]
        inbox = ["inbox-list", "inbox-read", "inbox-read-all", "preferences"]
        registry.register_api_routes(
            {
                **{f"notifications-api:{name}": "notifications" for name in sent},
                **{f"notifications-api:{name}": "inbox" for name in inbox},
            }
        )
        registry.register_audit_actions(
            "notification.sent",
            "notification_channel.created",
            "notification_channel.updated",
            "notification_channel.deleted",
            "notification_channel.tested",
            "email_provider.updated",
            "email_provider.validated",
            "notification_preference.updated",
        )
        registry.register_scope_resources(
            # Everyone manages their own channels (admins anyone's): the same role reads and writes.
            registry.ScopeResource("notification_channels", read=Role.VIEWER, write=Role.VIEWER),
            registry.ScopeResource("email_providers", read=Role.ADMIN, write=Role.ADMIN),
        )
        channels = ["notification-channel-list", "notification-channel-detail", "notification-channel-test"]
        registry.register_api_routes(
            {
                **{f"notifications-api:{name}": "notification_channels" for name in channels},
                "notifications-api:email-providers": "email_providers",
                "notifications-api:email-providers-validate": "email_providers",
            }
        )
        from notifications.collectors import collect_notifications
        from notifications.health import check_email

        registry.register_metric_collector("notifications", collect_notifications)
        registry.register_health_check("email", check_email)
