"""``/ask <question>`` typed in a chat room: the answer in the thread, or the hand-over. The
command runs on the hub's command threads, so these tests commit (transaction=True), and the
starter FAQs (a data migration, flushed by such tests) are loaded here."""

from __future__ import annotations

import pytest

from chat.commandline import parse
from chatbot import starter
from chatbot.models import FAQ, ChatLog
from helpdesk.models import Ticket
from tests.chat.commanding import answer, room_with

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def faqs(db):
    starter.load(FAQ)


def test_ask_answers_in_the_thread(viewer):
    room = room_with(viewer)
    reply = answer(viewer, room, "/ask what's the way to reset my password?")
    assert FAQ.objects.get(question="How do I reset my password?").answer in reply.content
    log = ChatLog.objects.get()
    assert (log.via, log.was_escalated, log.user) == ("chat", False, viewer)
    assert log.session_id == f"room{room.pk}-user{viewer.pk}"


def test_ask_hands_over_what_it_does_not_know(viewer):
    room = room_with(viewer)
    reply = answer(viewer, room, "/ask who painted the ceiling of the sistine chapel")
    ticket = Ticket.objects.get()
    assert f"#{ticket.pk}" in reply.content
    assert (ticket.source, ticket.created_by) == ("chatbot", viewer)


def test_ask_without_a_question_shows_the_usage(viewer):
    reply = answer(viewer, room_with(viewer), "/ask   ")
    assert "Usage: `/ask <question>`" in reply.content
    assert not ChatLog.objects.exists()


def test_free_text_is_one_argument_and_other_commands_still_split():
    assert parse('/ask what\'s up? "quoted"').arguments == ['what\'s up? "quoted"']
    assert parse("/run web-1 'df -h'").arguments == ["web-1", "df -h"]
