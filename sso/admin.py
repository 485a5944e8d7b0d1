"""The operator console: GitHub sign-in's settings (one row; the client secret is written,
never shown) and the sign-ins in flight (read-only, hashes only)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialApp, SocialToken
from django import forms
from django.contrib import admin
from django.http import HttpRequest

from sso.models import GitHubSignInSettings, SignInState

# allauth's own admin pages for what the hub does not use: apps kept in the database (the
# settings above are the hub's), GitHub's tokens (never stored) and allauth's e-mail table.
# Its SocialAccount page stays: which GitHub account is linked to which user (delete one to unlink).
for _model in (SocialApp, SocialToken, EmailAddress):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class GitHubSignInSettingsForm(forms.ModelForm):
    new_client_secret = forms.CharField(
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False),
        help_text="Leave empty to keep the stored secret. Encrypted at rest; never shown.",
    )
    clear_client_secret = forms.BooleanField(required=False, help_text="Forget the stored secret.")

    class Meta:
        model = GitHubSignInSettings
        fields = ["use_environment", "enabled", "client_id", "allowed_orgs"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_secret = bool(data.get("new_client_secret")) or (
            bool(self.instance.client_secret) and not data.get("clear_client_secret")
        )
        if not data.get("use_environment") and data.get("enabled") and not (data.get("client_id") and has_secret):
            raise forms.ValidationError("Turning GitHub sign-in on needs a client ID and a client secret.")
        return data

    def save(self, commit: bool = True) -> GitHubSignInSettings:
        instance = super().save(commit=False)
        if self.cleaned_data.get("clear_client_secret"):
            instance.client_secret = ""
        if self.cleaned_data.get("new_client_secret"):
            instance.client_secret = self.cleaned_data["new_client_secret"]
        if commit:
            instance.save()
        return instance


@admin.register(GitHubSignInSettings)
class GitHubSignInSettingsAdmin(admin.ModelAdmin):
    form = GitHubSignInSettingsForm
    list_display = ["__str__", "use_environment", "enabled", "client_id", "allowed_orgs", "secret_stored", "updated_at"]
    list_filter = ["use_environment", "enabled"]
    search_fields = ["client_id"]
    readonly_fields = ["secret_stored", "updated_at"]
    list_select_related = False

    @admin.display(boolean=True, description="Secret stored")
    def secret_stored(self, obj: GitHubSignInSettings) -> bool:
        return bool(obj.client_secret)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not GitHubSignInSettings.objects.exists()


@admin.register(SignInState)
class SignInStateAdmin(admin.ModelAdmin):
    list_display = ["created_at", "expires_at", "used_at", "redirect_uri"]
    list_filter = ["used_at"]
    search_fields = ["redirect_uri"]
    readonly_fields = ["state_hash", "binding_hash", "redirect_uri", "created_at", "expires_at", "used_at"]
    list_select_related = False
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
