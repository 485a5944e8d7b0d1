"""Sign-in forms for the admin and the browsable API, held to the same attempt limits and
audit as the API's login (``accounts.services.check_password_login``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from rest_framework.exceptions import AuthenticationFailed

from accounts.actor import Actor, Via
from accounts.services import TooManyAttempts, check_password_login
from chatops.api.exceptions import ServiceUnavailable


class CountedAuthenticationForm(AuthenticationForm):
    #: What the audit entry's details call the form, and the way in its actor came by.
    via = "session"
    actor_via: Via = "api"  # the browsable API's sign-in

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = check_password_login(
                    Actor.from_request(self.request, via=self.actor_via), username, password, via=self.via
                )
            except TooManyAttempts:
                raise forms.ValidationError("Too many sign-in attempts. Try again later.", code="throttled") from None
            except ServiceUnavailable:
                raise forms.ValidationError("Sign-in is unavailable right now.", code="unavailable") from None
            except AuthenticationFailed:
                raise self.get_invalid_login_error() from None
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class CountedAdminAuthenticationForm(CountedAuthenticationForm, AdminAuthenticationForm):
    via = "admin"
    actor_via: Via = "admin"
