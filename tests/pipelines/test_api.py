"""Every route of the pipelines app for every role, and what the reads return."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accounts.actor import Actor
from chat.models import Message
from chat.services import rooms as room_services
from pipelines.models import Delivery, Deployment, Follow, Integration, Pipeline
from servers.models import Server
from tests.helpers import assert_error, assert_ok
from tests.pipelines.conftest import SECRET, deliver, payload, send
from tests.roles import RoleMatrix, Route, allowed, everyone, key

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(github):
    deliver(github, "workflow_run", payload("github/workflow_run"))
    return Pipeline.objects.get()


@pytest.fixture
def deployment(github, admin):
    Server.objects.create(name="web-1", hostname="web-1.acme.test", created_by=admin)
    deliver(github, "deployment_status", payload("github/deployment_status"))
    return Deployment.objects.get()


@pytest.fixture
def room(operator):
    return room_services.create_room(Actor.for_user(operator, "api"), name="deploys")


@pytest.fixture
def follow(room, operator):
    return Follow.objects.create(room=room, repository="acme/shop-api", created_by=operator)


def nothing_created(outcome):
    assert Integration.objects.count() <= 1


def no_follow(outcome):
    assert not Follow.objects.filter(environment="staging").exists()


NEW = {"name": "Jenkins", "provider": "generic"}

ROLES = RoleMatrix(
    Route("GET", "/api/v1/integrations", expect=allowed("admin"), uses=("github",)),
    Route("POST", "/api/v1/integrations", body=NEW, expect=allowed("admin", ok=201), unchanged=nothing_created),
    Route("GET", "/api/v1/integrations/{github.pk}", expect=allowed("admin")),
    Route("PATCH", "/api/v1/integrations/{github.pk}", body={"enabled": False}, expect=allowed("admin")),
    Route("DELETE", "/api/v1/integrations/{github.pk}", expect=allowed("admin")),
    Route("GET", "/api/v1/integrations/999999", expect={"admin": (404, "not_found")}),
    Route("GET", "/api/v1/integrations/{github.pk}/deliveries", expect=allowed("admin")),
    Route("GET", "/api/v1/integrations/999999/deliveries", expect={"admin": (404, "not_found")}),
    Route("GET", "/api/v1/integrations", expect={key("admin", "pipelines:read"): (403, "insufficient_scope")}),
    Route("GET", "/api/v1/integrations", expect={key("admin", "integrations:read"): 200}),
    Route("GET", "/api/v1/pipelines", expect=everyone(200), uses=("run",)),
    Route("GET", "/api/v1/pipelines/{run.pk}", expect=everyone(200)),
    Route("GET", "/api/v1/pipelines/999999", expect={"viewer": (404, "not_found")}),
    Route("GET", "/api/v1/pipelines", expect={key("viewer", "pipelines:read"): 200}),
    Route("GET", "/api/v1/pipelines", expect={key("viewer", "servers:read"): (403, "insufficient_scope")}),
    Route("GET", "/api/v1/deployments", expect=everyone(200), uses=("deployment",)),
    Route("GET", "/api/v1/deployments/{deployment.pk}", expect=everyone(200)),
    Route("GET", "/api/v1/deployments/999999", expect={"viewer": (404, "not_found")}),
    Route("GET", "/api/v1/dora", expect=everyone(200)),
    Route("GET", "/api/v1/dora", body={"bucket": "month"}, expect={"viewer": (400, "validation_error")}),
    Route("GET", "/api/v1/pipeline-follows", expect=everyone(200), uses=("follow",)),
    Route("DELETE", "/api/v1/pipeline-follows/{follow.pk}", expect={**allowed("operator", "admin"), "outsider": 403}),
    Route("DELETE", "/api/v1/pipeline-follows/999999", expect={"operator": (404, "not_found")}),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestFollowRoles:
    """Creating a follow needs a room id: the matrix is built per test from the fixture."""

    @pytest.mark.parametrize(
        ("caller", "status"), [("operator", 201), ("admin", 201), ("viewer", 403), ("outsider", 403)]
    )
    def test_who_may_follow(self, request, room, caller, status, client_for):
        client = client_for(request.getfixturevalue(caller))
        response = client.post("/api/v1/pipeline-follows", {"room": room.pk, "environment": "staging"}, format="json")
        if status == 201:
            assert assert_ok(response, 201)["environment"] == "staging"
        else:
            assert_error(response, status, "permission_denied")
            assert not Follow.objects.exists()

    def test_anonymous_may_not_follow(self, anon, room):
        assert_error(anon.post("/api/v1/pipeline-follows", {"room": room.pk, "environment": "x"}, format="json"), 401)

    def test_an_operator_outside_the_room_may_not(self, room, client_for):
        from tests.factories import UserFactory

        other = UserFactory.create(role="operator")
        response = client_for(other).post(
            "/api/v1/pipeline-follows", {"room": room.pk, "environment": "x"}, format="json"
        )
        assert_error(response, 403)

    def test_a_follow_names_one_target(self, operator_client, room):
        both = {"room": room.pk, "environment": "x", "repository": "a/b"}
        assert_error(operator_client.post("/api/v1/pipeline-follows", both, format="json"), 400)
        assert_error(operator_client.post("/api/v1/pipeline-follows", {"room": room.pk}, format="json"), 400)

    def test_the_same_follow_twice_is_409(self, operator_client, room):
        body = {"room": room.pk, "repository": "acme/shop-api"}
        assert_ok(operator_client.post("/api/v1/pipeline-follows", body, format="json"), 201)
        assert_error(operator_client.post("/api/v1/pipeline-follows", body, format="json"), 409)

    def test_an_unknown_room_is_404(self, operator_client):
        body = {"room": 999999, "repository": "acme/shop-api"}
        assert_error(operator_client.post("/api/v1/pipeline-follows", body, format="json"), 404)


class TestIntegrations:
    def test_the_secret_is_generated_shown_once_and_encrypted_at_rest(self, admin_client):
        created = assert_ok(admin_client.post("/api/v1/integrations", NEW, format="json"), 201)
        secret = created["secret"]
        assert secret.startswith("cisec_") and len(secret) > 30
        assert created["receiver_url"] == f"/api/v1/integrations/generic/{created['id']}"
        shown = assert_ok(admin_client.get(f"/api/v1/integrations/{created['id']}"))
        assert "secret" not in shown
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT secret FROM pipelines_integration WHERE id = %s", [created["id"]])
            stored = cursor.fetchone()[0]
        assert secret not in stored
        assert Integration.objects.get(pk=created["id"]).secret == secret

    def test_a_given_secret_and_mappings_are_kept(self, admin_client):
        body = {
            **NEW,
            "secret": "s" * 20,
            "repositories": ["acme/*"],
            "environment_mapping": {"prod": "production"},
            "server_mapping": [{"environment": "production", "tags": ["web"]}],
            "delivery_retention_hours": 24,
        }
        created = assert_ok(admin_client.post("/api/v1/integrations", body, format="json"), 201)
        assert created["secret"] == "s" * 20
        assert created["server_mapping"] == [
            {"environment": "production", "service": "", "hostnames": [], "tags": ["web"]}
        ]
        assert created["delivery_retention_hours"] == 24

    @pytest.mark.parametrize(
        "bad",
        [
            {"provider": "bitbucket"},
            {"secret": "short"},
            {"delivery_retention_hours": 0},
            {"repositories": "acme/*"},
            {"environment_mapping": {"prod": 3}},
            {"server_mapping": [{"hostnames": "web-1"}]},
        ],
    )
    def test_bad_input_is_400(self, admin_client, bad):
        assert_error(admin_client.post("/api/v1/integrations", {**NEW, **bad}, format="json"), 400)

    def test_replacing_the_secret_takes_effect_and_is_audited_by_name(self, admin_client, github):
        from accounts.models import AuditLog

        new = "n" * 24
        assert_ok(admin_client.patch(f"/api/v1/integrations/{github.pk}", {"secret": new}, format="json"))
        assert_error(send(github, "ping", payload("github/ping")), 401)  # signed with the old one
        entry = AuditLog.objects.filter(action="integration.updated").get()
        assert (
            entry.details["changed"] == ["secret"]
            and new not in str(entry.details)
            and SECRET not in str(entry.details)
        )

    def test_deleting_keeps_pipelines(self, admin_client, github, run):
        assert_ok(admin_client.delete(f"/api/v1/integrations/{github.pk}"))
        assert Pipeline.objects.get().integration is None

    def test_deliveries_show_each_verdict(self, admin_client, github):
        send(github, "ping", payload("github/ping"), "a")
        send(github, "ping", payload("github/ping"), "a")
        send(github, "ping", payload("github/ping"), HTTP_X_HUB_SIGNATURE_256="sha256=00")
        send(github, "fork", {"forkee": {}})
        send(github, "workflow_run", {"action": "completed"})
        data = assert_ok(admin_client.get(f"/api/v1/integrations/{github.pk}/deliveries"))
        assert sorted(d["verdict"] for d in data) == [
            "accepted",
            "bad_signature",
            "duplicate",
            "invalid",
            "unknown_event",
        ]
        bad = next(d for d in data if d["verdict"] == "bad_signature")
        assert bad["body"] == ""
        only = assert_ok(admin_client.get(f"/api/v1/integrations/{github.pk}/deliveries?verdict=duplicate"))
        assert [d["verdict"] for d in only] == ["duplicate"]


class TestPipelines:
    def test_the_detail_has_commit_stages_and_provider_url(self, viewer_client, github, run):
        deliver(github, "workflow_job", payload("github/workflow_job"))
        data = assert_ok(viewer_client.get(f"/api/v1/pipelines/{run.pk}"))
        assert data["commit"]["sha"] == "7d1f5e3c2b9a8e6f4d3c2b1a0f9e8d7c6b5a4f3e"
        assert data["commit"]["author"] == "dana@acme.test"
        assert data["provider_url"] == "https://github.com/acme/shop-api/actions/runs/8811223344"
        assert data["duration"] == 445.0
        assert data["stages"] == [
            {
                "name": "build",
                "status": "success",
                "duration": 180.0,
                "started_at": "2026-11-20T10:00:10Z",
                "finished_at": "2026-11-20T10:03:10Z",
            }
        ]

    def _runs(self, generic):
        for index, (repo, branch, status, day) in enumerate(
            [("acme/a", "main", "success", 1), ("acme/a", "dev", "failed", 2), ("acme/b", "main", "running", 3)]
        ):
            body = payload("generic/pipeline")
            start = f"2026-11-0{day}T10:00:00Z"
            end = None if status == "running" else f"2026-11-0{day}T10:05:00Z"
            body.update(id=f"r{index}", repository=repo, branch=branch, status=status, timestamp=start)
            body.update(started_at=start, finished_at=end)
            deliver(generic, "", body)

    def test_filters_sort_and_pagination(self, viewer_client, generic):
        self._runs(generic)

        def ids(query: str) -> list[str]:
            return [p["external_id"] for p in assert_ok(viewer_client.get(f"/api/v1/pipelines?{query}"))]

        assert ids("") == ["r2", "r1", "r0"]
        assert ids("repository=ACME/A") == ["r1", "r0"]
        assert ids("branch=main") == ["r2", "r0"]
        assert ids("status=failed") == ["r1"]
        assert ids("provider=generic&sort=started_at") == ["r0", "r1", "r2"]
        assert ids("start_date=2026-11-02T00:00:00Z&end_date=2026-11-03T00:00:00Z") == ["r1"]
        page = viewer_client.get("/api/v1/pipelines?size=2").json()
        assert len(page["data"]) == 2 and page["pagination"]["total"] == 3

    @pytest.mark.parametrize("query", ["status=done", "start_date=yesterday", "sort=secret", "provider=x"])
    def test_bad_filters_are_400(self, viewer_client, query):
        assert_error(viewer_client.get(f"/api/v1/pipelines?{query}"), 400)


class TestDeployments:
    def test_filters_and_the_servers_it_touched(self, viewer_client, deployment, github):
        data = assert_ok(viewer_client.get(f"/api/v1/deployments/{deployment.pk}"))
        assert (data["service"], data["environment"], data["status"]) == ("shop-api", "production", "success")
        web = Server.objects.get()
        assert data["servers"] == [{"id": web.pk, "name": "web-1", "hostname": "web-1.acme.test"}]
        assert [d["id"] for d in assert_ok(viewer_client.get(f"/api/v1/deployments?server={web.pk}"))] == [
            deployment.pk
        ]
        assert assert_ok(viewer_client.get("/api/v1/deployments?environment=staging")) == []
        assert len(assert_ok(viewer_client.get("/api/v1/deployments?service=shop-api&status=success"))) == 1

    def test_a_server_the_caller_may_not_see_is_left_out(self, deployment, outsider, client_for, admin):
        from accounts.models import Team

        Team.objects.create(name="elsewhere", tags=["db"]).members.add(outsider)
        client = client_for(outsider)
        data = assert_ok(client.get(f"/api/v1/deployments/{deployment.pk}"))
        assert data["servers"] == []
        web = Server.objects.get()
        assert assert_ok(client.get(f"/api/v1/deployments?server={web.pk}")) == []

    @pytest.mark.parametrize("query", ["status=deployed", "server=abc", "server=0"])
    def test_bad_filters_are_400(self, viewer_client, query):
        assert_error(viewer_client.get(f"/api/v1/deployments?{query}"), 400)


class TestAnnouncements:
    def test_rooms_following_a_repository_or_environment_are_told(self, github, room, follow, operator, admin):
        env_room = room_services.create_room(Actor.for_user(operator, "api"), name="prod")
        Follow.objects.create(room=env_room, environment="production")
        Server.objects.create(name="web-1", hostname="web-1.acme.test", created_by=admin)
        deliver(github, "workflow_run", payload("github/workflow_run"))
        deliver(github, "deployment_status", payload("github/deployment_status"))
        posts = list(Message.objects.filter(room=room, author=None).exclude(data={}).values_list("content", flat=True))
        assert posts[0].startswith("Pipeline CI of acme/shop-api on main (7d1f5e3c) started.")
        assert "finished: succeeded" in posts[1]
        assert posts[2:] == [
            "Deployment of shop-api to production on web-1: started. https://github.com/acme/shop-api/actions/runs/8811229999",
            "Deployment of shop-api to production on web-1: succeeded. https://github.com/acme/shop-api/actions/runs/8811229999",
        ]
        env_posts = list(
            Message.objects.filter(room=env_room, author=None).exclude(data={}).values_list("data", flat=True)
        )
        assert [p["event"] for p in env_posts] == ["deployment.started", "deployment.completed"]

    def test_webhooks_get_each_event_once_with_its_data(self, github):
        from webhooks.models import Delivery as Outgoing
        from webhooks.models import Webhook

        Webhook.objects.create(
            url="https://hooks.example.com/ci", events=["pipeline.failed", "pipeline.started"], secret="x" * 32
        )
        failed = payload("github/workflow_run")
        failed["workflow_run"]["conclusion"] = "failure"
        deliver(github, "workflow_run", failed)
        deliver(github, "workflow_run", failed, None)  # GitHub's redelivery under a new id
        sent = list(Outgoing.objects.order_by("pk"))
        assert [d.event for d in sent] == ["pipeline.started", "pipeline.failed"]
        import json

        body = json.loads(sent[1].body)
        assert body["data"]["pipeline"]["status"] == "failed"
        assert body["data"]["pipeline"]["repository"] == "acme/shop-api"
        assert body["data"]["pipeline"]["started_at"] == "2026-11-20T10:00:05Z"  # as the API writes times


def test_a_fresh_receiver_answers_fast_paths_without_work(github):
    """Accepting stores one row and applies nothing: the worker does."""
    send(github, "workflow_run", payload("github/workflow_run"))
    assert Delivery.objects.get().processed_at is None and not Pipeline.objects.exists()


def test_delivery_retention_prunes_old_processed_deliveries(github):
    from pipelines.services.ingest import process_pending
    from pipelines.services.integrations import prune_deliveries

    send(github, "ping", payload("github/ping"))
    send(github, "workflow_run", payload("github/workflow_run"))
    old = datetime.now(UTC) - timedelta(hours=200)
    Delivery.objects.update(received_at=old)
    assert prune_deliveries() == 1  # the ping; the run is not applied yet
    process_pending()
    assert prune_deliveries() == 1 and not Delivery.objects.exists()
    github.delivery_retention_hours = 500
    github.save()
    send(github, "ping", payload("github/ping"))
    Delivery.objects.update(received_at=old)
    assert prune_deliveries() == 0
