"""``/ask <question>`` in a chat room: the FAQ bot's answer in the thread, or its hand-over."""

from __future__ import annotations

from accounts.actor import Actor
from chatbot import services
from chatops.registry import ChatCommand, ChatReply


def ask(actor: Actor, arguments: list[str]) -> ChatReply:
    origin = actor.origin or {}
    # One conversation per person and room, so follow-up questions join the same ticket.
    session = f"room{origin.get('room', 0)}-user{actor.user.pk if actor.user else 0}"
    result = services.ask(actor, arguments[0], session)
    if result.was_escalated:
        return ChatReply(result.response)
    return ChatReply(f"{result.response}\n\n_(FAQ answer, confidence {result.confidence_score:.2f})_")


COMMANDS = (
    ChatCommand(
        "ask",
        "Ask the FAQ bot a question.",
        ask,
        usage="<question>",
        least_role="requester",
        min_args=1,
        max_args=1,
        raw_text=True,
        description="The bot answers from the FAQ; when it is not sure, it opens a ticket for the support team "
        "with your question and tells you its number.",
    ),
)
