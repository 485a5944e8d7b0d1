"""``/api/v1/ws/ansible/{execution_id}``: a run's output as runner's events come, and its
status. Whoever may read the run (its every host visible to them) may follow it; on connect
the socket first sends what the run kept so far (``ansible.snapshot``, with the counter of its
last event: later ``ansible.output`` frames with a counter at or below it are already in it)."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from automation.events import ansible_group
from automation.models import PlaybookRun
from chatops.realtime import StreamConsumer


def _snapshot(user: Any, execution_id: int) -> dict[str, Any] | None:
    run = PlaybookRun.objects.visible_to(user).filter(pk=execution_id).first()
    if run is None:
        return None
    return {
        "type": "ansible.snapshot",
        "execution_id": run.pk,
        "status": run.status,
        "reason": run.reason,
        "counter": run.last_event,
        "output": run.output,
        "output_truncated": run.output_truncated,
    }


class PlaybookStreamConsumer(StreamConsumer):
    forwards = ("ansible.output", "ansible.status")

    async def resolve_groups(self, user: Any) -> list[str] | None:
        execution_id = int(self.scope["url_route"]["kwargs"]["execution_id"])
        visible = await database_sync_to_async(
            lambda: PlaybookRun.objects.visible_to(user).filter(pk=execution_id).exists()
        )()
        return [ansible_group(execution_id)] if visible else None

    async def connect(self) -> None:
        await super().connect()
        if not getattr(self, "groups_to_join", None):
            return
        execution_id = int(self.scope["url_route"]["kwargs"]["execution_id"])
        snapshot = await database_sync_to_async(_snapshot)(self.scope["user"], execution_id)
        if snapshot is not None:
            await self.send_json(snapshot)
