from __future__ import annotations

from typing import Any, cast

from django.apps import apps
from django.conf import settings
from django.db.models import Model
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts import scopes as key_scopes
from accounts.choices import Role
from accounts.models import APIKey, AuditLog, User
from accounts.summary import UserSummarySerializer
from chatops.api.fields import (
    StrictCharField,
    StrictEmailField,
    StrictModelSerializer,
    StrictPrimaryKeyRelatedField,
    StrictRegexField,
)


def _min_password_length() -> int:
    validators = cast(list[dict[str, Any]], settings.AUTH_PASSWORD_VALIDATORS)
    for validator in validators:
        if validator["NAME"].endswith("MinimumLengthValidator"):
            return int(validator.get("OPTIONS", {}).get("min_length", 8))
    return 1


MIN_PASSWORD_LENGTH = _min_password_length()


class UserSerializer(StrictModelSerializer):
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
        read_only_fields = ["id", "role", "is_active", "created_at", "updated_at"]


class RegisterSerializer(serializers.Serializer[Any]):
    username = StrictRegexField(r"^[\w.@+-]+\Z", max_length=150)
    email = StrictEmailField(max_length=254)
    password = StrictCharField(
        write_only=True, min_length=MIN_PASSWORD_LENGTH, max_length=128, style={"input_type": "password"}
    )
    full_name = StrictCharField(max_length=150, required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(
        choices=Role.choices, required=False, help_text="Honoured only when an admin registers someone."
    )

    def validate_email(self, value: str) -> str:
        return value.lower()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        from django.contrib.auth.password_validation import validate_password
        from django.core.exceptions import ValidationError as DjangoValidationError

        probe = User(username=attrs["username"], email=attrs["email"], full_name=attrs.get("full_name", ""))
        try:
            validate_password(attrs["password"], probe)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from None
        return attrs


class LoginSerializer(serializers.Serializer[Any]):
    username = StrictCharField(max_length=254, help_text="Username or email address.")
    password = StrictCharField(write_only=True, max_length=128, style={"input_type": "password"})


class RefreshSerializer(serializers.Serializer[Any]):
    refresh_token = StrictCharField(max_length=4096)


class TokenPairSerializer(serializers.Serializer[Any]):
    access_token = StrictCharField()
    refresh_token = StrictCharField()
    token_type = StrictCharField()
    expires_in = serializers.IntegerField(help_text="Seconds until the access token expires.")
    user = UserSerializer()


class ChangePasswordSerializer(serializers.Serializer[Any]):
    current_password = StrictCharField(write_only=True, max_length=128)
    new_password = StrictCharField(write_only=True, min_length=MIN_PASSWORD_LENGTH, max_length=128)


class ProfileSerializer(StrictModelSerializer):
    """What a user may change about themselves: never their role or whether they are active."""

    username = StrictRegexField(r"^[\w.@+-]+\Z", max_length=150, required=False)
    email = StrictEmailField(max_length=254, required=False)

    class Meta:
        model = User
        fields = ["username", "email", "full_name", "alert_emails"]
        extra_kwargs = {"full_name": {"required": False}, "alert_emails": {"required": False}}

    def validate_email(self, value: str) -> str:
        return value.lower()


class APIKeySerializer(StrictModelSerializer):
    user = UserSummarySerializer(read_only=True)
    server = StrictPrimaryKeyRelatedField(
        # Through the key's relation: the inventory app sits above accounts and is not imported.
        queryset=apps.get_model("servers", "Server").objects.all(),
        required=False,
        allow_null=True,
        help_text="Bind the key to one server: it then authenticates that server's agent (admins only).",
    )
    scopes = serializers.ListField(
        child=serializers.ChoiceField(choices=key_scopes.all_scopes()),
        required=False,
        max_length=len(key_scopes.all_scopes()),
        help_text=(
            "What the key may do (docs/api.md, API keys). A bound key has exactly ['agent']; "
            "an unbound key defaults to the read scopes every role has."
        ),
    )
    prefix = StrictCharField(source="lookup", read_only=True, help_text="The key's first characters.")
    is_active = serializers.BooleanField(read_only=True)

    class Meta:
        model = APIKey
        fields = [
            "id",
            "name",
            "prefix",
            "user",
            "server",
            "scopes",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked_at",
            "is_active",
        ]
        read_only_fields = ["id", "prefix", "user", "created_at", "last_used_at", "revoked_at", "is_active"]

    def validate_expires_at(self, value: Any) -> Any:
        if value is not None and value <= timezone.now():
            raise serializers.ValidationError("Must be in the future.")
        return value

    def validate_server(self, value: Model | None) -> Model | None:
        request = self.context["request"]
        if value is not None and not request.user.is_admin:
            raise serializers.ValidationError("Only admins may bind a key to a server.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # Creating: the key is the caller's. Changing: it stays its owner's and bound as it was.
        owner = self.instance.user if self.instance is not None else self.context["request"].user
        bound = (self.instance.server_id if self.instance is not None else attrs.get("server")) is not None
        if "scopes" in attrs or self.instance is None:
            default = [key_scopes.AGENT] if bound else list(key_scopes.default_scopes(owner.role))
            chosen = key_scopes.normalised(attrs.get("scopes", default))
            errors = key_scopes.scope_errors(chosen, bound=bound, role=owner.role)
            if errors:
                raise serializers.ValidationError({"scopes": errors})
            attrs["scopes"] = chosen
        return attrs


class APIKeyUpdateSerializer(APIKeySerializer):
    """A key's name and scopes may change; its owner, server and lifetime may not."""

    server = StrictPrimaryKeyRelatedField(read_only=True)

    class Meta(APIKeySerializer.Meta):
        read_only_fields = [*APIKeySerializer.Meta.read_only_fields, "server", "expires_at"]


class CreatedAPIKeySerializer(APIKeySerializer):
    key = serializers.SerializerMethodField(help_text="The key itself. Shown this once, never again.")

    class Meta(APIKeySerializer.Meta):
        fields = [*APIKeySerializer.Meta.fields, "key"]

    @extend_schema_field(StrictCharField())
    def get_key(self, obj: APIKey) -> str:
        return str(self.context["raw_key"])


class AuditLogSerializer(StrictModelSerializer):
    actor = UserSummarySerializer(read_only=True, allow_null=True)
    api_key = serializers.PrimaryKeyRelatedField[APIKey](read_only=True, allow_null=True)

    class Meta:
        model = AuditLog
        fields = [
            "id",
            "created_at",
            "actor",
            "actor_label",
            "api_key",
            "action",
            "via",
            "target_type",
            "target_id",
            "ip_address",
            "user_agent",
            "details",
        ]
        read_only_fields = fields
