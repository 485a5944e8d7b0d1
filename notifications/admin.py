from django.contrib import admin

from notifications.models import Delivery, Notification, NotificationChannel, NotificationPreference


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


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "enabled", "quiet_start", "quiet_end", "timezone", "updated_at"]
    list_filter = ["enabled"]
    search_fields = ["user__username"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
