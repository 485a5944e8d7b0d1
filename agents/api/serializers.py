from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from agents.models import CommandHistory
from chatops.api.fields import StrictCharField

MAX_TIMEOUT = 300


class StrictBooleanField(serializers.BooleanField):
    """true or false, not "yes" or 1."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            raise serializers.ValidationError("Must be true or false.")
        return data


class CommandRequestSerializer(serializers.Serializer[Any]):
    command = StrictCharField(max_length=4096, trim_whitespace=True)
    timeout = serializers.IntegerField(min_value=1, max_value=MAX_TIMEOUT, default=30, help_text="Seconds.")
    wait = StrictBooleanField(default=True, help_text="true: answer with the result; false: 202 at once.")

    def validate_timeout(self, value: Any) -> int:
        if isinstance(self.initial_data.get("timeout"), bool | str | float):
            raise serializers.ValidationError("A whole number of seconds.")
        return int(value)


class CommandHistorySerializer(serializers.ModelSerializer[CommandHistory]):
    requested_by = UserSummarySerializer(read_only=True, allow_null=True)
    server = serializers.PrimaryKeyRelatedField[Any](read_only=True)
    truncated = serializers.SerializerMethodField(help_text="Whether stdout or stderr was cut.")

    class Meta:
        model = CommandHistory
        fields = [
            "id", "server", "requested_by", "kind", "command", "action", "container", "timeout", "status",
            "reason", "exit_code", "stdout", "stderr", "stdout_truncated", "stderr_truncated", "truncated",
            "created_at", "started_at", "finished_at", "duration_ms",
        ]  # fmt: skip
        read_only_fields = fields

    def get_truncated(self, obj: CommandHistory) -> bool:
        return obj.stdout_truncated or obj.stderr_truncated


class ContainerSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    name = serializers.CharField()
    image = serializers.CharField(allow_blank=True)
    state = serializers.CharField()
    status = serializers.CharField(allow_blank=True)
    created = serializers.CharField(allow_null=True)
    ports = serializers.JSONField()
    cpu_percent = serializers.FloatField(allow_null=True)
    memory_bytes = serializers.IntegerField(allow_null=True)
    memory_limit_bytes = serializers.IntegerField(allow_null=True)


class ContainerListSerializer(serializers.Serializer[Any]):
    live = serializers.BooleanField(help_text="false: the list the agent last reported, not a live answer.")
    reported_at = serializers.DateTimeField(allow_null=True)
    age_seconds = serializers.FloatField(allow_null=True)
    reason = serializers.CharField(allow_blank=True, help_text="Why the list is not live.")
    docker_control = serializers.BooleanField(
        allow_null=True,
        help_text="Whether the agent offered Docker control in its latest hello (--allow-docker); null when no "
        "agent has connected yet. When false the hub answers from the reported list without asking the agent.",
    )
    containers = serializers.ListField(child=serializers.DictField())


class ContainerListQuerySerializer(serializers.Serializer[Any]):
    live = serializers.ChoiceField(
        choices=["true", "false"],
        default="true",
        help_text="false: the list the agent last reported with its samples, without asking it (no history "
        "row, no audit entry).",
    )

    def validate_live(self, value: str) -> bool:
        return value == "true"


class ContainerLogsQuerySerializer(serializers.Serializer[Any]):
    tail = serializers.IntegerField(min_value=1, max_value=5000, default=200)
    since = serializers.DateTimeField(required=False)


class ContainerLogsSerializer(serializers.Serializer[Any]):
    lines = serializers.ListField(child=serializers.CharField(allow_blank=True))
    truncated = serializers.BooleanField()
