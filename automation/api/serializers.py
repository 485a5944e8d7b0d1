"""The automation API's shapes."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from automation.choices import RunStatus
from automation.models import PlaybookRun
from chatops.api.fields import StrictBooleanField, StrictCharField, StrictRegexField

HOST_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,252}\Z"
ANSIBLE_TAG = r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}\Z"


class VariableSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    type = serializers.ChoiceField(choices=["string", "integer", "float", "boolean", "choice", "list"])
    required = serializers.BooleanField()  # type: ignore[assignment]  # the variable's, not DRF's
    default = serializers.JSONField(allow_null=True)
    choices = serializers.ListField(child=serializers.JSONField(), allow_null=True)
    description = serializers.CharField(allow_blank=True)


class PlaybookSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="The file name, as the execute route takes it.")
    description = serializers.CharField(allow_blank=True, help_text="The first play's name.")
    plays = serializers.ListField(child=serializers.CharField(allow_blank=True))
    variables = VariableSerializer(many=True)
    runnable = serializers.BooleanField(help_text="False when the playbook or its schema cannot be read.")
    error = serializers.CharField(allow_blank=True)


class ExecuteSerializer(serializers.Serializer[Any]):
    hosts = serializers.ListField(
        child=StrictRegexField(HOST_PATTERN, max_length=253),
        min_length=1,
        max_length=100,
        help_text="Server names or hostnames, tag names (every server carrying it), or `all`.",
    )
    variables = serializers.DictField(
        child=serializers.JSONField(), required=False, default=dict,
        help_text="Only the variables the playbook's schema declares; checked against it.",
    )  # fmt: skip
    check = StrictBooleanField(required=False, default=False, help_text="Ansible's check mode (`--check`).")
    limit = StrictCharField(required=False, default="", allow_blank=True, max_length=500,
                            help_text="Ansible's `--limit` pattern, within the hosts.")  # fmt: skip
    tags = serializers.ListField(
        child=StrictRegexField(ANSIBLE_TAG), required=False, default=list, max_length=50,
        help_text="Only the tasks with these Ansible tags (`--tags`).",
    )  # fmt: skip


class ExecutionStartedSerializer(serializers.Serializer[Any]):
    execution_id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=RunStatus.choices)
    playbook = serializers.CharField()
    hosts = serializers.ListField(child=serializers.CharField())
    skipped_hosts = serializers.ListField(child=serializers.DictField(child=serializers.CharField()))


class SkippedHostSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    reason = serializers.CharField()


class HostStatsSerializer(serializers.Serializer[Any]):
    ok = serializers.IntegerField()
    changed = serializers.IntegerField()
    failed = serializers.IntegerField()
    unreachable = serializers.IntegerField()
    skipped = serializers.IntegerField()


class TaskResultSerializer(serializers.Serializer[Any]):
    task = serializers.CharField(allow_blank=True)
    host = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=["ok", "changed", "failed", "unreachable", "skipped", "ignored"])
    changed = serializers.BooleanField()
    message = serializers.CharField(allow_blank=True)


class ExecutionSerializer(serializers.ModelSerializer[PlaybookRun]):
    """A run in the history (the seed's fields first)."""

    id = serializers.IntegerField(read_only=True)
    duration = serializers.FloatField(read_only=True, allow_null=True, help_text="Seconds, from its start.")
    requested_by = serializers.SerializerMethodField()
    skipped_hosts = SkippedHostSerializer(many=True, read_only=True)
    check = serializers.BooleanField(source="check_mode", read_only=True)
    server_ids = serializers.SerializerMethodField()

    class Meta:
        model = PlaybookRun
        fields = [
            "id", "playbook", "status", "duration", "created_at", "started_at", "finished_at", "hosts",
            "tasks_total", "tasks_successful", "tasks_failed", "skipped_hosts", "server_ids", "check", "limit",
            "tags", "requested_by", "requested_via", "reason", "cancel_requested",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_requested_by(self, run: PlaybookRun) -> str | None:
        return run.requested_by.username if run.requested_by else None

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_server_ids(self, run: PlaybookRun) -> list[int]:
        return sorted(s.pk for s in run.servers.all())


class ExecutionDetailSerializer(ExecutionSerializer):
    """A run with its variables, per-host stats, task results and output."""

    host_stats = serializers.DictField(child=HostStatsSerializer(), read_only=True)
    tasks = TaskResultSerializer(many=True, read_only=True, source="task_results")
    variables = serializers.DictField(child=serializers.JSONField(), read_only=True)

    class Meta(ExecutionSerializer.Meta):
        fields = [*ExecutionSerializer.Meta.fields, "variables", "host_stats", "tasks", "rc", "output",
                  "output_truncated", "approval"]  # fmt: skip
        read_only_fields = fields
