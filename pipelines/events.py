"""The webhook events this app emits (registered with the webhooks app's event registry) and
the TypedDicts of their ``data``."""

from __future__ import annotations

from typing import Any, TypedDict

from chatops.registry import WebhookEvent


class PipelineEventData(TypedDict):
    pipeline: dict[str, Any]


class DeploymentEventData(TypedDict):
    deployment: dict[str, Any]


PIPELINE_STARTED = "pipeline.started"
PIPELINE_COMPLETED = "pipeline.completed"
PIPELINE_FAILED = "pipeline.failed"
DEPLOYMENT_STARTED = "deployment.started"
DEPLOYMENT_COMPLETED = "deployment.completed"

WEBHOOK_EVENTS = (
    WebhookEvent(PIPELINE_STARTED, "Pipeline started", PipelineEventData),
    WebhookEvent(PIPELINE_COMPLETED, "Pipeline completed (succeeded, canceled or skipped)", PipelineEventData),
    WebhookEvent(PIPELINE_FAILED, "Pipeline failed", PipelineEventData),
    WebhookEvent(DEPLOYMENT_STARTED, "Deployment started", DeploymentEventData),
    WebhookEvent(DEPLOYMENT_COMPLETED, "Deployment completed (any outcome)", DeploymentEventData),
)
