"""The receivers: signatures, verdicts, 400s naming what is missing, and what each provider's
realistic payloads become."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

import pytest
from django import db
from django.db import connection

from pipelines.models import Delivery, Deployment, Pipeline
from pipelines.services.ingest import process_pending
from servers.models import Server, Tag
from tests.helpers import assert_error, assert_ok
from tests.pipelines.conftest import deliver, payload, send

pytestmark = pytest.mark.django_db


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


class TestGitHub:
    def test_a_signed_workflow_run_is_accepted_and_stored(self, github):
        response = send(github, "workflow_run", payload("github/workflow_run"), "d-1")
        data = assert_ok(response, 202)
        assert data["verdict"] == "accepted"
        delivery = Delivery.objects.get(pk=data["delivery"])
        assert (delivery.event, delivery.delivery_id, delivery.processed_at) == ("workflow_run", "d-1", None)
        assert "X-Hub-Signature-256" not in delivery.headers
        assert process_pending() == 1
        run = Pipeline.objects.get()
        assert (run.repository, run.branch, run.name, run.status) == ("acme/shop-api", "main", "CI", "success")
        assert run.commit_sha == "7d1f5e3c2b9a8e6f4d3c2b1a0f9e8d7c6b5a4f3e"
        assert run.commit_message == "Add rate limiting to the login endpoint"
        assert run.commit_author == "dana@acme.test"
        assert run.commit_timestamp == at("2026-11-20T09:58:12Z")
        assert run.started_at == at("2026-11-20T10:00:05Z")
        assert run.finished_at == at("2026-11-20T10:07:30Z")
        assert run.url == "https://github.com/acme/shop-api/actions/runs/8811223344"

    def test_a_bad_signature_is_401_and_logged_without_the_body(self, github, caplog):
        body = payload("github/workflow_run")
        body["workflow_run"]["head_commit"]["message"] = "SECRET-CONTENT-NEVER-LOGGED"
        with caplog.at_level(logging.WARNING, logger="pipelines"):
            response = send(github, "workflow_run", body, "d-bad", HTTP_X_HUB_SIGNATURE_256="sha256=" + "0" * 64)
        assert_error(response, 401, "authentication_failed")
        delivery = Delivery.objects.get()
        assert (delivery.verdict, delivery.body) == ("bad_signature", "")
        assert "does not match" in delivery.reason
        assert "SECRET-CONTENT" not in caplog.text and "Bad signature" in caplog.text
        assert not Pipeline.objects.exists()

    def test_a_missing_signature_is_401(self, github):
        response = send(github, "workflow_run", payload("github/workflow_run"), HTTP_X_HUB_SIGNATURE_256=None)
        assert_error(response, 401)
        assert Delivery.objects.get().reason == "X-Hub-Signature-256 is missing"

    def test_a_body_signed_with_another_secret_is_refused(self, github):
        from tests.pipelines.conftest import headers_for

        body = b'{"zen": "x", "hook_id": 1}'
        headers = headers_for(github, "ping", body, "p", secret="another-secret-of-enough-length")
        response = (
            __import__("rest_framework.test", fromlist=["APIClient"])
            .APIClient()
            .post(f"/api/v1/integrations/github/{github.pk}", body, content_type="application/json", **headers)
        )
        assert_error(response, 401)

    def test_a_payload_that_github_would_not_send_is_400_naming_the_missing_fields(self, github):
        body = payload("github/workflow_run")
        del body["workflow_run"]["id"]
        del body["repository"]
        response = send(github, "workflow_run", body)
        error = assert_error(response, 400, "validation_error")
        fields = {e["field"] for e in error["errors"]}
        assert fields == {"workflow_run.id", "repository.full_name"}
        assert Delivery.objects.get().verdict == "invalid"

    def test_a_missing_event_header_is_400(self, github):
        error = assert_error(send(github, "", payload("github/ping")), 400)
        assert error["errors"][0]["field"] == "X-GitHub-Event"

    def test_a_body_that_is_not_json_is_400(self, github):
        assert_error(send(github, "workflow_run", b"not json at all"), 400)
        assert Delivery.objects.get().verdict == "invalid"

    def test_an_unknown_event_is_kept_with_its_verdict(self, github):
        data = assert_ok(send(github, "star", {"action": "created"}), 202)
        assert data["verdict"] == "unknown_event"
        assert Delivery.objects.get().verdict == "unknown_event"

    def test_a_ping_is_accepted_and_needs_no_work(self, github):
        assert assert_ok(send(github, "ping", payload("github/ping")), 202)["verdict"] == "accepted"
        delivery = Delivery.objects.get()
        assert delivery.processed_at == delivery.received_at  # stored as done: nothing for the worker
        assert process_pending() == 0

    def test_a_replayed_delivery_id_is_a_duplicate(self, github):
        send(github, "workflow_run", payload("github/workflow_run"), "same")
        data = assert_ok(send(github, "workflow_run", payload("github/workflow_run"), "same"), 202)
        assert data["verdict"] == "duplicate"
        assert sorted(Delivery.objects.values_list("verdict", flat=True)) == ["accepted", "duplicate"]
        assert process_pending() == 1

    def test_a_repository_outside_the_filter_is_ignored(self, github):
        github.repositories = ["acme/other-*"]
        github.save()
        assert assert_ok(send(github, "workflow_run", payload("github/workflow_run")), 202)["verdict"] == "filtered"
        process_pending()
        assert not Pipeline.objects.exists()

    def test_an_unknown_or_disabled_integration_is_404(self, github, gitlab):
        assert_error(_post("github", 999999), 404)
        assert_error(_post("github", 2**63), 404)  # past bigint: no row, not a database error
        assert_error(_post("gitlab", github.pk), 404)  # the wrong provider's path
        github.enabled = False
        github.save()
        assert_error(send(github, "ping", payload("github/ping")), 404)

    def test_jobs_become_stages_and_deployments_touch_the_mapped_servers(self, github, admin):
        web = Server.objects.create(name="web-1", hostname="web-1.acme.test", created_by=admin)
        Server.objects.create(name="web-2", hostname="web-2.acme.test", created_by=admin)
        deliver(github, "workflow_job", payload("github/workflow_job"))
        test = payload("github/workflow_job")
        test["workflow_job"].update(
            id=24400112299,
            name="test",
            conclusion="failure",
            started_at="2026-11-20T10:03:20Z",
            completed_at="2026-11-20T10:06:00Z",
        )
        deliver(github, "workflow_job", test)
        deliver(github, "workflow_run", payload("github/workflow_run"))
        run = Pipeline.objects.get()
        assert [(j.stage, j.status) for j in run.jobs.order_by("started_at")] == [
            ("build", "success"),
            ("test", "failed"),
        ]
        deliver(github, "deployment", payload("github/deployment"))
        deliver(github, "deployment_status", payload("github/deployment_status"))
        deployment = Deployment.objects.get()
        assert (deployment.environment, deployment.provider_environment, deployment.service) == (
            "production",
            "prod",
            "shop-api",
        )
        assert deployment.status == "success"
        assert (deployment.started_at, deployment.finished_at) == (
            at("2026-11-20T10:10:00Z"),
            at("2026-11-20T10:14:00Z"),
        )
        assert list(deployment.servers.all()) == [web]


def _post(provider: str, pk: int):
    from rest_framework.test import APIClient

    return APIClient().post(f"/api/v1/integrations/{provider}/{pk}", b"{}", content_type="application/json")


class TestGitLab:
    def test_the_pipeline_hook_derives_stage_status_and_duration_from_builds(self, gitlab, admin_client):
        deliver(gitlab, "Pipeline Hook", payload("gitlab/pipeline_hook"))
        run = Pipeline.objects.get()
        assert (run.repository, run.branch, run.status) == ("acme/billing", "main", "success")
        assert run.url == "https://gitlab.acme.test/acme/billing/-/pipelines/31337"
        data = assert_ok(admin_client.get(f"/api/v1/pipelines/{run.pk}"))
        stages = [(s["name"], s["status"], s["duration"]) for s in data["stages"]]
        # test: unit succeeded, lint failed but may fail: the stage succeeded, 10:02:10 -> 10:05:10.
        assert stages == [("build", "success", 120.0), ("test", "success", 180.0), ("deploy", "success", 200.0)]
        assert data["stages"][1]["started_at"] == "2026-11-20T10:02:10Z"
        assert data["commit"] == {
            "sha": "bcbb5ec396a2c0f828686f14fac9b80b780504f2",
            "message": "Round invoice totals half-even\n",
            "author": "robin@acme.test",
            "timestamp": "2026-11-20T09:55:00Z",
        }

    def test_a_failed_build_that_may_not_fail_fails_its_stage(self, gitlab, admin_client):
        hook = payload("gitlab/pipeline_hook")
        hook["object_attributes"]["status"] = "failed"
        hook["builds"][1]["status"] = "failed"
        hook["builds"][3]["status"] = "skipped"
        deliver(gitlab, "Pipeline Hook", hook)
        data = assert_ok(admin_client.get(f"/api/v1/pipelines/{Pipeline.objects.get().pk}"))
        assert [s["status"] for s in data["stages"]] == ["success", "failed", "skipped"]
        assert data["status"] == "failed"

    def test_a_wrong_token_is_401(self, gitlab):
        response = send(gitlab, "Pipeline Hook", payload("gitlab/pipeline_hook"), HTTP_X_GITLAB_TOKEN="wrong")
        assert_error(response, 401)
        assert Delivery.objects.get().verdict == "bad_signature"

    def test_a_retry_with_the_same_idempotency_key_is_a_duplicate(self, gitlab):
        send(gitlab, "Job Hook", payload("gitlab/job_hook"), "key-1")
        assert assert_ok(send(gitlab, "Job Hook", payload("gitlab/job_hook"), "key-1"), 202)["verdict"] == "duplicate"

    def test_the_event_uuid_dedupes_without_an_idempotency_key(self, gitlab):
        for _ in range(2):
            send(
                gitlab,
                "Job Hook",
                payload("gitlab/job_hook"),
                HTTP_IDEMPOTENCY_KEY=None,
                HTTP_X_GITLAB_EVENT_UUID="u-1",
            )
        assert sorted(Delivery.objects.values_list("verdict", flat=True)) == ["accepted", "duplicate"]

    def test_a_job_hook_before_its_pipeline_creates_the_pipeline(self, gitlab):
        deliver(gitlab, "Job Hook", payload("gitlab/job_hook"))
        run = Pipeline.objects.get()
        assert (run.external_id, run.repository, run.status) == ("31337", "acme/billing", "queued")
        assert run.jobs.get().status == "success"

    def test_the_deployment_hook_maps_servers_by_tag(self, gitlab, admin):
        billing = Server.objects.create(name="bill-1", hostname="bill-1", created_by=admin)
        billing.tags.add(Tag.objects.create(name="billing"))
        deliver(gitlab, "Deployment Hook", payload("gitlab/deployment_hook"))
        deployment = Deployment.objects.get()
        assert (deployment.service, deployment.environment, deployment.status) == ("billing", "production", "success")
        assert deployment.sha == "bcbb5ec396a2c0f828686f14fac9b80b780504f2"
        assert deployment.finished_at == at("2026-11-20T10:08:50Z")
        assert list(deployment.servers.all()) == [billing]

    def test_a_deployment_hook_without_its_environment_is_400(self, gitlab):
        hook = payload("gitlab/deployment_hook")
        del hook["environment"]
        error = assert_error(send(gitlab, "Deployment Hook", hook), 400)
        assert [e["field"] for e in error["errors"]] == ["environment"]


class TestGeneric:
    def test_our_pipeline_format_with_stages(self, generic, admin_client):
        deliver(generic, "", payload("generic/pipeline"), "jenkins-128")
        run = Pipeline.objects.get()
        assert (run.repository, run.status, run.commit_sha[:7]) == ("acme/shop-web", "success", "0f3e2d1")
        data = assert_ok(admin_client.get(f"/api/v1/pipelines/{run.pk}"))
        assert [(s["name"], s["duration"]) for s in data["stages"]] == [
            ("Checkout", 20.0),
            ("Build", 220.0),
            ("Test", 120.0),
        ]

    def test_our_deployment_format(self, generic):
        deliver(generic, "", payload("generic/deployment"))
        deployment = Deployment.objects.get()
        assert (deployment.service, deployment.environment, deployment.status) == ("shop-web", "production", "success")
        assert deployment.first_commit_at == at("2026-11-20T09:30:00Z")

    def test_our_format_without_a_status_is_400(self, generic):
        body = payload("generic/deployment")
        del body["status"]
        body["environment"] = 7
        error = assert_error(send(generic, "", body), 400)
        assert {e["field"] for e in error["errors"]} == {"status", "environment"}

    def test_an_unsigned_body_is_401(self, generic):
        assert_error(send(generic, "", payload("generic/pipeline"), HTTP_X_WEBHOOK_SIGNATURE=None), 401)

    def test_cdevents_pipeline_and_task_runs(self, generic):
        for name in ("cdevents_pipelinerun_finished", "cdevents_taskrun_finished", "cdevents_pipelinerun_started"):
            deliver(generic, "", payload(f"generic/{name}"))
        run = Pipeline.objects.get()
        assert (run.external_id, run.repository, run.name, run.status) == (
            "tekton-search-run-91",
            "acme/search",
            "search-build",
            "failed",
        )
        assert (run.started_at, run.finished_at) == (at("2026-11-20T13:00:00Z"), at("2026-11-20T13:08:00Z"))
        assert run.commit_timestamp == at("2026-11-20T12:50:00Z")
        assert [(j.name, j.status) for j in run.jobs.all()] == [("unit-tests", "failed")]

    def test_cdevents_service_deployed_and_rolled_back(self, generic):
        deliver(generic, "", payload("generic/cdevents_service_deployed"))
        deliver(generic, "", payload("generic/cdevents_service_rolledback"))
        assert sorted(Deployment.objects.values_list("service", "status")) == [
            ("search", "rolled_back"),
            ("search", "success"),
        ]

    def test_a_cloudevent_is_deduplicated_by_its_id(self, generic):
        send(generic, "", payload("generic/cdevents_service_deployed"))
        data = assert_ok(send(generic, "", payload("generic/cdevents_service_deployed")), 202)
        assert data["verdict"] == "duplicate"

    def test_an_unknown_cdevent_is_kept_as_unknown(self, generic):
        body = payload("generic/cdevents_service_deployed")
        body["type"] = "dev.cdevents.incident.detected.0.2.0"
        assert assert_ok(send(generic, "", body), 202)["verdict"] == "unknown_event"

    def test_a_cdevent_without_its_environment_is_400(self, generic):
        body = payload("generic/cdevents_service_deployed")
        del body["data"]["subject"]["content"]["environment"]
        error = assert_error(send(generic, "", body), 400)
        assert [e["field"] for e in error["errors"]] == ["subject.content.environment.id"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads: PostgreSQL (DATABASE_URL)")
def test_the_same_delivery_received_twice_at_once_is_accepted_once(github):
    """Two requests with one delivery id, inserted at the same moment on two connections (as
    two hub processes would): the database accepts one and the other is a duplicate."""
    barrier = threading.Barrier(2, timeout=10)
    verdicts: list[str] = []

    def post() -> None:
        try:
            barrier.wait()
            response = send(github, "workflow_run", payload("github/workflow_run"), "at-once")
            verdicts.append(assert_ok(response, 202)["verdict"])
        finally:
            db.connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(verdicts) == ["accepted", "duplicate"]
    assert Delivery.objects.filter(verdict="accepted", delivery_id="at-once").count() == 1
    assert process_pending() == 1


@pytest.mark.django_db(transaction=True)
def test_a_duplicate_outside_a_transaction_is_refused_by_the_database(github):
    """A request runs in autocommit: the accepted insert has no savepoint, and the unique
    constraint still turns the second one into a duplicate."""
    first = assert_ok(send(github, "workflow_run", payload("github/workflow_run"), "same-id"), 202)
    second = assert_ok(send(github, "workflow_run", payload("github/workflow_run"), "same-id"), 202)
    assert (first["verdict"], second["verdict"]) == ("accepted", "duplicate")
    assert Delivery.objects.filter(verdict="accepted").count() == 1
