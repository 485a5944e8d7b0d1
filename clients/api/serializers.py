"""What the clients routes take and give. The key appears in two responses only: registration
and rotation (``CreatedClientSerializer``)."""

from __future__ import annotations

import contextlib
import ipaddress
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Team
from accounts.summary import UserSummarySerializer
from chatops.api.fields import StrictCharField, StrictModelSerializer, StrictPrimaryKeyRelatedField, StrictRegexField
from clients.choices import CLIENT_ROLE_CHOICES
from clients.models import MAX_DESCRIPTION_LENGTH, MAX_IP_RANGES, MAX_NAME_LENGTH, NAME_RE, Client

#: Room enough for an IPv6 network with its prefix length (``ffff:…:ffff/128``).
MAX_CIDR_LENGTH = 43


@extend_schema_field(
    {
        "type": "string",
        "maxLength": MAX_CIDR_LENGTH,
        "pattern": r"^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$",
        "description": "An IPv4 or IPv6 network (`10.0.0.0/8`, `2001:db8::/32`) or one address "
        "(`203.0.113.7`); no host bits set beside the prefix length.",
    }
)
class NetworkField(StrictCharField):
    """A CIDR range, stored as Python writes it (``10.0.0.0/8``; one address as ``/32``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=MAX_CIDR_LENGTH, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        text = super().to_internal_value(data)
        try:
            return str(ipaddress.ip_network(text, strict=True))
        except ValueError as exc:
            hint = ""
            with contextlib.suppress(ValueError):
                hint = f" Did you mean {ipaddress.ip_network(text, strict=False)}?"
            raise serializers.ValidationError(f"Not an IP network: {exc}.{hint}") from None


def ip_ranges_field(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=NetworkField(),
        max_length=MAX_IP_RANGES,
        help_text="Where the key is accepted from; empty: anywhere. A request from elsewhere is a "
        "403 `ip_not_allowed`.",
        **kwargs,
    )


def team_field(**kwargs: Any) -> StrictPrimaryKeyRelatedField:
    return StrictPrimaryKeyRelatedField(
        queryset=Team.objects.all(),
        allow_null=True,
        help_text="The team whose scope of the fleet the client has (its bot joins the team); null: none.",
        **kwargs,
    )


class ClientSerializer(StrictModelSerializer):
    """A client application, as admins and the client itself see it (never its key)."""

    role = serializers.ChoiceField(choices=CLIENT_ROLE_CHOICES, read_only=True, help_text="What it acts as.")
    team = StrictPrimaryKeyRelatedField(read_only=True, allow_null=True)
    allowed_ips = serializers.ListField(child=StrictCharField(), read_only=True, help_text="Empty: anywhere.")
    prefix = StrictCharField(read_only=True, help_text="The key's first characters, to tell keys apart.")
    bot_user_id = serializers.IntegerField(
        source="user_id", read_only=True, help_text="Its bot user: add this id to a chat room to let it post there."
    )
    created_by = UserSummarySerializer(read_only=True, allow_null=True)
    is_active = serializers.BooleanField(read_only=True, help_text="False once revoked.")

    class Meta:
        model = Client
        fields = [
            "id",
            "name",
            "description",
            "role",
            "team",
            "allowed_ips",
            "prefix",
            "bot_user_id",
            "created_by",
            "created_at",
            "updated_at",
            "key_created_at",
            "last_used_at",
            "revoked_at",
            "is_active",
        ]
        read_only_fields = fields


class CreatedClientSerializer(ClientSerializer):
    key = serializers.SerializerMethodField(help_text="The key itself. Shown this once, never again.")

    class Meta(ClientSerializer.Meta):
        fields = [*ClientSerializer.Meta.fields, "key"]
        read_only_fields = fields

    @extend_schema_field(StrictCharField())
    def get_key(self, obj: Client) -> str:
        return str(self.context["raw_key"])


def _name(**kwargs: Any) -> StrictRegexField:
    return StrictRegexField(
        NAME_RE,
        max_length=MAX_NAME_LENGTH,
        help_text="Also its bot's username (chat shows it): letters, digits and . _ - (a letter or digit first). "
        "Unique among clients and users.",
        **kwargs,
    )


def _description(**kwargs: Any) -> StrictCharField:
    return StrictCharField(max_length=MAX_DESCRIPTION_LENGTH, allow_blank=True, **kwargs)


class ClientCreateSerializer(serializers.Serializer[Any]):
    name = _name()
    description = _description(required=False, default="")
    role = serializers.ChoiceField(
        choices=CLIENT_ROLE_CHOICES,
        required=False,
        default="viewer",
        help_text="What the client acts as: viewer or operator (never admin, docs/clients.md).",
    )
    team = team_field(required=False, default=None)
    allowed_ips = ip_ranges_field(required=False, default=list)


class ClientUpdateSerializer(serializers.Serializer[Any]):
    """Every field optional: what is given changes, the rest stays."""

    name = _name(required=False)
    description = _description(required=False)
    role = serializers.ChoiceField(choices=CLIENT_ROLE_CHOICES, required=False)
    team = team_field(required=False)
    allowed_ips = ip_ranges_field(required=False)


class ClientSelfUpdateSerializer(serializers.Serializer[Any]):
    """What a client changes about itself."""

    name = _name(required=False)
    description = _description(required=False)
