from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from automation.models import ConnectionProfile, PlaybookRun


class ConnectionProfileForm(forms.ModelForm):
    """The private key is write-only: never shown back; left empty, the stored one is kept."""

    private_key = forms.CharField(
        widget=forms.PasswordInput(render_value=False), required=False,
        help_text="PEM or OpenSSH private key. Never shown; leave empty to keep the stored one.",
    )  # fmt: skip
    clear_private_key = forms.BooleanField(required=False, help_text="Remove the stored key.")

    class Meta:
        model = ConnectionProfile
        fields = ["server", "tag", "connection", "ssh_user", "ssh_port", "private_key"]

    def clean_private_key(self) -> str:
        value = self.cleaned_data.get("private_key") or ""
        if not value and self.instance.pk:
            return str(self.instance.private_key or "")
        return str(value)

    def save(self, commit: bool = True) -> Any:
        if self.cleaned_data.get("clear_private_key"):
            self.instance.private_key = ""
            self.cleaned_data["private_key"] = ""
        return super().save(commit)


@admin.register(ConnectionProfile)
class ConnectionProfileAdmin(admin.ModelAdmin):
    form = ConnectionProfileForm
    list_display = ["pk", "server", "tag", "connection", "ssh_user", "ssh_port", "has_private_key", "updated_at"]
    list_filter = ["connection"]
    search_fields = ["server__name", "tag__name", "ssh_user"]
    list_select_related = ["server", "tag"]
    raw_id_fields = ["server"]
    readonly_fields = ["updated_at"]

    def save_model(self, request: Any, obj: ConnectionProfile, form: Any, change: bool) -> None:
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(boolean=True, description="private key")
    def has_private_key(self, obj: ConnectionProfile) -> bool:
        return obj.has_private_key


@admin.register(PlaybookRun)
class PlaybookRunAdmin(admin.ModelAdmin):
    list_display = ["pk", "playbook", "status", "requested_by", "requested_via", "created_at", "finished_at"]
    list_filter = ["status", "playbook", "requested_via"]
    search_fields = ["playbook", "reason"]
    list_select_related = ["requested_by"]
    raw_id_fields = ["requested_by", "approval", "servers"]
    readonly_fields = [f.name for f in PlaybookRun._meta.concrete_fields]

    def has_add_permission(self, request: Any) -> bool:
        return False
