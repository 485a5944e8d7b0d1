"""``GET /metrics``: who may scrape (the token, a key with ``prometheus:read``, an admin), the
format as negotiated, the fleet's latest samples and the apps' figures, the hub's own counters."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from prometheus_client.openmetrics.parser import text_string_to_metric_families as parse_openmetrics
from prometheus_client.parser import text_string_to_metric_families as parse_text

from accounts.services import create_api_key, issue_tokens
from alerts.models import Alert, AlertStatus
from monitoring.models import LatestSample
from tests.factories import ServerFactory, UserFactory, tagged_server
from tests.helpers import assert_error
from tests.sockets import browser_socket, connect_agent, data, recv, send

TOKEN = "scrape-token-0123456789abcdef"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _token(settings):
    settings.METRICS_BEARER_TOKEN = TOKEN


def scrape(client, accept: str | None = None, token: str = TOKEN):
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.get("/metrics", **({"HTTP_ACCEPT": accept} if accept else {}))


def samples(body: bytes, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """Every sample of the family ``name``: {sorted labels: value}."""
    found = {}
    for family in parse_text(body.decode()):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


def value(body: bytes, name: str, **labels: str) -> float | None:
    for found, number in samples(body, name).items():
        if all(dict(found).get(k) == v for k, v in labels.items()):
            return number
    return None


class TestWhoMayScrape:
    def test_nobody_unnamed(self, anon):
        response = anon.get("/metrics")
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"] == 'Bearer realm="metrics"'

    def test_a_wrong_token_is_401(self, anon):
        assert_error(scrape(anon, token="scrape-token-0123456789abcdeX"), 401)

    def test_no_token_configured_refuses_the_old_one(self, anon, settings):
        settings.METRICS_BEARER_TOKEN = ""
        assert_error(scrape(anon), 401)

    def test_the_token_scrapes(self, anon):
        response = scrape(anon)
        assert response.status_code == 200
        assert b"chatops_collector_up" in response.content

    def test_a_key_with_the_prometheus_scope_scrapes(self, anon, admin):
        _, raw = create_api_key(None, admin, name="prometheus", scopes=["prometheus:read"])
        assert scrape(anon, token=raw).status_code == 200

    def test_a_key_without_the_scope_is_403(self, anon, admin):
        # metrics:read is a server's samples (GET /metrics/{id}), not the whole fleet.
        _, raw = create_api_key(None, admin, name="reader", scopes=["metrics:read", "servers:read"])
        body = assert_error(scrape(anon, token=raw), 403, "insufficient_scope")
        assert "prometheus:read" in body["detail"]

    def test_a_viewer_may_not_hold_the_scope(self, viewer):
        from rest_framework.exceptions import ValidationError

        with pytest.raises(ValidationError, match="Beyond the owner's role"):
            create_api_key(None, viewer, name="p", scopes=["prometheus:read"])

    @pytest.mark.parametrize(("role", "status"), [("admin", 200), ("operator", 403), ("support", 403),
                                                  ("viewer", 403), ("requester", 403)])  # fmt: skip
    def test_signed_in_only_admins(self, anon, role, status):
        # The whole fleet, whatever the teams' scopes: what only an admin sees anyway.
        user = UserFactory.create(username=f"someone-{role}", role=role)
        response = scrape(anon, token=issue_tokens(user).access_token)
        if status == 200:
            assert response.status_code == 200
        else:
            assert_error(response, 403, "permission_denied")


class TestFormat:
    def test_prometheus_text_by_default(self, anon):
        response = scrape(anon)
        assert response["Content-Type"].startswith("text/plain; version=")
        assert not response.content.rstrip().endswith(b"# EOF")
        assert {f.name for f in parse_text(response.content.decode())} >= {"chatops_collector_up"}

    def test_openmetrics_when_asked(self, anon):
        response = scrape(anon, accept="application/openmetrics-text; version=1.0.0,text/plain;q=0.5")
        assert response["Content-Type"].startswith("application/openmetrics-text; version=1.0.0")
        assert response.content.endswith(b"# EOF\n")
        names = {family.name for family in parse_openmetrics(response.content.decode())}
        assert {"chatops_ingest_frames", "chatops_worker_jobs_due", "chatops_server_online"} <= names

    def test_an_error_is_json_whatever_the_accept(self, anon):
        response = anon.get("/metrics", HTTP_ACCEPT="application/openmetrics-text; version=1.0.0")
        assert_error(response, 401)

    def test_every_collector_answered(self, anon):
        up = samples(scrape(anon).content, "chatops_collector_up")
        names = {dict(labels)["collector"]: v for labels, v in up.items()}
        assert names == {n: 1.0 for n in ("hub", "fleet", "alerts", "webhooks", "notifications", "pipelines",
                                           "kubernetes", "worker")}  # fmt: skip


class TestFleet:
    def test_latest_samples_are_gauges_with_server_and_tag_labels(self, anon):
        web = tagged_server("web-1", "prod", "eu")
        db = ServerFactory(name="db-1")
        ts = timezone.now() - timedelta(seconds=5)
        LatestSample.objects.create(
            server=web, ts=ts, values={"cpu_percent": 12.5, "disk_percent": 40, "disk_percent:/home": 81.0}
        )
        LatestSample.objects.create(server=db, ts=ts, values={"cpu_percent": 3.0, "memory_percent": 55.5})
        body = scrape(anon).content
        cpu = samples(body, "chatops_server_cpu_percent")
        assert cpu == {
            (("device", ""), ("server", "web-1"), ("server_id", str(web.pk)), ("tags", "eu,prod")): 12.5,
            (("device", ""), ("server", "db-1"), ("server_id", str(db.pk)), ("tags", "")): 3.0,
        }
        assert value(body, "chatops_server_disk_percent", server="web-1", device="/home") == 81.0
        assert value(body, "chatops_server_disk_percent", server="web-1", device="") == 40.0
        assert value(body, "chatops_server_memory_percent", server="db-1") == 55.5
        assert value(body, "chatops_server_sample_timestamp_seconds", server="db-1") == pytest.approx(ts.timestamp())
        assert value(body, "chatops_server_online", server="db-1") == 0.0
        assert "# HELP chatops_server_cpu_percent CPU (%), from each server's latest sample." in body.decode()

    def test_open_alerts_by_severity_and_server(self, anon, server):
        for severity, status in [("critical", AlertStatus.FIRING), ("critical", AlertStatus.FIRING),
                                 ("warning", AlertStatus.ACKNOWLEDGED), ("info", AlertStatus.RESOLVED)]:  # fmt: skip
            Alert.objects.create(server=server, name="x", severity=severity, status=status, started_at=timezone.now())
        body = scrape(anon).content
        assert value(body, "chatops_alerts_open", status="firing", severity="critical", server=server.name) == 2
        assert value(body, "chatops_alerts_open", status="acknowledged", severity="warning") == 1
        assert value(body, "chatops_alerts_open", severity="info") is None

    def test_the_fleet_costs_a_fixed_number_of_queries(self, anon, django_assert_max_num_queries):
        for n in range(30):
            server = tagged_server(f"s-{n}", "prod")
            LatestSample.objects.create(server=server, ts=timezone.now(), values={"cpu_percent": float(n)})
        # The key and its owner, then each collector's few aggregates: not one per server.
        with django_assert_max_num_queries(20):
            body = scrape(anon).content
        assert len(samples(body, "chatops_server_cpu_percent")) == 30


class TestPipelines:
    def test_pipelines_deployments_and_dora_by_environment(self, anon):
        from pipelines import collectors
        from pipelines.models import Deployment, Pipeline

        now = timezone.now()
        for n, (status, hours_ago) in enumerate([("success", 48), ("failed", 30), ("success", 24), ("success", 2)]):
            Deployment.objects.create(
                provider="generic", external_id=f"d-{n}", service="shop", environment="production", status=status,
                started_at=now - timedelta(hours=hours_ago, minutes=5), finished_at=now - timedelta(hours=hours_ago),
                first_commit_at=now - timedelta(hours=hours_ago + 1),
            )  # fmt: skip
        Deployment.objects.create(provider="generic", external_id="d-9", service="shop", environment="staging",
                                  status="running", started_at=now)  # fmt: skip
        Pipeline.objects.create(provider="generic", external_id="p-1", repository="acme/shop", status="running")
        collectors._dora_cache = None
        body = scrape(anon).content
        assert value(body, "chatops_pipelines", status="running") == 1
        assert value(body, "chatops_deployments", environment="production", status="success") == 3
        assert value(body, "chatops_deployments", environment="staging", status="running") == 1
        assert value(body, "chatops_dora_deployment_frequency_per_day", environment="production") == pytest.approx(
            3 / 30
        )
        assert value(body, "chatops_dora_change_failure_ratio", environment="production") == pytest.approx(1 / 4)
        assert value(body, "chatops_dora_lead_time_seconds", environment="production") == pytest.approx(3600, abs=1)
        # The failed deploy was restored by the next success, 6 hours later.
        assert value(body, "chatops_dora_time_to_restore_seconds", environment="production") == pytest.approx(
            6 * 3600, abs=1
        )
        assert value(body, "chatops_dora_deployment_frequency_per_day", environment="staging") is None


class TestQueues:
    def test_pending_webhook_and_notification_deliveries_and_jobs_due(self, anon, admin):
        from notifications.models import Delivery as NotificationDelivery
        from notifications.models import Notification
        from webhooks.models import Delivery, Webhook
        from worker.models import JobState

        hook = Webhook.objects.create(url="https://example.com/hook", events=["alert.created"], created_by=admin)
        Delivery.objects.create(webhook=hook, event="alert.created", body="{}")
        Delivery.objects.create(
            webhook=hook, event="alert.created", body="{}", status="succeeded", next_attempt_at=None
        )
        note = Notification.objects.create(type="test", subject="s", content="c")
        NotificationDelivery.objects.create(notification=note, kind="email", address="a@example.com")
        JobState.objects.create(name="a-job", next_run_at=timezone.now() - timedelta(seconds=1), last_error="boom")
        body = scrape(anon).content
        assert value(body, "chatops_webhook_deliveries_due") == 1
        assert value(body, "chatops_webhook_deliveries", status="succeeded") == 1
        assert value(body, "chatops_notification_deliveries_due") == 1
        assert value(body, "chatops_notification_deliveries", kind="email", status="pending") == 1
        assert value(body, "chatops_worker_jobs_due") == 1
        assert value(body, "chatops_worker_job_failing", job="a-job") == 1


class TestHubCounters:
    def test_a_job_run_and_a_failure_are_counted(self, anon):
        from chatops.registry import Job
        from worker import runner

        before = scrape(anon).content

        def fails() -> None:
            raise RuntimeError("expected")

        runner.run_due_jobs([Job("telemetry-ok", 60, lambda: 1), Job("telemetry-bad", 60, fails)])
        after = scrape(anon).content
        for job, outcome in (("telemetry-ok", "succeeded"), ("telemetry-bad", "failed")):
            was = value(before, "chatops_worker_job_runs_total", job=job, outcome=outcome) or 0
            assert value(after, "chatops_worker_job_runs_total", job=job, outcome=outcome) == was + 1


@pytest.mark.django_db(transaction=True)
async def test_ingest_counts_frames_batches_and_sockets(admin, server):
    from asgiref.sync import sync_to_async
    from rest_framework.test import APIClient

    async def get() -> bytes:
        return (await sync_to_async(scrape)(APIClient())).content

    before = await get()
    frames = value(before, "chatops_ingest_frames_total", outcome="stored") or 0
    batches = value(before, "chatops_ingest_batch_seconds_count") or 0
    agents = value(before, "chatops_open_sockets", kind="agent") or 0
    browsers = value(before, "chatops_open_sockets", kind="browser") or 0
    _, raw = await sync_to_async(create_api_key)(None, admin, name="agent", server=server)
    token = await sync_to_async(lambda: issue_tokens(admin).access_token)()
    browser = browser_socket(f"/api/v1/ws/metrics/{server.pk}", token)
    assert (await browser.connect())[0]
    agent, _ = await connect_agent(raw)
    now = time.time()
    for seq in (1, 2, 3):
        await send(agent, data(seq, ts=now + seq, cpu_percent=float(seq)))
        assert (await recv(agent, timeout=30))["type"] == "ack"
    during = await get()
    assert value(during, "chatops_ingest_frames_total", outcome="stored") == frames + 3
    assert value(during, "chatops_ingest_batch_seconds_count") >= batches + 1
    assert value(during, "chatops_ingest_batch_seconds_bucket", le="+Inf") == value(
        during, "chatops_ingest_batch_seconds_count"
    )
    assert value(during, "chatops_ingest_batch_seconds_sum") > 0
    assert value(during, "chatops_open_sockets", kind="agent") == agents + 1
    assert value(during, "chatops_open_sockets", kind="browser") == browsers + 1
    await agent.disconnect()
    await browser.disconnect()
    after = await get()
    assert value(after, "chatops_open_sockets", kind="agent") == agents
    assert value(after, "chatops_open_sockets", kind="browser") == browsers
