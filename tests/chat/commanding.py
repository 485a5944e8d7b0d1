"""Helpers for the slash command tests: a room, a command typed in it, its answers."""

from __future__ import annotations

from typing import Any

from accounts.actor import Actor
from chat import commands, services
from chat.models import Message, Room

IP = "10.1.2.3"


def room_with(*users: Any, name: str = "ops") -> Room:
    owner, *others = users
    room = services.create_room(Actor.for_user(owner, "api"), name=name)
    for user in others:
        services.join_room(Actor.for_user(user, "api"), room)
    return room


def type_in(user: Any, room: Room, content: str) -> Message:
    """``user`` posts ``content`` as the REST route would (via api, from IP)."""
    return services.post_message(Actor.for_user(user, "api", ip=IP), room, content)


def answers(command: Message, timeout: float = 30) -> list[Message]:
    """The bot's messages in the thread under ``command``, once every command has ended."""
    assert commands.wait_idle(timeout), "the command did not end in time"
    return list(Message.objects.filter(thread=command, author=None).order_by("id"))


def answer(user: Any, room: Room, content: str) -> Message:
    """Type a command; its one answer."""
    found = answers(type_in(user, room, content))
    assert len(found) == 1, [m.content for m in found]
    assert found[0].message_type == "command_result"
    return found[0]
