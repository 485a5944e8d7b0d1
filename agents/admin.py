from __future__ import annotations

from django.contrib import admin

from agents.models import ConnectionEvent
from chatops.admin import ReadOnlyAdmin


@admin.register(ConnectionEvent)
class ConnectionEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "server", "kind", "reason", "ip_address", "agent_version")
    list_filter = ("kind", "created_at")
    search_fields = ("server__name", "reason", "ip_address")
    list_select_related = ("server",)
    raw_id_fields = ("server", "api_key")
