"""Thresholds evaluated on real samples through the ingest service: duration, hysteresis,
episodes, peaks, scopes, repeats and the silent server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import override_settings

from accounts.actor import Actor
from alerts.jobs import send_emails
from alerts.models import Alert, AlertKind, AlertStatus, EmailNotification, Threshold, ThresholdState
from alerts.services import evaluate_offline, send_repeats
from monitoring.ingest import FrameIn, record_samples
from servers.models import Tag
from tests.factories import ServerFactory

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


class Feed:
    """An agent stream of one server: ``feed(seconds, cpu_percent=…)`` stores one sample at
    T0 + seconds through ``record_samples`` and returns the batch's live events."""

    def __init__(self, server):
        self.server = server
        self.seq = 0

    def __call__(self, at: float, **values: float):
        self.seq += 1
        frame = FrameIn(
            self.server.pk,
            "stream-alerts1",
            {
                "type": "data",
                "seq": self.seq,
                "samples": [{"ts": (T0 + timedelta(seconds=at)).timestamp(), "values": values}],
                "logs": [],
                "dropped": {"samples": 0, "logs": 0},
            },
        )
        return [event for _group, event in record_samples([frame]).events if event["type"].startswith("alert.")]


def threshold(**fields) -> Threshold:
    defaults = {
        "name": "High CPU",
        "metric": "cpu_percent",
        "operator": ">",
        "value": 90.0,
        "duration_seconds": 60,
        "clear_value": 80.0,
        "severity": "critical",
        "scope": "all",
    }
    return Threshold.objects.create(**{**defaults, **fields})


@pytest.fixture
def feed(server):
    return Feed(server)


def open_alerts():
    return list(Alert.objects.filter(status__in=["firing", "acknowledged"]))


class TestDuration:
    def test_fires_only_after_the_condition_held_for_its_duration(self, feed):
        rule = threshold()
        assert feed(0, cpu_percent=95) == []
        assert ThresholdState.objects.filter(threshold=rule).count() == 1
        assert feed(30, cpu_percent=97) == []
        assert feed(59, cpu_percent=93) == []
        assert open_alerts() == []
        events = feed(60, cpu_percent=92)
        assert [e["type"] for e in events] == ["alert.created"]
        alert = Alert.objects.get()
        assert alert.status == AlertStatus.FIRING
        assert alert.value == 92
        assert alert.peak_value == 97
        assert alert.started_at == T0
        assert events[0]["alert"]["id"] == alert.pk
        assert events[0]["alert"]["server_name"] == feed.server.name
        assert not ThresholdState.objects.exists()

    def test_a_dip_below_restarts_the_duration(self, feed):
        threshold()
        feed(0, cpu_percent=95)
        feed(50, cpu_percent=85)  # not breached (but above clear): the pending breach ends
        assert not ThresholdState.objects.exists()
        feed(55, cpu_percent=95)
        assert feed(100, cpu_percent=95) == []
        assert feed(115, cpu_percent=95)[0]["type"] == "alert.created"
        assert Alert.objects.get().started_at == T0 + timedelta(seconds=55)

    def test_zero_duration_fires_at_the_first_breach(self, feed):
        threshold(duration_seconds=0)
        assert feed(0, cpu_percent=91)[0]["type"] == "alert.created"

    def test_samples_without_the_metric_change_nothing(self, feed):
        threshold(duration_seconds=0)
        assert feed(0, memory_percent=99) == []
        assert not ThresholdState.objects.exists()

    def test_a_pending_breach_survives_between_batches_in_the_database(self, feed):
        """Nothing is kept in memory: a hub restarted between these two batches continues."""
        threshold()
        feed(0, cpu_percent=95)
        state = ThresholdState.objects.get()
        assert state.pending_since == T0
        assert feed(60, cpu_percent=95)[0]["type"] == "alert.created"


class TestHysteresis:
    def test_does_not_flap_around_the_threshold_and_resolves_past_the_clear_value(self, feed):
        threshold(duration_seconds=0)
        assert feed(0, cpu_percent=91)[0]["type"] == "alert.created"
        # Around the threshold, above the clear value: the same alert stays open, no new one.
        for i, value in enumerate([89, 91, 85, 92, 81, 95, 88], start=1):
            assert feed(i, cpu_percent=value) == []
        assert Alert.objects.count() == 1
        alert = Alert.objects.get()
        assert alert.status == AlertStatus.FIRING
        assert alert.peak_value == 95
        events = feed(10, cpu_percent=79.9)
        assert [e["type"] for e in events] == ["alert.resolved"]
        alert.refresh_from_db()
        assert alert.status == AlertStatus.RESOLVED
        assert alert.resolved_at == T0 + timedelta(seconds=10)
        assert alert.resolved_by is None
        assert events[0]["alert"]["status"] == "resolved"

    def test_a_new_episode_opens_a_new_alert(self, feed):
        threshold(duration_seconds=0)
        feed(0, cpu_percent=95)
        feed(1, cpu_percent=50)
        feed(2, cpu_percent=96)
        alerts = list(Alert.objects.order_by("pk"))
        assert [a.status for a in alerts] == ["resolved", "firing"]
        assert alerts[1].value == 96

    def test_without_clear_value_it_resolves_when_no_longer_breached(self, feed):
        threshold(duration_seconds=0, clear_value=None)
        feed(0, cpu_percent=95)
        assert feed(1, cpu_percent=90)[0]["type"] == "alert.resolved"

    def test_below_operators_clear_above_the_clear_value(self, feed):
        threshold(name="Low disk free", metric="disk_free_percent", operator="<=", value=10, clear_value=15,
                  duration_seconds=0)  # fmt: skip
        feed(0, disk_free_percent=9)
        assert feed(1, disk_free_percent=14) == []
        assert Alert.objects.get().peak_value == 9
        feed(2, disk_free_percent=5)
        assert Alert.objects.get().peak_value == 5
        assert feed(3, disk_free_percent=15.5)[0]["type"] == "alert.resolved"

    def test_an_acknowledged_alert_resolves_by_itself_too(self, feed, operator):
        threshold(duration_seconds=0)
        feed(0, cpu_percent=95)
        Alert.objects.update(status=AlertStatus.ACKNOWLEDGED)
        assert feed(1, cpu_percent=10)[0]["type"] == "alert.resolved"


class TestScope:
    def test_server_scope_watches_that_server_only(self, server, admin):
        other = ServerFactory(created_by=admin)
        threshold(scope="server", server=other, duration_seconds=0)
        assert Feed(server)(0, cpu_percent=99) == []
        assert Feed(other)(0, cpu_percent=99)[0]["alert"]["server"] == other.pk

    def test_tag_scope_watches_servers_with_the_tag(self, server, admin):
        web = Tag.objects.create(name="web")
        tagged = ServerFactory(created_by=admin)
        tagged.tags.add(web)
        threshold(scope="tag", tag=web, duration_seconds=0)
        assert Feed(server)(0, cpu_percent=99) == []
        assert len(Feed(tagged)(0, cpu_percent=99)) == 1

    def test_disabled_thresholds_do_nothing(self, feed):
        threshold(duration_seconds=0, enabled=False)
        assert feed(0, cpu_percent=99) == []

    def test_two_servers_in_one_batch_each_get_their_alert(self, server, admin):
        other = ServerFactory(created_by=admin)
        threshold(duration_seconds=0)
        frames = [
            FrameIn(s.pk, "stream-alerts1", {"type": "data", "seq": 1, "logs": [], "dropped": {"samples": 0, "logs": 0},
                    "samples": [{"ts": T0.timestamp(), "values": {"cpu_percent": 99.0}}]})
            for s in (server, other)
        ]  # fmt: skip
        events = record_samples(frames).events
        assert sorted(e["alert"]["server"] for _g, e in events if e["type"] == "alert.created") == sorted(
            [server.pk, other.pk]
        )


class TestRepeatAndEmail:
    def test_repeats_at_its_interval_until_acknowledged(self, feed, admin):
        rule = threshold(duration_seconds=0, repeat_interval_seconds=300)
        feed(0, cpu_percent=95)
        alert = Alert.objects.get()
        fired = alert.last_notified_at
        assert send_repeats(now=fired + timedelta(seconds=299)) == 0
        assert send_repeats(now=fired + timedelta(seconds=300)) == 1
        assert send_repeats(now=fired + timedelta(seconds=301)) == 0
        assert send_repeats(now=fired + timedelta(seconds=600)) == 1
        alert.refresh_from_db()
        assert alert.notifications_sent == 3
        Alert.objects.update(status=AlertStatus.ACKNOWLEDGED)
        assert send_repeats(now=fired + timedelta(seconds=3600)) == 0
        rule.repeat_interval_seconds = 0
        rule.save()
        Alert.objects.update(status=AlertStatus.FIRING)
        assert send_repeats(now=fired + timedelta(seconds=7200)) == 0

    def test_users_who_opted_in_get_email_when_it_fires_repeats_and_resolves(self, feed, admin, operator, viewer):
        operator.alert_emails = True
        operator.save()
        threshold(duration_seconds=0, repeat_interval_seconds=60)
        feed(0, cpu_percent=95)
        send_repeats(now=Alert.objects.get().last_notified_at + timedelta(seconds=60))
        feed(1, cpu_percent=10)
        assert list(EmailNotification.objects.values_list("event", flat=True)) == [
            "alert.created",
            "alert.repeated",
            "alert.resolved",
        ]
        assert send_emails() == 3
        assert [m.to for m in mail.outbox] == [[operator.email]] * 3
        assert "FIRING: High CPU on" in mail.outbox[0].subject
        assert "STILL FIRING" in mail.outbox[1].subject
        assert "RESOLVED" in mail.outbox[2].subject
        assert send_emails() == 0

    def test_alert_email_goes_through_the_provider_an_admin_configured(self, feed, admin, operator, smtp_server):
        from notifications.services.email_provider import update_email_provider
        from tests.notifications.conftest import SMTP_PASSWORD, SMTP_USER

        update_email_provider(
            Actor.for_user(admin, "api"), provider="smtp", host=smtp_server.host, port=smtp_server.port,
            security="none", username=SMTP_USER, password=SMTP_PASSWORD, from_email="Hub <hub@example.com>",
        )  # fmt: skip
        operator.alert_emails = True
        operator.save()
        threshold(duration_seconds=0)
        with override_settings(OUTGOING_ALLOW_PRIVATE=True):
            feed(0, cpu_percent=95)
            assert send_emails() == 1
        assert mail.outbox == []  # not Django's EMAIL_* backend
        [(sender, to, raw)] = smtp_server.inbox.messages
        assert (sender, to, smtp_server.inbox.logins) == ("hub@example.com", [operator.email], [SMTP_USER])
        assert b"FIRING: High CPU on" in raw

    def test_nobody_opted_in_no_email(self, feed, admin):
        threshold(duration_seconds=0)
        feed(0, cpu_percent=95)
        assert not EmailNotification.objects.exists()


class TestServerOffline:
    def test_a_silent_server_raises_and_clears_server_offline(self, feed, settings):
        settings.ALERTS_OFFLINE_AFTER_SECONDS = 120
        feed(0, cpu_percent=5)  # last_seen = now
        server = feed.server
        server.refresh_from_db()
        seen = server.last_seen
        assert evaluate_offline(now=seen + timedelta(seconds=119)) == {"raised": 0, "resolved": 0}
        assert evaluate_offline(now=seen + timedelta(seconds=121)) == {"raised": 1, "resolved": 0}
        # Raised once, not again while it stays silent.
        assert evaluate_offline(now=seen + timedelta(seconds=500)) == {"raised": 0, "resolved": 0}
        alert = Alert.objects.get()
        assert alert.kind == AlertKind.SERVER_OFFLINE
        assert alert.severity == "critical"
        assert alert.started_at == seen
        # The agent's next sample resolves it.
        events = feed(600, cpu_percent=5)
        assert [e["type"] for e in events] == ["alert.resolved"]
        alert.refresh_from_db()
        assert alert.status == AlertStatus.RESOLVED

    def test_the_job_resolves_it_when_the_agent_is_heard_again(self, server, settings):
        settings.ALERTS_OFFLINE_AFTER_SECONDS = 60
        past = T0 - timedelta(hours=1)
        type(server).objects.filter(pk=server.pk).update(last_seen=past)
        assert evaluate_offline(now=T0)["raised"] == 1
        type(server).objects.filter(pk=server.pk).update(last_seen=T0)  # a hello, no sample yet
        assert evaluate_offline(now=T0 + timedelta(seconds=5)) == {"raised": 0, "resolved": 1}

    def test_other_alerts_of_the_server_do_not_hide_a_new_silence(self, feed, settings):
        """An open threshold alert and a past (resolved) silence must not count as an open
        silence."""
        settings.ALERTS_OFFLINE_AFTER_SECONDS = 60
        threshold(duration_seconds=0)
        feed(0, cpu_percent=99)
        server = feed.server
        type(server).objects.filter(pk=server.pk).update(last_seen=T0)
        assert evaluate_offline(now=T0 + timedelta(seconds=61))["raised"] == 1
        type(server).objects.filter(pk=server.pk).update(last_seen=T0 + timedelta(seconds=62))
        assert evaluate_offline(now=T0 + timedelta(seconds=63))["resolved"] == 1
        assert evaluate_offline(now=T0 + timedelta(seconds=200))["raised"] == 1
        assert Alert.objects.filter(kind=AlertKind.SERVER_OFFLINE).count() == 2

    def test_never_seen_servers_and_the_off_switch(self, server, settings):
        assert evaluate_offline()["raised"] == 0  # never connected: nothing to miss
        type(server).objects.filter(pk=server.pk).update(last_seen=T0)
        settings.ALERTS_OFFLINE_AFTER_SECONDS = 0
        assert evaluate_offline() == {"raised": 0, "resolved": 0}


class TestCustomMetrics:
    def test_custom_metrics_about_a_server_are_evaluated(self, server, admin_client):
        threshold(name="Queue deep", metric="queue_depth", operator=">=", value=100, clear_value=None,
                  duration_seconds=0)  # fmt: skip
        body = {
            "metrics": [
                {"name": "queue_depth", "value": 150, "server": server.pk, "timestamp": T0.isoformat()},
                {"name": "queue_depth", "value": 999},  # no server: nothing to alert on
            ]
        }
        response = admin_client.post("/api/v1/metrics", body, format="json")
        assert response.status_code == 201, response.content
        alert = Alert.objects.get()
        assert (alert.server_id, alert.metric, alert.value) == (server.pk, "queue_depth", 150)


class TestThresholdsKeptPerProcess:
    """The enabled thresholds are kept between batches and loaded again when the table
    changes: one statement a batch when nothing is pending."""

    def test_a_batch_with_nothing_pending_reads_one_statement(self, feed, django_assert_num_queries):
        threshold(value=90.0)
        feed(0, cpu_percent=10)  # the thresholds are loaded here
        samples = [(feed.server.pk, (T0 + timedelta(seconds=1)).timestamp(), {"cpu_percent": 10.0})]
        from alerts.services import evaluate

        with django_assert_num_queries(1):
            assert evaluate(samples, servers_locked=True) == []

    def test_a_changed_threshold_counts_from_the_next_batch(self, feed, admin, rf):
        from alerts.services import update_threshold

        rule = threshold(value=90.0, duration_seconds=0)
        assert feed(0, cpu_percent=50) == []
        request = rf.post("/")
        request.user = admin
        update_threshold(Actor.from_request(request, via="admin"), rule, value=40.0)
        assert [e["type"] for e in feed(1, cpu_percent=50)] == ["alert.created"]

    def test_a_disabled_deleted_or_new_threshold_counts_from_the_next_batch(self, feed):
        rule = threshold(value=90.0, duration_seconds=0, clear_value=None)
        assert [e["type"] for e in feed(0, cpu_percent=95)] == ["alert.created"]
        rule.enabled = False
        rule.save()
        Alert.objects.all().delete()
        assert feed(1, cpu_percent=95) == []
        rule.delete()
        assert feed(2, cpu_percent=95) == []
        threshold(name="Other", value=90.0, duration_seconds=0)
        assert [e["type"] for e in feed(3, cpu_percent=95)] == ["alert.created"]
