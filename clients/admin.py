"""The console's view of client applications: read-only. Clients change through the REST API,
which keeps their bot users in step and audits every change; the key's hash is never shown."""

from __future__ import annotations

from django.contrib import admin

from chatops.admin import ReadOnlyAdmin
from clients.models import Client


@admin.register(Client)
class ClientAdmin(ReadOnlyAdmin):
    list_display = ("id", "name", "user", "team", "lookup", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at", "created_at", "team")
    search_fields = ("name", "description", "lookup")
    list_select_related = ("user", "team")
    raw_id_fields = ("user", "team", "created_by")
    exclude = ("key_hash",)
    readonly_fields = ("user", "lookup", "key_created_at", "last_used_at", "revoked_at")
