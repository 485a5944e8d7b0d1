"""How automation carries out a playbook run a second person approved (``approvals.registry``):
the same service as REST and chat, as the requester, marked as the approved request."""

from __future__ import annotations

from typing import Any

from accounts.actor import Actor
from automation.services import RunRequest, execute_playbook


def run(actor: Actor, payload: dict[str, Any]) -> dict[str, Any]:
    asked = RunRequest(
        playbook=str(payload["playbook"]),
        hosts=list(payload["hosts"]),
        variables=dict(payload.get("variables") or {}),
        check=bool(payload.get("check")),
        limit=str(payload.get("limit") or ""),
        tags=list(payload.get("tags") or []),
    )
    found = execute_playbook(actor, asked, approved=True)
    return {"execution_id": found.pk, "status": found.status}
