"""The pure half of evaluating a batch: from its samples and what was read under lock (the
checks that apply to each server, the open alerts, the pending breaches), the transitions to
carry out, in order, and the peaks to store. No database here (``evaluation.evaluate`` reads,
asks ``plan_evaluation`` and writes).

Per sample and threshold: an open alert resolves once the value clears (hysteresis) or else
keeps its peak; otherwise a breach begins (a pending state), ends before its duration (the
state goes), or lasts its duration and fires. A silence of the server ends at its first sample.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from alerts.models import AlertKind, Threshold
from monitoring.ingest import SampleIn

# (threshold, its pk, its metric, its comparison, its value): plain values for the hot loop.
Check = tuple[Threshold, int, str, Callable[[float, float], bool], float]
AlertKey = tuple[int | None, int, str]  # (threshold id, None for server.offline; server id; kind)
StateKey = tuple[int, int]  # (threshold id, server id)


class OpenAlert(Protocol):
    """An open alert as the plan needs it: its stored peak. ``evaluation`` passes light
    records of what ``_snapshot`` read (the full rows are loaded only for the alerts a step
    changes); tests may pass ``Alert`` instances. Compared by identity."""

    @property
    def peak_value(self) -> float | None: ...


@dataclass(frozen=True)
class PendingState:
    """A stored pending breach, as read under lock."""

    pk: int
    pending_since: datetime
    peak_value: float


@dataclass(eq=False)
class Fire:
    """A new alert of ``threshold`` on the server. Compared by identity: a later step of the
    same batch (a resolve, a new peak) names the alert this step creates."""

    threshold: Threshold
    server_id: int
    value: float
    peak: float
    started_at: datetime


Target = OpenAlert | Fire


@dataclass(frozen=True)
class Resolve:
    """Resolve an open alert (or one fired earlier in the batch). ``peak``: its peak as the
    batch left it, which the notification shows."""

    alert: Target
    peak: float | None
    comment: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class DropState:
    """Delete a stored pending breach (it ended, or it fired)."""

    pk: int


Step = Fire | Resolve | DropState


@dataclass
class EvaluationPlan:
    #: In sample order; each step's notification leaves in this order.
    steps: list[Step] = field(default_factory=list)
    #: New pending breaches: (threshold id, server id, pending since, peak).
    new_states: list[tuple[int, int, datetime, float]] = field(default_factory=list)
    #: Stored pending breaches with a new peak: (pk, peak).
    state_peaks: list[tuple[int, float]] = field(default_factory=list)
    #: Alerts left open with a new peak.
    alert_peaks: list[tuple[Target, float]] = field(default_factory=list)


@dataclass
class _Pending:
    pk: int | None
    pending_since: datetime
    peak_value: float


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _peak(target: Target) -> float | None:
    return target.peak if isinstance(target, Fire) else target.peak_value


def plan_evaluation(
    samples: Sequence[SampleIn],
    applicable: Mapping[int, Sequence[Check]],
    open_alerts: Mapping[AlertKey, OpenAlert],
    states: Mapping[StateKey, PendingState],
) -> EvaluationPlan:
    """What evaluating ``samples`` changes, given what was read before. See the module docstring."""
    plan = EvaluationPlan()
    is_open: dict[AlertKey, Target] = dict(open_alerts)
    # Fresh data ends a silence.
    for (_t, _s, kind), alert in open_alerts.items():
        if kind == AlertKind.SERVER_OFFLINE:
            plan.steps.append(Resolve(alert, alert.peak_value, comment="the agent is back"))
    pending = {key: _Pending(s.pk, s.pending_since, s.peak_value) for key, s in states.items()}
    new: dict[StateKey, _Pending] = {}
    changed: set[StateKey] = set()
    gone: set[StateKey] = set()
    peaks: dict[Target, float] = {}
    # This loop runs for every sample and threshold: plain tuples and operator functions.
    for server_id, ts, values in samples:
        for threshold, tpk, metric, compare, limit in applicable.get(server_id, ()):
            value = values.get(metric)
            if value is None:
                continue
            key = (tpk, server_id)
            current = is_open.get((tpk, server_id, AlertKind.THRESHOLD)) if is_open else None
            if current is not None:
                peak = peaks.get(current, _peak(current))
                if threshold.cleared(value):
                    peaks.pop(current, None)
                    plan.steps.append(Resolve(current, peak, at=_dt(ts)))
                    del is_open[(tpk, server_id, AlertKind.THRESHOLD)]
                elif peak is None or threshold.worse(value, peak):
                    peaks[current] = value
                continue
            state = pending.get(key) if pending else None
            if not compare(value, limit):
                if state is not None:
                    del pending[key]
                    new.pop(key, None)
                    changed.discard(key)
                    if state.pk is not None:
                        gone.add(key)
                        plan.steps.append(DropState(state.pk))
                continue
            if state is None:
                state = pending[key] = new[key] = _Pending(None, _dt(ts), value)
            elif threshold.worse(value, state.peak_value):
                state.peak_value = value
                if state.pk is not None:
                    changed.add(key)
            if ts - state.pending_since.timestamp() >= threshold.duration_seconds:
                fire = Fire(threshold, server_id, value, state.peak_value, state.pending_since)
                plan.steps.append(fire)
                is_open[(tpk, server_id, AlertKind.THRESHOLD)] = fire
                del pending[key]
                new.pop(key, None)
                changed.discard(key)
                if state.pk is not None:
                    plan.steps.append(DropState(state.pk))
    plan.new_states = [(tpk, sid, s.pending_since, s.peak_value) for (tpk, sid), s in new.items()]
    for key in changed - gone:
        state = pending[key]
        assert state.pk is not None  # only stored states are marked changed
        plan.state_peaks.append((state.pk, state.peak_value))
    plan.alert_peaks = list(peaks.items())
    return plan
