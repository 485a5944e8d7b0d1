"""A pipeline's and a deployment's one representation outside the REST API: the webhook
events' data and the chat posts (the API's serializers give the same fields)."""

from __future__ import annotations

from typing import Any

from chatops.times import iso
from pipelines.models import Deployment, Pipeline


def pipeline_data(pipeline: Pipeline) -> dict[str, Any]:
    return {
        "id": pipeline.pk,
        "provider": pipeline.provider,
        "name": pipeline.name,
        "repository": pipeline.repository,
        "branch": pipeline.branch,
        "status": pipeline.status,
        "duration": pipeline.duration,
        "started_at": iso(pipeline.started_at),
        "finished_at": iso(pipeline.finished_at),
        "url": pipeline.url,
        "commit": {"sha": pipeline.commit_sha, "message": pipeline.commit_message, "author": pipeline.commit_author},
    }


def deployment_data(deployment: Deployment) -> dict[str, Any]:
    return {
        "id": deployment.pk,
        "provider": deployment.provider,
        "service": deployment.service,
        "environment": deployment.environment,
        "status": deployment.status,
        "repository": deployment.repository,
        "ref": deployment.ref,
        "sha": deployment.sha,
        "duration": deployment.duration,
        "started_at": iso(deployment.started_at),
        "finished_at": iso(deployment.finished_at),
        "url": deployment.url,
        "servers": [{"id": s.pk, "name": s.name, "hostname": s.hostname} for s in deployment.servers.order_by("pk")],
    }
