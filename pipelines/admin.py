"""The console's view of integrations, deliveries, pipelines and deployments: read-only.
Integrations change through the REST API, which audits every change; the secret is never shown here."""

from __future__ import annotations

from django.contrib import admin

from chatops.admin import ReadOnlyAdmin
from pipelines.models import Delivery, Deployment, Follow, Integration, Job, Pipeline


@admin.register(Integration)
class IntegrationAdmin(ReadOnlyAdmin):
    list_display = ["name", "provider", "enabled", "delivery_retention_hours", "created_at"]
    list_filter = ["provider", "enabled"]
    search_fields = ["name"]
    exclude = ["secret"]  # shown once, at creation through the API; never here
    list_select_related = ["created_by"]
    raw_id_fields = ["created_by"]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["received_at", "integration", "event", "verdict", "delivery_id", "processed_at"]
    list_filter = ["verdict", "integration"]
    search_fields = ["delivery_id", "event"]
    readonly_fields = [f.name for f in Delivery._meta.fields]
    list_select_related = ["integration"]
    raw_id_fields = ["integration"]


@admin.register(Pipeline)
class PipelineAdmin(ReadOnlyAdmin):
    list_display = ["repository", "name", "branch", "status", "started_at", "finished_at"]
    list_filter = ["status", "provider"]
    search_fields = ["repository", "branch", "commit_sha", "external_id"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["integration"]
    raw_id_fields = ["integration"]


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ["pipeline", "stage", "name", "status", "started_at", "finished_at"]
    list_filter = ["status"]
    search_fields = ["name", "stage"]
    list_select_related = ["pipeline"]
    raw_id_fields = ["pipeline"]


@admin.register(Deployment)
class DeploymentAdmin(ReadOnlyAdmin):
    list_display = ["service", "environment", "status", "started_at", "finished_at"]
    list_filter = ["status", "environment", "provider"]
    search_fields = ["service", "sha", "external_id"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["integration"]
    raw_id_fields = ["integration", "servers"]


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):
    list_display = ["room", "repository", "environment", "created_at"]
    search_fields = ["repository", "environment"]
    list_select_related = ["room"]
    raw_id_fields = ["room", "created_by"]
