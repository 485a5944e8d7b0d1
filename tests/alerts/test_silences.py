"""Silences: matchers, laid on alerts as they fire or as the silence begins, lifted on time or
when expired early; a silenced alert exists, shows as silenced and is not sent (routes, alert
emails); one still firing when its silence ends is sent then."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.actor import Actor
from accounts.models import AuditLog
from alerts.jobs import send_emails
from alerts.matchers import Labels, Matcher, matcher_problems
from alerts.models import Alert, EmailNotification
from alerts.routing_models import AlertActivity, Silence
from alerts.services import send_repeats
from alerts.services.routing import route_alerts
from alerts.services.silences import SilenceExpired, create_silence, expire_silence, update_silence
from tests.alerts.routing_helpers import after, breach, cpu_threshold, notifications, route, servers
from tests.helpers import assert_ok

pytestmark = pytest.mark.django_db


def on(server: str) -> list[dict[str, str]]:
    return [{"label": "server", "op": "=", "value": server}]


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def web(admin):
    return servers(3, "web")


@pytest.fixture
def as_operator(operator):
    return Actor.for_user(operator, "api")


class TestMatchers:
    LABELS = Labels("critical", "threshold", "7", "High CPU", "web-01", 1, frozenset({"web", "prod"}))

    @pytest.mark.parametrize(
        ("label", "op", "value", "matches"),
        [
            ("severity", "=", "critical", True),
            ("severity", "!=", "critical", False),
            ("server", "=", "WEB-01", True),
            ("server", "=~", "web-0[1-3]", True),
            ("server", "=~", "web", False),  # the whole value, as in Alertmanager
            ("server", "!~", "db-.*", True),
            ("tag", "=", "prod", True),
            ("tag", "!=", "prod", False),
            ("tag", "=~", "pr.*", True),
            ("tag", "!~", "staging|dev", True),
            ("threshold", "=", "7", True),
            ("kind", "=", "server.offline", False),
            ("alert_name", "=", "high cpu", True),
        ],
    )
    def test_each_label_and_operator(self, label, op, value, matches):
        assert Matcher.of({"label": label, "op": op, "value": value}).matches(self.LABELS) is matches

    @pytest.mark.parametrize(
        "matchers",
        [
            [],
            "server=web",
            [{"label": "host", "op": "=", "value": "x"}],
            [{"label": "server", "op": "==", "value": "x"}],
            [{"label": "server", "op": "=~", "value": "(unclosed"}],
            [{"label": "severity", "op": "=", "value": "fatal"}],
            [{"label": "threshold", "op": "=", "value": "seven"}],
            [{"label": "server", "op": "=", "value": "  "}],
            [{"label": "server", "op": "=", "value": "x", "extra": 1}],
            [{"label": "server", "op": "=", "value": "x"}] * 21,
        ],
    )
    def test_bad_matchers_are_refused(self, matchers):
        assert matcher_problems(matchers)


class TestSilencing:
    def test_an_alert_firing_under_a_silence_exists_shows_as_silenced_and_is_not_sent(
        self, admin, operator, viewer_client, as_operator, web, now
    ):
        operator.alert_emails = True
        operator.save()
        cpu_threshold()
        route(admin, users=[operator.pk])
        silence = create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 3600), comment="maintenance")
        silenced, *others = breach(web)
        assert silenced.silence == silence and all(a.silence is None for a in others)
        shown = assert_ok(viewer_client.get(f"/api/v1/alerts/{silenced.pk}"))
        assert (shown["silenced"], shown["silence"], shown["status"]) == (True, silence.pk, "firing")
        assert assert_ok(viewer_client.get(f"/api/v1/alerts/{others[0].pk}"))["silenced"] is False
        # No email for it; the others' go out.
        assert sorted(EmailNotification.objects.values_list("alert_id", flat=True)) == sorted(a.pk for a in others)
        route_alerts(now)
        route_alerts(after(now, 30))
        [sent] = notifications()
        assert sorted(sent.data["firing"]) == sorted(a.pk for a in others)
        assert "web-01" not in sent.content
        held = assert_ok(viewer_client.get(f"/api/v1/silences/{silence.pk}"))
        assert (held["state"], held["alerts"]) == ("active", [silenced.pk])

    def test_it_ends_on_time_and_an_alert_still_firing_is_sent_then(self, admin, operator, as_operator, web, now):
        operator.alert_emails = True
        operator.save()
        cpu_threshold()
        route(admin, users=[operator.pk], group_interval_seconds=300)
        create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 600))
        alert, *_ = breach(web)
        route_alerts(now)
        route_alerts(after(now, 30))
        assert len(notifications()) == 1
        route_alerts(after(now, 330))
        assert route_alerts(after(now, 599))["released"] == 0
        alert.refresh_from_db()
        assert alert.silence is not None and len(notifications()) == 1
        counts = route_alerts(after(now, 600))
        assert (counts["released"], counts["notified"]) == (1, 1)
        alert.refresh_from_db()
        assert alert.silence is None
        told = notifications()[-1]
        assert told.data["firing"] == sorted(told.data["firing"]) and alert.pk in told.data["firing"]
        assert "- web-01:" in told.content
        assert EmailNotification.objects.filter(alert=alert, event="alert.unsilenced").count() == 1
        kinds = list(alert.activity.values_list("kind", flat=True))
        assert kinds == ["silenced", "unsilenced", "notified"]

    def test_the_alert_email_after_the_silence_says_so(self, operator, as_operator, web, now):
        operator.alert_emails = True
        operator.save()
        cpu_threshold()
        create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 60))
        breach(web[:1])
        route_alerts(after(now, 60))
        assert send_emails() == 1
        assert mail.outbox[0].subject.startswith("[ChatOps] FIRING (silence ended): High CPU on web-01")

    def test_an_alert_resolved_during_its_silence_is_not_sent_after(self, admin, operator, as_operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk])
        create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 60))
        breach(web[:1])
        route_alerts(now)
        from tests.alerts.routing_helpers import clear

        clear(web[:1])
        route_alerts(after(now, 60))
        route_alerts(after(now, 400))
        assert notifications() == []

    def test_a_silence_on_an_alert_already_firing_holds_it_at_once(self, admin, operator, as_operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk])
        alert = breach(web[:1])[0]
        silence = create_silence(
            as_operator, matchers=[{"label": "tag", "op": "=", "value": "web"}], ends_at=after(now, 60)
        )
        alert.refresh_from_db()
        assert alert.silence == silence
        route_alerts(now)
        route_alerts(after(now, 30))
        assert notifications() == []

    def test_expired_early_it_releases_its_alerts_and_they_are_sent(self, admin, operator, as_operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk])
        silence = create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 3600))
        alert = breach(web[:1])[0]
        route_alerts(now)
        route_alerts(after(now, 30))
        assert notifications() == []
        expire_silence(as_operator, silence, now=after(now, 40))
        silence.refresh_from_db()
        alert.refresh_from_db()
        assert silence.ends_at == after(now, 40) and alert.silence is None
        route_alerts(after(now, 40))
        [sent] = notifications()
        assert sent.data["firing"] == [alert.pk]
        with pytest.raises(SilenceExpired):
            expire_silence(as_operator, silence, now=after(now, 41))
        assert list(AuditLog.objects.filter(action__startswith="silence.").values_list("action", flat=True)) == [
            "silence.expired",
            "silence.created",
        ]

    def test_another_silence_keeps_holding_it(self, operator, as_operator, web, now):
        cpu_threshold()
        short = create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 60))
        long = create_silence(
            as_operator, matchers=[{"label": "tag", "op": "=", "value": "web"}], ends_at=after(now, 600)
        )
        alert = breach(web[:1])[0]
        assert alert.silence == long  # the one that lasts longest
        expire_silence(as_operator, long, now=after(now, 10))
        alert.refresh_from_db()
        assert alert.silence == short
        route_alerts(after(now, 60))
        alert.refresh_from_db()
        assert alert.silence is None

    def test_a_silence_that_begins_later_is_laid_when_it_begins(self, admin, operator, as_operator, web, now):
        cpu_threshold()
        route(admin, users=[operator.pk], group_wait_seconds=300)
        silence = create_silence(as_operator, matchers=on("web-01"), starts_at=after(now, 100), ends_at=after(now, 200))
        alert = breach(web[:1])[0]
        assert alert.silence is None
        route_alerts(now)
        assert route_alerts(after(now, 100))["silences_begun"] == 1
        alert.refresh_from_db()
        assert alert.silence == silence
        route_alerts(after(now, 199))
        assert route_alerts(after(now, 200))["released"] == 1
        route_alerts(after(now, 300))
        assert len(notifications()) == 1

    def test_changing_matchers_lifts_it_from_alerts_it_no_longer_matches(self, as_operator, web, now):
        cpu_threshold()
        silence = create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 600))
        first, second, _third = breach(web)
        update_silence(as_operator, silence, matchers=on("web-02"))
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.silence, second.silence) == (None, silence)
        update_silence(as_operator, silence, ends_at=after(now, -1))
        silence.refresh_from_db()
        second.refresh_from_db()
        assert second.silence is None and silence.state(timezone.now()) == "expired"
        with pytest.raises(SilenceExpired):
            update_silence(as_operator, silence, comment="too late")

    def test_repeats_skip_silenced_alerts(self, as_operator, web, now):
        cpu_threshold(repeat_interval_seconds=60)
        create_silence(as_operator, matchers=on("web-01"), ends_at=after(now, 6000))
        breach(web[:2])
        assert send_repeats(now=after(now, 120)) == 1

    def test_the_silent_server_alert_is_silenced_too(self, settings, as_operator, web, now):
        settings.ALERTS_OFFLINE_AFTER_SECONDS = 60
        from alerts.services import evaluate_offline
        from servers.models import Server

        Server.objects.filter(pk=web[0].pk).update(last_seen=after(now, -600))
        kind = [{"label": "kind", "op": "=", "value": "server.offline"}]
        create_silence(as_operator, matchers=kind, ends_at=after(now, 60), now=now)
        evaluate_offline(now=now)
        alert = Alert.objects.get(kind="server.offline")
        assert alert.silence is not None
        assert AlertActivity.objects.get(alert=alert).kind == "silenced"

    def test_viewers_cannot_silence(self, viewer, web, now):
        from rest_framework.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            create_silence(Actor.for_user(viewer, "api"), matchers=on("web-01"), ends_at=after(now, 60))
        assert not Silence.objects.exists()

    def test_ends_must_follow_starts_and_lie_ahead(self, as_operator, now):
        from rest_framework.exceptions import ValidationError

        with pytest.raises(ValidationError):
            create_silence(as_operator, matchers=on("x"), ends_at=after(now, -1))
        with pytest.raises(ValidationError):
            create_silence(as_operator, matchers=on("x"), starts_at=after(now, 60), ends_at=after(now, 30))
        with pytest.raises(ValidationError):
            create_silence(as_operator, matchers=[], ends_at=after(now, 30))
        assert not Silence.objects.exists()


def test_an_expired_pending_silence_starts_and_ends_now(as_operator, now):
    silence = create_silence(as_operator, matchers=on("x"), starts_at=after(now, 600), ends_at=after(now, 900))
    expire_silence(as_operator, silence, now=now)
    silence.refresh_from_db()
    assert silence.starts_at == silence.ends_at == now
    assert silence.state(now + timedelta(seconds=1)) == "expired"
