"""Acknowledge and Resolve from an alert card against each other and against the evaluation's
own resolve: one consistent state, one answer per click (the loser a 409 ``alert_state``,
never a 500 nor a second change), and a card that ends showing that state.

The buttons call ``POST /api/v1/alerts/{id}/acknowledge|resolve`` as the clicking user: the
same service (``alerts.services.lifecycle``), which locks the alert's row and checks its state
under the lock. The ordering tests run everywhere; the threaded ones need PostgreSQL's row
locks and a database the threads share (SQLite's in-memory test database is neither)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection, connections, transaction

from accounts.models import AuditLog
from alerts.models import Alert, AlertStatus
from alerts.signals import alert_changed
from tests.chat.test_alert_cards import Feed, cards, cpu_threshold, me, subscribe, tagged
from tests.factories import UserFactory
from tests.helpers import assert_error, assert_ok

ACK, RESOLVE = "acknowledge", "resolve"


@pytest.fixture
def heard() -> Iterator[list[tuple[int, str]]]:
    """Every ``alert_changed`` sent, in order: a transition happens once or it shows here."""
    events: list[tuple[int, str]] = []

    def receiver(sender: Any, *, alert_id: int, event: str, **kwargs: Any) -> None:
        events.append((alert_id, event))

    alert_changed.connect(receiver, dispatch_uid="test-heard")
    yield events
    alert_changed.disconnect(dispatch_uid="test-heard")


@pytest.fixture
def room(operator):
    from chat import services

    room = services.create_room(me(operator), name="ops")
    subscribe(room, {})
    return room


@pytest.fixture
def firing(room, django_capture_on_commit_callbacks) -> tuple[Alert, Feed]:
    cpu_threshold()
    feed = Feed(tagged("web"))
    with django_capture_on_commit_callbacks(execute=True):
        feed(0, cpu_percent=95)
    return Alert.objects.get(), feed


def click(client, alert: Alert, what: str):
    return client.post(f"/api/v1/alerts/{alert.pk}/{what}", {}, format="json")


@pytest.mark.django_db
class TestInEveryOrder:
    """The same contests, one after the other in each order: what either thread may meet."""

    def test_two_acknowledges_one_wins_the_other_gets_409(
        self, operator_client, admin_client, firing, room, heard, django_capture_on_commit_callbacks
    ):
        alert, _ = firing
        with django_capture_on_commit_callbacks(execute=True):
            first = assert_ok(click(operator_client, alert, ACK))
            second = click(admin_client, alert, ACK)
        assert first["status"] == "acknowledged"
        assert "only a firing alert" in assert_error(second, 409, "alert_state")["detail"]
        assert AuditLog.objects.filter(action="alert.acknowledged").count() == 1
        assert [event for _, event in heard] == ["acknowledged"]
        [card] = cards(room)
        assert card.data["acknowledged_by"] == first["acknowledged_by"]

    def test_resolve_then_acknowledge_or_resolve_again_is_409(
        self, operator_client, admin_client, firing, room, heard, django_capture_on_commit_callbacks
    ):
        alert, _ = firing
        with django_capture_on_commit_callbacks(execute=True):
            assert_ok(click(admin_client, alert, RESOLVE))
            assert_error(click(operator_client, alert, ACK), 409, "alert_state")
            assert_error(click(operator_client, alert, RESOLVE), 409, "alert_state")
        assert [event for _, event in heard] == ["resolved"]
        assert [c.data["status"] for c in cards(room)] == ["resolved"]

    def test_acknowledge_then_resolve_both_succeed(
        self, operator_client, admin_client, firing, room, django_capture_on_commit_callbacks
    ):
        alert, _ = firing
        with django_capture_on_commit_callbacks(execute=True):
            assert_ok(click(operator_client, alert, ACK))
            assert_ok(click(admin_client, alert, RESOLVE))
        [card] = cards(room)
        assert (card.data["status"], card.data["acknowledged_by"], card.data["resolved_by"]) == (
            "resolved", "otto", "ada"
        )  # fmt: skip

    @pytest.mark.parametrize("what", [ACK, RESOLVE])
    def test_a_click_after_the_alert_resolved_by_itself_is_409(
        self, operator_client, firing, room, heard, what, django_capture_on_commit_callbacks
    ):
        alert, feed = firing  # the card still shows "firing" to whoever clicks now
        with django_capture_on_commit_callbacks(execute=True):
            feed(10, cpu_percent=50)
            response = click(operator_client, alert, what)
        assert_error(response, 409, "alert_state")
        alert.refresh_from_db()
        assert (alert.status, alert.resolved_by, alert.acknowledged_by) == (AlertStatus.RESOLVED, None, None)
        assert [event for _, event in heard] == ["resolved"]
        assert [c.data["status"] for c in cards(room)] == ["resolved"]

    def test_a_stale_alert_is_read_again_under_the_lock(self, operator, firing, django_capture_on_commit_callbacks):
        """The view's copy of the alert was read before the evaluation resolved it: the
        service decides on the row it locked, not on that copy."""
        from alerts.services import AlertStateConflict, acknowledge

        alert, feed = firing
        stale = Alert.objects.get(pk=alert.pk)
        feed(10, cpu_percent=50)
        assert stale.status == AlertStatus.FIRING
        with pytest.raises(AlertStateConflict):
            acknowledge(me(operator), stale)

    def test_the_evaluation_after_a_resolve_by_hand_changes_nothing(
        self, operator_client, firing, heard, django_capture_on_commit_callbacks
    ):
        alert, feed = firing
        with django_capture_on_commit_callbacks(execute=True):
            assert_ok(click(operator_client, alert, RESOLVE))
            feed(10, cpu_percent=50)
        alert.refresh_from_db()
        assert alert.resolved_by is not None and alert.resolve_comment == ""
        assert [event for _, event in heard] == ["resolved"]


# --- Real threads on PostgreSQL -----------------------------------------------------------------


def in_threads(*calls: Callable[[], Any], hold: Alert) -> list[Any]:
    """Run ``calls`` in threads at once while this thread holds the alert's row lock, so each
    of them is waiting on it when it is released: they contend for the row, not for the
    start. Returns their results (or the exceptions they raised), in order."""
    results: list[Any] = [None] * len(calls)
    started = threading.Barrier(len(calls) + 1)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            started.wait()
            results[index] = call()
        except Exception as exc:  # reported to the test, which fails on it
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    with transaction.atomic():
        Alert.objects.select_for_update().get(pk=hold.pk)
        for thread in threads:
            thread.start()
        started.wait()
        time.sleep(0.3)  # every thread is now blocked on the row (or about to be)
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads)
    return results


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs row locks and a database shared by threads: SQLite serializes writers and its in-memory "
    "test database is one connection; the same contests run in order in TestInEveryOrder",
)


@postgres_only
@pytest.mark.django_db(transaction=True)
class TestAtOnce:
    def fire(self, room) -> tuple[Alert, Feed]:
        cpu_threshold()
        feed = Feed(tagged("web"))
        feed(0, cpu_percent=95)
        return Alert.objects.get(), feed

    def test_two_people_acknowledge_at_once(self, client_for, room, heard):
        alert, _ = self.fire(room)
        otto, ada = UserFactory(role="operator"), UserFactory(role="admin")
        a, b = in_threads(
            lambda: click(client_for(otto), alert, ACK), lambda: click(client_for(ada), alert, ACK), hold=alert
        )
        assert sorted([a.status_code, b.status_code]) == [200, 409]
        loser = a if a.status_code == 409 else b
        assert_error(loser, 409, "alert_state")
        winner = (a if loser is b else b).json()["data"]["acknowledged_by"]
        alert.refresh_from_db()
        assert alert.status == AlertStatus.ACKNOWLEDGED and alert.acknowledged_by.username == winner
        assert AuditLog.objects.filter(action="alert.acknowledged").count() == 1
        assert [event for _, event in heard] == ["created", "acknowledged"]
        [card] = cards(room)
        assert (card.data["status"], card.data["acknowledged_by"]) == ("acknowledged", winner)

    def test_acknowledge_and_resolve_at_once(self, client_for, room, heard):
        alert, _ = self.fire(room)
        otto, ada = UserFactory(role="operator"), UserFactory(role="admin")
        ack, res = in_threads(
            lambda: click(client_for(otto), alert, ACK), lambda: click(client_for(ada), alert, RESOLVE), hold=alert
        )
        assert res.status_code == 200  # a resolve wins either way: firing or acknowledged
        assert ack.status_code in (200, 409)
        if ack.status_code == 409:
            assert_error(ack, 409, "alert_state")
        alert.refresh_from_db()
        assert (alert.status, alert.resolved_by) == (AlertStatus.RESOLVED, ada)
        # Each transition is heard once. Not in commit order: each thread sends its own after
        # its commit, and the resolving thread's may come first (seen in CI). The card ends
        # right whatever the order: its writer locks the alert and reads its last state.
        events = [event for _, event in heard]
        assert events.count("resolved") == 1
        assert events.count("acknowledged") == (1 if ack.status_code == 200 else 0)
        assert [c.data["status"] for c in cards(room)] == ["resolved"]

    @pytest.mark.parametrize("what", [ACK, RESOLVE])
    def test_a_click_while_the_alert_resolves_by_itself(self, client_for, room, heard, what):
        alert, feed = self.fire(room)
        otto = UserFactory(role="operator")
        response, evaluated = in_threads(
            lambda: click(client_for(otto), alert, what), lambda: feed(10, cpu_percent=50), hold=alert
        )
        assert not isinstance(evaluated, Exception), evaluated
        assert response.status_code in (200, 409), response.content
        alert.refresh_from_db()
        assert alert.status == AlertStatus.RESOLVED
        if response.status_code == 409:  # the evaluation was first
            assert_error(response, 409, "alert_state")
            assert alert.resolved_by is None
        elif what == RESOLVE:  # the click was first; the evaluation found nothing open
            assert alert.resolved_by == otto
        else:  # acknowledged first, then resolved by the evaluation
            assert (alert.acknowledged_by, alert.resolved_by) == (otto, None)
        assert [event for _, event in heard].count("resolved") == 1
        assert [c.data["status"] for c in cards(room)] == ["resolved"]
