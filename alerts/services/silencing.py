"""Which silence holds an alert: the active silences at an instant, matched against alerts'
labels. The ingest path asks it for the alerts a batch fires (one read of the silences per
batch that fires anything, none otherwise); ``alerts.services.silences`` for the alerts a
silence begins or ends for. Nothing here notifies (``lifecycle`` does)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from alerts.matchers import Labels, Matcher, all_match, compile_matchers
from alerts.models import Alert
from alerts.routing_models import ActivityKind, AlertActivity, MatchLabel, Silence
from servers.models import Server


def tags_of(server_ids: Iterable[int]) -> dict[int, set[str]]:
    """The tag names of each server (one query)."""
    ids = list(set(server_ids))
    tags: dict[int, set[str]] = {}
    if not ids:
        return tags
    through = Server.tags.through.objects.filter(server_id__in=ids).values_list("server_id", "tag__name")
    for server_id, name in through:
        tags.setdefault(server_id, set()).add(name)
    return tags


@dataclass
class ActiveSilences:
    """The silences active at ``now``, their matchers compiled."""

    now: datetime
    silences: list[tuple[Silence, list[Matcher]]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.silences)

    @property
    def needs_tags(self) -> bool:
        return any(m.label == MatchLabel.TAG for _s, matchers in self.silences for m in matchers)

    def find(self, labels: Labels) -> Silence | None:
        """The matching silence that lasts longest (the alert is released once, at its end)."""
        found = [s for s, matchers in self.silences if all_match(matchers, labels)]
        return max(found, key=lambda s: (s.ends_at, s.pk)) if found else None

    def for_alerts(self, alerts: list[Alert]) -> dict[int, Silence | None]:
        """The silence of each alert (``alert.server`` loaded), by alert id."""
        if not self.silences:
            return dict.fromkeys((a.pk for a in alerts), None)
        tags = tags_of(a.server_id for a in alerts) if self.needs_tags else {}
        return {a.pk: self.find(Labels.of(a, tags.get(a.server_id, ()))) for a in alerts}


def active_silences(now: datetime, *, exclude: int | None = None) -> ActiveSilences:
    found = Silence.objects.filter(starts_at__lte=now, ends_at__gt=now).order_by("id")
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return ActiveSilences(now, [(s, compile_matchers(s.matchers)) for s in found])


def record_silenced(alert: Alert, silence: Silence, at: datetime) -> AlertActivity:
    return AlertActivity.objects.create(
        alert=alert,
        at=at,
        kind=ActivityKind.SILENCED,
        silence=silence,
        details={"silence": silence.pk, "until": silence.ends_at.isoformat(), "comment": silence.comment},
    )


def silence_new_alert(alert: Alert, silences: ActiveSilences) -> Silence | None:
    """Right after ``alert`` fired (in its transaction): lay the silence that matches it, if
    any. Costs nothing while no silence is active."""
    if not silences:
        return None
    silence = silences.for_alerts([alert])[alert.pk]
    if silence is not None:
        Alert.objects.filter(pk=alert.pk).update(silence=silence)
        alert.silence = silence
        record_silenced(alert, silence, alert.fired_at)
    return silence
