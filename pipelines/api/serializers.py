from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from chatops.api.fields import StrictCharField, StrictModelSerializer
from pipelines.choices import DeploymentStatus, Provider, RunStatus
from pipelines.models import Delivery, Deployment, Follow, Integration, Pipeline
from pipelines.stages import derive


class ServerMappingSerializer(serializers.Serializer[dict[str, Any]]):
    environment = StrictCharField(
        max_length=100, allow_blank=True, default="", help_text="Our environment name (after mapping); empty: any."
    )
    service = StrictCharField(max_length=200, allow_blank=True, default="", help_text="Empty: any service.")
    hostnames = serializers.ListField(child=StrictCharField(max_length=253), max_length=200, default=list)
    tags = serializers.ListField(child=StrictCharField(max_length=50), max_length=50, default=list)


class IntegrationSerializer(StrictModelSerializer):
    provider = serializers.ChoiceField(choices=Provider.choices)
    secret = StrictCharField(
        write_only=True,
        required=False,
        min_length=16,
        max_length=200,
        help_text="The shared secret (GitHub's webhook secret, GitLab's secret token, or the key our "
        "generic format is signed with). Omit it on creation to have one generated; it is shown in the "
        "creation response only. Give it on update to replace it.",
    )
    repositories = serializers.ListField(
        child=StrictCharField(max_length=300),
        max_length=100,
        required=False,
        help_text="Shell patterns of the repositories accepted (`org/*`); empty accepts all.",
    )
    environment_mapping = serializers.DictField(
        child=StrictCharField(max_length=100),
        required=False,
        help_text='The provider\'s environment name -> ours (`{"prod": "production"}`).',
    )
    server_mapping = ServerMappingSerializer(many=True, required=False, help_text="Which servers a deploy touches.")
    delivery_retention_hours = serializers.IntegerField(min_value=1, max_value=24 * 365, required=False)
    receiver_url = serializers.SerializerMethodField(help_text="Where the CI system sends its events.")
    created_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Integration
        fields = [
            "id",
            "name",
            "provider",
            "secret",
            "repositories",
            "environment_mapping",
            "server_mapping",
            "delivery_retention_hours",
            "enabled",
            "receiver_url",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "receiver_url", "created_by", "created_at", "updated_at"]

    def get_receiver_url(self, obj: Integration) -> str:
        return f"/api/v1/integrations/{obj.provider}/{obj.pk}"

    def validate_environment_mapping(self, value: dict[str, str]) -> dict[str, str]:
        if len(value) > 100:
            raise serializers.ValidationError("At most 100 environments.")
        if any(not key or len(key) > 200 for key in value):
            raise serializers.ValidationError("Keys are provider environment names of 1 to 200 characters.")
        return value

    def validate_server_mapping(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(value) > 100:
            raise serializers.ValidationError("At most 100 entries.")
        return value


class CreatedIntegrationSerializer(IntegrationSerializer):
    secret = serializers.SerializerMethodField(help_text="The secret. Shown this once, never again.")  # type: ignore[assignment]

    @extend_schema_field(StrictCharField())
    def get_secret(self, obj: Integration) -> str:
        return str(self.context["secret"])


class DeliverySerializer(StrictModelSerializer):
    class Meta:
        model = Delivery
        fields = [
            "id",
            "delivery_id",
            "event",
            "verdict",
            "reason",
            "headers",
            "body",
            "received_at",
            "processed_at",
            "process_error",
        ]
        read_only_fields = fields


class ReceiptSerializer(serializers.Serializer[Any]):
    verdict = serializers.ChoiceField(choices=["accepted", "duplicate", "unknown_event", "filtered"])
    delivery = serializers.IntegerField(allow_null=True, help_text="The stored delivery's id.")


class CommitSerializer(serializers.Serializer[Any]):
    sha = serializers.CharField(source="commit_sha")
    message = serializers.CharField(source="commit_message")
    author = serializers.CharField(source="commit_author")
    timestamp = serializers.DateTimeField(source="commit_timestamp", allow_null=True)


class StageSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=RunStatus.choices)
    duration = serializers.FloatField(allow_null=True, help_text="Seconds.")
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class PipelineSerializer(StrictModelSerializer):
    commit = CommitSerializer(source="*", read_only=True)
    duration = serializers.FloatField(read_only=True, allow_null=True, help_text="Seconds.")
    provider_url = serializers.CharField(source="url", read_only=True, help_text="The run on the provider.")

    class Meta:
        model = Pipeline
        fields = [
            "id",
            "integration",
            "provider",
            "external_id",
            "name",
            "repository",
            "branch",
            "status",
            "duration",
            "started_at",
            "finished_at",
            "commit",
            "provider_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class PipelineDetailSerializer(PipelineSerializer):
    stages = serializers.SerializerMethodField()

    class Meta(PipelineSerializer.Meta):
        fields = [*PipelineSerializer.Meta.fields, "stages"]
        read_only_fields = fields

    @extend_schema_field(StageSerializer(many=True))
    def get_stages(self, obj: Pipeline) -> list[dict[str, Any]]:
        return StageSerializer(derive(obj.jobs.all(), obj.stage_order or []), many=True).data  # type: ignore[return-value]


class DeployedServerSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    hostname = serializers.CharField()


class DeploymentSerializer(StrictModelSerializer):
    status = serializers.ChoiceField(choices=DeploymentStatus.choices, read_only=True)
    duration = serializers.FloatField(read_only=True, allow_null=True, help_text="Seconds.")
    provider_url = serializers.CharField(source="url", read_only=True)
    servers = serializers.SerializerMethodField(help_text="The servers it touched that you may see.")

    class Meta:
        model = Deployment
        fields = [
            "id",
            "integration",
            "provider",
            "external_id",
            "service",
            "environment",
            "provider_environment",
            "repository",
            "ref",
            "sha",
            "status",
            "description",
            "duration",
            "started_at",
            "finished_at",
            "first_commit_at",
            "provider_url",
            "servers",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(DeployedServerSerializer(many=True))
    def get_servers(self, obj: Deployment) -> list[dict[str, Any]]:
        visible = self.context.get("visible_servers")
        servers = [s for s in obj.servers.all() if visible is None or s.pk in visible]
        return [{"id": s.pk, "name": s.name, "hostname": s.hostname} for s in sorted(servers, key=lambda s: s.pk)]


class FollowSerializer(StrictModelSerializer):
    room = serializers.IntegerField(source="room_id", min_value=1, help_text="The room that is told.")
    repository = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
    environment = StrictCharField(max_length=100, required=False, allow_blank=True, default="")

    class Meta:
        model = Follow
        fields = ["id", "room", "repository", "environment", "created_at"]
        read_only_fields = ["id", "created_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if bool(attrs.get("repository")) == bool(attrs.get("environment")):
            raise serializers.ValidationError("Give a repository or an environment (one of them).")
        return attrs


class DoraQuerySerializer(serializers.Serializer[Any]):
    start = serializers.DateTimeField(required=False, help_text="Default: 30 days before `end`.")
    end = serializers.DateTimeField(required=False, help_text="Default: now.")
    environment = StrictCharField(required=False, max_length=100, help_text="Default: DORA_PRODUCTION_ENVIRONMENT.")
    service = StrictCharField(required=False, max_length=200)
    bucket = serializers.ChoiceField(choices=["day", "week"], default="week", help_text="The trend's buckets.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.setdefault("environment", settings.DORA_PRODUCTION_ENVIRONMENT)
        return attrs


class DoraFiguresSerializer(serializers.Serializer[Any]):
    deployments = serializers.IntegerField(help_text="Finished deployments.")
    successful_deployments = serializers.IntegerField()
    failures = serializers.IntegerField()
    deployment_frequency = serializers.FloatField(allow_null=True, help_text="Successful deployments per day.")
    lead_time = serializers.FloatField(allow_null=True, help_text="Median seconds, first commit to deployment.")
    change_failure_rate = serializers.FloatField(allow_null=True, help_text="0 to 1.")
    time_to_restore = serializers.FloatField(allow_null=True, help_text="Median seconds.")


class DoraBucketSerializer(DoraFiguresSerializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class DoraServiceSerializer(DoraFiguresSerializer):
    service = serializers.CharField()
    environment = serializers.CharField()


class DiagnosticSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    metrics = serializers.ListField(child=serializers.CharField())
    message = serializers.CharField()


class DoraSerializer(DoraFiguresSerializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    environment = serializers.CharField()
    service = serializers.CharField(allow_null=True)
    failure_window_minutes = serializers.IntegerField()
    previous = DoraFiguresSerializer(help_text="The same figures over the range just before.")
    trend = DoraBucketSerializer(many=True)
    by_service = DoraServiceSerializer(many=True)
    diagnostics = DiagnosticSerializer(many=True)
