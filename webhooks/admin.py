"""The console's view of webhooks, their deliveries and attempts: read-only. Webhooks change
through the REST API, which checks their URLs and audits every change; the secret is never
shown here."""

from __future__ import annotations

from django.contrib import admin

from chatops.admin import ReadOnlyAdmin
from webhooks.models import Delivery, DeliveryAttempt, Webhook


@admin.register(Webhook)
class WebhookAdmin(ReadOnlyAdmin):
    list_display = ("id", "url", "enabled", "consecutive_failures", "last_delivery_status", "last_delivery_at")
    list_filter = ("enabled", "last_delivery_status", "created_at")
    search_fields = ("url",)
    list_select_related = ("created_by",)
    raw_id_fields = ("created_by",)
    # Every field but the secret (view-only: the console shows them, never as inputs).
    exclude = ("secret",)


class AttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    fields = ("number", "started_at", "duration_ms", "status_code", "outcome", "error", "response_body")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("id", "webhook", "event", "status", "attempt_count", "next_attempt_at", "created_at")
    list_filter = ("status", "event", "created_at")
    search_fields = ("webhook__url", "event")
    list_select_related = ("webhook",)
    raw_id_fields = ("webhook",)
    inlines = (AttemptInline,)


@admin.register(DeliveryAttempt)
class DeliveryAttemptAdmin(ReadOnlyAdmin):
    list_display = ("delivery", "number", "started_at", "status_code", "outcome", "duration_ms")
    list_filter = ("outcome", "started_at")
    search_fields = ("delivery__webhook__url", "error")
    list_select_related = ("delivery",)
    raw_id_fields = ("delivery",)
