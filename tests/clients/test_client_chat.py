"""A client added to a chat room posts there as a bot: its messages say so, wherever a message
is shown (REST, the room's event log, the message.created webhook)."""

from __future__ import annotations

import json

import pytest

from chat.models import RoomEvent
from tests.helpers import assert_error, assert_ok
from webhooks.models import Delivery, Webhook

pytestmark = pytest.mark.django_db


@pytest.fixture
def deploys(admin_client, viewer):
    """A private room of the admin's, with the viewer in it."""
    room = assert_ok(admin_client.post("/api/v1/rooms", {"name": "deploys", "private": True}, format="json"), 201)
    assert_ok(admin_client.post(f"/api/v1/rooms/{room['id']}/members", {"user_id": viewer.pk}, format="json"), 201)
    return room


@pytest.fixture
def ci_in_deploys(admin_client, deploys, ci):
    added = admin_client.post(f"/api/v1/rooms/{deploys['id']}/members", {"user_id": ci.user_id}, format="json")
    return assert_ok(added, 201)


def texts(messages: list[dict]) -> list[dict]:
    """Without the room's system lines ("ada added vera"), which the hub posts."""
    return [m for m in messages if m["message_type"] == "text"]


def post(api, room, content: str):
    return api.post("/api/v1/messages", {"room_id": room["id"], "content": content}, format="json")


def test_an_admin_adds_a_clients_bot_to_a_room_by_its_bot_user_id(ci_in_deploys, ci):
    assert ci_in_deploys["user"] == {"id": ci.user_id, "username": "ci-deploy", "bot": True}


def test_a_member_client_posts_as_a_bot(ci_in_deploys, deploys, ci, ci_api, viewer_client, viewer):
    data = assert_ok(post(ci_api, deploys, "Deployed **v1.2.3** to production"), 201)
    assert data["author"] == {"id": ci.user_id, "username": "ci-deploy", "bot": True}
    assert data["content_html"].startswith("<p>Deployed <strong>v1.2.3</strong>")
    assert_ok(post(viewer_client, deploys, "thanks"), 201)
    shown = texts(assert_ok(viewer_client.get("/api/v1/messages", {"room_id": deploys["id"]})))
    assert [(m["author"]["username"], m["author"]["bot"]) for m in shown] == [("vera", False), ("ci-deploy", True)]
    assert assert_ok(viewer_client.get(f"/api/v1/messages/{data['id']}"))["author"]["bot"] is True
    # The room's log (what sockets replay) says so too.
    created = RoomEvent.objects.filter(room_id=deploys["id"], type="message.created").order_by("id")
    assert [e.payload["author"]["bot"] for e in created if e.payload["message_type"] == "text"] == [True, False]


def test_the_message_created_webhook_says_it_is_a_bot(ci_in_deploys, deploys, ci_api):
    Webhook.objects.create(url="http://127.0.0.1:9/hook", events=["message.created"], secret="s" * 32)
    assert_ok(post(ci_api, deploys, "done"), 201)
    body = json.loads(Delivery.objects.get(event="message.created").body)
    assert body["data"]["author"] == {"id": body["data"]["author"]["id"], "username": "ci-deploy", "bot": True}


def test_the_members_list_and_the_rooms_owner_say_who_is_a_bot(ci_in_deploys, deploys, ci_api, admin_client):
    members = assert_ok(admin_client.get(f"/api/v1/rooms/{deploys['id']}/members"))
    assert [(m["user"]["username"], m["user"]["bot"]) for m in members] == [
        ("ada", False),
        ("vera", False),
        ("ci-deploy", True),
    ]
    own = assert_ok(ci_api.post("/api/v1/rooms", {"name": "ci-notes"}, format="json"), 201)
    assert own["owner"]["bot"] is True


def test_a_client_that_is_not_a_member_cannot_post(deploys, ci_api, admin_client):
    assert_error(post(ci_api, deploys, "let me in"), 404, "not_found")  # private: not even seen
    lobby = assert_ok(admin_client.post("/api/v1/rooms", {"name": "lobby"}, format="json"), 201)
    assert_error(post(ci_api, lobby, "hello"), 403, "not_a_member")


def test_posting_as_a_client_takes_few_queries(ci_in_deploys, deploys, ci_api, django_assert_max_num_queries):
    """The same budget as a person's post (tests/chat/test_messages_api.py), plus the client's
    rate-limit bucket: the bot's brief costs no query."""
    assert_ok(post(ci_api, deploys, "warm up"), 201)
    with django_assert_max_num_queries(11):
        assert_ok(post(ci_api, deploys, "one more"), 201)


def test_a_revoked_clients_messages_still_show_it_as_a_bot(ci_in_deploys, deploys, ci, ci_api, admin_client):
    assert_ok(post(ci_api, deploys, "last deploy"), 201)
    assert_ok(admin_client.delete(f"/api/v1/clients/{ci.pk}"))
    assert_error(post(ci_api, deploys, "still here?"), 401, "invalid_client_key")
    [message] = texts(assert_ok(admin_client.get("/api/v1/messages", {"room_id": deploys["id"]})))
    assert message["author"] == {"id": ci.user_id, "username": "ci-deploy", "bot": True}
