"""Adding an app, once, as docs/architecture.md tells it: a throwaway app that registers a job,
a webhook event, an API-key scope with its route, a socket route and a chat command, and is
served by the worker, the webhooks app, the REST API, the ASGI application and the chat command
registry without a line changed in any other app or in ``chatops/``.

The app is written into ``tmp_path`` and run in a fresh interpreter whose settings are the
test settings plus ``INSTALLED_APPS += ["pinboard"]``: the registries and the app registry of
this test process never see it, and the repository's files stay as they were (checked).
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path
from typing import Any

from tests.helpers import PROJECT_ROOT, run_python

# The whole app, file by file: nothing else is written anywhere.
PINBOARD: dict[str, str] = {
    "__init__.py": "",
    "apps.py": """
        from django.apps import AppConfig


        class PinboardConfig(AppConfig):
            name = "pinboard"

            def ready(self) -> None:
                from accounts.choices import Role
                from chatops import registry
                from pinboard.commands import PIN
                from pinboard.events import PinAddedEvent
                from pinboard.jobs import JOBS

                registry.register_jobs(*JOBS)
                registry.register_webhook_events(registry.WebhookEvent("pin.added", "Pin added", PinAddedEvent))
                registry.register_scope_resources(registry.ScopeResource("pins", read=Role.VIEWER, write=Role.OPERATOR))
                registry.register_api_routes({"pinboard-api:pin-list": "pins"})
                registry.register_chat_command(PIN)
                registry.register_audit_actions("pin.added")
    """,
    "events.py": """
        from typing import Literal, TypedDict


        def board_group(board: str) -> str:
            return f"pinboard.{board}"


        class PinAddedEvent(TypedDict):
            type: Literal["pin.added"]
            board: str
            text: str
            by: str
    """,
    # No model, so no migration: the pins live in the process (enough for a throwaway app).
    "services.py": """
        from django.db import transaction
        from rest_framework.exceptions import PermissionDenied

        from accounts.actor import Actor
        from accounts.choices import Role
        from accounts.services import record_audit
        from chatops.realtime import publish_after_commit
        from pinboard.events import PinAddedEvent, board_group
        from webhooks.services import enqueue

        PINS: dict[str, list[str]] = {}


        def add_pin(actor: Actor, board: str, text: str) -> PinAddedEvent:
            if not actor.has_role(Role.OPERATOR):
                raise PermissionDenied("Only operators and admins may pin.")
            event: PinAddedEvent = {"type": "pin.added", "board": board, "text": text, "by": actor.name}
            with transaction.atomic():
                PINS.setdefault(board, []).append(text)
                enqueue("pin.added", dict(event))
                record_audit("pin.added", actor=actor, target_type="pinboard.board", target_id=board)
                publish_after_commit([(board_group(board), event)])
            return event
    """,
    "commands.py": """
        from typing import Any

        from chatops.registry import ChatCommand, ChatReply
        from pinboard.services import add_pin


        def pin(actor: Any, arguments: list[str]) -> ChatReply:
            board, *words = arguments
            add_pin(actor, board, " ".join(words))  # a refusal it raises is the chat's answer
            return ChatReply(f"Pinned to {board}.")


        PIN = ChatCommand(
            "pin", "Pin a line to a board.", pin, usage="<board> <text>", least_role="operator", min_args=2
        )
    """,
    "jobs.py": """
        from chatops.registry import Job
        from pinboard.services import PINS


        def count_pins() -> int:
            return sum(len(pins) for pins in PINS.values())


        JOBS = [Job("pinboard.count", 60, count_pins)]
    """,
    "consumers.py": """
        from typing import Any

        from chatops.realtime import StreamConsumer
        from pinboard.events import board_group


        class BoardConsumer(StreamConsumer):
            forwards = ("pin.added",)

            async def resolve_groups(self, user: Any) -> list[str] | None:
                return [board_group(self.scope["url_route"]["kwargs"]["board"])]
    """,
    "routing.py": """
        from typing import Any

        from django.urls import path

        from accounts.sockets import browser_route
        from pinboard.consumers import BoardConsumer

        websocket_urlpatterns: list[Any] = [
            path("api/v1/ws/pinboard/<slug:board>", browser_route(BoardConsumer)),
        ]
    """,
    "api/__init__.py": "",
    "api/views.py": """
        from typing import Any

        from drf_spectacular.utils import extend_schema
        from rest_framework import serializers
        from rest_framework.request import Request
        from rest_framework.response import Response
        from rest_framework.views import APIView

        from chatops.api.envelope import envelope
        from pinboard.services import PINS


        class BoardSerializer(serializers.Serializer[Any]):
            board = serializers.CharField()
            pins = serializers.ListField(child=serializers.CharField())


        class PinListView(APIView):
            @extend_schema(responses=BoardSerializer(many=True))
            def get(self, request: Request) -> Response:
                return Response(envelope([{"board": board, "pins": pins} for board, pins in PINS.items()]))
    """,
    "api/urls.py": """
        from django.urls import path

        from pinboard.api.views import PinListView

        app_name = "pinboard-api"
        urlpatterns = [path("pins", PinListView.as_view(), name="pin-list")]
    """,
}

SETTINGS = """
    import os

    from tests.settings import *  # noqa: F403

    INSTALLED_APPS = [*INSTALLED_APPS, "pinboard"]  # noqa: F405
    WEBHOOK_ALLOW_PRIVATE = True  # the webhook below points at 127.0.0.1
    # A test database of its own, beside the app (SQLite) or named apart from the suite's
    # (PostgreSQL, where the suite may hold test_<name> at the same time).
    _default = DATABASES["default"]  # noqa: F405
    if _default["ENGINE"] == "django.db.backends.sqlite3":
        _default["TEST"] = {"NAME": os.path.join(os.path.dirname(__file__), "pinboard.sqlite3")}
    else:
        _default["TEST"] = {"NAME": f"test_{_default['NAME']}_pinboard"}
"""

# Runs in the fresh interpreter: uses the hub as a client would and prints what it saw.
CHECK = """
    import asyncio
    import json

    import django

    django.setup()

    from django.test.utils import setup_test_environment

    setup_test_environment()  # as pytest-django does: the test client's host, a local mailbox

    from asgiref.sync import sync_to_async
    from channels.testing import WebsocketCommunicator
    from django.core.management import call_command
    from django.db import connection
    from drf_spectacular.generators import SchemaGenerator
    from rest_framework.test import APIClient

    from accounts.choices import Role
    from accounts.models import User
    from accounts.services import create_api_key, issue_tokens
    from chat import commands as chat_commands
    from chat.models import Message as ChatMessage
    from chatops import registry
    from chatops.asgi import application
    from webhooks.choices import event_choices
    from webhooks.models import Delivery
    from worker import runner

    out = {}
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        out["checks"] = call_command("check", "--fail-level", "ERROR") or "ok"
        viewer = User.objects.create_user("vera", "vera@example.com", role=Role.VIEWER)
        operator = User.objects.create_user("otto", "otto@example.com", role=Role.OPERATOR)
        admin = User.objects.create_user("ada", "ada@example.com", role=Role.ADMIN)

        def client(token):
            api = APIClient()
            api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
            return api

        # The worker: the job is in its list and its normal turn runs it.
        out["jobs"] = [job.name for job in runner._jobs()]
        out["job_result"] = runner.run_due_jobs().get("pinboard.count", "not run")

        # The webhooks app: the event is one to subscribe to, in its choices and the schema.
        out["event_choices"] = [name for name, _ in event_choices()]
        schema = SchemaGenerator().get_schema(request=None, public=True)
        events = schema["components"]["schemas"]["Webhook"]["properties"]["events"]["items"]
        if "$ref" in events:  # the enum is a component of its own (postprocess_schema_enums)
            events = schema["components"]["schemas"][events["$ref"].rsplit("/", 1)[1]]
        out["schema_events"] = events["enum"]
        out["schema_path"] = "/api/v1/pins" in schema["paths"]
        hook = client(issue_tokens(admin).access_token).post(
            "/api/v1/webhooks", {"url": "http://127.0.0.1:9/hook", "events": ["pin.added"]}, format="json"
        )
        out["webhook_created"] = [hook.status_code, hook.json().get("data", {}).get("events")]

        # The REST route: a viewer's token; a key without the app's scope, and one with it.
        answer = client(issue_tokens(viewer).access_token).get("/api/v1/pins")
        out["viewer_get"] = [answer.status_code, answer.json()]
        _, without = create_api_key(None, viewer, name="no-pins", scopes=["servers:read"])
        _, with_scope = create_api_key(None, viewer, name="pins", scopes=["pins:read"])
        refused = client(without).get("/api/v1/pins")
        out["key_without_scope"] = [refused.status_code, refused.json()["error_code"]]
        out["key_with_scope"] = client(with_scope).get("/api/v1/pins").status_code

        # The socket route through the real ASGI application, and the chat command, whose
        # service publishes after commit to the group the socket joined.
        command = registry.chat_command("pin")
        out["command"] = command.name if command else None

        socket_token = issue_tokens(viewer).access_token
        room = client(issue_tokens(admin).access_token).post("/api/v1/rooms", {"name": "ops"}, format="json")
        room_id = room.json()["data"]["id"]

        def type_in_room(user, line):
            api = client(issue_tokens(user).access_token)
            api.post(f"/api/v1/rooms/{room_id}/join")
            posted = api.post("/api/v1/messages", {"room_id": room_id, "content": line}, format="json")
            assert posted.status_code == 201, posted.content
            assert chat_commands.wait_idle(30)
            answers = ChatMessage.objects.filter(thread_id=posted.json()["data"]["id"]).order_by("id")
            return [[answer.content, answer.data.get("ok")] for answer in answers]

        async def socket_and_command():
            ws = WebsocketCommunicator(
                application,
                "/api/v1/ws/pinboard/main",
                headers=[(b"origin", b"http://localhost"), (b"host", b"localhost")],
                subprotocols=["bearer", socket_token],
            )
            connected, subprotocol = await ws.connect(timeout=10)
            try:
                out["socket"] = [connected, subprotocol]
                # Typed in a room, as people do: the chat app parses the line, runs the command
                # as the poster and answers in the thread under it.
                out["viewer_reply"] = await sync_to_async(type_in_room)(viewer, "/pin main not allowed")
                out["operator_reply"] = await sync_to_async(type_in_room)(operator, "/pin main deploy on friday")
                out["usage_reply"] = await sync_to_async(type_in_room)(operator, "/pin main")
                out["received"] = json.loads(await ws.receive_from(timeout=10))
                out["nothing_more"] = await ws.receive_nothing(timeout=0.2)
            finally:
                await ws.disconnect()

        asyncio.run(socket_and_command())
        out["deliveries"] = list(Delivery.objects.values_list("event", flat=True))
        out["board"] = client(issue_tokens(viewer).access_token).get("/api/v1/pins").json()["data"]
        out["job_after"] = runner._jobs()[-1].run()
        audit = client(issue_tokens(admin).access_token).get("/api/v1/audit-logs", {"action": "pin.added"})
        out["audit"] = [[e["action"], e["via"], e["actor_label"]] for e in audit.json()["data"]]
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)
    print("RESULT " + json.dumps(out))
"""


def write(path: Path, source: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source).lstrip())


def git_status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def run_pinboard(tmp_path: Path) -> dict[str, Any]:
    for name, source in PINBOARD.items():
        write(tmp_path / "pinboard" / name, source)
    write(tmp_path / "pinboard_settings.py", SETTINGS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(PROJECT_ROOT)]),
        "DJANGO_SETTINGS_MODULE": "pinboard_settings",
        "CHATOPS_VAR_DIR": str(tmp_path / "var"),
    }
    done = run_python(textwrap.dedent(CHECK), env)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    result: dict[str, Any] = json.loads(lines[-1].removeprefix("RESULT "))
    return result


def test_an_app_registers_a_job_an_event_a_route_and_a_command_without_touching_another(tmp_path):
    before = git_status()
    seen = run_pinboard(tmp_path)
    assert git_status() == before, "adding the app changed files of the repository"

    # No system check complains: the route is registered with its scope resource.
    assert seen["checks"] == "ok"
    # The worker found the job last (the app is last in INSTALLED_APPS) and ran it in its turn.
    assert seen["jobs"][-1] == "pinboard.count"
    assert (seen["job_result"], seen["job_after"]) == (0, 1)
    # The webhooks app offers the event, the schema's enum lists it, a webhook subscribes to it
    # and the service's enqueue queued a delivery for it.
    assert seen["event_choices"][-1] == "pin.added"
    assert "pin.added" in seen["schema_events"]
    assert seen["schema_path"] is True
    assert seen["webhook_created"] == [201, ["pin.added"]]
    assert seen["deliveries"] == ["pin.added"]
    # The REST route: a viewer's token reads the envelope; API keys are held to the app's scope.
    assert seen["viewer_get"] == [200, {"data": [], "message": "OK"}]
    assert seen["key_without_scope"] == [403, "insufficient_scope"]
    assert seen["key_with_scope"] == 200
    # The socket route, behind the browser wrapper, forwards the app's event after commit.
    assert seen["socket"] == [True, "bearer"]
    assert seen["command"] == "pin"
    assert seen["viewer_reply"] == [["Refused: Only operators and admins may pin.", False]]
    assert seen["operator_reply"] == [["Pinned to main.", True]]
    assert "Usage: `/pin <board> <text>`" in seen["usage_reply"][0][0], seen["usage_reply"]
    assert seen["usage_reply"][0][1] is False
    assert seen["received"] == {"type": "pin.added", "board": "main", "text": "deploy on friday", "by": "otto"}
    assert seen["nothing_more"] is True
    assert seen["board"] == [{"board": "main", "pins": ["deploy on friday"]}]
    # Its audit action is one the audit log's filter takes, and the chat's Actor is recorded.
    assert seen["audit"] == [["pin.added", "chat", "otto"]]
