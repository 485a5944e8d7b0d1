"""The FAQ bot's writes and answers, each taking an ``Actor``: FAQs (support staff and above),
questions (anyone signed in), and the hand-over to the helpdesk when the bot is not sure."""

from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.services import record_audit
from chatbot import retrieval
from chatbot.models import FAQ, SESSION_MAX, ChatLog
from helpdesk import services as helpdesk
from helpdesk.choices import ACTIVE
from helpdesk.models import DESCRIPTION_MAX, TITLE_MAX, Ticket

SESSION_PATTERN = re.compile(rf"^[A-Za-z0-9_-]{{1,{SESSION_MAX}}}$")
#: Earlier turns of a session copied into the ticket a hand-over opens.
TRANSCRIPT_TURNS = 20
FAQ_FIELDS = ("question", "answer", "category", "tags", "is_active")


def is_support(actor: Actor) -> bool:
    return actor.is_system or bool(actor.user is not None and actor.user.has_role(Role.SUPPORT))


def _require_support(actor: Actor) -> None:
    if not is_support(actor):
        raise PermissionDenied("Only support staff and admins may change the FAQ.")


# --- FAQs ------------------------------------------------------------------------------------------


def create_faq(actor: Actor, **fields: Any) -> FAQ:
    _require_support(actor)
    faq = FAQ.objects.create(created_by=actor.user, **{k: v for k, v in fields.items() if k in FAQ_FIELDS})
    record_audit("faq.created", actor=actor, target=faq, details={"question": faq.question[:100]})
    return faq


def update_faq(actor: Actor, faq: FAQ, **fields: Any) -> FAQ:
    _require_support(actor)
    changed = sorted(k for k, v in fields.items() if k in FAQ_FIELDS and getattr(faq, k) != v)
    for name in changed:
        setattr(faq, name, fields[name])
    faq.save()
    record_audit("faq.updated", actor=actor, target=faq, details={"fields": changed})
    return faq


def delete_faq(actor: Actor, faq: FAQ) -> None:
    _require_support(actor)
    record_audit("faq.deleted", actor=actor, target=faq, details={"question": faq.question[:100]})
    faq.delete()


# --- The index, one per process, rebuilt when the FAQs change ------------------------------------

_index_lock = threading.Lock()
_index: tuple[tuple[Any, ...], retrieval.Index] | None = None


def _fingerprint() -> tuple[Any, ...]:
    """Changes whenever an active FAQ is added, edited, deactivated or deleted (one query)."""
    row = FAQ.objects.filter(is_active=True).aggregate(n=Count("id"), top=Max("id"), changed=Max("updated_at"))
    return (row["n"], row["top"], row["changed"])


def current_index() -> retrieval.Index:
    global _index
    key = _fingerprint()
    with _index_lock:
        if _index is None or _index[0] != key:
            docs = [
                retrieval.Doc(id=faq.pk, question=faq.question, answer=faq.answer, tags=tuple(faq.tags or ()))
                for faq in FAQ.objects.filter(is_active=True).order_by("id")
            ]
            _index = (key, retrieval.Index(docs))
        return _index[1]


# --- Questions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChatResult:
    response: str
    session_id: str
    confidence_score: float
    was_escalated: bool
    ticket_id: int | None
    log: ChatLog


def _session(actor: Actor, session_id: str | None) -> str:
    if not session_id:
        return uuid.uuid4().hex
    if not SESSION_PATTERN.fullmatch(session_id):
        raise ValidationError({"session_id": ["Letters, digits, '-' and '_' only, at most 64."]})
    if ChatLog.objects.filter(session_id=session_id).exclude(user=actor.user).exists():
        # Another person's conversation: as if it did not exist.
        raise NotFound("No such chat session.")
    return session_id


def _transcript(session_id: str, message: str, match: retrieval.Match) -> str:
    earlier = list(ChatLog.objects.filter(session_id=session_id).order_by("-created_at", "-id")[:TRANSCRIPT_TURNS])
    lines = ["Handed over by the FAQ bot. The conversation:", ""]
    for log in reversed(earlier):
        lines += [f"> {log.user_query}", f"Bot: {log.bot_response}", ""]
    lines += [f"> {message}", ""]
    if match.best is not None:
        lines.append(
            f"The bot was not sure (closest FAQ: “{match.best.doc.question}”, confidence "
            f"{match.confidence:.2f}, lead over the next {match.margin:.2f})."
        )
    else:
        lines.append("The FAQ is empty.")
    text = "\n".join(lines)
    return text if len(text) <= DESCRIPTION_MAX else "…" + text[-(DESCRIPTION_MAX - 1) :]


def _hand_over(actor: Actor, session_id: str, message: str, match: retrieval.Match) -> Ticket:
    """Open a ticket with the conversation, or add to the one this session already opened while
    it is still active."""
    previous = (
        ChatLog.objects.filter(session_id=session_id, was_escalated=True, ticket__status__in=ACTIVE)
        .select_related("ticket")
        .order_by("-id")
        .first()
    )
    if previous is not None and previous.ticket is not None:
        helpdesk.add_comment(actor, previous.ticket, body=f"Asked the FAQ bot, which handed it over:\n\n> {message}")
        return previous.ticket
    title = f"Question from the FAQ bot: {message}"
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1] + "…"
    return helpdesk.open_ticket(
        actor, title=title, description=_transcript(session_id, message, match), source="chatbot"
    )


def sure_enough(match: retrieval.Match) -> bool:
    return (
        match.best is not None
        and match.confidence >= settings.CHATBOT_MIN_CONFIDENCE
        and match.margin >= settings.CHATBOT_MIN_MARGIN
    )


def hand_over_text(ticket: Ticket) -> str:
    return (
        f"I'm not sure I have the right answer to that, so I've handed it to the support team: "
        f"ticket #{ticket.pk}. They will reply on the ticket."
    )


def ask(actor: Actor, message: str, session_id: str | None = None) -> ChatResult:
    """Answer from the FAQ when the retrieval is sure enough (``CHATBOT_MIN_CONFIDENCE``,
    ``CHATBOT_MIN_MARGIN``), else hand over to a ticket. Every question is logged."""
    if actor.user is None:
        raise PermissionDenied("Sign in to ask the bot.")
    message = message.strip()
    if not message:
        raise ValidationError({"message": ["Ask something."]})
    started = time.perf_counter()
    session = _session(actor, session_id)
    match = current_index().match(message)
    with transaction.atomic():
        ticket: Ticket | None = None
        if sure_enough(match):
            assert match.best is not None
            response = match.best.doc.answer
        else:
            ticket = _hand_over(actor, session, message, match)
            response = hand_over_text(ticket)
        log = ChatLog.objects.create(
            user=actor.user,
            session_id=session,
            user_query=message,
            bot_response=response,
            confidence_score=round(match.confidence, 4),
            was_escalated=ticket is not None,
            ticket=ticket,
            faq_id=match.best.doc.id if match.best else None,
            via="chat" if actor.via == "chat" else "api",
            response_time_ms=int((time.perf_counter() - started) * 1000),
        )
    return ChatResult(
        response=response,
        session_id=session,
        confidence_score=log.confidence_score,
        was_escalated=log.was_escalated,
        ticket_id=ticket.pk if ticket else None,
        log=log,
    )
