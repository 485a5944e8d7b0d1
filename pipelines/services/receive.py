"""The accept path of the receivers: check the signature, read the payload enough to refuse
what the provider would never send, and store the delivery. Applying it (pipelines, jobs,
deployments, announcements) is the worker's (``services.ingest``), so a CI system's request
costs one insert."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from pipelines.choices import Provider, Verdict
from pipelines.models import Delivery, Integration
from pipelines.receivers import generic, github, gitlab
from pipelines.receivers.facts import DeploymentFact, Fact, JobFact, MissingFields, PipelineFact, UnknownEvent
from webhooks.signing import SIGNATURE_HEADER

logger = logging.getLogger(__name__)

#: Headers kept with a delivery (identifying it; never a signature or a token).
KEPT_HEADERS = (
    "X-GitHub-Event",
    "X-GitHub-Delivery",
    "X-GitHub-Hook-ID",
    "X-Gitlab-Event",
    "X-Gitlab-Event-UUID",
    "X-Gitlab-Instance",
    "Idempotency-Key",
    "X-Delivery-Id",
    "User-Agent",
    "Content-Type",
)
GENERIC_DELIVERY_HEADERS = ("X-Delivery-Id", "Idempotency-Key")


@dataclass
class Receipt:
    """What the receiver answers: the verdict, and for a 400 the fields that are missing."""

    verdict: str
    status_code: int
    detail: str
    delivery: Delivery | None = None
    missing: list[str] = field(default_factory=list)


def _header(headers: Mapping[str, str], name: str) -> str:
    return str(headers.get(name, "") or "")


def _signature_holds(integration: Integration, headers: Mapping[str, str], body: bytes) -> tuple[bool, str]:
    secret = integration.secret.encode("utf-8")
    if integration.provider == Provider.GITLAB:
        token = _header(headers, "X-Gitlab-Token")
        if not token:
            return False, "X-Gitlab-Token is missing"
        return hmac.compare_digest(token.encode("utf-8"), secret), "X-Gitlab-Token does not match"
    name = "X-Hub-Signature-256" if integration.provider == Provider.GITHUB else SIGNATURE_HEADER
    given = _header(headers, name)
    if not given:
        return False, f"{name} is missing"
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")), f"{name} does not match the body"


def _event(provider: str, headers: Mapping[str, str], payload: Any) -> tuple[str, str]:
    """The event name, and the header that should have named it (for a 400)."""
    if provider == Provider.GITHUB:
        return _header(headers, "X-GitHub-Event"), "X-GitHub-Event"
    if provider == Provider.GITLAB:
        return _header(headers, "X-Gitlab-Event"), "X-Gitlab-Event"
    return generic.event_of(payload), "type"


def _delivery_id(provider: str, headers: Mapping[str, str], payload: Any) -> str:
    if provider == Provider.GITHUB:
        return _header(headers, "X-GitHub-Delivery")
    if provider == Provider.GITLAB:
        # Idempotency-Key stays the same across GitLab's retries; the event UUID does too.
        return _header(headers, "Idempotency-Key") or _header(headers, "X-Gitlab-Event-UUID")
    for name in GENERIC_DELIVERY_HEADERS:
        if value := _header(headers, name):
            return value
    return generic.delivery_id_of(payload)


def parse(provider: str, event: str, payload: Any) -> list[Fact]:
    if provider == Provider.GITHUB:
        return github.parse(event, payload)
    if provider == Provider.GITLAB:
        return gitlab.parse(event, payload)
    return generic.parse(event, payload)


def repositories_of(facts: list[Fact]) -> set[str]:
    found = set()
    for fact in facts:
        if isinstance(fact, PipelineFact | JobFact | DeploymentFact) and fact.repository:
            found.add(fact.repository)
    return found


def _store(integration: Integration, verdict: str, reason: str, **fields: Any) -> Delivery:
    delivery = _record(integration, verdict, reason, **fields)
    assert delivery is not None  # only an accepted delivery can be a duplicate
    return delivery


def _record(integration: Integration, verdict: str, reason: str, **fields: Any) -> Delivery | None:
    fields.setdefault("received_at", timezone.now())
    return Delivery.objects.record(integration=integration, verdict=verdict, reason=reason[:500], **fields)


def receive(integration: Integration, headers: Mapping[str, str], body: bytes) -> Receipt:
    """Judge one request to ``integration``'s receiver and store it with its verdict."""
    kept = {name: headers[name][:300] for name in KEPT_HEADERS if headers.get(name)}
    holds, why = _signature_holds(integration, headers, body)
    if not holds:
        # Never the body: it was not sent by whoever holds the secret.
        logger.warning(
            "Bad signature on integration %s (%s): %s, %d bytes", integration.pk, integration.provider, why, len(body)
        )
        _store(integration, Verdict.BAD_SIGNATURE, why, headers=kept)
        return Receipt(Verdict.BAD_SIGNATURE, 401, why)
    text = body.decode("utf-8", errors="replace")
    try:
        payload = json.loads(text)
    except ValueError:
        _store(integration, Verdict.INVALID, "The body is not JSON.", headers=kept)
        return Receipt(Verdict.INVALID, 400, "The body is not JSON.", missing=["body"])
    event, event_header = _event(integration.provider, headers, payload)
    if not event:
        reason = f"{event_header} is missing"
        _store(integration, Verdict.INVALID, reason, headers=kept)
        return Receipt(Verdict.INVALID, 400, reason, missing=[event_header])
    delivery_id = _delivery_id(integration.provider, headers, payload)[:200]
    base = {"headers": kept, "event": event[:200], "delivery_id": delivery_id}
    try:
        facts = parse(integration.provider, event, payload)
    except UnknownEvent:
        reason = f"The hub does not read {event!r} events; ignored."
        return Receipt(Verdict.UNKNOWN_EVENT, 202, reason, _store(integration, Verdict.UNKNOWN_EVENT, reason, **base))
    except MissingFields as exc:
        reason = (
            f"Not a {event} payload as {integration.get_provider_display()} sends it: missing {', '.join(exc.fields)}"
        )
        _store(integration, Verdict.INVALID, reason, body=text, **base)
        return Receipt(Verdict.INVALID, 400, reason, missing=exc.fields)
    refused = sorted(repo for repo in repositories_of(facts) if not integration.accepts_repository(repo))
    if refused:
        reason = f"Repository {', '.join(refused)} is not in this integration's filter; ignored."
        return Receipt(Verdict.FILTERED, 202, reason, _store(integration, Verdict.FILTERED, reason, **base))
    # Accepted once per delivery id: the database decides (a conflict inserts nothing), so two
    # processes receiving the same delivery at once store it once. A ping has nothing to apply:
    # it is stored as processed.
    now = timezone.now()
    delivery = _record(
        integration, Verdict.ACCEPTED, "", body=text, received_at=now, processed_at=None if facts else now, **base
    )
    if delivery is None:
        reason = f"Delivery {delivery_id} was already received; ignored."
        return Receipt(Verdict.DUPLICATE, 202, reason, _store(integration, Verdict.DUPLICATE, reason, **base))
    return Receipt(Verdict.ACCEPTED, 202, "Accepted.", delivery)
