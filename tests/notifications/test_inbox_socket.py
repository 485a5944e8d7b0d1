"""``/api/v1/ws/notifications`` through the real ASGI application: the worker delivers an in-app
notification and the recipient's browser hears it with the new unread count (nobody else does);
marking it read is heard too."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from accounts.services import issue_tokens
from notifications import jobs
from tests.notifications.conftest import notify
from tests.sockets import browser_socket, closed_with, recv

pytestmark = pytest.mark.django_db(transaction=True)
PATH = "/api/v1/ws/notifications"


async def connect(user):
    token = await database_sync_to_async(lambda: issue_tokens(user).access_token)()
    socket = browser_socket(PATH, token)
    connected, subprotocol = await socket.connect()
    assert connected and subprotocol == "bearer"
    return socket


async def test_the_recipient_hears_a_new_notification_and_its_reading(viewer, outsider, client_for):
    mine, theirs = await connect(viewer), await connect(outsider)
    notification = await database_sync_to_async(notify)(users=(viewer.pk,), subject="Deploy done")
    assert await database_sync_to_async(jobs.deliver_due)() == 1
    event = await recv(mine)
    assert event["type"] == "notification.created" and event["unread"] == 1
    item = event["item"]
    assert item["notification"]["id"] == notification.pk
    assert (item["notification"]["subject"], item["read"]) == ("Deploy done", False)

    client = await database_sync_to_async(client_for)(viewer)
    listed = (await database_sync_to_async(client.get)("/api/v1/notifications/inbox")).json()
    assert listed["data"] == [item], "the socket and REST show one shape"
    response = await database_sync_to_async(client.post)(f"/api/v1/notifications/inbox/{item['id']}/read")
    assert response.status_code == 200
    assert await recv(mine) == {"type": "notification.read", "ids": [item["id"]], "all": False, "unread": 0}
    assert await theirs.receive_nothing(timeout=0.3)
    await mine.disconnect()
    await theirs.disconnect()


async def test_a_rolled_back_notification_is_never_announced(viewer):
    from django.db import transaction

    socket = await connect(viewer)

    def send_and_roll_back() -> None:
        with transaction.atomic():
            notify(users=(viewer.pk,))
            jobs.deliver_inapp()
            transaction.set_rollback(True)

    await database_sync_to_async(send_and_roll_back)()
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_the_stream_only_sends(viewer):
    from tests.sockets import send

    socket = await connect(viewer)
    await send(socket, {"type": "ping"})
    assert await recv(socket) == {"type": "pong"}
    await send(socket, {"type": "notification.read"})
    assert (await recv(socket))["code"] == "read_only"
    await socket.disconnect()


async def test_without_a_token_the_stream_closes_4401():
    socket = browser_socket(PATH, None)
    await socket.connect()
    assert await closed_with(socket) == 4401
