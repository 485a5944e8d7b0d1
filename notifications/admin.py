from django.contrib import admin

from chatops.admin import ReadOnlyAdmin
from notifications.models import Delivery, EmailProvider, Notification, NotificationChannel, NotificationPreference


@admin.register(NotificationChannel)
class NotificationChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "user", "team", "enabled", "created_at"]
    list_filter = ["kind", "enabled"]
    search_fields = ["name"]
    # The target is a secret: never listed, never shown back.
    exclude = ["target"]


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "kind",
        "channel",
        "user",
        "address",
        "target_id",
        "status",
        "attempts",
        "last_error",
        "delivered_at",
    )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "type", "severity", "status", "created_at"]
    list_filter = ["type", "severity", "status"]
    search_fields = ["subject"]
    inlines = [DeliveryInline]


@admin.register(EmailProvider)
class EmailProviderAdmin(ReadOnlyAdmin):
    """Shown, never changed here: the API validates, audits and keeps the secrets masked."""

    list_display = ["provider", "from_email", "host", "updated_by", "updated_at"]
    list_select_related = ["updated_by"]
    raw_id_fields = ["updated_by"]
    # The password and the API credentials are secrets: never shown.
    exclude = ["password", "credentials"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "enabled", "quiet_start", "quiet_end", "timezone", "updated_at"]
    list_filter = ["enabled"]
    search_fields = ["user__username"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
