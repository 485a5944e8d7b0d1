"""The GitHub sign-in routes' queries and answers. The callback answers exactly what
``POST /auth/login`` does (accounts' ``TokenPair``): the fields are repeated here because an
app never imports another's api, and tests/sso/test_api.py holds the two answers equal."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.models import User
from chatops.api.fields import StrictCharField, StrictModelSerializer, StrictRegexField

#: What our states look like (secrets.token_urlsafe(32)), and GitHub's codes, generously.
URLSAFE_PATTERN = r"^[A-Za-z0-9_-]+\Z"


class GitHubStartQuerySerializer(serializers.Serializer[Any]):
    redirect_uri = StrictCharField(
        max_length=500,
        required=False,
        help_text=(
            "Where GitHub sends the browser back with code and state. Default: the dashboard's "
            "/login/github/callback page. Any other value must be listed in GITHUB_REDIRECT_URIS."
        ),
    )


class GitHubStartSerializer(serializers.Serializer[Any]):
    auth_url = StrictCharField(help_text="Send the user's browser here (GitHub's authorize page).")
    state = StrictCharField(
        help_text="Single use, expires after GITHUB_STATE_TTL_SECONDS; comes back on the redirect. "
        "The caller also got the chatops_github_binding cookie, which the callback needs."
    )


class GitHubCallbackQuerySerializer(serializers.Serializer[Any]):
    code = StrictRegexField(URLSAFE_PATTERN, max_length=256, help_text="The code GitHub put on the redirect.")
    state = StrictRegexField(URLSAFE_PATTERN, max_length=128, help_text="The state GitHub put on the redirect.")


class SignedInUserSerializer(StrictModelSerializer):
    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "email",
            "full_name",
            "role",
            "alert_emails",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class SignedInSerializer(serializers.Serializer[Any]):
    access_token = StrictCharField()
    refresh_token = StrictCharField()
    token_type = StrictCharField()
    expires_in = serializers.IntegerField()
    user = SignedInUserSerializer()
