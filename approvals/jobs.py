"""Background jobs of approvals (run by the worker)."""

from __future__ import annotations

from approvals.services import expire_due
from chatops.registry import Job

#: What the worker runs for approvals (registered by ``ApprovalsConfig.ready``).
JOBS = (Job("approvals.expire", 15, expire_due),)
