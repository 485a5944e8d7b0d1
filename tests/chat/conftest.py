"""Chat fixtures: a public room and a private one, with fixed ids so role tables can name them
in bodies and query strings.

``operator`` owns both; ``viewer`` belongs to the private one; ``outsider`` to neither;
``admin`` sees both without belonging to either.
"""

from __future__ import annotations

import pytest

from chat.choices import MemberRole
from chat.models import Membership, Message, Room

SECRET_ID = 7001
LOBBY_ID = 7002
GUEST_ID = 4242


def _room(pk: int, name: str, owner, *, private: bool) -> Room:
    room = Room.objects.create(pk=pk, name=name, private=private, owner=owner)
    Membership.objects.create(room=room, user=owner, role=MemberRole.OWNER)
    return room


@pytest.fixture
def secret(operator, viewer) -> Room:
    room = _room(SECRET_ID, "secret", operator, private=True)
    Membership.objects.create(room=room, user=viewer)
    return room


@pytest.fixture
def lobby(operator) -> Room:
    return _room(LOBBY_ID, "lobby", operator, private=False)


@pytest.fixture
def secret_msg(secret, viewer) -> Message:
    return Message.objects.create(room=secret, author=viewer, content="the private plan")


@pytest.fixture
def lobby_msg(lobby, operator) -> Message:
    return Message.objects.create(room=lobby, author=operator, content="hello lobby")


@pytest.fixture
def guest(db):
    """A user with a known id, for bodies that name someone to add."""
    from tests.factories import UserFactory

    return UserFactory.create(pk=GUEST_ID, username="gus")
