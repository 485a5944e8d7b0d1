from django.contrib import admin

from helpdesk.models import CategoryRoute, SLAPolicy, Ticket, TicketComment, TicketEvent


class CommentInline(admin.TabularInline):
    model = TicketComment
    extra = 0
    fields = readonly_fields = ("author", "internal", "body", "created_at")
    can_delete = False


class EventInline(admin.TabularInline):
    model = TicketEvent
    extra = 0
    fields = readonly_fields = ("kind", "actor", "details", "internal", "created_at")
    can_delete = False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "status", "priority", "category", "assigned_to", "sla_state", "created_at"]
    list_filter = ["status", "priority", "category", "sla_state", "source", "needs_review"]
    search_fields = ["title", "description"]
    list_select_related = ["assigned_to"]
    raw_id_fields = ["created_by", "assigned_to", "alert", "chat_message", "watchers"]
    readonly_fields = [
        "created_at",
        "updated_at",
        "resolved_at",
        "closed_at",
        "first_response_at",
        "first_response_due",
        "resolution_due",
        "paused_at",
        "paused_seconds",
        "first_response_breached_at",
        "resolution_breached_at",
        "sla_state",
        "incident_key",
        "alert_count",
        "recovered_at",
    ]
    inlines = [CommentInline, EventInline]


@admin.register(SLAPolicy)
class SLAPolicyAdmin(admin.ModelAdmin):
    list_display = ["priority", "first_response_minutes", "resolution_minutes", "enabled", "updated_at"]
    list_filter = ["enabled"]
    search_fields = ["priority"]
    readonly_fields = ["updated_at"]


@admin.register(CategoryRoute)
class CategoryRouteAdmin(admin.ModelAdmin):
    list_display = ["category", "team", "strategy", "auto_assign"]
    list_filter = ["strategy", "auto_assign"]
    search_fields = ["category", "team__name"]
    list_select_related = ["team"]
    raw_id_fields = ["team", "last_assigned"]
    readonly_fields = ["last_assigned"]
