"""The operator console for teams (imported by ``accounts.admin``). Every change is audited as
the REST API's are: created, updated (with what changed), members added and removed, deleted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from accounts.actor import Actor
from accounts.models import User
from accounts.services import record_audit
from accounts.teams import Team, clean_tags


class TeamForm(forms.ModelForm):
    tags = forms.CharField(
        required=False,
        help_text="The scope: tag names, separated by commas or spaces. Members see the servers carrying any of them.",
    )

    class Meta:
        model = Team
        fields = ("name", "description", "tags", "all_servers", "members")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["tags"] = ", ".join(self.instance.tags or [])

    def clean_tags(self) -> list[str]:
        raw = str(self.cleaned_data.get("tags") or "")
        try:
            return clean_tags(raw.replace(",", " ").split())
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from None

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        if Team.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("A team with that name already exists.")
        return name


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    form = TeamForm
    list_display = ("name", "all_servers", "scope", "member_count", "created_at", "updated_at")
    list_filter = ("all_servers",)
    search_fields = ("name", "description")
    autocomplete_fields = ("members",)
    readonly_fields = ("created_at", "updated_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Team]:
        return super().get_queryset(request).annotate(members_n=Count("members"))

    @admin.display(description="scope")
    def scope(self, obj: Team) -> str:
        return "every server" if obj.all_servers else ", ".join(obj.tags or []) or "nothing"

    @admin.display(description="members", ordering="members_n")
    def member_count(self, obj: Team) -> int:
        return int(getattr(obj, "members_n", 0))

    def _actor(self, request: HttpRequest) -> Actor:
        assert isinstance(request.user, User)
        return Actor.from_request(request, via="admin")

    def save_model(self, request: HttpRequest, obj: Team, form: forms.ModelForm[Team], change: bool) -> None:
        # What the members were, for ``save_related`` (which saves them) to tell the difference.
        request._team_members_before = set(obj.members.values_list("pk", flat=True)) if change else set()  # type: ignore[attr-defined]
        super().save_model(request, obj, form, change)
        fields = [name for name in form.changed_data if name != "members"]
        if not change:
            details = {"name": obj.name, "tags": obj.tags, "all_servers": obj.all_servers}
            record_audit("team.created", actor=self._actor(request), target=obj, details=details)
        elif fields:
            details = {"changed": sorted(fields), **{name: {"after": getattr(obj, name)} for name in fields}}
            record_audit("team.updated", actor=self._actor(request), target=obj, details=details)

    def save_related(self, request: HttpRequest, form: forms.ModelForm[Team], formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        team = form.instance
        before: set[int] = getattr(request, "_team_members_before", set())
        after = set(team.members.values_list("pk", flat=True))
        names = dict(User.objects.filter(pk__in=before ^ after).values_list("pk", "username"))
        for action, ids in (("team.member_added", after - before), ("team.member_removed", before - after)):
            for pk in sorted(ids):
                details = {"user_id": pk, "username": names.get(pk, "")}
                record_audit(action, actor=self._actor(request), target=team, details=details)

    def delete_model(self, request: HttpRequest, obj: Team) -> None:
        self._audit_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Team]) -> None:
        with transaction.atomic():
            for team in queryset:
                self._audit_deletion(request, team)
            super().delete_queryset(request, queryset)

    def _audit_deletion(self, request: HttpRequest, team: Team) -> None:
        members = list(team.members.order_by("username").values_list("username", flat=True))
        details = {"name": team.name, "tags": team.tags, "all_servers": team.all_servers, "members": members}
        record_audit("team.deleted", actor=self._actor(request), target=team, details=details)
