"""The operator console for the inventory. Writes are audited as ``servers.services`` audits
the same writes through the REST API, with details of the same shape."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from accounts.actor import Actor
from accounts.services import record_audit
from servers.models import Server, Tag


def _as_text(value: Any) -> str | None:
    return str(value) if value is not None else None


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "server_count")
    # A tag is only a name: nothing to filter on, the search box is enough.
    search_fields = ("name",)
    # Meta.ordering does not apply to the GROUP BY of the count below.
    ordering = ("name",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Tag]:
        return super().get_queryset(request).annotate(server_count=Count("servers"))

    @admin.display(description="servers", ordering="server_count")
    def server_count(self, obj: Tag) -> int:
        return obj.server_count  # type: ignore[attr-defined]


class ServerForm(forms.ModelForm):
    class Meta:
        model = Server
        fields = ("name", "hostname", "ip_address", "os", "description", "tags")

    def _unique_ci(self, field: str) -> str:
        # Names and hostnames are unique whatever their case (constraints on Lower()); say so
        # plainly rather than with the constraint's name.
        value: str = self.cleaned_data[field]
        if Server.objects.filter(**{f"{field}__iexact": value}).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"A server with that {field} already exists.")
        return value

    def clean_name(self) -> str:
        return self._unique_ci("name")

    def clean_hostname(self) -> str:
        return self._unique_ci("hostname")

    def clean_ip_address(self) -> str | None:
        # The form field gives "" for no address; the column (and the REST API) say NULL.
        return self.cleaned_data.get("ip_address") or None


@admin.register(Server)
class ServerAdmin(admin.ModelAdmin):
    form = ServerForm
    list_display = ("name", "hostname", "ip_address", "os", "status", "last_seen", "agent_version", "tag_list")
    list_filter = ("status", "tags", "agent_version")
    search_fields = ("name", "hostname", "ip_address", "os")
    autocomplete_fields = ("tags",)
    fieldsets = (
        (None, {"fields": ("name", "hostname", "ip_address", "os", "description", "tags")}),
        ("Agent", {"fields": ("status", "last_seen", "agent_version")}),
        ("History", {"fields": ("created_by", "created_at", "updated_at")}),
    )
    # The agent reports these; the console only shows them.
    readonly_fields = ("status", "last_seen", "agent_version", "created_by", "created_at", "updated_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Server]:
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description="tags")
    def tag_list(self, obj: Server) -> str:
        return ", ".join(obj.tag_names)

    def save_model(self, request: HttpRequest, obj: Server, form: forms.ModelForm[Server], change: bool) -> None:
        # Tags are saved after this (save_related), so obj.tags still holds the old ones here.
        tags_before = obj.tag_names if change else []
        tags_after = sorted(tag.name for tag in form.cleaned_data.get("tags", []))
        fields = [name for name in form.changed_data if name != "tags"]
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)
        if not change:
            created = {name: _as_text(form.cleaned_data.get(name)) for name in sorted(form.fields) if name != "tags"}
            record_audit(
                "server.created",
                actor=Actor.from_request(request, via="admin"),
                target=obj,
                details={**created, "tags": tags_after},
            )
            return
        if not form.changed_data:
            return
        changed = {name: _as_text(form.cleaned_data.get(name)) for name in sorted(fields)}
        details: dict[str, Any] = {"changed": changed}
        if tags_after != tags_before:
            details["tags"] = {"before": tags_before, "after": tags_after}
        record_audit("server.updated", actor=Actor.from_request(request, via="admin"), target=obj, details=details)

    def delete_model(self, request: HttpRequest, obj: Server) -> None:
        self._audit_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Server]) -> None:
        with transaction.atomic():
            for server in queryset:
                self._audit_deletion(request, server)
            super().delete_queryset(request, queryset)

    def _audit_deletion(self, request: HttpRequest, server: Server) -> None:
        details = {"name": server.name, "hostname": server.hostname}
        record_audit("server.deleted", actor=Actor.from_request(request, via="admin"), target=server, details=details)
