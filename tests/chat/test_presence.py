"""Presence: a user's state from their sockets' entries, in the store this hub uses (Redis when
REDIS_URL is set, else this process's memory)."""

from __future__ import annotations

import time
import uuid

import pytest

from chat import presence as presence_module
from chat.presence import MemoryStore, RedisStore, state_of


def test_online_wins_then_away_and_entries_past_their_deadline_do_not_count():
    now = time.time()
    assert state_of({}, now) == "offline"
    assert state_of({"a": f"away {now + 10}", "b": f"online {now + 10}"}, now) == "online"
    assert state_of({"a": f"away {now + 10}", "b": f"online {now - 1}"}, now) == "away"
    assert state_of({"a": f"online {now - 1}", "b": "garbage"}, now) == "offline"


def stores(settings) -> list[MemoryStore | RedisStore]:
    found: list[MemoryStore | RedisStore] = [MemoryStore()]
    if settings.REDIS_URL:
        found.append(RedisStore(settings.REDIS_URL, f"test-presence-{uuid.uuid4().hex[:8]}"))
    return found


async def test_a_change_answers_the_users_state_before_and_after(settings):
    for store in stores(settings):
        assert await store.change(7, "phone", "online") == ("offline", "online")
        assert await store.change(7, "laptop", "away") == ("online", "online")
        assert await store.change(7, "phone", None) == ("online", "away")
        assert await store.states([7, 8]) == {7: "away", 8: "offline"}
        assert await store.change(7, "laptop", None) == ("away", "offline")


@pytest.mark.skipif(not presence_module.settings.REDIS_URL, reason="the Redis store needs REDIS_URL")
async def test_a_dead_processs_socket_stops_counting_and_is_swept(settings):
    store = RedisStore(settings.REDIS_URL, f"test-presence-{uuid.uuid4().hex[:8]}")
    await store.redis.hset(store.key(9), "dead", f"online {time.time() - 1:.0f}")
    assert await store.states([9]) == {9: "offline"}
    assert await store.change(9, "live", "away") == ("offline", "away")
    assert set(await store.redis.hkeys(store.key(9))) == {b"live"}
    await store.change(9, "live", None)
    assert not await store.redis.exists(store.key(9))


async def test_a_thousand_sockets_closing_at_once_all_record_their_presence(settings):
    """A hub restart closes every socket together: more changes at once than the Redis pool
    has connections must wait for one, not fail ("too many connections")."""
    import asyncio

    for store in stores(settings):
        sockets = [(user, f"socket-{user}") for user in range(1, 301)]
        await asyncio.gather(*(store.change(user, socket, "online") for user, socket in sockets))
        answers = await asyncio.gather(*(store.change(user, socket, None) for user, socket in sockets))
        assert set(answers) == {("online", "offline")}
