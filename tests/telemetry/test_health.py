"""``GET /api/v1/health``'s external services: the email provider probed for real (aiosmtpd, or
a port nobody listens on), each CI integration judged by its last delivery, each Kubernetes
cluster asked its version (kmock) or judged by its last snapshot. None of them is a 503."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from chatops import health
from k8s import services as k8s_services
from notifications.models import EmailProvider
from pipelines.models import Delivery
from tests.helpers import assert_ok
from tests.k8s.conftest import emulator, register  # noqa: F401  # the emulator fixture
from tests.notifications.conftest import SMTP_PASSWORD, SMTP_USER, free_port, smtp_server  # noqa: F401
from tests.pipelines.conftest import _integration, deliver, headers_for, payload

pytestmark = pytest.mark.django_db
SERVICE_KEYS = {"name", "kind", "status", "response_time_ms", "last_seen"}


@pytest.fixture(autouse=True)
def _probe_every_time(settings):
    settings.HEALTH_EXTERNAL_CACHE_SECONDS = 0
    settings.OUTGOING_ALLOW_PRIVATE = True  # the stand-ins listen on 127.0.0.1
    settings.K8S_ALLOW_PRIVATE = True
    health._external = None


def external(anon) -> dict:
    data = assert_ok(anon.get("/api/v1/health"))
    assert data["status"] == "healthy"
    assert set(data) == {"status", "version", "timestamp", "database", "channel_layer", "external_services"}
    assert list(data["external_services"]) == ["email", "ci", "kubernetes"]  # the apps' order
    for services in data["external_services"].values():
        for service in services:
            assert set(service) in (SERVICE_KEYS, SERVICE_KEYS | {"error"}), service
            assert (service["status"] == "down") == ("error" in service)
    return data["external_services"]


def smtp(port: int) -> EmailProvider:
    return EmailProvider.objects.create(
        pk=EmailProvider.SINGLETON, provider="smtp", host="127.0.0.1", port=port, security="none",
        username=SMTP_USER, password=SMTP_PASSWORD,
    )  # fmt: skip


class TestEmail:
    def test_a_reachable_smtp_server_is_up_with_its_response_time(self, anon, smtp_server):  # noqa: F811
        smtp(smtp_server.port)
        [email] = external(anon)["email"]
        assert (email["name"], email["kind"], email["status"]) == ("email", "smtp", "up")
        assert email["response_time_ms"] > 0
        assert smtp_server.inbox.logins == [SMTP_USER] and smtp_server.inbox.messages == []  # signed in, sent nothing

    def test_an_unreachable_one_is_down_and_the_hub_still_healthy(self, anon):
        smtp(free_port())
        [email] = external(anon)["email"]
        assert (email["status"], email["error"]) == ("down", "connect failed")
        assert "127.0.0.1" not in str(email)  # health is public: no host, no server reply

    def test_a_wrong_password_is_down_at_login(self, anon, smtp_server):  # noqa: F811
        provider = smtp(smtp_server.port)
        provider.password = "not-the-password"
        provider.save()
        [email] = external(anon)["email"]
        assert (email["status"], email["error"]) == ("down", "login failed")

    def test_a_backend_with_nothing_to_reach_is_unknown(self, anon):
        # The test settings' in-memory backend: nothing to probe without sending mail.
        [email] = external(anon)["email"]
        assert (email["kind"], email["status"], email["response_time_ms"]) == ("environment", "unknown", None)

    def test_probes_are_cached_between_requests(self, anon, smtp_server, settings):  # noqa: F811
        settings.HEALTH_EXTERNAL_CACHE_SECONDS = 60
        smtp(smtp_server.port)
        external(anon)
        external(anon)
        assert smtp_server.inbox.logins == [SMTP_USER]  # one probe for two requests


class TestCI:
    def test_each_integration_by_its_last_delivery(self, anon, admin):
        quiet = _integration(admin, "generic")
        good = _integration(admin, "github")
        bad = _integration(admin, "gitlab")
        now = timezone.now()
        Delivery.objects.create(
            integration=good, verdict="bad_signature", received_at=now - timezone.timedelta(hours=1)
        )
        Delivery.objects.create(integration=good, verdict="accepted", received_at=now)
        Delivery.objects.create(integration=bad, verdict="bad_signature", received_at=now)
        ci = {s["name"]: s for s in external(anon)["ci"]}
        assert ci[good.name]["status"] == "up" and ci[good.name]["kind"] == "github"
        assert ci[good.name]["last_seen"].startswith(now.strftime("%Y-%m-%dT%H:%M:%S"))
        assert ci[good.name]["response_time_ms"] is None  # CI pushes: nothing probed
        assert (ci[bad.name]["status"], ci[bad.name]["error"]) == ("down", "last delivery: bad_signature")
        assert (ci[quiet.name]["status"], ci[quiet.name]["last_seen"]) == ("unknown", None)

    def test_real_deliveries_through_the_receiver(self, anon, admin):
        integration = _integration(admin, "generic")
        deliver(integration, "", payload("generic/pipeline"), "jenkins-1")
        [entry] = external(anon)["ci"]
        assert (entry["status"], entry["kind"]) == ("up", "generic") and entry["last_seen"]
        # A sender with the wrong secret: the hub refuses it, and health says so.
        body = json.dumps(payload("generic/pipeline")).encode()
        headers = headers_for(integration, "", body, "jenkins-2", secret="not-the-shared-secret-0123456789")
        APIClient().post(
            f"/api/v1/integrations/generic/{integration.pk}", body, content_type="application/json", **headers
        )
        [entry] = external(anon)["ci"]
        assert (entry["status"], entry["error"]) == ("down", "last delivery: bad_signature")


class TestKubernetes:
    def test_a_pulled_cluster_is_asked_its_version(self, anon, admin, emulator):  # noqa: F811
        register(admin, emulator.url, name="prod-eu")
        [cluster] = external(anon)["kubernetes"]
        assert (cluster["name"], cluster["kind"], cluster["status"]) == ("prod-eu", "pull", "up")
        assert cluster["response_time_ms"] > 0

    def test_a_cluster_gone_is_down_and_the_hub_still_healthy(self, anon, admin, emulator):  # noqa: F811
        register(admin, emulator.url, name="prod-eu")
        emulator.stop()
        [cluster] = external(anon)["kubernetes"]
        assert (cluster["status"], cluster["error"]) == ("down", "MaxRetryError"), cluster

    def test_a_pushed_cluster_by_its_last_snapshot(self, anon, server):
        cluster = k8s_services.cluster_for_agent(server.pk, "edge", actions=False)
        [entry] = external(anon)["kubernetes"]
        assert (entry["name"], entry["kind"], entry["status"]) == ("edge", "push", "unknown")
        cluster.last_snapshot_at = timezone.now()
        cluster.save()
        [entry] = external(anon)["kubernetes"]
        assert (entry["status"], entry["response_time_ms"]) == ("up", None)
