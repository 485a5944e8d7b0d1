"""``chatops.db.select_plain`` and ``insert_plain``: rows read and written by one plain statement,
as the ORM reads and writes them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import User
from chatops.db import insert_plain, lookup_where, select_plain

pytestmark = pytest.mark.django_db


def test_an_instance_is_what_the_orm_reads(viewer):
    User.objects.filter(pk=viewer.pk).update(last_login=timezone.now(), password_changed_at=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        (plain,) = select_plain(User, "t.id = %s", [viewer.pk])
    assert len(queries) == 1
    orm = User.objects.get(pk=viewer.pk)
    for field in User._meta.concrete_fields:
        assert getattr(plain, field.attname) == getattr(orm, field.attname), field.name
    # The backend's converters ran: on SQLite too the datetimes are aware, as the ORM's.
    assert plain.last_login is not None and timezone.is_aware(plain.last_login)
    assert plain._state.adding is False and plain._state.db == "default"
    assert plain == orm


def test_some_fields_and_extra_expressions(viewer, operator):
    rows = select_plain(
        User,
        "t.id IN (%s, %s) ORDER BY t.id",
        [viewer.pk, viewer.pk, operator.pk],
        fields=frozenset({"id", "username"}),
        extra={"is_viewer": "t.id = %s"},
    )
    assert [(row.username, bool(row.is_viewer)) for row in rows] == sorted(
        [(viewer.username, True), (operator.username, False)], key=lambda pair: User.objects.get(username=pair[0]).pk
    )
    assert rows[0].get_deferred_fields() >= {"email", "role"}  # the rest loads on first use, as with only()
    assert rows[0].email == User.objects.get(pk=rows[0].pk).email


def test_no_row_is_an_empty_list():
    assert select_plain(User, "t.id = %s", [0]) == []


def test_an_insert_writes_what_the_orm_would(operator):
    from chat import services
    from chat.models import Message

    room = services.create_room(Actor.for_user(operator, "api"), name="plain")
    with CaptureQueriesContext(connection) as queries:
        message = Message.objects.post(room=room, author=operator, content="**hi**")
    assert len(queries) == 1
    assert message.pk and not message._state.adding
    stored = Message.objects.get(pk=message.pk)
    assert stored.content_html == message.content_html and "<strong>hi</strong>" in stored.content_html
    assert stored.created_at == message.created_at and timezone.is_aware(stored.created_at)  # auto_now_add
    assert (stored.message_type, stored.reply_count, stored.data, stored.thread_id) == ("text", 0, {}, None)


def test_an_insert_that_conflicts_is_skipped(operator):
    from chat import services
    from chat.models import RoomEvent

    room = services.create_room(Actor.for_user(operator, "api"), name="conflicts")
    first = RoomEvent(room=room, event_id=999, type="x", payload={})
    assert insert_plain(first, skip_conflicts=True) is True
    again = RoomEvent(room=room, event_id=999, type="y", payload={})
    assert insert_plain(again, skip_conflicts=True) is False
    assert again.pk is None and again._state.adding
    assert list(RoomEvent.objects.filter(room=room, event_id=999).values_list("type", flat=True)) == ["x"]


def test_an_insert_refuses_expressions(operator):
    from django.db.models import F

    from chat import services
    from chat.models import RoomEvent

    room = services.create_room(Actor.for_user(operator, "api"), name="expressions")
    with pytest.raises(ValueError, match="not expressions"):
        insert_plain(RoomEvent(room=room, event_id=F("id"), type="x", payload={}))
    assert not RoomEvent.objects.filter(room=room, type="x").exists()


def test_a_lookup_by_field_and_by_instance_and_a_locked_read(operator):
    """``lookup_where`` compares columns, a relation by its instance's key; ``lock`` reads
    ``FOR UPDATE`` where the backend locks rows (SQLite: the same read, unlocked)."""
    from chat import services
    from chat.models import RoomEvent

    room = services.create_room(Actor.for_user(operator, "api"), name="lookups")
    insert_plain(RoomEvent(room=room, event_id=7, type="x", payload={}))
    where, params = lookup_where(RoomEvent, {"room": room, "event_id": 7})
    assert params == [room.pk, 7]
    assert lookup_where(RoomEvent, {"room": room.pk, "event_id": 7}) == (where, params)
    with CaptureQueriesContext(connection) as queries:
        (event,) = select_plain(RoomEvent, where, params, lock=True)
    assert (event.room_id, event.event_id, event.type) == (room.pk, 7, "x")
    assert queries[0]["sql"].endswith("FOR UPDATE") is connection.features.has_select_for_update
    assert select_plain(RoomEvent, *lookup_where(RoomEvent, {"room": room, "event_id": 8})) == []
    with pytest.raises(ValueError, match="compares a field"):
        lookup_where(RoomEvent, {"room": None})
