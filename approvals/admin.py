"""The operator console for approvals: admins set the policies (through
``approvals.services``, audited, as over REST); requests are read, and decided over REST or
in chat, where the second person is named."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from accounts.actor import Actor
from approvals import services
from approvals.models import Approval, ApprovalPolicy
from chatops.admin import ReadOnlyAdmin


@admin.register(ApprovalPolicy)
class ApprovalPolicyAdmin(admin.ModelAdmin):
    list_display = ("kind", "required", "updated_by", "updated_at")
    list_editable = ("required",)
    fields = ("kind", "required", "updated_by", "updated_at")
    readonly_fields = ("kind", "updated_by", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one row per kind, made by the migration

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ApprovalPolicy, form: Any, change: bool) -> None:
        services.set_policy(Actor.from_request(request, via="admin"), obj.kind, obj.required)


@admin.register(Approval)
class ApprovalAdmin(ReadOnlyAdmin):
    list_display = ("id", "kind", "summary", "status", "requested_by", "requested_via", "decided_by", "created_at",
                    "expires_at")  # fmt: skip
    list_filter = ("status", "kind", "requested_via")
    search_fields = ("summary", "requested_by__username", "decided_by__username")
    list_select_related = ("requested_by", "decided_by")
