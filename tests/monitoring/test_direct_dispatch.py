"""DirectDispatch: one reader task per source instead of a task and an ``asyncio.wait`` per
message, with Channels' one-message-at-a-time guarantee kept."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator

from accounts.services import issue_tokens
from chatops.realtime import DirectDispatch
from monitoring.events import server_metrics_group
from tests.sockets import browser_socket, recv_data

pytestmark = pytest.mark.django_db(transaction=True)


class TasksCounted:
    """Counts the tasks other tasks than the test's own create while it is installed (the
    channel layers start tasks of their own for the messages the test sends)."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.previous = self.loop.get_task_factory()
        self.test_task = asyncio.current_task()
        self.created = 0

    def __enter__(self) -> TasksCounted:
        def factory(loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Task[Any]:
            if asyncio.current_task() is not self.test_task:
                self.created += 1
            return asyncio.Task(coro, loop=loop, **kwargs)

        self.loop.set_task_factory(factory)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.set_task_factory(self.previous)


async def test_stream_events_need_no_task_each(viewer, server):
    """Channels' await_many_dispatch starts a task per message (so 40 here); ours none."""
    token = await database_sync_to_async(lambda: issue_tokens(viewer).access_token)()
    browser = browser_socket(f"/api/v1/ws/metrics/{server.pk}", token)
    connected, _ = await browser.connect()
    assert connected
    layer = get_channel_layer()
    group = server_metrics_group(server.pk)
    event = {"type": "metrics.sample", "server_id": server.pk, "ts": float(int(time.time())), "values": {}}
    # The consumer joins its group just after accepting: send until the first event arrives.
    for _ in range(50):
        await layer.group_send(group, event)
        if await browser.receive_nothing(timeout=0.1) is False:
            break
    while not await browser.receive_nothing(timeout=0.2):
        await browser.receive_from()
    with TasksCounted() as counted:
        for _ in range(40):
            await layer.group_send(group, event)
            assert (await recv_data(browser))["type"] == "metrics.sample"
    assert counted.created < 5
    await browser.disconnect()


LAYER = "direct-dispatch-test"


@pytest.fixture
def memory_layer(settings):
    """An in-memory layer of its own: a layer event is delivered before the next loop turn."""
    settings.CHANNEL_LAYERS = {**settings.CHANNEL_LAYERS, LAYER: {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    return get_channel_layer(LAYER)


class Recorder(DirectDispatch, AsyncWebsocketConsumer):
    """Its socket frames wait for ``release``; its channel-layer events are recorded."""

    channel_layer_alias = LAYER

    log: list[str]
    release: asyncio.Event

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        self.log.append(f"frame {text_data} start")
        await self.release.wait()
        self.log.append(f"frame {text_data} end")
        if text_data == "boom":
            raise RuntimeError("handler failed")

    async def note(self, event: dict[str, Any]) -> None:
        self.log.append(f"event {event['n']}")


async def open_recorder() -> tuple[WebsocketCommunicator, Recorder, list[str], asyncio.Event]:
    log: list[str] = []
    release = asyncio.Event()
    consumers: list[Recorder] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        consumer = Recorder()
        consumer.log, consumer.release = log, release
        consumers.append(consumer)
        await consumer(scope, receive, send)

    ws = WebsocketCommunicator(app, "/recorder")
    connected, _ = await ws.connect()
    assert connected
    return ws, consumers[0], log, release


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_one_message_at_a_time_across_socket_and_layer(memory_layer):
    ws, consumer, log, release = await open_recorder()
    layer = memory_layer
    await ws.send_to(text_data="a")
    await settle()
    await layer.send(consumer.channel_name, {"type": "note", "n": 1})
    await ws.send_to(text_data="b")
    await settle()
    # The event waits for the frame being handled, as with Channels' own loop.
    assert log == ["frame a start"]
    release.set()
    await settle()
    assert log[:2] == ["frame a start", "frame a end"]
    assert sorted(log[2:]) == sorted(["event 1", "frame b start", "frame b end"])
    assert log.index("frame b start") + 1 == log.index("frame b end")
    await ws.disconnect()


async def test_disconnect_ends_the_consumer_and_its_readers(memory_layer):
    ws, _, _, _ = await open_recorder()
    before = {t for t in asyncio.all_tasks() if t.get_coro().__qualname__.endswith("read")}
    assert len(before) == 2  # the socket's and the channel layer's
    await ws.disconnect()
    await ws.wait(timeout=2)
    assert all(t.done() for t in before)


async def test_a_failing_handler_ends_the_consumer_with_its_error(memory_layer):
    ws, _, _, release = await open_recorder()
    release.set()
    await ws.send_to(text_data="boom")
    with pytest.raises(RuntimeError, match="handler failed"):
        await ws.wait(timeout=2)
