"""The pure half of alert evaluation, on plain data: unsaved thresholds and alerts, no
database (pytest-django refuses any query in these tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alerts.models import COMPARE, Alert, AlertKind, Threshold
from alerts.services.plan import Check, DropState, Fire, PendingState, Resolve, plan_evaluation

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SERVER = 7


def rule(pk: int = 1, *, duration: int = 60, clear: float | None = 80.0) -> Threshold:
    return Threshold(
        pk=pk, name="High CPU", metric="cpu", operator=">", value=90.0, duration_seconds=duration, clear_value=clear
    )


def checks(*thresholds: Threshold) -> dict[int, list[Check]]:
    return {SERVER: [(t, t.pk, t.metric, COMPARE[t.operator], t.value) for t in thresholds]}


def at(seconds: float, cpu: float) -> tuple[int, float, dict[str, float]]:
    return (SERVER, (T0 + timedelta(seconds=seconds)).timestamp(), {"cpu": cpu})


def test_a_breach_begins_as_a_new_pending_state():
    plan = plan_evaluation([at(0, 95)], checks(rule()), {}, {})
    assert plan.steps == []
    assert plan.new_states == [(1, SERVER, T0, 95.0)]


def test_a_breach_that_lasts_its_duration_fires_with_its_peak_and_drops_its_stored_state():
    stored = {(1, SERVER): PendingState(pk=40, pending_since=T0, peak_value=97.0)}
    plan = plan_evaluation([at(60, 93)], checks(rule()), {}, stored)
    fire, drop = plan.steps
    assert isinstance(fire, Fire)
    assert (fire.server_id, fire.value, fire.peak, fire.started_at) == (SERVER, 93.0, 97.0, T0)
    assert drop == DropState(40)
    assert plan.new_states == [] and plan.state_peaks == []


def test_a_breach_that_ends_before_its_duration_drops_its_state():
    stored = {(1, SERVER): PendingState(pk=40, pending_since=T0, peak_value=97.0)}
    plan = plan_evaluation([at(10, 50)], checks(rule()), {}, stored)
    assert plan.steps == [DropState(40)]


def test_a_higher_peak_of_a_stored_state_is_stored():
    stored = {(1, SERVER): PendingState(pk=40, pending_since=T0, peak_value=91.0)}
    plan = plan_evaluation([at(10, 99), at(20, 95)], checks(rule()), {}, stored)
    assert plan.steps == [] and plan.state_peaks == [(40, 99.0)]


def test_an_open_alert_keeps_its_peak_until_the_value_clears_then_resolves_at_that_sample():
    alert = Alert(pk=5, kind=AlertKind.THRESHOLD, threshold_id=1, server_id=SERVER, peak_value=95.0)
    is_open = {(1, SERVER, AlertKind.THRESHOLD): alert}
    kept = plan_evaluation([at(0, 98), at(1, 85)], checks(rule()), is_open, {})  # 85: above the clear value
    assert kept.steps == [] and kept.alert_peaks == [(alert, 98.0)]
    cleared = plan_evaluation([at(0, 98), at(1, 70)], checks(rule()), is_open, {})
    assert cleared.steps == [Resolve(alert, 98.0, at=T0 + timedelta(seconds=1))]
    assert cleared.alert_peaks == []  # the peak shows in the resolve's notification only
    assert alert.peak_value == 95.0  # the input is not changed


def test_an_alert_fired_in_the_batch_can_resolve_in_the_same_batch_and_a_new_breach_begins():
    plan = plan_evaluation([at(0, 95), at(1, 70), at(2, 96)], checks(rule(duration=0)), {}, {})
    fire, resolve, fire_again = plan.steps
    assert isinstance(fire, Fire) and isinstance(resolve, Resolve) and isinstance(fire_again, Fire)
    assert resolve.alert is fire and resolve.at == T0 + timedelta(seconds=1)
    assert fire_again is not fire and plan.new_states == []


def test_a_new_peak_of_an_alert_fired_in_the_batch_is_stored_against_it():
    plan = plan_evaluation([at(0, 95), at(1, 99)], checks(rule(duration=0)), {}, {})
    (fire,) = plan.steps
    assert plan.alert_peaks == [(fire, 99.0)]


def test_fresh_data_resolves_the_servers_offline_alert_first():
    offline = Alert(pk=9, kind=AlertKind.SERVER_OFFLINE, server_id=SERVER)
    plan = plan_evaluation([at(0, 95)], {}, {(None, SERVER, AlertKind.SERVER_OFFLINE): offline}, {})
    (step,) = plan.steps
    assert isinstance(step, Resolve) and step.alert is offline and step.comment == "the agent is back"


def test_samples_without_the_metric_or_of_other_servers_change_nothing():
    plan = plan_evaluation([(SERVER, T0.timestamp(), {"mem": 99.0}), (8, T0.timestamp(), {"cpu": 99.0})],
                           checks(rule()), {}, {})  # fmt: skip
    assert plan.steps == [] and plan.new_states == []
