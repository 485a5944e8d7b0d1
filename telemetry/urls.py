"""``/metrics`` at the root, where Prometheus looks by default (``/api/v1/metrics/{id}`` is a
server's samples, another thing)."""

from django.urls import path

from telemetry.views import MetricsView

app_name = "telemetry"

urlpatterns = [path("metrics", MetricsView.as_view(), name="metrics")]
