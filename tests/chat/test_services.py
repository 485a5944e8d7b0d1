"""The chat services: rooms, membership, messages, the room's event log."""

from __future__ import annotations

import pytest
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from chat import services
from chat.models import Membership, Message, RoomEvent, unread_counts

pytestmark = pytest.mark.django_db


def me(user):
    return Actor.for_user(user, "api")


def test_a_room_its_members_and_their_messages(operator, viewer, admin):
    room = services.create_room(me(operator), name="ops", topic="the fleet")
    assert Membership.objects.get(room=room, user=operator).role == "owner"
    services.join_room(me(viewer), room)
    message = services.post_message(me(viewer), room, f"hello @{operator.username.upper()} and @nobody")
    assert [user.username for user in message.mentions.all()] == [operator.username]
    assert unread_counts(operator, room.__class__.objects.filter(pk=room.pk)) == {room.pk: 1}
    services.mark_read(me(operator), room, None)
    assert unread_counts(operator, room.__class__.objects.filter(pk=room.pk)) == {}
    reply = services.post_message(me(operator), room, "hi", thread_id=message.pk)
    assert reply.thread_id == message.pk
    message.refresh_from_db()
    assert message.reply_count == 1
    ids = list(RoomEvent.objects.filter(room=room).values_list("event_id", flat=True))
    assert ids == list(range(1, len(ids) + 1))


def test_a_private_room_is_not_found_by_outsiders(operator, viewer, admin):
    room = services.create_room(me(operator), name="secret", private=True)
    with pytest.raises(NotFound):
        services.visible_room(me(viewer), room.pk)
    with pytest.raises(NotFound):
        services.join_room(me(viewer), room)
    assert services.visible_room(me(admin), room.pk) == room
    services.add_member(me(operator), room, viewer.pk)
    assert services.visible_room(me(viewer), room.pk) == room


def test_the_room_lookup_learns_membership_in_its_one_statement(operator, viewer, django_assert_num_queries):
    room = services.create_room(me(operator), name="ops")
    with django_assert_num_queries(1):
        found = services.visible_room(me(viewer), room.pk)
        assert (found, found.is_member(viewer)) == (room, False)  # asked of the same statement
    services.join_room(me(viewer), room)
    with django_assert_num_queries(1):
        found = services.visible_room(me(viewer), room.pk)
        assert found.is_member(viewer) and found.name == "ops" and found.owner_id == operator.pk
    # Ids no database column holds are no room, not an error of the database.
    for room_id in (0, -1, 2**63, 10**30):
        with pytest.raises(NotFound):
            services.visible_room(me(viewer), room_id)


def test_edits_keep_history_and_deletes_leave_a_tombstone(operator, viewer):
    room = services.create_room(me(operator), name="ops")
    message = services.post_message(me(operator), room, "frist")
    with pytest.raises(PermissionDenied):
        services.edit_message(me(viewer), message, "nope")
    services.edit_message(me(operator), message, "first")
    assert list(message.edits.values_list("content", flat=True)) == ["frist"]
    services.delete_message(me(operator), message)
    message.refresh_from_db()
    assert message.deleted_at is not None and Message.objects.filter(pk=message.pk).exists()
    with pytest.raises(ValidationError):
        services.post_message(me(operator), room, "   ")


def test_a_message_queues_the_message_created_webhook(operator, admin):
    import json

    from webhooks.models import Delivery, Webhook

    Webhook.objects.create(url="http://127.0.0.1:9/hook", events=["message.created"], secret="s" * 32)
    room = services.create_room(me(operator), name="ops")
    message = services.post_message(me(operator), room, "**deploy** done")
    body = json.loads(Delivery.objects.get(event="message.created").body)
    assert body["data"]["id"] == message.pk
    assert body["data"]["content_html"] == "<p><strong>deploy</strong> done</p>\n"


def test_markdown_keeps_no_raw_html_and_no_unsafe_links():
    from chat.markdown import render

    html = render(
        "<script>alert(1)</script> [x](javascript:alert(1)) [y](https://example.com) ![i](https://t.example/p.gif)"
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert '<a href="https://example.com">y</a>' in html
    assert "<img" not in html


def test_the_rendered_html_is_kept_with_the_content(operator):
    room = services.create_room(me(operator), name="ops")
    message = services.post_message(me(operator), room, "*one*")
    assert Message.objects.get(pk=message.pk).content_html == "<p><em>one</em></p>\n"
    services.edit_message(me(operator), message, "**two**")
    assert Message.objects.get(pk=message.pk).content_html == "<p><strong>two</strong></p>\n"
    bot = services.post_bot_message(room, "`three`")
    services.update_bot_message(bot, content="`four`")
    assert Message.objects.get(pk=bot.pk).content_html == "<p><code>four</code></p>\n"


def test_an_event_takes_the_rooms_next_id_in_one_statement_on_postgresql(operator):
    """Every message posted records an event: on PostgreSQL the room's next id and the stored
    event are one statement (a data-modifying ``WITH``); SQLite has no such ``WITH``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from chat.services.log import record_event

    room = services.create_room(me(operator), name="log")
    before = room.__class__.objects.get(pk=room.pk).last_event_id
    started = timezone.now()
    with CaptureQueriesContext(connection) as queries:
        event = record_event(room.pk, "message.created", {"id": 7, "content": "x"})
    assert event["event_id"] == before + 1
    stored = RoomEvent.objects.get(room=room, event_id=event["event_id"])
    assert (stored.type, stored.payload) == ("message.created", {"id": 7, "content": "x"})
    assert stored.created_at >= started
    assert room.__class__.objects.get(pk=room.pk).last_event_id == before + 1
    assert len(queries) == (1 if connection.vendor == "postgresql" else 2)


def test_a_line_in_the_main_flow_is_one_write_statement_on_postgresql(operator, django_capture_on_commit_callbacks):
    """A message in the main flow that mentions nobody, with no webhook listening: on
    PostgreSQL its row and its event are one statement (a data-modifying ``WITH``), after the
    webhook subscription read; no savepoint, no separate event statement. The stored event
    and the broadcast carry the message's new id; the broadcast waits for the commit."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    room = services.create_room(me(operator), name="flow")
    before = room.__class__.objects.get(pk=room.pk).last_event_id
    with django_capture_on_commit_callbacks() as callbacks, CaptureQueriesContext(connection) as queries:
        message = services.post_message(me(operator), room, "*hello*")
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    if connection.vendor == "postgresql":
        # No savepoint, no separate insert or event: one write (the reads: membership, webhooks).
        assert len(writes) == 1 and writes[0].startswith("WITH m AS (INSERT INTO"), [w[:60] for w in writes]
    stored = Message.objects.get(pk=message.pk)
    assert (stored.room_id, stored.author_id, stored.content) == (room.pk, operator.pk, "*hello*")
    assert stored.content_html == "<p><em>hello</em></p>\n"
    assert stored.created_at == message.created_at
    event = RoomEvent.objects.get(room=room, event_id=before + 1)
    assert event.type == "message.created"
    assert event.payload["id"] == message.pk
    assert event.payload == message.__dict__["_representation"]
    if connection.vendor == "postgresql":
        assert event.created_at == message.created_at  # one clock read for the row and its event
    assert room.__class__.objects.get(pk=room.pk).last_event_id == before + 1
    assert len(callbacks) == 1  # the broadcast, after commit


def test_a_thread_reply_a_mention_or_a_webhook_keep_the_transaction(operator, viewer, admin):
    """What the one statement does not cover still posts whole: the reply updates its root,
    a mention is stored, a webhook gets its delivery with the message's id."""
    import json

    from webhooks.models import Delivery, Webhook

    room = services.create_room(me(operator), name="paths")
    services.join_room(me(viewer), room)
    root = services.post_message(me(operator), room, "root")
    reply = services.post_message(me(viewer), room, "reply", thread_id=root.pk)
    assert Message.objects.get(pk=root.pk).reply_count == 1 and reply.thread_id == root.pk
    mention = services.post_message(me(operator), room, f"hi @{viewer.username}")
    assert list(Message.objects.get(pk=mention.pk).mentions.all()) == [viewer]
    Webhook.objects.create(url="http://127.0.0.1:9/hook", events=["message.created"], secret="s" * 32)
    hooked = services.post_message(me(operator), room, "hooked")
    assert json.loads(Delivery.objects.get(event="message.created").body)["data"]["id"] == hooked.pk
    ids = list(RoomEvent.objects.filter(room=room, type="message.created").values_list("payload__id", flat=True))
    assert {root.pk, reply.pk, mention.pk, hooked.pk} <= set(ids)


def test_the_room_lookup_says_whether_the_caller_is_a_member(operator, viewer):
    room = services.create_room(me(operator), name="members")
    assert services.visible_room(me(operator), room.pk).is_member(operator)
    assert not services.visible_room(me(viewer), room.pk).is_member(viewer)
    with pytest.raises(NotFound):
        services.visible_room(me(viewer), 2**63)  # past bigint: no such room, no database error
