"""The operator console for users, API keys, the audit log and rate-limit counters.

Every write here leaves an audit entry, as the same write through the REST API does, and no
secret is shown twice: a new API key once, a password hash or refresh token never.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm, UsernameField
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.debug import sensitive_post_parameters
from rest_framework_simplejwt.token_blacklist.admin import OutstandingTokenAdmin
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts import scopes as key_scopes
from accounts.actor import Actor
from accounts.choices import Role
from accounts.forms import CountedAdminAuthenticationForm
from accounts.models import APIKey, AuditLog, RateLimitCounter, User
from accounts.services import (
    announce_access_change,
    blacklist_all_refresh_tokens,
    create_api_key,
    record_audit,
    revoke_api_key,
    update_api_key,
)
from chatops.admin import ReadOnlyAdmin

# Permissions come from the role; the custom user has no groups, so the page would be a trap.
admin.site.unregister(Group)
# The admin's sign-in counts attempts and audits like the API's.
admin.site.login_form = CountedAdminAuthenticationForm


def _actor(request: HttpRequest) -> Actor:
    # admin_view() lets only signed-in staff (admins) this far.
    assert isinstance(request.user, User)
    return Actor.from_request(request, via="admin")


# --- Users -----------------------------------------------------------------------------------


def _unique_ci(form: forms.ModelForm[User], field: str, label: str) -> str:
    """Usernames and emails are unique whatever their case (constraints on Lower()); say so
    plainly rather than with the constraint's name."""
    value: str = form.cleaned_data[field]
    if User.objects.filter(**{f"{field}__iexact": value}).exclude(pk=form.instance.pk).exists():
        raise forms.ValidationError(f"A user with that {label} already exists.")
    return value


class UserAddForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "full_name", "role", "is_active")

    def clean_email(self) -> str:
        return _unique_ci(self, "email", "email address")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = ("username", "password", "email", "full_name", "role", "is_active")
        field_classes = {"username": UsernameField}

    def clean_username(self) -> str:
        return _unique_ci(self, "username", "username")

    def clean_email(self) -> str:
        return _unique_ci(self, "email", "email address")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        user = self.instance
        stays_admin = cleaned.get("role", user.role) == Role.ADMIN and cleaned.get("is_active", user.is_active)
        if not stays_admin and User.objects.get(pk=user.pk).is_last_active_admin():
            raise forms.ValidationError("This is the last active admin: make someone else an admin first.")
        return cleaned


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserAddForm
    # Django's add template says "more options after saving"; here the add form has them all.
    add_form_template = None
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Profile", {"fields": ("full_name", "email")}),
        ("Access", {"fields": ("role", "is_active")}),
        ("Dates", {"fields": ("last_login", "password_changed_at", "created_at", "updated_at")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "email", "full_name", "role", "is_active", "password1", "password2"),
            },
        ),
    )
    list_display = ("username", "email", "full_name", "role", "is_active", "last_login", "created_at")
    list_filter = ("role", "is_active")
    search_fields = ("username", "email", "full_name")
    readonly_fields = ("last_login", "password_changed_at", "created_at", "updated_at")
    ordering = ("username",)
    filter_horizontal = ()

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> tuple[str, ...]:
        readonly = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            # An admin cannot demote or lock out themselves: the console always keeps one admin.
            readonly += ("role", "is_active")
        return readonly

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        if obj is not None and (obj.pk == request.user.pk or obj.is_last_active_admin()):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: User, form: forms.ModelForm[User], change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            details: dict[str, Any] = {"username": obj.username, "role": obj.role, "is_active": obj.is_active}
            record_audit("user.created", actor=_actor(request), target=obj, details=details)
            return
        changed = sorted(name for name in form.changed_data if "password" not in name)
        if not changed:
            return
        details = {"changed": changed}
        for name in ("role", "is_active"):
            if name in changed:
                details[name] = {"before": form.initial.get(name), "after": getattr(obj, name)}
        record_audit("user.updated", actor=_actor(request), target=obj, details=details)
        if "is_active" in changed or "role" in changed:
            announce_access_change(obj, deactivated=not obj.is_active, role_changed="role" in changed)

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        self._audit_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        with transaction.atomic():
            for user in queryset:
                self._audit_deletion(request, user)
            super().delete_queryset(request, queryset)

    def _audit_deletion(self, request: HttpRequest, user: User) -> None:
        record_audit(
            "user.deleted", actor=_actor(request), target=user, details={"username": user.username, "role": user.role}
        )
        announce_access_change(user, deactivated=True, role_changed=False)

    @method_decorator(sensitive_post_parameters())
    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        """Django's view, plus what ``services.change_password`` also does: every refresh token
        of the user stops working (a reset is often because the account leaked), and an audit
        entry. The view saves only on success, so a changed hash is the sign it succeeded."""
        with transaction.atomic():
            user = self.get_object(request, unquote(id))
            before = user.password if user is not None else None
            response = super().user_change_password(request, id, form_url)
            if user is not None and request.method == "POST":
                user.refresh_from_db(fields=["password"])
                if user.password != before:
                    revoked = blacklist_all_refresh_tokens(user)
                    record_audit(
                        "user.password_changed",
                        actor=_actor(request),
                        target=user,
                        details={"usable": user.has_usable_password(), "refresh_tokens_revoked": revoked},
                    )
        return response


# --- API keys --------------------------------------------------------------------------------


class APIKeyStatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [("active", "Active"), ("expired", "Expired"), ("revoked", "Revoked")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[APIKey]) -> QuerySet[APIKey]:
        if self.value() == "active":
            return queryset.filter(pk__in=APIKey.objects.active().values("pk"))
        if self.value() == "expired":
            return queryset.filter(revoked_at__isnull=True, expires_at__lte=timezone.now())
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


SCOPE_HELP = (
    "A key bound to a server has exactly 'agent'. An unbound key has 'enrol' alone (an admin's key "
    "that enrols agents by hostname) or script scopes within its owner's role; none chosen: the "
    "read scopes every role has."
)


def _scope_choices() -> list[tuple[str, str]]:
    return [(scope, scope) for scope in key_scopes.all_scopes()]


def _scopes_field() -> forms.MultipleChoiceField:
    # Choices read when the form is drawn: this module is imported by the admin's autodiscovery,
    # before the other apps have registered their scopes.
    return forms.MultipleChoiceField(
        choices=_scope_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=SCOPE_HELP,
    )


def _clean_scopes(form: forms.ModelForm[APIKey], owner: User | None, bound: bool) -> list[str]:
    chosen = key_scopes.normalised(form.cleaned_data.get("scopes") or [])
    if not chosen:
        chosen = (
            [key_scopes.AGENT]
            if bound
            else list(key_scopes.default_scopes(owner.role if owner is not None else Role.VIEWER))
        )
    if owner is not None:
        for error in key_scopes.scope_errors(chosen, bound=bound, role=owner.role):
            form.add_error("scopes", error)
    return chosen


class APIKeyAddForm(forms.ModelForm):
    scopes = _scopes_field()

    class Meta:
        model = APIKey
        fields = ("user", "name", "server", "scopes", "expires_at")

    def clean_expires_at(self) -> datetime | None:
        value: datetime | None = self.cleaned_data.get("expires_at")
        if value is not None and value <= timezone.now():
            raise forms.ValidationError("Must be in the future.")
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["scopes"] = _clean_scopes(self, cleaned.get("user"), cleaned.get("server") is not None)
        return cleaned


class APIKeyChangeForm(forms.ModelForm):
    scopes = _scopes_field()

    class Meta:
        model = APIKey
        fields = ("name", "scopes")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["scopes"] = _clean_scopes(self, self.instance.user, self.instance.server_id is not None)
        return cleaned


@admin.register(APIKey)
class APIKeyAdmin(admin.ModelAdmin):
    """The raw key exists only in the message after creation; ``key_hash`` is never shown."""

    add_form = APIKeyAddForm
    form = APIKeyChangeForm
    list_display = ("name", "prefix", "user", "server", "scopes", "status", "created_at", "expires_at", "last_used_at")
    list_filter = (APIKeyStatusFilter, "created_at", "expires_at")
    search_fields = ("name", "lookup", "user__username", "server__name")
    list_select_related = ("user", "server")
    autocomplete_fields = ("user", "server")
    actions = ("revoke_keys",)
    change_fields = (
        "name",
        "scopes",
        "user",
        "server",
        "prefix",
        "status",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )

    def get_fields(self, request: HttpRequest, obj: APIKey | None = None) -> tuple[str, ...]:
        return APIKeyAddForm.Meta.fields if obj is None else self.change_fields

    def get_readonly_fields(self, request: HttpRequest, obj: APIKey | None = None) -> tuple[str, ...]:
        # A key's owner, server and lifetime are what it was issued for; to change them, issue
        # another key and revoke this one.
        return () if obj is None else tuple(f for f in self.change_fields if f not in ("name", "scopes"))

    def get_form(
        self, request: HttpRequest, obj: APIKey | None = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm[APIKey]]:
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, change, **kwargs)

    def has_delete_permission(self, request: HttpRequest, obj: APIKey | None = None) -> bool:
        # Revoke first: revocation is audited and tells a connected agent to hang up, a delete
        # is neither. So only revoked keys may go, and a user or server with a live key cannot
        # be deleted from here until its keys are revoked.
        return obj is not None and obj.revoked_at is not None and super().has_delete_permission(request, obj)

    @admin.display(description="prefix", ordering="lookup")
    def prefix(self, obj: APIKey) -> str:
        return f"{obj.lookup}…"

    @admin.display(description="status")
    def status(self, obj: APIKey) -> str:
        if obj.revoked_at is not None:
            return "revoked"
        if obj.expires_at is not None and obj.expires_at <= timezone.now():
            return "expired"
        if not obj.user.is_active:
            return "owner inactive"
        return "active"

    def save_model(self, request: HttpRequest, obj: APIKey, form: forms.ModelForm[APIKey], change: bool) -> None:
        if change:
            # Audited, and a change of scopes closes the key's sockets.
            update_api_key(_actor(request), obj, name=obj.name, scopes=obj.scopes)
            return
        key, raw = create_api_key(
            _actor(request),
            obj.user,
            name=obj.name,
            server=obj.server,
            expires_at=obj.expires_at,
            scopes=obj.scopes,
        )
        # The admin goes on with ``obj`` (log entry, redirect): make it the row just created.
        obj.pk = key.pk
        obj.refresh_from_db()
        messages.success(
            request,
            format_html(
                "The new key for “{}” is <code>{}</code>. Copy it now: it will not be shown again.", key.name, raw
            ),
        )

    @admin.action(description="Revoke selected keys")
    def revoke_keys(self, request: HttpRequest, queryset: QuerySet[APIKey]) -> None:
        actor = _actor(request)
        live = list(queryset.filter(revoked_at__isnull=True))
        for key in live:
            revoke_api_key(actor, key)
        self.message_user(request, f"Revoked {len(live)} key(s).", messages.SUCCESS)


# --- Read-only records -----------------------------------------------------------------------


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor_label", "action", "via", "target_type", "target_id", "ip_address", "api_key")
    list_filter = ("action", "via", "created_at", "target_type")
    search_fields = ("actor_label", "action", "target_id")
    list_select_related = ("api_key",)
    fields = (
        "created_at",
        "actor",
        "actor_label",
        "api_key",
        "action",
        "target_type",
        "target_id",
        "ip_address",
        "user_agent",
        "pretty_details",
    )
    readonly_fields = fields
    # The log only grows: skip the unfiltered COUNT(*) on every page.
    show_full_result_count = False

    @admin.display(description="details")
    def pretty_details(self, obj: AuditLog) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.details, indent=2, sort_keys=True, ensure_ascii=False))


class CounterWindowFilter(admin.SimpleListFilter):
    title = "window"
    parameter_name = "window"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [("open", "Open"), ("ended", "Ended")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[RateLimitCounter]) -> QuerySet[RateLimitCounter]:
        now = int(timezone.now().timestamp())
        if self.value() == "open":
            return queryset.filter(expires_at__gt=now)
        if self.value() == "ended":
            return queryset.filter(expires_at__lte=now)
        return queryset


@admin.register(RateLimitCounter)
class RateLimitCounterAdmin(ReadOnlyAdmin):
    """Only the database fallback's counters; with ``REDIS_URL`` set they live in Redis."""

    list_display = ("key", "count", "window_ends")
    list_filter = (CounterWindowFilter,)
    search_fields = ("key",)
    fields = ("key", "count", "window_ends")
    readonly_fields = fields
    ordering = ("key",)

    @admin.display(description="window ends", ordering="expires_at")
    def window_ends(self, obj: RateLimitCounter) -> datetime:
        return datetime.fromtimestamp(obj.expires_at, tz=UTC)


# --- Refresh tokens (simplejwt's admin) ------------------------------------------------------

admin.site.unregister(OutstandingToken)


@admin.register(OutstandingToken)
class SafeOutstandingTokenAdmin(OutstandingTokenAdmin):
    """simplejwt's admin shows each refresh token in full, and a refresh token is a session:
    whoever reads it can sign in as its user. Show everything but the token."""

    exclude = ("token",)

    def get_readonly_fields(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [name for name in super().get_readonly_fields(*args, **kwargs) if name != "token"]


# Teams have their own module (this one is long enough); importing it registers them.
from accounts import admin_teams  # noqa: E402,F401
