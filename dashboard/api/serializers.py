from __future__ import annotations

from typing import Any

from rest_framework import serializers

from monitoring.choices import LogLevel


class HealthSerializer(serializers.Serializer[Any]):
    cpu_usage = serializers.FloatField(allow_null=True, help_text="Mean CPU use of the servers that report, in %.")
    memory_usage = serializers.FloatField(allow_null=True, help_text="Mean memory use, in %.")
    disk_usage = serializers.FloatField(allow_null=True, help_text="Mean of each server's fullest disk, in %.")
    uptime_hours = serializers.FloatField(allow_null=True, help_text="Mean uptime, in hours.")
    active_alerts = serializers.IntegerField(help_text="Firing or acknowledged alerts you may see.")
    open_tickets = serializers.IntegerField(help_text="Unfinished tickets you may see.")
    servers = serializers.IntegerField(help_text="Servers you may see.")
    reporting = serializers.IntegerField(help_text="Of those, the ones with a sample.")


class PointSerializer(serializers.Serializer[Any]):
    timestamp = serializers.DateTimeField()
    value = serializers.FloatField(help_text="The fleet's mean in the bucket, in %.")


class RecentAlertSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    severity = serializers.CharField()
    status = serializers.CharField()
    server = serializers.IntegerField()
    server_name = serializers.CharField()
    message = serializers.CharField()
    started_at = serializers.DateTimeField()


class RecentTicketSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    priority = serializers.CharField()
    category = serializers.CharField()
    created_at = serializers.DateTimeField()


class MetricsSerializer(serializers.Serializer[Any]):
    system_health = HealthSerializer()
    cpu_history = PointSerializer(many=True)
    memory_history = PointSerializer(many=True)
    disk_history = PointSerializer(many=True)
    recent_alerts = RecentAlertSerializer(many=True)
    recent_tickets = RecentTicketSerializer(many=True)


class LogSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    level = serializers.CharField(help_text="Upper case, as the seed shows it: INFO, WARNING, ERROR…")
    message = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]  # the seed's name; DRF's Field.source too
    hostname = serializers.CharField()
    server = serializers.IntegerField()
    timestamp = serializers.DateTimeField()
    metadata = serializers.CharField(help_text="Always '{}' (the seed's field; the agent sends none).")


LEVELS = [*LogLevel.values, *(v.upper() for v in LogLevel.values)]


class LogQuerySerializer(serializers.Serializer[Any]):
    level = serializers.ChoiceField(choices=LEVELS, required=False)
    source = serializers.CharField(max_length=255, required=False)  # type: ignore[assignment]
    limit = serializers.IntegerField(min_value=1, max_value=1000, default=100)


class HoursSerializer(serializers.Serializer[Any]):
    hours = serializers.IntegerField(min_value=1, max_value=24 * 90, default=24)
