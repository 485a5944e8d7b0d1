"""Ticket changes pushed live through the real ASGI application: the requester (a watcher)
hears the public changes of their ticket, support staff hear everything on the queue and on
the ticket, internal notes included; nobody else hears anything."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from accounts.actor import Actor
from accounts.services import issue_tokens
from helpdesk.services import add_comment, open_ticket, update_ticket
from tests.sockets import browser_socket, closed_with, recv

pytestmark = pytest.mark.django_db(transaction=True)


async def connect(user, path):
    token = await database_sync_to_async(lambda: issue_tokens(user).access_token)()
    socket = browser_socket(path, token)
    connected, _ = await socket.connect()
    assert connected
    return socket


def _open(requester):
    return open_ticket(Actor.for_user(requester, "api"), title="Laptop will not boot", description="",
                       category="hardware_issue", priority="high")  # fmt: skip


async def test_watchers_and_staff_hear_changes_and_only_staff_hear_notes(requester, other_requester, support):
    ticket = await database_sync_to_async(_open)(requester)
    mine = await connect(requester, f"/api/v1/ws/tickets/{ticket.pk}")
    queue = await connect(support, "/api/v1/ws/tickets")
    staff_on_ticket = await connect(support, f"/api/v1/ws/tickets/{ticket.pk}")
    staff = Actor.for_user(support, "api")

    await database_sync_to_async(update_ticket)(staff, ticket, status="in_progress")
    for socket in (mine, queue, staff_on_ticket):
        event = await recv(socket)
        assert (event["type"], event["ticket_id"], event["change"], event["status"]) == (
            "ticket.changed", ticket.pk, "updated", "in_progress",
        )  # fmt: skip

    await database_sync_to_async(add_comment)(staff, ticket, body="Probably the disk", internal=True)
    assert (await recv(queue))["internal"] is True
    assert (await recv(staff_on_ticket))["change"] == "commented"
    assert await mine.receive_nothing(timeout=0.3)

    for socket in (mine, queue, staff_on_ticket):
        await socket.disconnect()


async def test_others_cannot_watch_a_ticket_or_the_queue(requester, other_requester):
    ticket = await database_sync_to_async(_open)(requester)
    theirs = await connect(other_requester, f"/api/v1/ws/tickets/{ticket.pk}")
    assert await closed_with(theirs) == 4404
    queue = await connect(requester, "/api/v1/ws/tickets")
    assert await closed_with(queue) == 4403


async def test_without_a_token_the_queue_closes_4401():
    socket = browser_socket("/api/v1/ws/tickets", None)
    await socket.connect()
    assert await closed_with(socket) == 4401
