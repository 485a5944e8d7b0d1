"""Serializers of ``/users`` and ``/teams``: what admins see of a user, what everyone else sees
(the directory: no email, no sign-in times), invitations, and teams with their scope."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from accounts.api.serializers import MIN_PASSWORD_LENGTH, TokenPairSerializer
from accounts.choices import Role
from accounts.invitations import TOKEN_MAX_LENGTH, TOKEN_RE
from accounts.models import User
from accounts.teams import MAX_TEAM_TAGS, TEAM_NAME_RE, Team
from chatops.api.fields import (
    StrictBooleanField,
    StrictCharField,
    StrictEmailField,
    StrictModelSerializer,
    StrictPrimaryKeyRelatedField,
    StrictRegexField,
    TagField,
)

USERNAME_RE = r"^[\w.@+-]+\Z"

__all__ = [
    "USER_OR_ENTRY",
    "AdminUserSerializer",
    "CreatedUserSerializer",
    "DirectoryUserSerializer",
    "InvitationAcceptSerializer",
    "InvitationSerializer",
    "TeamMemberAddSerializer",
    "TeamMemberSerializer",
    "TeamSerializer",
    "TeamWriteSerializer",
    "TokenPairSerializer",
    "UserCreateSerializer",
    "UserUpdateSerializer",
]


class TeamBriefSerializer(serializers.ModelSerializer[Team]):
    class Meta:
        model = Team
        fields = ["id", "name"]
        read_only_fields = fields


class DirectoryUserSerializer(StrictModelSerializer):
    """A user as non-admins see them: who is who, for mentions and assignments."""

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "role"]
        read_only_fields = fields


class AdminUserSerializer(StrictModelSerializer):
    """A user as admins see them."""

    teams = TeamBriefSerializer(many=True, read_only=True)
    invitation_pending = serializers.SerializerMethodField(
        help_text="Invited, and no password chosen yet (they cannot sign in until they do)."
    )

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "email",
            "full_name",
            "role",
            "is_active",
            "alert_emails",
            "teams",
            "invitation_pending",
            "last_login",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.BooleanField())
    def get_invitation_pending(self, obj: User) -> bool:
        return not obj.has_usable_password()


#: ``GET /users`` and ``GET /users/{id}``: admins get the whole user, everyone else the entry.
USER_OR_ENTRY = PolymorphicProxySerializer(
    component_name="UserOrDirectoryEntry",
    serializers=[AdminUserSerializer, DirectoryUserSerializer],
    resource_type_field_name=None,
)


class InvitationSerializer(serializers.Serializer[Any]):
    url = serializers.CharField(help_text="The link to send; it works once. Shown this once, never again.")
    token = serializers.CharField(help_text="The token in the link, for POST /users/invitations/accept.")
    expires_at = serializers.DateTimeField()
    emailed = serializers.BooleanField(help_text="Whether the link was emailed to the user.")
    email_error = serializers.CharField(help_text="Why the email failed (empty when it left).")


class CreatedUserSerializer(AdminUserSerializer):
    invitation = serializers.SerializerMethodField(help_text="Null for a user created with a password.")

    class Meta(AdminUserSerializer.Meta):
        fields = [*AdminUserSerializer.Meta.fields, "invitation"]
        read_only_fields = fields

    @extend_schema_field(InvitationSerializer(allow_null=True))
    def get_invitation(self, obj: User) -> dict[str, Any] | None:
        invitation = self.context.get("invitation")
        return None if invitation is None else dict(InvitationSerializer(invitation).data)


class UserCreateSerializer(serializers.Serializer[Any]):
    username = StrictRegexField(USERNAME_RE, max_length=150)
    email = StrictEmailField(max_length=254)
    full_name = StrictCharField(max_length=150, required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(choices=Role.choices, default=Role.VIEWER)
    password = StrictCharField(
        write_only=True,
        required=False,
        min_length=MIN_PASSWORD_LENGTH,
        max_length=128,
        style={"input_type": "password"},
        help_text="Set it now; or leave it out and send `invite: true`.",
    )
    invite = StrictBooleanField(
        required=False,
        default=False,
        help_text="Email the user a link to choose their password (the answer shows the link once).",
    )

    def validate_email(self, value: str) -> str:
        return value.lower()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        from django.contrib.auth.password_validation import validate_password
        from django.core.exceptions import ValidationError as DjangoValidationError

        if attrs.get("invite") == ("password" in attrs):
            raise serializers.ValidationError("Send either a password or invite: true.")
        if "password" in attrs:
            probe = User(username=attrs["username"], email=attrs["email"], full_name=attrs.get("full_name", ""))
            try:
                validate_password(attrs["password"], probe)
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"password": list(exc.messages)}) from None
        return attrs


class UserUpdateSerializer(serializers.Serializer[Any]):
    """Send only what changes."""

    role = serializers.ChoiceField(choices=Role.choices, required=False, help_text="Not your own.")
    is_active = StrictBooleanField(required=False, help_text="False deactivates (as DELETE does); true reactivates.")
    full_name = StrictCharField(max_length=150, required=False, allow_blank=True)


class InvitationAcceptSerializer(serializers.Serializer[Any]):
    token = StrictRegexField(TOKEN_RE, max_length=TOKEN_MAX_LENGTH, help_text="From the invitation link.")
    password = StrictCharField(
        write_only=True, min_length=MIN_PASSWORD_LENGTH, max_length=128, style={"input_type": "password"}
    )


# --- Teams --------------------------------------------------------------------------------------


class TeamSerializer(StrictModelSerializer):
    tags = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="The scope's tag names.")
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Team
        fields = ["id", "name", "description", "tags", "all_servers", "member_count", "created_at", "updated_at"]
        read_only_fields = fields


class TeamWriteSerializer(serializers.Serializer[Any]):
    name = StrictRegexField(TEAM_NAME_RE, max_length=80)
    description = StrictCharField(max_length=500, required=False, allow_blank=True)
    tags = serializers.ListField(
        child=TagField(),
        max_length=MAX_TEAM_TAGS,
        required=False,
        help_text="The scope: members see the servers carrying any of these tags (names of tags, "
        "which need not exist yet).",
    )
    all_servers = StrictBooleanField(required=False, help_text="Members see the whole fleet, whatever its tags.")


class TeamMemberSerializer(DirectoryUserSerializer):
    pass


class TeamMemberAddSerializer(serializers.Serializer[Any]):
    user_id = StrictPrimaryKeyRelatedField(queryset=User.objects.all(), help_text="The user to add.")
