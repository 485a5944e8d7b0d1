"""Two-person approval of risky actions, whichever way they are asked for (REST, chat, the
dashboard). ``gate`` stops an operator's request when the kind's policy asks for a second
person; ``decide`` lets another operator or an admin approve or deny it, and on approval
carries it out as the requester, through the executor its app registered
(``approvals.registry``)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import APIException, NotFound, PermissionDenied

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import APIKey
from accounts.services import record_audit
from approvals import registry
from approvals.models import Approval, ApprovalPolicy, Status
from approvals.signals import approval_decided, approval_requested
from chatops.api.exceptions import Conflict
from webhooks.services import enqueue

logger = logging.getLogger(__name__)

WAITING = "Waiting for a second person's approval"


class ApprovalPending(Exception):
    """The request was stored and waits for a second person; ``approval`` is its row."""

    def __init__(self, approval: Approval) -> None:
        super().__init__(f"{WAITING} (approval {approval.pk}).")
        self.approval = approval


def needs_approval(actor: Actor, kind: str) -> bool:
    """An operator's request of a kind whose policy is on. Admins and the hub itself are
    exempt; whoever may not do it at all is refused by the action's own rule, not here."""
    if actor.user is None or actor.has_role(Role.ADMIN) or not actor.has_role(Role.OPERATOR):
        return False
    return ApprovalPolicy.required_for(kind)


def gate(actor: Actor, kind: str, payload: dict[str, Any], summary: str) -> None:
    """Return when ``actor`` may go ahead now; else store the request and raise
    ``ApprovalPending``. ``payload`` is what the kind's executor gets back on approval (a
    ``server_id`` in it names the server)."""
    if not needs_approval(actor, kind):
        return
    raise ApprovalPending(request(actor, kind, payload, summary))


def request(actor: Actor, kind: str, payload: dict[str, Any], summary: str) -> Approval:
    """Store a request for approval, with its audit entry and webhook, and tell the chat
    once committed."""
    now = timezone.now()
    with transaction.atomic():
        approval = Approval.objects.create(
            kind=kind,
            summary=summary[:500],
            payload=payload,
            server_id=payload.get("server_id"),
            requested_by=actor.user,
            requested_via=actor.via,
            requested_key=actor.api_key,
            requested_ip=actor.ip,
            origin=_origin(actor),
            created_at=now,
            expires_at=now + timedelta(minutes=settings.APPROVAL_EXPIRY_MINUTES),
        )
        record_audit(
            "approval.requested", actor=actor, target=approval, details={"kind": kind, "summary": approval.summary}
        )
        enqueue("approval.requested", approval.data())
        _send_on_commit(approval_requested, approval)
    return approval


def decide(actor: Actor, approval: Approval, approve: bool, comment: str = "") -> Approval:
    """Approve or deny a pending request. Operators and admins, never the requester (403);
    only while pending and not expired (409); of two deciders at once, one wins and the other
    gets 409. An approval then runs the request as the requester, and records what it gave
    (``result``) or why it did not run (status ``failed``, ``error``)."""
    if not actor.has_role(Role.OPERATOR) or actor.user is None:
        raise PermissionDenied("Only operators and admins may decide approvals.")
    if actor.api_key is not None and not actor.api_key.allows("approvals:write"):
        raise PermissionDenied("This API key lacks the scope 'approvals:write'.", code="insufficient_scope")
    if not Approval.objects.visible_to(actor.user).filter(pk=approval.pk).exists():
        raise NotFound()  # about a server outside the decider's teams' scope
    now = timezone.now()
    with transaction.atomic():
        locked = Approval.objects.select_for_update(of=("self",)).select_related("requested_by").get(pk=approval.pk)
        if locked.requested_by_id == actor.user.pk:
            raise PermissionDenied("You asked for this: another operator or an admin must decide.", code="own_request")
        if locked.status != Status.PENDING:
            raise Conflict(f"This request is already {locked.status}.", code="not_pending")
        expired = locked.expires_at <= now
        if expired:
            if not _expire(locked, now):
                raise Conflict("This request was decided meanwhile.", code="not_pending")
        else:
            _record_decision(actor, locked, approve, comment, now)
    if expired:
        raise Conflict("This request expired before anyone decided.", code="expired")
    if approve:
        _execute(locked)
    return locked


def _record_decision(actor: Actor, approval: Approval, approve: bool, comment: str, now: Any) -> None:
    status = Status.APPROVED if approve else Status.DENIED
    # Guarded by the status as well as the lock: a database without row locks (SQLite)
    # still lets one decision through.
    if not Approval.objects.filter(pk=approval.pk, status=Status.PENDING).update(
        status=status, decided_by=actor.user, decided_at=now, comment=comment[:500]
    ):
        raise Conflict("This request was decided meanwhile.", code="not_pending")
    approval.status, approval.decided_by, approval.decided_at, approval.comment = status, actor.user, now, comment[:500]
    requester = approval.requested_by.username if approval.requested_by else None
    record_audit(
        f"approval.{status}",
        actor=actor,
        target=approval,
        details={"kind": approval.kind, "summary": approval.summary, "requested_by": requester, "comment": comment},
    )
    enqueue("approval.decided", approval.data())
    if not approve:
        _send_on_commit(approval_decided, approval)


def _expire(approval: Approval, now: Any) -> bool:
    """Mark a pending request expired (guarded by its status, as a decision is)."""
    if not Approval.objects.filter(pk=approval.pk, status=Status.PENDING).update(status=Status.EXPIRED, decided_at=now):
        return False
    approval.status, approval.decided_at = Status.EXPIRED, now
    record_audit(
        "approval.expired",
        actor=Actor.system("worker", via="worker"),
        target=approval,
        details={"kind": approval.kind, "summary": approval.summary},
    )
    enqueue("approval.decided", approval.data())
    _send_on_commit(approval_decided, approval)
    return True


def requester(approval: Approval) -> Actor:
    """The requester's actor as they asked (via, key, address, origin), now to act: refused
    when their account or the key they used is no longer valid."""
    user = approval.requested_by
    if user is None or not user.is_active:
        raise PermissionDenied("The requester's account is gone or disabled.")
    key = approval.requested_key
    if approval.requested_key_id is not None and (
        key is None or not APIKey.objects.active().filter(pk=key.pk).exists()
    ):
        raise PermissionDenied("The API key the request came with is no longer valid.")
    origin = {**approval.origin, "approval": approval.pk}
    client = origin.pop("client", None) or {}
    return Actor(
        user=user,
        via=approval.requested_via,  # type: ignore[arg-type]
        api_key=key,
        ip=approval.requested_ip,
        origin=origin,
        label=client.get("label", ""),
        client_id=client.get("id"),
    )


def _origin(actor: Actor) -> dict[str, Any]:
    """Where the request came from, and the client application that asked, if one did (it acts
    through its bot user; the audit of the run names the client, as it would have unasked).
    A revoked client's bot is deactivated, so ``requester`` refuses it then."""
    origin = dict(actor.origin or {})
    if actor.client_id is not None:
        origin["client"] = {"id": actor.client_id, "label": actor.label}
    return origin


def _execute(approval: Approval) -> None:
    """Run an approved request through its kind's executor, as the requester."""
    found = registry.executor(approval.kind)
    result: dict[str, Any] = {}
    error = ""
    try:
        if found is None:
            raise Conflict(f"Nothing on this hub carries out {approval.kind!r} requests.")
        result = found.execute(requester(approval), dict(approval.payload))
    except APIException as exc:
        error = str(exc.detail)
        history = getattr(exc, "history", None)
        if history is not None:
            result = {"history_id": history.pk, "status": history.status}
    except Exception as exc:
        logger.exception("Approved request %s failed to run", approval.pk)
        error = f"{type(exc).__name__}: {exc}"
    approval.result, approval.error = result, error[:1000]
    if error:
        approval.status = Status.FAILED
    with transaction.atomic():
        approval.save(update_fields=["result", "error", "status"])
        if error:
            record_audit(
                "approval.failed",
                actor=Actor.system(),
                target=approval,
                details={"kind": approval.kind, "error": approval.error},
            )
        _send_on_commit(approval_decided, approval)


def expire_due() -> int:
    """Mark pending requests whose time is up expired (the worker's job); how many."""
    count = 0
    for pk in Approval.objects.due().values_list("pk", flat=True)[:500]:
        with transaction.atomic():
            found = Approval.objects.select_for_update(skip_locked=True).due().filter(pk=pk).first()
            if found is not None and _expire(found, timezone.now()):
                count += 1
    return count


def set_policy(actor: Actor, kind: str, required: bool) -> ApprovalPolicy:
    """Admins turn two-person approval on or off for a kind."""
    if not actor.has_role(Role.ADMIN):
        raise PermissionDenied("Only admins may change approval policies.")
    with transaction.atomic():
        policy, _ = ApprovalPolicy.objects.select_for_update().get_or_create(kind=kind)
        before = policy.required
        policy.required, policy.updated_by = required, actor.user
        policy.save()
        record_audit(
            "approval.policy_changed",
            actor=actor,
            target=policy,
            details={"kind": kind, "required": required, "before": before},
        )
    return policy


def _send_on_commit(signal: Any, approval: Approval) -> None:
    def send() -> None:
        for receiver, response in signal.send_robust(sender=Approval, approval=approval):
            if isinstance(response, Exception):
                logger.error("A receiver of %s failed for approval %s", receiver, approval.pk, exc_info=response)

    transaction.on_commit(send)
