"""Rooms, members and read markers over REST (``/api/v1/rooms``)."""

from __future__ import annotations

import pytest

from chat.models import Membership, Message, Room
from tests.chat.conftest import GUEST_ID
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed, everyone, key, strangers

pytestmark = pytest.mark.django_db


def no_new_room(outcome):
    assert not Room.objects.filter(name="new").exists()


def secret_unchanged(outcome):
    room = outcome.objects["secret"]
    room.refresh_from_db()
    assert (room.name, room.archived_at) == ("secret", None)


def lobby_unchanged(outcome):
    room = outcome.objects["lobby"]
    room.refresh_from_db()
    assert (room.topic, room.archived_at) == ("", None)


def guest_not_added(outcome):
    assert not Membership.objects.filter(user_id=GUEST_ID).exists()


def memberships_unchanged(outcome):
    assert Membership.objects.filter(room__name="secret").count() == 2


#: operator owns both rooms; viewer belongs to the private one; outsider to neither; admin
#: sees both without belonging to either.
ROLES = RoleMatrix(
    Route("POST", "/api/v1/rooms", body={"name": "new"}, expect=everyone(201), unchanged=no_new_room),
    Route(
        "POST", "/api/v1/rooms", body={"name": "new"}, expect={key("viewer", "chat:read"): (403, "insufficient_scope")}
    ),
    Route("GET", "/api/v1/rooms", expect={**everyone(200), "outsider": 200, key("viewer", "chat:read"): 200}),
    Route("GET", "/api/v1/rooms/all", expect={**allowed("admin"), "outsider": (403, "permission_denied")}),
    Route("GET", "/api/v1/rooms/{secret.pk}", expect={**everyone(200), **strangers((404, "not_found"))}),
    Route("GET", "/api/v1/rooms/{lobby.pk}", expect={**everyone(200), "outsider": 200}),
    Route("GET", "/api/v1/rooms/999999", expect={"viewer": (404, "not_found")}),
    Route(
        "PUT",
        "/api/v1/rooms/{secret.pk}",
        body={"name": "renamed"},
        expect={**allowed("admin", "operator"), **strangers((404, "not_found"))},
        unchanged=secret_unchanged,
    ),
    Route(
        "PATCH",
        "/api/v1/rooms/{lobby.pk}",
        body={"topic": "deploys"},
        expect={**allowed("admin", "operator"), "outsider": (403, "permission_denied")},
        unchanged=lobby_unchanged,
    ),
    Route(
        "DELETE",
        "/api/v1/rooms/{secret.pk}",
        expect={**allowed("admin", "operator"), **strangers((404, "not_found"))},
        unchanged=secret_unchanged,
    ),
    Route(
        "POST",
        "/api/v1/rooms/{secret.pk}/join",
        expect={**everyone(200), **strangers((404, "not_found"))},
        unchanged=memberships_unchanged,
    ),
    Route("POST", "/api/v1/rooms/{lobby.pk}/join", expect={**everyone(200), "outsider": 200}),
    Route(
        "POST",
        "/api/v1/rooms/{secret.pk}/members",
        body={"user_id": GUEST_ID},
        uses=("guest",),
        expect={**allowed("admin", "operator", ok=201), **strangers((404, "not_found"))},
        unchanged=guest_not_added,
    ),
    Route(
        "POST",
        "/api/v1/rooms/{lobby.pk}/members",
        body={"user_id": GUEST_ID},
        uses=("guest",),
        expect={**allowed("admin", "operator", ok=201), "outsider": (403, "permission_denied")},
        unchanged=guest_not_added,
    ),
    Route("GET", "/api/v1/rooms/{secret.pk}/members", expect={**everyone(200), **strangers((404, "not_found"))}),
    Route("GET", "/api/v1/rooms/{lobby.pk}/members", expect={**everyone(200), "outsider": 200}),
    Route(
        "POST",
        "/api/v1/rooms/{secret.pk}/leave",
        expect={**everyone(200), "admin": 400, **strangers((404, "not_found"))},
        unchanged=memberships_unchanged,
    ),
    Route(
        "POST",
        "/api/v1/rooms/{secret.pk}/read",
        body={},
        expect={**everyone(200), "admin": (403, "not_a_member"), **strangers((404, "not_found"))},
    ),
    Route(
        "POST",
        "/api/v1/rooms/{lobby.pk}/read",
        body={},
        expect={**allowed("operator", refused=(403, "not_a_member")), "outsider": (403, "not_a_member")},
    ),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_create_a_room_and_own_it(viewer_client, viewer):
    data = assert_ok(
        viewer_client.post("/api/v1/rooms", {"name": "night-shift", "topic": "pager", "private": True}, format="json"),
        201,
    )
    assert data["name"] == "night-shift" and data["private"] is True and data["archived"] is False
    assert data["owner"] == {"id": viewer.pk, "username": viewer.username, "bot": False}
    assert Membership.objects.get(room_id=data["id"], user=viewer).role == "owner"
    mine = assert_ok(viewer_client.get("/api/v1/rooms"))
    assert [room["name"] for room in mine] == ["night-shift"]


def test_a_taken_name_is_a_conflict(operator_client, lobby):
    assert_error(operator_client.post("/api/v1/rooms", {"name": "LOBBY"}, format="json"), 409, "conflict")
    other = assert_ok(operator_client.post("/api/v1/rooms", {"name": "other"}, format="json"), 201)
    assert_error(operator_client.put(f"/api/v1/rooms/{other['id']}", {"name": "Lobby"}, format="json"), 409)


@pytest.mark.parametrize(
    "body",
    [{}, {"name": ""}, {"name": "  "}, {"name": "x" * 101}, {"name": 5}, {"name": "a", "topic": "t" * 501},
     {"name": "a", "private": "yes"}, {"name": "a", "private": 1}],
)  # fmt: skip
def test_bad_room_input(operator_client, body):
    assert_error(operator_client.post("/api/v1/rooms", body, format="json"), 400, "validation_error")
    assert not Room.objects.exists()


def test_put_needs_the_name_patch_does_not(operator_client, lobby):
    assert_error(operator_client.put(f"/api/v1/rooms/{lobby.pk}", {"topic": "x"}, format="json"), 400)
    data = assert_ok(operator_client.patch(f"/api/v1/rooms/{lobby.pk}", {"topic": "deploys"}, format="json"))
    assert data["topic"] == "deploys" and data["name"] == "lobby"


def test_an_archived_room_leaves_the_list_and_takes_no_messages(operator_client, lobby):
    assert_ok(operator_client.delete(f"/api/v1/rooms/{lobby.pk}"))
    assert assert_ok(operator_client.get("/api/v1/rooms")) == []
    assert assert_ok(operator_client.get(f"/api/v1/rooms/{lobby.pk}"))["archived"] is True
    body = {"room_id": lobby.pk, "content": "anyone?"}
    assert_error(operator_client.post("/api/v1/messages", body, format="json"), 400)


def test_every_room_for_admins_with_filters(admin_client, secret, lobby, operator_client):
    assert_ok(operator_client.delete(f"/api/v1/rooms/{lobby.pk}"))
    names = [room["name"] for room in assert_ok(admin_client.get("/api/v1/rooms/all"))]
    assert names == ["lobby", "secret"]
    assert [r["name"] for r in assert_ok(admin_client.get("/api/v1/rooms/all", {"private": "true"}))] == ["secret"]
    assert [r["name"] for r in assert_ok(admin_client.get("/api/v1/rooms/all", {"archived": "false"}))] == ["secret"]
    assert [r["name"] for r in assert_ok(admin_client.get("/api/v1/rooms/all", {"archived": "true"}))] == ["lobby"]
    assert [r["name"] for r in assert_ok(admin_client.get("/api/v1/rooms/all", {"search": "CRE"}))] == ["secret"]
    assert_error(admin_client.get("/api/v1/rooms/all", {"private": "maybe"}), 400)


def test_join_add_leave_and_the_member_list(viewer_client, operator_client, viewer, operator, lobby, guest):
    assert_ok(viewer_client.post(f"/api/v1/rooms/{lobby.pk}/join"))
    added = assert_ok(
        viewer_client.post(f"/api/v1/rooms/{lobby.pk}/members", {"user_id": guest.pk}, format="json"), 201
    )
    assert added["user"] == {"id": guest.pk, "username": "gus", "bot": False} and added["role"] == "member"
    members = operator_client.get(f"/api/v1/rooms/{lobby.pk}/members").json()
    assert [m["user"]["username"] for m in members["data"]] == [operator.username, viewer.username, "gus"]
    assert members["pagination"]["total"] == 3
    assert_ok(viewer_client.post(f"/api/v1/rooms/{lobby.pk}/leave"))
    assert_error(viewer_client.post(f"/api/v1/rooms/{lobby.pk}/leave"), 400)
    lines = list(Message.objects.filter(room=lobby, message_type="system").values_list("content", flat=True))
    assert lines == [f"{viewer.username} joined", f"{viewer.username} added gus", f"{viewer.username} left"]


@pytest.mark.parametrize("user_id", [0, -1, "7", None, 999999, 1.5])
def test_adding_nobody_is_bad_input(operator_client, lobby, user_id):
    assert_error(operator_client.post(f"/api/v1/rooms/{lobby.pk}/members", {"user_id": user_id}, format="json"), 400)


def post(client, room, content, **extra):
    return assert_ok(
        client.post("/api/v1/messages", {"room_id": room.pk, "content": content, **extra}, format="json"), 201
    )


def my_room(client, room):
    return next(r for r in assert_ok(client.get("/api/v1/rooms")) if r["id"] == room.pk)


def test_unread_and_mention_counts_follow_the_read_marker(operator_client, viewer_client, secret, viewer):
    assert my_room(viewer_client, secret)["unread_count"] == 0
    post(operator_client, secret, "deploying")
    second = post(operator_client, secret, f"@{viewer.username} can you look?")
    reply = post(operator_client, secret, f"and @{viewer.username} here too", thread_id=second["id"])
    post(viewer_client, secret, "mine does not count")
    badge = my_room(viewer_client, secret)
    assert (badge["unread_count"], badge["mention_count"]) == (2, 2)
    assert badge["last_message"]["content"] == "mine does not count"
    assert badge["last_message"]["thread_id"] is None and reply["thread_id"] == second["id"]
    moved = assert_ok(
        viewer_client.post(f"/api/v1/rooms/{secret.pk}/read", {"message_id": second["id"] - 1}, format="json")
    )
    assert moved == {"room_id": secret.pk, "last_read_id": second["id"] - 1}
    badge = my_room(viewer_client, secret)
    assert (badge["unread_count"], badge["mention_count"]) == (1, 2)
    assert_ok(viewer_client.post(f"/api/v1/rooms/{secret.pk}/read", {}, format="json"))
    badge = my_room(viewer_client, secret)
    assert (badge["unread_count"], badge["mention_count"]) == (0, 0)
    # The marker never moves back.
    back = assert_ok(viewer_client.post(f"/api/v1/rooms/{secret.pk}/read", {"message_id": 1}, format="json"))
    assert back["last_read_id"] > second["id"]


def test_a_room_without_messages_has_no_last_message(operator_client, lobby):
    badge = my_room(operator_client, lobby)
    assert badge["last_message"] is None and badge["unread_count"] == 0


@pytest.mark.parametrize("message_id", [0, "1", True, 2**63])
def test_a_bad_read_marker_is_bad_input(operator_client, lobby, message_id):
    assert_error(operator_client.post(f"/api/v1/rooms/{lobby.pk}/read", {"message_id": message_id}, format="json"), 400)


def test_the_room_list_is_sorted_and_paged(operator_client, lobby, secret):
    body = operator_client.get("/api/v1/rooms", {"sort": "name", "order": "desc", "size": 1}).json()
    assert [r["name"] for r in body["data"]] == ["secret"]
    assert body["pagination"] == {"page": 1, "size": 1, "total": 2, "pages": 2, "has_next": True, "has_prev": False}
    assert_error(operator_client.get("/api/v1/rooms", {"size": 101}), 400)
    assert_error(operator_client.get("/api/v1/rooms", {"sort": "topic"}), 400)
