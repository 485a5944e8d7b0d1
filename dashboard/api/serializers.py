from __future__ import annotations

from typing import Any

from rest_framework import serializers

from chatops.api.fields import StrictCharField
from monitoring.choices import LogLevel


class FleetHealthSerializer(serializers.Serializer[Any]):
    cpu_usage = serializers.FloatField(allow_null=True, help_text="Mean CPU use of the servers that report, in %.")
    memory_usage = serializers.FloatField(allow_null=True, help_text="Mean memory use, in %.")
    disk_usage = serializers.FloatField(allow_null=True, help_text="Mean of each server's fullest disk, in %.")
    uptime_hours = serializers.FloatField(allow_null=True, help_text="Mean uptime, in hours.")
    active_alerts = serializers.IntegerField(help_text="Firing or acknowledged alerts you may see.")
    open_tickets = serializers.IntegerField(help_text="Unfinished tickets you may see.")
    servers = serializers.IntegerField(help_text="Servers you may see.")
    reporting = serializers.IntegerField(help_text="Of those, the ones with a sample.")


class FleetPointSerializer(serializers.Serializer[Any]):
    timestamp = serializers.DateTimeField()
    value = serializers.FloatField(help_text="The fleet's mean in the bucket, in %.")


class FleetAlertSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    severity = serializers.CharField()
    status = serializers.CharField()
    server = serializers.IntegerField()
    server_name = serializers.CharField()
    message = serializers.CharField()
    started_at = serializers.DateTimeField()


class FleetTicketSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    priority = serializers.CharField()
    category = serializers.CharField()
    created_at = serializers.DateTimeField()


class FleetMetricsSerializer(serializers.Serializer[Any]):
    system_health = FleetHealthSerializer()
    cpu_history = FleetPointSerializer(many=True)
    memory_history = FleetPointSerializer(many=True)
    disk_history = FleetPointSerializer(many=True)
    recent_alerts = FleetAlertSerializer(many=True)
    recent_tickets = FleetTicketSerializer(many=True)


class FleetLogSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    level = serializers.CharField(help_text="Upper case, as the seed shows it: INFO, WARNING, ERROR…")
    message = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]  # the seed's name; DRF's Field.source too
    hostname = serializers.CharField()
    server = serializers.IntegerField()
    timestamp = serializers.DateTimeField()
    metadata = serializers.CharField(help_text="Always '{}' (the seed's field; the agent sends none).")


LEVELS = [*LogLevel.values, *(v.upper() for v in LogLevel.values)]


class FleetLogQuerySerializer(serializers.Serializer[Any]):
    level = serializers.ChoiceField(choices=LEVELS, required=False)
    source = StrictCharField(max_length=255, required=False, help_text="Exactly this source.")  # type: ignore[assignment]
    limit = serializers.IntegerField(min_value=1, max_value=1000, default=100, help_text="At most this many lines.")


class FleetHoursSerializer(serializers.Serializer[Any]):
    hours = serializers.IntegerField(min_value=1, max_value=24 * 90, default=24, help_text="Hours of history.")
