"""The registries the apps fill from their ready(): entries in registration order, a name taken
twice refused, and the worker, webhooks and API keys built from what the apps registered."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured

from chatops import registry
from chatops.registry import ChatCommand, ChatReply, Job, Registry, ScopeResource, WebhookEvent


@contextmanager
def registered(reg: Registry[object], *names: str) -> Iterator[None]:
    """Remove what the block registered under ``names``, whatever happens in it."""
    try:
        yield
    finally:
        for name in names:
            if name in reg:
                reg.unregister(name)


class TestRegistry:
    def test_entries_come_back_in_registration_order(self):
        reg: Registry[int] = Registry("numbers")
        for value, name in enumerate(["c", "a", "b"]):
            reg.register(name, value)
        assert (reg.names(), reg.entries(), list(reg)) == (["c", "a", "b"], [0, 1, 2], ["c", "a", "b"])
        assert (reg.get("a"), reg.get("z"), "b" in reg, len(reg)) == (1, None, True, 3)

    def test_a_name_taken_twice_is_refused_and_the_first_entry_stays(self):
        reg: Registry[int] = Registry("numbers")
        reg.register("a", 1)
        with pytest.raises(ImproperlyConfigured, match="Two numbers are registered as 'a'"):
            reg.register("a", 2)
        assert reg.entries() == [1]

    def test_every_registration_moves_the_version_on(self):
        reg: Registry[int] = Registry("numbers")
        reg.register("a", 1)
        reg.unregister("a")
        assert reg.version == 2

    def test_reading_before_every_app_is_ready_is_an_error(self, monkeypatch):
        reg: Registry[int] = Registry("numbers")
        reg.register("a", 1)  # registering is what ready() does: allowed
        monkeypatch.setattr(apps, "ready", False)
        with pytest.raises(AppRegistryNotReady):
            reg.entries()


class TestJobs:
    def test_the_worker_runs_what_the_apps_registered_in_their_order(self):
        from agents.jobs import JOBS as AGENTS
        from alerts.jobs import JOBS as ALERTS
        from approvals.jobs import JOBS as APPROVALS
        from automation.jobs import JOBS as AUTOMATION
        from chat.jobs import JOBS as CHAT
        from helpdesk.jobs import JOBS as HELPDESK
        from k8s.jobs import JOBS as K8S
        from monitoring.jobs import JOBS as MONITORING
        from notifications.jobs import JOBS as NOTIFICATIONS
        from pipelines.jobs import JOBS as PIPELINES
        from triage.jobs import JOBS as TRIAGE
        from webhooks.jobs import JOBS as WEBHOOKS
        from worker import runner

        assert runner._jobs() == [
            *MONITORING, *ALERTS, *AGENTS, *WEBHOOKS, *NOTIFICATIONS, *APPROVALS, *CHAT, *TRIAGE, *HELPDESK,
            *PIPELINES, *AUTOMATION, *K8S,
        ]  # fmt: skip

    def test_the_jobs_keep_their_names_and_periods(self):
        from worker import runner

        assert {job.name: job.period for job in runner._jobs()} == {
            "monitoring.rollup": 2,
            "agents.offline": 15,
            "monitoring.prune": 3600,
            "agents.expire_commands": 30,
            "alerts.watch": 5,
            "alerts.email": 5,
            "alerts.route": 5,
            "webhooks.deliver": 1,
            "notifications.prune": 3600,
            "notifications.deliver": 1,
            "notifications.prune_sent": 3600,
            "approvals.expire": 15,
            "chat.prune_events": 3600,
            "triage.warm": 3600,
            "triage.retrain": 3600,
            "helpdesk.sla": 30,
            "helpdesk.incidents": 2,
            "pipelines.process_deliveries": 1,
            "pipelines.prune_deliveries": 3600,
            "automation.start_runs": 1,
            "automation.reap_runs": 10,
            "k8s.poll": 5,
            "k8s.watch": 30,
        }

    def test_a_job_name_registered_twice_is_an_error(self):
        with pytest.raises(ImproperlyConfigured, match=r"monitoring\.rollup"):
            registry.register_jobs(Job("monitoring.rollup", 60, lambda: None))
        assert [job.name for job in registry.jobs.entries()].count("monitoring.rollup") == 1

    def test_a_job_needs_a_period(self):
        with pytest.raises(ImproperlyConfigured, match="positive period"):
            registry.register_jobs(Job("test.never", 0, lambda: None))
        assert "test.never" not in registry.jobs

    def test_a_new_apps_job_is_run_by_the_worker(self):
        from worker import runner

        job = Job("test.job", 60, lambda: "ran")
        with registered(registry.jobs, job.name):
            registry.register_jobs(job)
            assert runner._jobs()[-1] == job


class TestWebhookEvents:
    def test_the_event_types_are_the_apps_in_the_schemas_order(self):
        from agents.events import CommandCompletedData
        from webhooks.choices import delivery_event_choices, event_choices

        assert [name for name, _ in event_choices()] == [
            "alert.created",
            "alert.acknowledged",
            "alert.resolved",
            "server.offline",
            "server.online",
            "command.completed",
            "approval.requested",
            "approval.decided",
            "message.created",
            "pipeline.started",
            "pipeline.completed",
            "pipeline.failed",
            "deployment.started",
            "deployment.completed",
            "playbook.completed",
            "playbook.failed",
        ]
        assert delivery_event_choices()[-1] == ("webhook.test", "Test ping")
        assert registry.webhook_events.get("command.completed") == WebhookEvent(
            "command.completed", "Command completed", CommandCompletedData
        )

    def test_an_event_type_registered_twice_is_an_error(self):
        with pytest.raises(ImproperlyConfigured, match=r"alert\.created"):
            registry.register_webhook_events(WebhookEvent("alert.created", "Again"))

    @pytest.mark.django_db
    def test_a_new_apps_event_can_be_queued_and_an_unknown_one_cannot(self):
        from webhooks.choices import event_choices
        from webhooks.services import enqueue

        with pytest.raises(ValueError, match="Unknown webhook event"):
            enqueue("test.happened", {})
        with registered(registry.webhook_events, "test.happened"):
            registry.register_webhook_events(WebhookEvent("test.happened", "Test happened"))
            assert event_choices()[-1] == ("test.happened", "Test happened")
            assert enqueue("test.happened", {}) == 0  # known now; no webhook subscribes to it


class TestScopes:
    def test_every_rest_route_is_given_a_resource_by_its_app(self):
        from accounts.checks import check_route_scopes

        assert check_route_scopes() == []

    def test_a_route_no_app_registered_is_named_by_the_check(self):
        from accounts.checks import check_route_scopes

        resource = registry.api_routes.get("servers-api:server-list")
        registry.api_routes.unregister("servers-api:server-list")
        try:
            assert [(error.id, "servers-api:server-list" in error.msg) for error in check_route_scopes()] == [
                ("accounts.E001", True)
            ]
        finally:
            registry.register_api_routes({"servers-api:server-list": resource})

    def test_a_route_naming_an_unknown_resource_is_named_by_the_check(self):
        from accounts.checks import check_route_scopes

        with registered(registry.api_routes, "test-api:thing"):
            registry.register_api_routes({"test-api:thing": "things"})
            assert [error.id for error in check_route_scopes()] == ["accounts.E002"]

    def test_a_route_registered_twice_is_an_error(self):
        with pytest.raises(ImproperlyConfigured, match="servers-api:server-list"):
            registry.register_api_routes({"servers-api:server-list": "metrics"})
        from accounts import scopes

        assert scopes.needed_scope("servers-api:server-list", "GET") == "servers:read"

    def test_a_new_apps_resource_joins_the_vocabulary_before_the_accounts_own(self):
        from accounts import scopes
        from accounts.choices import Role

        with registered(registry.scope_resources, "things"), registered(registry.api_routes, "things-api:list"):
            registry.register_scope_resources(ScopeResource("things", read=Role.VIEWER, write=Role.ADMIN))
            registry.register_api_routes({"things-api:list": "things"})
            assert scopes.all_scopes()[-6:] == (
                "things:read",
                "things:write",
                "audit:read",
                "profile:read",
                "agent",
                "enrol",
            )
            assert "things:read" in scopes.default_scopes()
            assert scopes.needed_scope("things-api:list", "POST") == "things:write"
            assert scopes.role_allows("operator", "things:write") is False
        assert "things:read" not in scopes.all_scopes()
        assert scopes.needed_scope("things-api:list", "GET") is None

    def test_credentials_routes_refuse_every_key(self):
        from accounts import scopes

        assert registry.api_routes.get("accounts-api:api-key-list") is None
        assert "accounts-api:api-key-list" in registry.api_routes
        assert scopes.needed_scope("accounts-api:api-key-list", "GET") is None


class TestChatCommands:
    def test_a_command_is_found_by_its_name_in_any_case(self):
        def echo(actor, arguments):
            return ChatReply(" ".join(arguments))

        command = ChatCommand("test-echo", "Say it back.", echo, usage="<text>", min_args=1)
        with registered(registry.chat_commands, "test-echo"):
            assert registry.register_chat_command(command) is command
            assert registry.chat_command("TEST-ECHO") is command
            assert command.run(None, ["hi", "there"]) == ChatReply("hi there")
        assert registry.chat_command("test-echo") is None

    def test_a_command_says_how_many_arguments_it_takes_and_how_it_is_typed(self):
        command = ChatCommand("test-echo", "Say it back.", lambda actor, arguments: ChatReply(""), usage="<a> [b]",
                              min_args=1, max_args=2)  # fmt: skip
        assert [command.accepts(n) for n in range(4)] == [False, True, True, False]
        assert command.synopsis == "/test-echo <a> [b]"
        assert ChatCommand("x", "X.", lambda actor, arguments: ChatReply("")).synopsis == "/x"

    def test_a_command_name_taken_twice_is_an_error(self):
        with registered(registry.chat_commands, "test-echo"):
            registry.register_chat_command(ChatCommand("test-echo", "Once.", lambda actor, arguments: ChatReply("")))
            with pytest.raises(ImproperlyConfigured, match="test-echo"):
                registry.register_chat_command(
                    ChatCommand("test-echo", "Twice.", lambda actor, arguments: ChatReply(""))
                )

    @pytest.mark.parametrize("name", ["", "Run", "/run", "run now", "-run", "x" * 33])
    def test_a_command_name_is_lower_case_letters_digits_and_dashes(self, name):
        with pytest.raises(ImproperlyConfigured, match="lower case"):
            registry.register_chat_command(ChatCommand(name, "Bad.", lambda actor, arguments: ChatReply("")))
        assert name not in registry.chat_commands


class TestMetricCollectors:
    def test_each_app_brings_its_own_in_app_order(self):
        assert registry.metric_collectors.names() == [
            "fleet", "alerts", "webhooks", "notifications", "pipelines", "kubernetes", "hub", "worker",
        ]  # fmt: skip

    def test_a_new_apps_collector_is_scraped_and_a_failing_one_reported(self, client, settings, db):
        from prometheus_client.core import GaugeMetricFamily

        def things():
            yield GaugeMetricFamily("chatops_test_things", "Things.", value=7)

        def broken():
            raise RuntimeError("expected")

        settings.METRICS_BEARER_TOKEN = "scrape-token-0123456789abcdef"
        with registered(registry.metric_collectors, "things", "broken"):
            registry.register_metric_collector("things", things)
            registry.register_metric_collector("broken", broken)
            with pytest.raises(ImproperlyConfigured, match="things"):
                registry.register_metric_collector("things", things)
            body = client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-token-0123456789abcdef").content.decode()
        assert "chatops_test_things 7.0" in body
        assert 'chatops_collector_up{collector="broken"} 0.0' in body
        assert 'chatops_collector_up{collector="fleet"} 1.0' in body


class TestHealthChecks:
    def test_each_app_brings_its_own_in_app_order(self):
        assert registry.health_checks.names() == ["email", "ci", "kubernetes"]

    def test_a_new_apps_check_is_reported_and_a_failing_one_is_down_not_a_503(self, client, settings, db):
        from chatops import health

        settings.HEALTH_EXTERNAL_CACHE_SECONDS = 0

        def vault():
            return [registry.ServiceStatus("vault-1", "vault", "up", 1.5)]

        def broken():
            raise RuntimeError("expected")

        with registered(registry.health_checks, "vault", "broken"):
            registry.register_health_check("vault", vault)
            registry.register_health_check("broken", broken)
            health._external = None
            response = client.get("/api/v1/health")
        assert response.status_code == 200
        services = response.json()["data"]["external_services"]
        assert services["vault"] == [
            {"name": "vault-1", "kind": "vault", "status": "up", "response_time_ms": 1.5, "last_seen": None}
        ]
        [down] = services["broken"]
        assert (down["status"], down["error"]) == ("down", "RuntimeError")
