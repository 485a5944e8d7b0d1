"""``GET /api/v1/health``: is the hub and what it depends on up, and how fast do they answer."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chatops.api.envelope import envelope, error_body

CHECK_TIMEOUT = 2.0


class DependencySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["up", "down"])
    backend = serializers.CharField()
    response_time_ms = serializers.FloatField()
    error = serializers.CharField(required=False)


class HealthSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["healthy", "unhealthy"])
    version = serializers.CharField()
    timestamp = serializers.DateTimeField()
    database = DependencySerializer()
    channel_layer = DependencySerializer()


def _timed(check: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        backend = check()
        result: dict[str, Any] = {"status": "up", "backend": backend}
    except Exception as exc:
        result = {"status": "down", "backend": "unknown", "error": type(exc).__name__}
    result["response_time_ms"] = round((time.perf_counter() - started) * 1000, 2)
    return result


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


async def _roundtrip(layer: Any) -> None:
    channel = await layer.new_channel()
    token = uuid.uuid4().hex
    await layer.send(channel, {"type": "health.ping", "token": token})
    message = await layer.receive(channel)
    if message.get("token") != token:
        raise RuntimeError("channel layer returned another message")


def check_channel_layer() -> str:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")

    async def probe() -> None:
        await asyncio.wait_for(_roundtrip(layer), CHECK_TIMEOUT)

    async_to_sync(probe)()
    return "redis" if settings.REDIS_URL else "in-memory"


class HealthView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    extra_error_codes = ("503",)

    @extend_schema(responses={200: HealthSerializer}, tags=["health"], summary="Hub and dependency health")
    def get(self, request: Request) -> Response:
        database = _timed(check_database)
        layer = _timed(check_channel_layer)
        healthy = database["status"] == "up" and layer["status"] == "up"
        if not healthy:
            down = [
                (name, dep)
                for name, dep in (("database", database), ("channel_layer", layer))
                if dep["status"] == "down"
            ]
            body = error_body(
                503,
                "Unhealthy: " + ", ".join(name for name, _ in down) + " down.",
                "service_unavailable",
                [
                    {"field": name, "message": f"{dep['error']} after {dep['response_time_ms']} ms"}
                    for name, dep in down
                ],
            )
            return Response(body, status=503)
        data = {
            "status": "healthy",
            "version": settings.VERSION,
            "timestamp": timezone.now(),
            "database": database,
            "channel_layer": layer,
        }
        return Response(envelope(HealthSerializer(data).data, "Healthy"))
