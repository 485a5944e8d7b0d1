"""Fixtures of the pipelines tests: one integration per provider with a known secret, the
providers' payloads from ``payloads/`` (written from their published schemas), and a sender
that signs a body the way each provider does."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.actor import Actor
from pipelines.models import Integration
from pipelines.services.ingest import process_pending
from pipelines.services.integrations import create_integration

PAYLOADS = Path(__file__).parent / "payloads"
SECRET = "ci-shared-secret-for-tests-0123456789"


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of ``payloads/<name>.json`` (``github/workflow_run``)."""
    return copy.deepcopy(json.loads((PAYLOADS / f"{name}.json").read_text()))


def _integration(admin, provider: str, **fields: Any) -> Integration:
    integration, _ = create_integration(
        Actor.for_user(admin, "api"), name=f"{provider} CI", provider=provider, secret=SECRET, **fields
    )
    return integration


@pytest.fixture
def github(admin) -> Integration:
    return _integration(
        admin,
        "github",
        environment_mapping={"prod": "production"},
        server_mapping=[{"environment": "production", "service": "", "hostnames": ["web-1.acme.test"], "tags": []}],
    )


@pytest.fixture
def gitlab(admin) -> Integration:
    return _integration(
        admin,
        "gitlab",
        server_mapping=[{"environment": "production", "service": "", "hostnames": [], "tags": ["billing"]}],
    )


@pytest.fixture
def generic(admin) -> Integration:
    return _integration(admin, "generic")


def headers_for(integration: Integration, event: str, body: bytes, delivery: str | None, secret: str = SECRET) -> dict:
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    if integration.provider == "github":
        return {
            "HTTP_X_GITHUB_EVENT": event,
            "HTTP_X_GITHUB_DELIVERY": delivery or str(uuid.uuid4()),
            "HTTP_X_HUB_SIGNATURE_256": signature,
            "HTTP_USER_AGENT": "GitHub-Hookshot/2b3c4d5",
        }
    if integration.provider == "gitlab":
        found = {"HTTP_X_GITLAB_EVENT": event, "HTTP_X_GITLAB_TOKEN": secret, "HTTP_USER_AGENT": "GitLab/18.5.0"}
        found["HTTP_IDEMPOTENCY_KEY"] = delivery or str(uuid.uuid4())
        return found
    found = {"HTTP_X_WEBHOOK_SIGNATURE": signature}
    if delivery:
        found["HTTP_X_DELIVERY_ID"] = delivery
    return found


def send(integration: Integration, event: str, data: Any, delivery: str | None = None, **overrides: Any):
    """POST ``data`` to the integration's receiver, signed as its provider signs."""
    body = data if isinstance(data, bytes) else json.dumps(data).encode()
    headers = {**headers_for(integration, event, body, delivery), **overrides}
    headers = {k: v for k, v in headers.items() if v is not None}
    return APIClient().post(
        f"/api/v1/integrations/{integration.provider}/{integration.pk}",
        body,
        content_type="application/json",
        **headers,
    )


def deliver(integration: Integration, event: str, data: Any, delivery: str | None = None):
    """Send and apply at once (what the worker does a moment later)."""
    response = send(integration, event, data, delivery)
    assert response.status_code == 202, response.content
    process_pending()
    return response
