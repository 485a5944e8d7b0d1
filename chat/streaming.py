"""A command's output, streamed into one ``command_result`` message that is updated in place.

Works with any number of hub processes. The agent's socket may be held by another process than
the one following: its consumer sends each ``command.output`` and ``command.status`` to the
channel layer group ``agents.events.command_group(id)``, which reaches every process through
Redis, and the follower here listens on a channel of its own in that group. The channel layer
is at most once, so the ``CommandHistory`` row is the truth: it is reread every second (and on
each status event), and the final message is written from it (its stdout and stderr, kept by
the agent up to ``max_output_bytes`` each, as the REST route returns them). A lost output event
only leaves a gap in the preview until the end. Without Redis (one process, in-memory layer)
the same code runs in that one process.

The message is written at most every ``FLUSH_SECONDS``; it shows the tail of the output (a
message holds 10,000 characters), its ``data`` the status and, once final, the whole output.
A request nobody answers ends as the waiting REST route ends it: no accepted/rejected from the
agent within ``ACK_SECONDS`` is ``agent_offline``, no result within its timeout (plus grace)
is ``timed_out``.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Callable
from typing import Any

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from agents.events import command_group
from agents.models import CommandHistory
from agents.remote import ACK_SECONDS, DEFAULT_MAX_OUTPUT_BYTES
from agents.services import WAIT_GRACE_SECONDS
from chat.choices import MessageType
from chat.models import Message
from chat.services.messages import post_bot_message, update_bot_message
from chatops.shutdown import ShuttingDown, unless_stopping

Status = CommandHistory.Status
FLUSH_SECONDS = 0.5
REREAD_SECONDS = 1.0
#: How much of the output the message's text shows (its tail); ``data`` holds all of it.
SHOWN_CHARS = 8000
STOPPED = "The hub process following this command stopped; see the command's history for its outcome."


def history_url(history: CommandHistory) -> str:
    """The history row over REST (the dashboard's server page lists it too)."""
    return f"/api/v1/commands/{history.server_id}/{history.pk}"


class Output:
    """What has streamed so far, each stream capped at ``limit`` bytes as the agent caps it."""

    def __init__(self, limit: int = DEFAULT_MAX_OUTPUT_BYTES) -> None:
        self.limit = limit
        self.size = {"stdout": 0, "stderr": 0}
        self.chunks: list[str] = []
        self.changed = False

    def add(self, stream: str, data: str) -> None:
        room = self.limit - self.size.get(stream, 0)
        if room <= 0 or not data:
            return
        encoded = data.encode("utf-8", "replace")[:room]
        kept = encoded.decode("utf-8", "ignore")
        self.size[stream] = self.size.get(stream, 0) + len(encoded)
        self.chunks.append(kept)
        self.changed = True

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def _code_span(text: str) -> str:
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _fenced(text: str) -> str:
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence}\n{text.rstrip(chr(10))}\n{fence}"


def _duration(history: CommandHistory) -> str:
    ms = history.duration_ms
    if ms is None and history.finished_at is not None:
        ms = int((history.finished_at - history.created_at).total_seconds() * 1000)
    if ms is None:
        return "?"
    return f"{ms} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def _footer(history: CommandHistory) -> str:
    record = f"command #{history.pk} (`{history_url(history)}`)"
    status = history.status
    if status in (Status.SUCCEEDED, Status.FAILED):
        return f"exit {history.exit_code} · {_duration(history)} · {record}"
    if status == Status.TIMED_OUT:
        return f"timed out after {history.timeout} s ({history.reason}) · {record}"
    if status == Status.REJECTED:
        return f"refused by the agent: {history.reason} · {record}"
    if status == Status.AGENT_OFFLINE:
        return f"not run: {history.reason} · {record}"
    return f"_{status}…_ · {record}"


def render(history: CommandHistory, output: str, intro: str = "", note: str = "") -> str:
    what = history.command if history.kind == CommandHistory.Kind.COMMAND else f"docker {history.action}"
    lines = [f"{_code_span('$ ' + what)} on **{history.server.name}**"]
    if intro and not history.is_final:
        lines.append(intro)
    if output:
        shown = output[-SHOWN_CHARS:]
        if len(shown) < len(output):
            lines.append(f"_… {len(output) - len(shown)} earlier characters in the command's history_")
        lines.append(_fenced(shown))
    lines.append(_footer(history))
    if note:
        lines.append(note)
    return "\n\n".join(lines)


def final_output(history: CommandHistory) -> str:
    if history.stderr and history.stdout:
        return f"{history.stdout.rstrip(chr(10))}\n--- stderr ---\n{history.stderr}"
    return history.stdout or history.stderr


def message_data(history: CommandHistory) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ok": history.status != Status.REJECTED and history.status != Status.AGENT_OFFLINE,
        "history_id": history.pk,
        "server_id": history.server_id,
        "server_name": history.server.name,
        "command": history.command,
        "status": history.status,
        "final": history.is_final,
        "exit_code": history.exit_code,
        "duration_ms": history.duration_ms,
        "history_url": history_url(history),
    }
    if history.is_final:
        data.update(
            stdout=history.stdout,
            stderr=history.stderr,
            stdout_truncated=history.stdout_truncated,
            stderr_truncated=history.stderr_truncated,
        )
    return data


def _read(history_id: int) -> CommandHistory:
    return CommandHistory.objects.select_related("server").get(pk=history_id)


def _end_if_unanswered(history: CommandHistory, elapsed: float) -> None:
    """As ``agents.remote`` ends a request that a waiting REST call would have ended."""
    unanswered = history.status == Status.PENDING or (
        history.kind == CommandHistory.Kind.COMMAND and history.status == Status.SENT
    )
    if unanswered and elapsed > ACK_SECONDS:
        CommandHistory.objects.give_up_if_unanswered(history.pk)
    elif elapsed > history.timeout + WAIT_GRACE_SECONDS:
        CommandHistory.objects.time_out(history.pk)


def _update(message: Message, history: CommandHistory, output: Output, intro: str) -> None:
    update_bot_message(message, content=render(history, output.text, intro), data=message_data(history))


async def _watch(
    history: CommandHistory, message: Message, intro: str, start: Callable[[], None] | None
) -> tuple[str, float]:
    """Listen to the command's group until its row is final; returns a note (when this
    process stops first) and when the message was last written."""
    layer = get_channel_layer()
    assert layer is not None
    channel = await layer.new_channel()
    group = command_group(history.pk)
    await layer.group_add(group, channel)
    if start is not None:
        await database_sync_to_async(start)()
    output = Output()
    started = last_read = last_flush = time.monotonic()
    try:
        while True:
            now = time.monotonic()
            if now - last_read >= REREAD_SECONDS:
                history = await database_sync_to_async(_read)(history.pk)
                last_read = now
                if history.is_final:
                    return "", last_flush
                await database_sync_to_async(_end_if_unanswered)(history, now - started)
            if output.changed and now - last_flush >= FLUSH_SECONDS:
                await database_sync_to_async(_update)(message, history, output, intro)
                output.changed, last_flush = False, time.monotonic()
            flush_in = FLUSH_SECONDS - (now - last_flush) if output.changed else REREAD_SECONDS
            timeout = max(0.05, min(REREAD_SECONDS - (now - last_read), flush_in))
            with contextlib.suppress(TimeoutError):
                event = await unless_stopping(asyncio.wait_for(layer.receive(channel), timeout))
                if event.get("type") == "command.output":
                    output.add(str(event.get("stream")), str(event.get("data", "")))
                elif event.get("type") == "command.status":
                    last_read = 0.0  # reread at once
    except ShuttingDown:
        return STOPPED, last_flush
    finally:
        await layer.group_discard(group, channel)


def stream(
    room_id: int, thread_root_id: int, history_id: int, intro: str = "", start: Callable[[], None] | None = None
) -> None:
    """Post the ``command_result`` message under ``thread_root_id`` and keep it up to date
    until the command ``history_id`` ends (blocking: run it on a thread of its own).
    ``start``: sends the request, once this listens to its output."""
    history = _read(history_id)
    root = Message.objects.get(pk=thread_root_id, room_id=room_id)
    message = post_bot_message(
        room_id, render(history, "", intro), message_type=MessageType.COMMAND_RESULT, thread=root,
        data=message_data(history),
    )  # fmt: skip
    if history.is_final:
        note, written = "", time.monotonic()
    else:
        note, written = async_to_sync(_watch)(history, message, intro, start)
    # The last write also waits its turn: never two writes within FLUSH_SECONDS.
    time.sleep(max(0.0, FLUSH_SECONDS - (time.monotonic() - written)))
    history = _read(history_id)
    update_bot_message(message, content=render(history, final_output(history), intro, note), data=message_data(history))
