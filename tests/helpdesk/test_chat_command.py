"""``/ticket <title>`` in a chat room: a ticket linked to the thread, as the person who typed it."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from chat import services as chat
from helpdesk.models import Ticket
from tests.chat.commanding import answer, answers, room_with, type_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_ticket_in_a_thread_links_it_and_takes_the_thread_as_description(operator, viewer):
    room = room_with(operator, viewer)
    root = type_in(viewer, room, "The VPN drops every hour since Monday")
    chat.post_message(Actor.for_user(operator, "api"), room, "Same here from the office", thread_id=root.pk)
    command = chat.post_message(Actor.for_user(viewer, "api"), room, "/ticket VPN drops hourly", thread_id=root.pk)
    replies = answers(command)
    ticket = Ticket.objects.get()
    assert (ticket.title, ticket.source, ticket.created_by, ticket.chat_message) == (
        "VPN drops hourly", "chat", viewer, root,
    )  # fmt: skip
    assert "VPN drops every hour" in ticket.description and "Same here" in ticket.description
    assert ticket.auto_categorized is True
    assert f"Ticket #{ticket.pk} opened" in replies[0].content


def test_ticket_outside_a_thread_links_the_command_itself(viewer):
    room = room_with(viewer)
    reply = answer(viewer, room, "/ticket Printer on floor 2 jams")
    ticket = Ticket.objects.get()
    assert ticket.chat_message == reply.thread and ticket.description == ""


def test_ticket_without_a_title_answers_its_usage(viewer):
    room = room_with(viewer)
    reply = answers(type_in(viewer, room, "/ticket"))[0]
    assert "/ticket <title>" in reply.content and not Ticket.objects.exists()
