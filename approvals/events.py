"""The webhook payloads of approvals (``approval.requested``, ``approval.decided``)."""

from __future__ import annotations

from typing import Any, TypedDict


class ApprovalData(TypedDict):
    """A request for a second person's approval, as it stands (``Approval.data()``)."""

    id: int
    kind: str  # run, restart, stop, playbook
    status: str  # pending, approved, denied, expired, failed
    summary: str
    payload: dict[str, Any]
    server_id: int | None
    requested_by: str | None
    requested_via: str
    origin: dict[str, Any]
    created_at: str
    expires_at: str
    decided_by: str | None
    decided_at: str | None
    comment: str
    result: dict[str, Any]
    error: str
