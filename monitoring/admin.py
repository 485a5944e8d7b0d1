"""Console views of the time series: read-only (data comes from agents), but searchable, so an
operator can check what a server sent."""

from __future__ import annotations

from django.contrib import admin

from chatops.admin import ReadOnlyAdmin
from monitoring.models import CustomMetric, IngestStream, LatestSample, LogLine, MetricRollup, MetricSample


@admin.register(IngestStream)
class IngestStreamAdmin(ReadOnlyAdmin):
    list_display = ("server", "stream", "last_seq", "rejected_frames", "dropped_samples", "dropped_logs", "updated_at")
    list_filter = ("updated_at",)
    search_fields = ("server__name", "stream")
    list_select_related = ("server",)
    raw_id_fields = ("server",)


@admin.register(LatestSample)
class LatestSampleAdmin(ReadOnlyAdmin):
    list_display = ("server", "ts")
    search_fields = ("server__name",)
    list_select_related = ("server",)
    raw_id_fields = ("server",)


@admin.register(MetricSample)
class MetricSampleAdmin(ReadOnlyAdmin):
    list_display = ("server", "ts")
    list_filter = ("ts",)
    list_select_related = ("server",)
    raw_id_fields = ("server",)
    show_full_result_count = False  # a COUNT(*) over millions of rows on every page is waste


@admin.register(LogLine)
class LogLineAdmin(ReadOnlyAdmin):
    list_display = ("server", "ts", "level", "source", "message")
    list_filter = ("level", "ts")
    search_fields = ("message", "source")
    list_select_related = ("server",)
    raw_id_fields = ("server",)
    show_full_result_count = False


@admin.register(MetricRollup)
class MetricRollupAdmin(ReadOnlyAdmin):
    list_display = ("server", "metric", "resolution", "bucket", "min", "max", "count")
    list_filter = ("resolution",)
    search_fields = ("metric",)
    list_select_related = ("server",)
    raw_id_fields = ("server",)
    show_full_result_count = False


@admin.register(CustomMetric)
class CustomMetricAdmin(ReadOnlyAdmin):
    list_display = ("name", "value", "unit", "ts", "server", "submitted_by")
    list_filter = ("ts",)
    search_fields = ("name",)
    list_select_related = ("server", "submitted_by")
    raw_id_fields = ("server", "submitted_by")
