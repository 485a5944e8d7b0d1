"""The receivers CI systems post to. They authenticate by the integration's secret (a
signature or a token), never by a user or key; the accept path stores the delivery and
answers 202, and the worker applies it (``pipelines.services.ingest``). A plain POST is served
by the lean route (``pipelines.api.lean``, ``chatops.lean``), which shares :func:`accept`;
these DRF views describe the endpoints in the schema and serve the rest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import AuthenticationFailed, NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chatops.api.envelope import Envelope, envelope
from pipelines.api.serializers import ReceiptSerializer
from pipelines.choices import Provider
from pipelines.models import Integration
from pipelines.services.receive import receive


def _header(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, OpenApiParameter.HEADER, required=False, description=description)


class Receiver(APIView):
    provider: str = ""
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_scope = "ci_deliveries"
    parser_classes: list[Any] = []  # the raw body is read as it came: the signature covers it

    def get_authenticate_header(self, request: Request) -> str:
        return AUTHENTICATE_HEADER

    def post(self, request: Request, integration_id: int) -> Response:
        return Response(accept(self.provider, integration_id, request.headers, request.body), status=202)


AUTHENTICATE_HEADER = 'HMAC realm="integrations"'


def accept(provider: str, integration_id: int, headers: Mapping[str, str], body: bytes) -> Envelope:
    """The receivers' answer to a delivery, with DRF's or the lean route's ``Receiver``: the
    202 envelope, or the error to raise (404, 401, 400)."""
    integration = Integration.objects.receiving(integration_id, provider)
    if integration is None:
        raise NotFound(f"No enabled {provider} integration {integration_id}.")
    receipt = receive(integration, headers, body)
    if receipt.status_code == 401:
        raise AuthenticationFailed(receipt.detail)
    if receipt.status_code == 400:
        raise ValidationError({field: ["Missing, or not what the provider sends."] for field in receipt.missing})
    data = {"verdict": receipt.verdict, "delivery": receipt.delivery.pk if receipt.delivery else None}
    return envelope(data, receipt.detail)


_RESPONSES = {202: ReceiptSerializer}


class GitHubReceiver(Receiver):
    provider = Provider.GITHUB

    @extend_schema(
        tags=["pipelines"],
        request=OpenApiTypes.OBJECT,
        responses=_RESPONSES,
        summary="GitHub webhooks: workflow_run, workflow_job, deployment, deployment_status, ping",
        parameters=[
            _header("X-GitHub-Event", "The event's name."),
            _header("X-GitHub-Delivery", "The delivery's id: a repeated one is a duplicate."),
            _header("X-Hub-Signature-256", "sha256=<hex HMAC-SHA256 of the raw body with the secret>."),
        ],
    )
    def post(self, request: Request, integration_id: int) -> Response:
        return super().post(request, integration_id)


class GitLabReceiver(Receiver):
    provider = Provider.GITLAB

    @extend_schema(
        tags=["pipelines"],
        request=OpenApiTypes.OBJECT,
        responses=_RESPONSES,
        summary="GitLab webhooks: Pipeline, Job and Deployment hooks",
        parameters=[
            _header("X-Gitlab-Event", "Pipeline Hook, Job Hook or Deployment Hook."),
            _header("X-Gitlab-Token", "The integration's secret."),
            _header("Idempotency-Key", "Kept across GitLab's retries: a repeated one is a duplicate."),
            _header("X-Gitlab-Event-UUID", "Used when Idempotency-Key is absent."),
        ],
    )
    def post(self, request: Request, integration_id: int) -> Response:
        return super().post(request, integration_id)


class GenericReceiver(Receiver):
    provider = Provider.GENERIC

    @extend_schema(
        tags=["pipelines"],
        request=OpenApiTypes.OBJECT,
        responses=_RESPONSES,
        summary="Our signed JSON (pipeline, job, deployment) and CDEvents in CloudEvents JSON",
        parameters=[
            _header("X-Webhook-Signature", "sha256=<hex HMAC-SHA256 of the raw body with the secret>."),
            _header("X-Delivery-Id", "The delivery's id (or Idempotency-Key; CloudEvents: their id)."),
        ],
    )
    def post(self, request: Request, integration_id: int) -> Response:
        return super().post(request, integration_id)
