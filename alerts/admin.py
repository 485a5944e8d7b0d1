"""The operator console for thresholds and alerts. Thresholds are written through
``alerts.services`` (audited, pending durations restarted, alerts of a disabled threshold
resolved), as through the REST API; alerts are read, acknowledged and resolved. Routes,
escalation policies and silences are read here and written through the REST API (validated
against users, teams, channels and rooms, and audited)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.actor import Actor
from alerts import services
from alerts.models import Alert, EmailNotification, Threshold, metric_problem
from alerts.routing_models import AlertActivity, AlertGroup, AlertRoute, EscalationPolicy, Silence
from chatops.admin import ReadOnlyAdmin

THRESHOLD_FIELDS = (
    "name", "metric", "metric_expected", "operator", "value", "duration_seconds", "clear_value", "severity",
    "scope", "server", "tag", "enabled", "repeat_interval_seconds",
)  # fmt: skip


class ThresholdForm(forms.ModelForm):
    class Meta:
        model = Threshold
        fields = THRESHOLD_FIELDS

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if Threshold.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("A threshold with that name already exists.")
        return name

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or self.cleaned_data
        metric = cleaned.get("metric")
        if metric:
            before = self.instance if self.instance.pk is not None else None
            problem = metric_problem(metric, expected=bool(cleaned.get("metric_expected")), before=before)
            if problem:
                self.add_error("metric", problem)
        return cleaned


@admin.register(Threshold)
class ThresholdAdmin(admin.ModelAdmin):
    form = ThresholdForm
    list_display = ("name", "metric", "operator", "value", "clear_value", "duration_seconds", "severity", "scope",
                    "target", "enabled")  # fmt: skip
    list_filter = ("enabled", "severity", "scope", "operator")
    search_fields = ("name", "metric")
    list_select_related = ("server", "tag")
    raw_id_fields = ("server",)
    readonly_fields = ("created_by", "created_at", "updated_at")

    @admin.display(description="target")
    def target(self, obj: Threshold) -> str:
        return str(obj.server or obj.tag or "every server")

    def save_model(self, request: HttpRequest, obj: Threshold, form: forms.ModelForm[Threshold], change: bool) -> None:
        fields = {name: form.cleaned_data[name] for name in THRESHOLD_FIELDS}
        if change:
            saved = services.update_threshold(
                Actor.from_request(request, via="admin"), Threshold.objects.get(pk=obj.pk), **fields
            )
        else:
            saved = services.create_threshold(Actor.from_request(request, via="admin"), **fields)
        obj.pk = saved.pk
        obj.refresh_from_db()

    def delete_model(self, request: HttpRequest, obj: Threshold) -> None:
        services.delete_threshold(Actor.from_request(request, via="admin"), obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Threshold]) -> None:
        actor = Actor.from_request(request, via="admin")
        with transaction.atomic():
            for threshold in queryset:
                services.delete_threshold(actor, threshold)


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ("name", "server", "severity", "status", "value", "peak_value", "started_at", "resolved_at")
    list_filter = ("status", "severity", "kind", "started_at")
    search_fields = ("name", "server__name", "message")
    list_select_related = ("server",)
    date_hierarchy = "started_at"
    actions = ("acknowledge", "resolve")

    def _act(self, request: HttpRequest, queryset: QuerySet[Alert], change: Any, verb: str) -> None:
        actor = Actor.from_request(request, via="admin")
        done = 0
        for alert in queryset:
            try:
                change(actor, alert, "from the admin")
                done += 1
            except services.AlertStateConflict as exc:
                self.message_user(request, f"{alert}: {exc.detail}", messages.WARNING)
        self.message_user(request, f"{done} alert(s) {verb}.")

    @admin.action(description="Acknowledge selected firing alerts")
    def acknowledge(self, request: HttpRequest, queryset: QuerySet[Alert]) -> None:
        self._act(request, queryset, services.acknowledge, "acknowledged")

    @admin.action(description="Resolve selected alerts")
    def resolve(self, request: HttpRequest, queryset: QuerySet[Alert]) -> None:
        self._act(request, queryset, services.resolve, "resolved")


@admin.register(EmailNotification)
class EmailNotificationAdmin(ReadOnlyAdmin):
    list_display = ("alert", "event", "created_at", "attempts", "sent_at", "last_error")
    list_filter = ("event", "sent_at")
    list_select_related = ("alert",)


# --- Routing: written through the REST API (validated, audited); read here -----------------------


@admin.register(AlertRoute)
class AlertRouteAdmin(ReadOnlyAdmin):
    list_display = ("name", "position", "enabled", "continue_matching", "group_by", "escalation_policy")
    list_filter = ("enabled", "send_resolved")
    search_fields = ("name",)
    list_select_related = ("escalation_policy",)
    raw_id_fields = ("escalation_policy", "created_by")


@admin.register(EscalationPolicy)
class EscalationPolicyAdmin(ReadOnlyAdmin):
    list_display = ("name", "description", "updated_at")
    search_fields = ("name",)
    raw_id_fields = ("created_by",)


@admin.register(Silence)
class SilenceAdmin(ReadOnlyAdmin):
    list_display = ("id", "matchers", "starts_at", "ends_at", "comment", "created_by")
    list_filter = ("starts_at", "ends_at")
    search_fields = ("comment",)
    list_select_related = ("created_by",)
    raw_id_fields = ("created_by",)


@admin.register(AlertGroup)
class AlertGroupAdmin(ReadOnlyAdmin):
    list_display = ("id", "route", "labels", "created_at", "next_flush_at", "last_notified_at")
    list_filter = ("route",)
    list_select_related = ("route",)
    raw_id_fields = ("route",)


@admin.register(AlertActivity)
class AlertActivityAdmin(ReadOnlyAdmin):
    list_display = ("alert", "kind", "at", "route", "notification", "silence")
    list_filter = ("kind", "at")
    list_select_related = ("alert", "route")
    raw_id_fields = ("alert", "route", "notification", "silence")
