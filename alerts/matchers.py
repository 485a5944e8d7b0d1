"""An alert's labels, and what compares them: silences' matchers and routes' criteria and
``group_by``. Pure functions on plain values (the routing job and the ingest path both call
them; neither reads the database here).

Labels: ``severity``, ``kind``, ``threshold`` (its id, as text; '' for a silent server),
``alert_name``, ``server`` (its name) and ``tag`` (every tag of the server: a tag matcher
holds when any tag meets it, a negative one when none does). Comparisons ignore case; a
regular expression must match the whole value (as in Alertmanager).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from alerts.models import Alert, AlertKind, Severity
from alerts.routing_models import AlertRoute, MatchLabel, MatchOp

MAX_MATCHERS = 20
MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class Labels:
    severity: str
    kind: str
    threshold: str
    alert_name: str
    server: str
    server_id: int
    tags: frozenset[str]

    @classmethod
    def of(cls, alert: Alert, tags: Iterable[str]) -> Labels:
        """``alert.server`` must be loaded (select_related)."""
        return cls(
            severity=alert.severity,
            kind=alert.kind,
            threshold=str(alert.threshold_id) if alert.threshold_id is not None else "",
            alert_name=alert.name,
            server=alert.server.name,
            server_id=alert.server_id,
            tags=frozenset(tags),
        )

    def single(self, label: str) -> str:
        return str(getattr(self, label))


@dataclass(frozen=True)
class Matcher:
    label: str
    op: str
    value: str
    regex: re.Pattern[str] | None

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Matcher:
        """From a stored matcher (``{"label", "op", "value"}``), already validated."""
        op = raw["op"]
        value = str(raw["value"])
        regex = re.compile(value, re.IGNORECASE) if op in (MatchOp.RE, MatchOp.NRE) else None
        return cls(raw["label"], op, value, regex)

    def _meets(self, value: str) -> bool:
        if self.regex is not None:
            return self.regex.fullmatch(value) is not None
        return value.casefold() == self.value.casefold()

    def matches(self, labels: Labels) -> bool:
        positive = self.op in (MatchOp.EQ, MatchOp.RE)
        if self.label == MatchLabel.TAG:
            found = any(self._meets(tag) for tag in labels.tags)
        else:
            found = self._meets(labels.single(self.label))
        return found if positive else not found


def compile_matchers(raw: Sequence[Mapping[str, Any]]) -> list[Matcher]:
    return [Matcher.of(m) for m in raw]


def all_match(matchers: Sequence[Matcher], labels: Labels) -> bool:
    return all(m.matches(labels) for m in matchers)


def matcher_problems(raw: Any) -> list[str]:
    """What is wrong with a list of matchers (empty: nothing); the API and the admin ask."""
    if not isinstance(raw, list) or not raw:
        return ["Give at least one matcher: {label, op, value}."]
    if len(raw) > MAX_MATCHERS:
        return [f"At most {MAX_MATCHERS} matchers."]
    problems: list[str] = []
    for i, matcher in enumerate(raw):
        where = f"Matcher {i + 1}"
        if not isinstance(matcher, dict) or set(matcher) != {"label", "op", "value"}:
            problems.append(f"{where}: an object with exactly label, op and value.")
            continue
        label, op, value = matcher["label"], matcher["op"], matcher["value"]
        if label not in MatchLabel.values:
            problems.append(f"{where}: label must be one of {', '.join(MatchLabel.values)}.")
        if op not in MatchOp.values:
            problems.append(f"{where}: op must be one of {', '.join(MatchOp.values)}.")
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_VALUE_LENGTH:
            problems.append(f"{where}: value must be a non-blank string of at most {MAX_VALUE_LENGTH} characters.")
            continue
        if op in (MatchOp.RE, MatchOp.NRE):
            try:
                re.compile(value)
            except re.error as exc:
                problems.append(f"{where}: not a regular expression ({exc}).")
        elif op in (MatchOp.EQ, MatchOp.NE):
            if label == MatchLabel.SEVERITY and value not in Severity.values:
                problems.append(f"{where}: severity is one of {', '.join(Severity.values)}.")
            if label == MatchLabel.KIND and value not in AlertKind.values:
                problems.append(f"{where}: kind is one of {', '.join(AlertKind.values)}.")
            if label == MatchLabel.THRESHOLD and not value.isdigit():
                problems.append(f"{where}: a threshold is named by its id.")
    return problems


# --- Routes -------------------------------------------------------------------------------------


def route_matches(route: AlertRoute, labels: Labels) -> bool:
    """Every non-empty criterion of the route holds (any of its values)."""
    if route.severities and labels.severity not in route.severities:
        return False
    if route.kinds and labels.kind not in route.kinds:
        return False
    if route.thresholds and labels.threshold not in {str(t) for t in route.thresholds}:
        return False
    return not (route.tags and not labels.tags & set(route.tags))


def routes_for(routes: Sequence[AlertRoute], labels: Labels) -> list[AlertRoute]:
    """The routes that take an alert: in order, the first that matches, and the ones after it
    as long as each matching one says ``continue_matching``."""
    taken: list[AlertRoute] = []
    for route in routes:
        if not route.enabled or not route_matches(route, labels):
            continue
        taken.append(route)
        if not route.continue_matching:
            break
    return taken


def group_labels(route: AlertRoute, labels: Labels) -> dict[str, str]:
    """The values of the route's ``group_by`` for this alert (the server by name)."""
    return {label: labels.single(label) for label in route.group_by}


def group_key(values: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(values.items())).encode()).hexdigest()
