"""Slash commands typed in a room: parsed, run as the person who typed them, answered in a
thread under the command.

``post_message`` calls ``dispatch`` once the command's message is committed. The request that
posted it does not wait: the command runs on a small pool of threads of the hub process that
took the request (``HANDLER_THREADS``), and a command that started something on an agent
(``ChatReply.history_id``) is followed on a second pool (``FOLLOW_THREADS``) by
``chat.streaming``, which updates one ``command_result`` message in place as the output comes.
A hub process that gets more commands at once than its threads queues them (in memory: a
process that stops loses the queue, and says nothing of them in the room).

The handler runs with the chat ``Actor``: the poster's user, API key and address, ``via``
``chat``, and the room and message as its origin, which every audit entry records.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import replace
from typing import Any

from django.db import connections, transaction

from accounts.actor import Actor
from approvals.services import ApprovalPending
from chat.choices import MessageType
from chat.commandline import BadCommandLine, check_arguments, parse, refusal, unknown, usage
from chat.models import Message
from chat.services.messages import post_bot_message
from chat.streaming import stream
from chatops.registry import ChatReply, chat_command

logger = logging.getLogger(__name__)

#: Commands handled at once per hub process (each may wait on an agent: /restart up to 40 s).
HANDLER_THREADS = 8
#: Commands whose output is followed at once per hub process (each waits up to its timeout).
FOLLOW_THREADS = 32

_handlers = ThreadPoolExecutor(max_workers=HANDLER_THREADS, thread_name_prefix="chat-command")
_followers = ThreadPoolExecutor(max_workers=FOLLOW_THREADS, thread_name_prefix="chat-follow")
_pending: set[Future[None]] = set()
_lock = threading.Lock()


def _submit(pool: ThreadPoolExecutor, work: Callable[..., None], *args: Any) -> None:
    def run() -> None:
        try:
            work(*args)
        except Exception:
            logger.exception("A chat command failed")
        finally:
            connections.close_all()  # this thread's connections: the pool keeps the thread

    future = pool.submit(run)
    with _lock:
        _pending.add(future)
    future.add_done_callback(_done)


def _done(future: Future[None]) -> None:
    with _lock:
        _pending.discard(future)


def wait_idle(timeout: float = 60) -> bool:
    """Until every command and follow submitted so far has ended (tests; a clean stop)."""
    while True:
        with _lock:
            pending = set(_pending)
        if not pending:
            return True
        _, running = wait(pending, timeout=timeout)
        if running:
            return False


def chat_actor(actor: Actor, message: Message) -> Actor:
    """The poster, acting from the room: the same user, key and address, ``via`` chat."""
    room = message.room
    return replace(actor, via="chat").within(room=room.pk, room_name=room.name, message=message.pk)


def dispatch(actor: Actor, message: Message) -> None:
    """Run the command ``message`` holds, as ``actor``, after its message was committed.
    Returns at once: the command runs on the handler threads."""
    _submit(_handlers, handle, chat_actor(actor, message), message.room_id, message.pk, message.content)


def handle(actor: Actor, room_id: int, message_id: int, content: str) -> None:
    """Parse, check the arguments, run the command's handler and post its answer in the
    thread under the command (then follow its output, if it started any)."""
    root = Message.objects.get(pk=message_id)
    reply = _reply(actor, content)
    if reply.history_id is not None:
        _submit(_followers, stream, room_id, root.pk, reply.history_id, reply.text, reply.start)
        return
    data = {"ok": reply.ok}
    post_bot_message(room_id, reply.text, message_type=MessageType.COMMAND_RESULT, thread=root, data=data)


def _reply(actor: Actor, content: str) -> ChatReply:
    try:
        line = parse(content)
    except BadCommandLine as exc:
        command = chat_command(exc.name) if exc.name else None
        return usage(command, f"Cannot read the arguments ({exc})") if command else unknown(exc.name)
    command = chat_command(line.name)
    if command is None:
        return unknown(line.name)
    wrong = check_arguments(command, line)
    if wrong is not None:
        return wrong
    try:
        return command.run(actor, line.arguments)
    except ApprovalPending as exc:
        # The request itself is posted in the room by chat.approvals (the approvals signals).
        return ChatReply(f"Waiting for approval #{exc.approval.pk}: another operator or an admin must approve it.")
    except Exception as exc:
        answer = refusal(exc, command)
        if answer is None:
            logger.exception("The chat command /%s failed", command.name)
            return ChatReply(f"`/{command.name}` failed: an error on the hub (logged).", ok=False)
        return answer


def follow(room_id: int, thread_root_id: int, history_id: int, *, start: Callable[[], None] | None = None) -> None:
    """Post a ``command_result`` message in the thread under ``thread_root_id`` and update it
    in place as the command ``history_id`` streams its output (at most every 500 ms), ending
    with its exit code, duration and a link to its history row. Returns at once (once the
    caller's transaction commits): the following runs on the follow threads. ``start``, if
    given, sends the request once the follower listens (see ``agents.services.run_command``'s
    ``send``); without it, output sent before the follower listens is shown only at the end."""
    transaction.on_commit(lambda: _submit(_followers, stream, room_id, thread_root_id, history_id, "", start))
