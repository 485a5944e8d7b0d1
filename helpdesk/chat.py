"""``/ticket <title>``: open a ticket from a chat room, linked to the thread it was typed in
(or to the command's own message, which becomes the thread of the answer). The rest of the
thread so far is the description."""

from __future__ import annotations

from accounts.actor import Actor
from chat.models import Message
from chatops.registry import ChatCommand, ChatReply, ChatUsageError
from helpdesk.choices import Source
from helpdesk.services import open_ticket

CONTEXT_MESSAGES = 20


def _thread_text(root: Message) -> str:
    lines = [root, *Message.objects.filter(thread=root).exclude(author=None).order_by("-id")[:CONTEXT_MESSAGES]]
    ordered = [lines[0], *reversed(lines[1:])]
    return "\n".join(f"{m.author.username if m.author else 'bot'}: {m.content}" for m in ordered)


def ticket(actor: Actor, arguments: list[str]) -> ChatReply:
    title = " ".join(arguments).strip()
    if not title:
        raise ChatUsageError("give the ticket a title")
    origin = actor.origin or {}
    message_id = origin.get("message")
    message = Message.objects.select_related("thread").filter(pk=message_id).first() if message_id else None
    root = (message.thread or message) if message is not None else None
    description = _thread_text(root) if root is not None and root.thread_id is None and root != message else ""
    opened = open_ticket(actor, title=title[:200], description=description, source=Source.CHAT)
    if root is not None:
        opened.chat_message = root
        opened.save(update_fields=["chat_message"])
    review = " (for review)" if opened.needs_review else ""
    return ChatReply(
        f"Ticket #{opened.pk} opened: **{opened.title}**, {opened.category.replace('_', ' ')}{review}, "
        f"{opened.priority} priority."
    )


COMMANDS = (
    ChatCommand(
        name="ticket",
        help="Open a helpdesk ticket linked to this thread",
        run=ticket,
        usage="/ticket <title>",
        least_role="requester",
        min_args=1,
        description="Typed in a thread, the ticket links to the thread and takes its messages as its description; "
        "without a category the classifier files it.",
    ),
)
