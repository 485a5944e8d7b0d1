"""What the sign-in page needs to know: whether to show "Sign in with GitHub"."""

from __future__ import annotations

from django.http import HttpRequest

from sso.conf import github_config


def github_sign_in(request: HttpRequest) -> dict[str, bool]:
    return {"github_sign_in_enabled": github_config().enabled}
