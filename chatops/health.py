"""``GET /api/v1/health``: is the hub and what it depends on up, and how fast do they answer.

The database and the channel layer are the hub's own: either down is a 503. The external
services (``external_services``) come from the checks the apps register
(``chatops.registry.health_checks``: the email provider, each CI integration's last delivery,
each Kubernetes cluster); they are reported, never a 503, and probed at most every
``HEALTH_EXTERNAL_CACHE_SECONDS`` per process, so an anonymous caller cannot make the hub hammer
them."""

from __future__ import annotations

import asyncio
import logging
import threading
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

from chatops import registry
from chatops.api.envelope import envelope, error_body

logger = logging.getLogger(__name__)
CHECK_TIMEOUT = 2.0


class DependencySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["up", "down"])
    backend = serializers.CharField()
    response_time_ms = serializers.FloatField()
    error = serializers.CharField(required=False)


class ServiceSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="The service's name (an integration's, a cluster's; `email`).")
    kind = serializers.CharField(help_text="Its kind: the email provider, the CI provider, `pull` or `push`.")
    status = serializers.ChoiceField(choices=["up", "down", "unknown"])
    response_time_ms = serializers.FloatField(
        allow_null=True, help_text="How long the probe took; null where nothing was probed (CI pushes to the hub)."
    )
    last_seen = serializers.DateTimeField(
        allow_null=True, help_text="The last delivery (CI) or snapshot (Kubernetes) received; null if none."
    )
    error = serializers.CharField(required=False, help_text="Why it is down (only when it is).")


class HealthSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["healthy", "unhealthy"])
    version = serializers.CharField()
    timestamp = serializers.DateTimeField()
    database = DependencySerializer()
    channel_layer = DependencySerializer()
    external_services = serializers.DictField(
        child=ServiceSerializer(many=True),
        help_text="Each registered check (`email`, `ci`, `kubernetes`) and its services. Never a 503.",
    )


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


def _service(status: registry.ServiceStatus) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": status.name,
        "kind": status.kind,
        "status": status.status,
        "response_time_ms": status.response_time_ms,
        "last_seen": status.last_seen,
    }
    if status.error:
        entry["error"] = status.error
    return entry


_external_lock = threading.Lock()
_external: tuple[float, dict[str, list[dict[str, Any]]]] | None = None


def check_external() -> dict[str, list[dict[str, Any]]]:
    """Every registered check's services; a check that fails is one ``down`` entry."""
    global _external
    ttl = float(settings.HEALTH_EXTERNAL_CACHE_SECONDS)
    with _external_lock:
        if ttl and _external is not None and time.monotonic() - _external[0] < ttl:
            return _external[1]
        report: dict[str, list[dict[str, Any]]] = {}
        for entry in registry.health_checks.entries():
            started = time.perf_counter()
            try:
                report[entry.name] = [_service(status) for status in entry.check()]
            except Exception as exc:
                logger.exception("The health check %r failed", entry.name)
                elapsed = round((time.perf_counter() - started) * 1000, 2)
                failed = registry.ServiceStatus(entry.name, "check", "down", elapsed, error=type(exc).__name__)
                report[entry.name] = [_service(failed)]
        _external = (time.monotonic(), report)
        return report


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
            "external_services": check_external(),
        }
        return Response(envelope(HealthSerializer(data).data, "Healthy"))
