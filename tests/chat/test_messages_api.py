"""Messages over REST (``/api/v1/messages``): post, list (pages, cursors, filters, threads),
edit with history, delete to a tombstone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from chat.api.messages import COUNT_CAP
from chat.models import Message, MessageEdit
from tests.chat.conftest import LOBBY_ID, SECRET_ID
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone, key, strangers

pytestmark = pytest.mark.django_db


def nothing_posted(outcome):
    assert not Message.objects.filter(content="hi").exists()


def secret_msg_unchanged(outcome):
    message = outcome.objects["secret_msg"]
    message.refresh_from_db()
    assert (message.content, message.deleted_at) == ("the private plan", None)
    assert not MessageEdit.objects.exists()


def lobby_msg_unchanged(outcome):
    message = outcome.objects["lobby_msg"]
    message.refresh_from_db()
    assert message.deleted_at is None


#: operator owns both rooms; viewer belongs to the private one (and wrote ``secret_msg``);
#: outsider belongs to neither; admin sees both rooms without belonging to either.
ROLES = RoleMatrix(
    Route(
        "GET",
        "/api/v1/messages",
        body={"room_id": SECRET_ID},
        uses=("secret_msg",),
        expect={**everyone(200), **strangers((404, "not_found"))},
    ),
    Route(
        "GET",
        "/api/v1/messages",
        body={"room_id": LOBBY_ID},
        uses=("lobby_msg",),
        expect={**everyone(200), "outsider": 200},
    ),
    Route("GET", "/api/v1/messages", body={"room_id": 999999}, expect={"viewer": (404, "not_found")}),
    Route(
        "POST",
        "/api/v1/messages",
        body={"room_id": SECRET_ID, "content": "hi"},
        uses=("secret",),
        expect={
            **allowed("operator", "viewer", ok=201),
            "admin": (403, "not_a_member"),
            **strangers((404, "not_found")),
        },
        unchanged=nothing_posted,
    ),
    Route(
        "POST",
        "/api/v1/messages",
        body={"room_id": LOBBY_ID, "content": "hi"},
        uses=("lobby",),
        expect={**allowed("operator", ok=201, refused=(403, "not_a_member")), "outsider": (403, "not_a_member")},
        unchanged=nothing_posted,
    ),
    Route(
        "POST",
        "/api/v1/messages",
        body={"room_id": LOBBY_ID, "content": "hi"},
        uses=("lobby",),
        expect={key("operator", "chat:read"): (403, "insufficient_scope"), key("operator", "chat:write"): 201},
    ),
    Route("GET", "/api/v1/messages/{secret_msg.pk}", expect={**everyone(200), **strangers((404, "not_found"))}),
    Route("GET", "/api/v1/messages/{lobby_msg.pk}", expect={**everyone(200), "outsider": 200}),
    Route(
        "PUT",
        "/api/v1/messages/{secret_msg.pk}",
        body={"content": "the new plan"},
        expect={**allowed("viewer"), **strangers((404, "not_found"))},
        unchanged=secret_msg_unchanged,
    ),
    Route(
        "DELETE",
        "/api/v1/messages/{secret_msg.pk}",
        expect={**everyone(200), **strangers((404, "not_found"))},
        unchanged=secret_msg_unchanged,
    ),
    Route(
        "DELETE",
        "/api/v1/messages/{lobby_msg.pk}",
        expect={**allowed("admin", "operator"), "outsider": (403, "permission_denied")},
        unchanged=lobby_msg_unchanged,
    ),
    Route("GET", "/api/v1/messages/{secret_msg.pk}/edits", expect={**everyone(200), **strangers((404, "not_found"))}),
    Route("GET", "/api/v1/messages/{lobby_msg.pk}/edits", expect={**everyone(200), "outsider": 200}),
    Route("GET", "/api/v1/messages/999999/edits", expect={"viewer": (404, "not_found")}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def send(client, room, content, status=201, **extra):
    response = client.post("/api/v1/messages", {"room_id": room.pk, "content": content, **extra}, format="json")
    return assert_ok(response, status)


def listing(client, room, **params):
    body = client.get("/api/v1/messages", {"room_id": room.pk, **params}).json()
    assert "data" in body, body
    return body


def contents(client, room, **params):
    return [m["content"] for m in listing(client, room, **params)["data"]]


def test_a_message_comes_back_in_the_shared_shape(viewer_client, viewer, operator, secret):
    data = send(viewer_client, secret, f"**ship it** @{operator.username}")
    assert set(data) == {
        *("id", "room_id", "author", "message_type", "content", "content_html", "thread_id", "reply_count"),
        *("last_reply_at", "data", "mentions", "created_at", "edited", "edited_at", "deleted"),
    }
    assert data["author"] == {"id": viewer.pk, "username": viewer.username, "bot": False}
    assert data["content_html"] == f"<p><strong>ship it</strong> @{operator.username}</p>\n"
    assert (data["message_type"], data["mentions"], data["edited"], data["deleted"]) == (
        "text",
        [operator.username],
        False,
        False,
    )
    assert assert_ok(viewer_client.get(f"/api/v1/messages/{data['id']}")) == data


def test_posting_a_message_takes_few_queries(viewer_client, secret, django_assert_max_num_queries):
    """The hot path of a busy room (bench/chat): the caller, the rate-limit counter, the room
    with the caller's membership in one query, the message, the room's event id and its event,
    the webhooks subscribed, and the transaction. The reply reuses the posted representation."""
    send(viewer_client, secret, "warm up")
    with django_assert_max_num_queries(10):
        data = send(viewer_client, secret, "one more")
    assert data["content"] == "one more"


def test_markdown_is_rendered_safely(viewer_client, secret):
    data = send(viewer_client, secret, "<script>alert(1)</script> [x](javascript:alert(2)) ![i](http://t/p.png)")
    assert data["content_html"] == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(2)) "  # escaped; no javascript: link
        '!<a href="http://t/p.png">i</a></p>\n'  # an image is a link, not an <img>
    )
    assert data["content"].startswith("<script>")  # kept as written; only the HTML is made safe


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"content": "x" * 10_001}, "content"),
        ({"content": ""}, "content"),
        ({"content": " \n\t "}, "content"),
        ({"content": 5}, "content"),
        ({"content": ["hi"]}, "content"),
        ({"content": "hi", "message_type": "alert"}, "message_type"),
        ({"content": "hi", "message_type": "command_result"}, "message_type"),
        ({"content": "hi", "message_type": "shout"}, "message_type"),
        ({"content": "not a command", "message_type": "command"}, "content"),
        ({"content": "hi", "thread_id": 0}, "thread_id"),
        ({"content": "hi", "thread_id": "1"}, "thread_id"),
        ({"content": "hi", "room_id": "7001"}, "room_id"),
        ({"content": "hi", "room_id": None}, "room_id"),
    ],
)
def test_bad_message_input(viewer_client, secret, body, field):
    response = viewer_client.post("/api/v1/messages", {"room_id": secret.pk, **body}, format="json")
    error = assert_error(response, 400, "validation_error")
    assert field in {e["field"] for e in error["errors"]}, error
    assert not Message.objects.exists()


def test_the_bots_types_are_refused_by_name(viewer_client, secret):
    response = viewer_client.post(
        "/api/v1/messages", {"room_id": secret.pk, "content": "hi", "message_type": "approval"}, format="json"
    )
    assert "posted by the hub" in assert_error(response, 400)["errors"][0]["message"]


def test_the_longest_message_is_taken(viewer_client, secret):
    assert len(send(viewer_client, secret, "y" * 10_000)["content"]) == 10_000


def test_a_thread_in_another_room_is_bad_input(operator_client, secret, lobby, lobby_msg):
    error = assert_error(
        operator_client.post(
            "/api/v1/messages", {"room_id": secret.pk, "content": "hi", "thread_id": lobby_msg.pk}, format="json"
        ),
        400,
    )
    assert error["errors"][0]["field"] == "thread_id"


def test_threads_and_the_main_flow(operator_client, viewer_client, secret):
    root = send(operator_client, secret, "deploy 42?")
    reply = send(viewer_client, secret, "looks good", thread_id=root["id"])
    reply_to_reply = send(operator_client, secret, "merging", thread_id=reply["id"])
    assert reply_to_reply["thread_id"] == root["id"]  # a reply to a reply joins the thread
    send(operator_client, secret, "next topic")
    assert contents(viewer_client, secret) == ["next topic", "deploy 42?"]
    assert contents(viewer_client, secret, thread_id=root["id"], order="asc") == ["looks good", "merging"]
    main = listing(viewer_client, secret)["data"]
    assert main[1]["reply_count"] == 2 and main[1]["last_reply_at"] is not None
    # A thread of another room matches nothing here.
    assert contents(viewer_client, secret, thread_id=999999) == []


def test_pages_and_cursors(operator_client, secret):
    ids = [send(operator_client, secret, f"m{i}")["id"] for i in range(7)]
    body = listing(operator_client, secret, size=3)
    assert [m["content"] for m in body["data"]] == ["m6", "m5", "m4"]
    assert body["pagination"] == {
        "page": 1, "size": 3, "total": 7, "pages": 3, "has_next": True, "has_prev": False, "total_exact": True,
    }  # fmt: skip
    assert contents(operator_client, secret, size=3, page=3) == ["m0"]
    assert contents(operator_client, secret, size=3, page=4) == []
    # Infinite scroll: before the oldest shown, page 1 each time.
    assert contents(operator_client, secret, size=3, before=ids[4]) == ["m3", "m2", "m1"]
    assert contents(operator_client, secret, size=3, before=ids[1]) == ["m0"]
    # Catching up: after the newest seen, oldest first.
    assert contents(operator_client, secret, after=ids[4], sort="id", order="asc") == ["m5", "m6"]
    # Both cursors: the messages between; page applies after them.
    assert contents(operator_client, secret, after=ids[1], before=ids[5], size=2, page=2) == ["m2"]
    assert listing(operator_client, secret, before=ids[5], after=ids[1])["pagination"]["total"] == 3
    assert contents(operator_client, secret, sort="created_at", order="asc", size=2) == ["m0", "m1"]


@pytest.mark.parametrize(
    "params",
    [
        {"before": "abc"}, {"before": 0}, {"after": -1}, {"after": "1.5"}, {"before": 2**63}, {"before": ""},
        {"thread_id": "x"}, {"room_id": "x"}, {"sort": "content"}, {"order": "up"}, {"size": 0}, {"size": 101},
        {"page": 0}, {"message_type": "shout"}, {"start_date": "yesterday"}, {"end_date": "0999-01-01T00:00:00Z"},
        {"search": "s" * 201},
    ],
)  # fmt: skip
def test_bad_list_parameters(viewer_client, secret, params):
    assert_error(viewer_client.get("/api/v1/messages", {"room_id": secret.pk, **params}), 400, "validation_error")


def test_the_room_is_required(viewer_client, secret):
    error = assert_error(viewer_client.get("/api/v1/messages"), 400)
    assert error["errors"][0]["field"] == "room_id"
    assert_error(viewer_client.get("/api/v1/messages", {"room_id": [secret.pk, secret.pk]}), 400)


def test_filters(operator_client, secret):
    send(operator_client, secret, "Disk FULL on web-1")
    send(operator_client, secret, "/help")
    gone = send(operator_client, secret, "disk full again")
    assert_ok(operator_client.delete(f"/api/v1/messages/{gone['id']}"))
    assert contents(operator_client, secret, search="disk full") == ["Disk FULL on web-1"]
    assert contents(operator_client, secret, search="100%_") == []
    assert contents(operator_client, secret, message_type="command") == ["/help"]
    Message.objects.filter(content="/help").update(created_at=timezone.now() - timedelta(days=2))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert "/help" not in contents(operator_client, secret, start_date=since)
    assert contents(operator_client, secret, end_date=since) == ["/help"]


def test_the_count_stops_at_the_cap(operator_client, secret, operator):
    Message.objects.bulk_create(Message(room=secret, author=operator, content=f"n{i}") for i in range(COUNT_CAP + 5))
    page = listing(operator_client, secret, size=100)["pagination"]
    assert (page["total"], page["total_exact"], page["has_next"]) == (COUNT_CAP + 1, False, True)
    last = listing(operator_client, secret, size=100, page=11)
    assert [m["content"] for m in last["data"]] == ["n4", "n3", "n2", "n1", "n0"]
    assert (last["pagination"]["total"], last["pagination"]["total_exact"]) == (COUNT_CAP + 5, True)


def test_edit_keeps_the_history(viewer_client, operator_client, secret):
    message = send(viewer_client, secret, "first")
    edited = assert_ok(viewer_client.put(f"/api/v1/messages/{message['id']}", {"content": "second"}, format="json"))
    assert (edited["content"], edited["edited"]) == ("second", True) and edited["edited_at"]
    assert_ok(viewer_client.put(f"/api/v1/messages/{message['id']}", {"content": "third"}, format="json"))
    history = assert_ok(operator_client.get(f"/api/v1/messages/{message['id']}/edits"))
    assert [edit["content"] for edit in history] == ["first", "second"]
    assert_error(viewer_client.put(f"/api/v1/messages/{message['id']}", {"content": ""}, format="json"), 400)
    assert_error(viewer_client.put(f"/api/v1/messages/{message['id']}", {"content": "z" * 10_001}, format="json"), 400)
    assert_error(viewer_client.put(f"/api/v1/messages/{message['id']}", {}, format="json"), 400)


def test_only_text_is_edited(operator_client, secret):
    # The command is not run: the test's transaction never commits.
    command = send(operator_client, secret, "/help")
    assert command["message_type"] == "command"
    assert_error(operator_client.put(f"/api/v1/messages/{command['id']}", {"content": "/status"}, format="json"), 400)


def test_delete_leaves_a_tombstone(viewer_client, operator_client, secret):
    message = send(viewer_client, secret, "oops, a secret")
    assert_ok(viewer_client.put(f"/api/v1/messages/{message['id']}", {"content": "oops"}, format="json"))
    assert_ok(operator_client.delete(f"/api/v1/messages/{message['id']}"))  # the room's owner
    tombstone = assert_ok(viewer_client.get(f"/api/v1/messages/{message['id']}"))
    assert (tombstone["deleted"], tombstone["content"], tombstone["content_html"]) == (True, "", "")
    assert listing(viewer_client, secret)["data"][0]["deleted"] is True  # still in its place
    assert assert_ok(viewer_client.get(f"/api/v1/messages/{message['id']}/edits")) == []
    assert_error(viewer_client.put(f"/api/v1/messages/{message['id']}", {"content": "back"}, format="json"), 400)
    assert_ok(viewer_client.delete(f"/api/v1/messages/{message['id']}"))  # deleting twice is no error


def test_search_is_served_by_the_trigram_index_on_postgresql():
    """Django's icontains is the expression the index was built on (UPPER(content)), so the
    planner can use it. (Asking the planner on the test's near-empty table gives whatever its
    statistics of the moment say; the benchmark shows the plan on a million rows.)"""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the trigram index is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'chat_msg_content_trgm'")
        (definition,) = cursor.fetchone()
    assert "USING gin (upper(content) gin_trgm_ops)" in definition, definition
    sql, _ = Message.objects.filter(content__icontains="disk full").query.sql_with_params()
    assert 'UPPER("chat_message"."content"::text) LIKE UPPER(' in sql, sql
