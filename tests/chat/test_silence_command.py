"""``/silence`` and ``/unsilence`` typed in a room: an alert or a server's alerts silenced for a
while, by operators and admins, as the person who typed it (the audit says via chat). The
command runs on the hub's command threads, so these tests commit (transaction=True)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AuditLog
from alerts.chat import parse_duration
from alerts.models import Alert
from alerts.routing_models import Silence
from tests.chat.commanding import answer, room_with
from tests.factories import ServerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alert(admin):
    server = ServerFactory(name="web-01", created_by=admin)
    return Alert.objects.create(
        server=server, name="disk full", metric="disk_percent", severity="critical", message="disk 97%",
        started_at=timezone.now(),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400), ("1h30m", 5400), ("2H", 7200), ("365d", 365 * 86400)],
)
def test_durations(text, seconds):
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "0m", "soon", "5", "1x", "-5m", "366d", "m30"])
def test_not_durations(text):
    assert parse_duration(text) is None


def test_silence_an_alert_from_chat_and_end_it(operator, viewer, alert):
    room = room_with(operator, viewer)
    before = timezone.now()
    reply = answer(operator, room, f"/silence #{alert.pk} 2h rotating the logs")
    silence = Silence.objects.get()
    assert reply.content == (
        f"Silenced disk full on web-01 until {silence.ends_at:%Y-%m-%d %H:%M} UTC (silence #{silence.pk}, "
        f"1 open alert(s) held). `/unsilence {silence.pk}` ends it sooner."
    )
    assert silence.matchers == [
        {"label": "alert_name", "op": "=", "value": "disk full"},
        {"label": "server", "op": "=", "value": "web-01"},
    ]
    assert timedelta(hours=2) <= silence.ends_at - before < timedelta(hours=2, minutes=1)
    assert (silence.comment, silence.created_by) == ("rotating the logs", operator)
    alert.refresh_from_db()
    assert alert.silence == silence
    entry = AuditLog.objects.get(action="silence.created")
    assert entry.via == "chat" and entry.details["origin"]["room_name"] == "ops"
    assert answer(operator, room, f"/unsilence {silence.pk}").content == (
        f"Silence #{silence.pk} expired: its alerts are sent again."
    )
    alert.refresh_from_db()
    assert alert.silence is None
    assert "already expired" in answer(operator, room, f"/unsilence {silence.pk}").content


def test_silence_a_server_by_name(operator, alert):
    room = room_with(operator)
    reply = answer(operator, room, "/silence WEB-01 30m")
    assert reply.content.startswith("Silenced every alert of web-01 until")
    assert Silence.objects.get().matchers == [{"label": "server", "op": "=", "value": "web-01"}]


def test_viewers_may_not_silence(operator, viewer, alert):
    room = room_with(operator, viewer)
    assert answer(viewer, room, f"/silence {alert.pk} 1h").content.startswith("Refused:")
    assert answer(viewer, room, "/silence web-01 1h").content.startswith("Refused:")
    assert not Silence.objects.exists()


def test_bad_arguments(operator, alert):
    room = room_with(operator)
    assert "'soon' is not a duration" in answer(operator, room, f"/silence {alert.pk} soon").content
    assert (
        "Usage: `/silence <alert id|server> <duration> [comment]`" in answer(operator, room, "/silence web-01").content
    )
    assert answer(operator, room, "/silence 999999 1h").content == "No alert #999999."
    assert answer(operator, room, "/silence db-9 1h").content == "No server 'db-9'."
    assert answer(operator, room, "/unsilence 999999").content == "No silence #999999."
    assert "not a silence number" in answer(operator, room, "/unsilence x").content
    assert not Silence.objects.exists()
