from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.api.serializers import UserSummarySerializer
from chatops.api.fields import StrictCharField, StrictModelSerializer
from servers.models import Server, tag_validator

MAX_TAGS = 20


class TagField(StrictCharField):
    """A tag name; surrounding space is dropped and it is lowercased before it is checked."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=50, validators=[tag_validator], **kwargs)

    def to_internal_value(self, data: Any) -> str:
        return str(super().to_internal_value(data)).strip().lower()


class ServerSerializer(StrictModelSerializer):
    tags = serializers.ListField(
        child=TagField(), required=False, max_length=MAX_TAGS, help_text=f"Up to {MAX_TAGS} tags."
    )
    created_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Server
        fields = [
            "id",
            "name",
            "hostname",
            "ip_address",
            "os",
            "tags",
            "description",
            "status",
            "last_seen",
            "agent_version",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "status",
            "last_seen",
            "agent_version",
            "created_by",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"description": {"max_length": 2000}}

    def to_representation(self, instance: Server) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["tags"] = instance.tag_names
        return data

    def _unique(self, field: str, value: str) -> str:
        queryset = Server.objects.filter(**{f"{field}__iexact": value})
        if self.instance is not None:
            queryset = queryset.exclude(pk=self.instance.pk)
        if queryset.exists():
            raise serializers.ValidationError(f"A server with this {field} already exists.")
        return value

    def validate_name(self, value: str) -> str:
        return self._unique("name", value.strip())

    def validate_hostname(self, value: str) -> str:
        return self._unique("hostname", value.strip().lower())
