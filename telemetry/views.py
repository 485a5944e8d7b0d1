"""``GET /metrics``: the Prometheus text format or OpenMetrics, as the scraper's ``Accept`` asks
(prometheus-client's ``choose_encoder``). Errors (401, 403) are the house's JSON envelope."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from telemetry import exposition
from telemetry.authentication import CanScrape, MetricsTokenAuthentication


class FirstRenderer(BaseContentNegotiation):
    """The ``Accept`` header picks the exposition format, not a DRF renderer: an OpenMetrics
    scraper's refusal still reads as JSON, never a 406."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: Any, format_suffix: str | None = None) -> Any:
        return renderers[0], renderers[0].media_type


class MetricsView(APIView):
    authentication_classes = [MetricsTokenAuthentication, *api_settings.DEFAULT_AUTHENTICATION_CLASSES]  # type: ignore[list-item]  # DRF's stubs type the setting as strings; it holds the imported classes
    permission_classes = [CanScrape]
    # Scrapes are few and regular; a throttled scrape is a hole in every graph.
    throttle_classes: list[Any] = []
    content_negotiation_class = FirstRenderer

    @extend_schema(exclude=True)  # Prometheus' text formats, not the JSON API
    def get(self, request: Request) -> HttpResponse:
        body, content_type = exposition.render(request.headers.get("Accept"))
        return HttpResponse(body, content_type=content_type)
