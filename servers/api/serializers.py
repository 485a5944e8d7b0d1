from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from chatops.api.fields import StrictModelSerializer
from servers.fields import TagField
from servers.models import Server

MAX_TAGS = 20


class TagListField(serializers.ListField):
    """Written as a list of names; read from the server's tags, sorted."""

    def to_representation(self, data: Any) -> list[str]:
        if hasattr(data, "all"):
            return sorted(tag.name for tag in data.all())
        return list(super().to_representation(data))


class ServerSerializer(StrictModelSerializer):
    tags = TagListField(child=TagField(), required=False, max_length=MAX_TAGS, help_text=f"Up to {MAX_TAGS} tags.")
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

    def validate_name(self, value: str) -> str:
        return value.strip()

    def validate_hostname(self, value: str) -> str:
        return value.strip().lower()
