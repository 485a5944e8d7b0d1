"""``/api/v1/ws/tickets`` (the support staff's queue) and ``/api/v1/ws/tickets/<id>`` (one
ticket, for whoever may see it): ``{"type": "ticket.changed", ...}`` as ``helpdesk.events``
describes. Requesters and watchers hear nothing internal. At most once: a page reloads the
ticket (or the queue) when it reconnects."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from chatops.realtime import StreamConsumer
from chatops.realtime.streams import Forbidden
from helpdesk.events import STAFF_GROUP, ticket_group, ticket_staff_group
from helpdesk.models import Ticket, is_staff


class TicketQueueConsumer(StreamConsumer):
    """Support staff only (others: 4403)."""

    forwards = ("ticket.changed",)

    async def resolve_groups(self, user: Any) -> list[str] | None:
        if not is_staff(user):
            raise Forbidden
        return [STAFF_GROUP]


class TicketConsumer(StreamConsumer):
    """One ticket; support staff hear its internal changes too (another group)."""

    forwards = ("ticket.changed",)

    async def resolve_groups(self, user: Any) -> list[str] | None:
        ticket_id = int(self.scope["url_route"]["kwargs"]["ticket_id"])
        visible = await database_sync_to_async(Ticket.objects.visible_to(user).filter(pk=ticket_id).exists)()
        if not visible:
            return None
        return [ticket_staff_group(ticket_id) if is_staff(user) else ticket_group(ticket_id)]
