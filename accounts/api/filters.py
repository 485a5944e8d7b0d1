from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from accounts.actor import VIA_CHOICES
from accounts.choices import Role, audit_actions
from accounts.models import APIKey, AuditLog, Team, User
from chatops.api.filters import IdFilter, StrictFilterSet, UTCDateTimeFilter


class AuditLogFilter(StrictFilterSet):
    actor = IdFilter(field_name="actor_id", help_text="User id of the actor.")
    actor_label = django_filters.CharFilter(field_name="actor_label", lookup_expr="iexact", max_length=150)
    api_key = IdFilter(field_name="api_key_id")
    action = django_filters.ChoiceFilter(field_name="action", choices=[(a, a) for a in audit_actions()])
    via = django_filters.ChoiceFilter(field_name="via", choices=[(v, v) for v in VIA_CHOICES])
    target_type = django_filters.CharFilter(field_name="target_type", max_length=64)
    target_id = django_filters.CharFilter(field_name="target_id", max_length=64)
    start = UTCDateTimeFilter(field_name="created_at", lookup_expr="gte")
    end = UTCDateTimeFilter(field_name="created_at", lookup_expr="lt")

    class Meta:
        model = AuditLog
        fields: list[str] = []


class APIKeyFilter(StrictFilterSet):
    user = IdFilter(field_name="user_id")
    server = IdFilter(field_name="server_id")
    active = django_filters.BooleanFilter(method="filter_active")

    class Meta:
        model = APIKey
        fields: list[str] = []

    def filter_active(self, queryset, name, value):  # type: ignore[no-untyped-def]
        active = APIKey.objects.active()
        return queryset.filter(pk__in=active) if value else queryset.exclude(pk__in=active)


class UserFilter(StrictFilterSet):
    role = django_filters.ChoiceFilter(choices=Role.choices)
    is_active = django_filters.BooleanFilter(help_text="Non-admins see active users only.")
    team = IdFilter(method="filter_team", help_text="Members of this team (non-admins: one of their own teams).")
    search = django_filters.CharFilter(
        method="filter_search",
        max_length=150,
        help_text="Part of the username, full name or (admins) email address, any case.",
    )

    class Meta:
        model = User
        fields: list[str] = []

    def filter_team(self, queryset: QuerySet[User], name: str, value: int) -> QuerySet[User]:
        teams = Team.objects.visible_to(self.request.user).filter(pk=value)
        return queryset.filter(pk__in=Team.members.through.objects.filter(team__in=teams).values("user_id"))

    def filter_search(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        found = Q(username__icontains=value) | Q(full_name__icontains=value)
        if self.request.user.is_admin:
            # Not for the others: a search would tell them addresses the directory leaves out.
            found |= Q(email__icontains=value)
        return queryset.filter(found)


class TeamFilter(StrictFilterSet):
    search = django_filters.CharFilter(
        field_name="name", lookup_expr="icontains", max_length=80, help_text="Part of the name, any case."
    )
    tag = django_filters.CharFilter(method="filter_tag", max_length=50, help_text="Teams whose scope names this tag.")

    class Meta:
        model = Team
        fields: list[str] = []

    def filter_tag(self, queryset: QuerySet[Team], name: str, value: str) -> QuerySet[Team]:
        # The scope is a JSON list, which not every backend can search: the teams are few.
        wanted = value.strip().lower()
        return queryset.filter(pk__in=[pk for pk, tags in queryset.values_list("pk", "tags") if wanted in (tags or [])])
