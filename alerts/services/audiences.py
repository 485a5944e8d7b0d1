"""Who may hear of which alerts of a routed notification.

With teams, a non-admin sees only the servers in their teams' scopes, everywhere
(``Server.objects.visible_to``); a notification is no exception. A route names users, teams,
channels and chat rooms; each person hears only of the alerts of servers they may see:

- a user (named, or a member of a named team): by their own scope (admins: everything);
- a team's channels: by the team's scope; a channel a user owns: by that user's scope;
- a channel nobody owns and a chat room: chosen by an admin for everyone who reads it, so
  they hear of everything (the room's cards follow the same rule).

When everyone sees every listed alert (always so while no team exists) the notification goes
as it was, teams and all. Otherwise it is split: one notification per set of alerts, each to
those who see exactly that set; a person who sees none of them gets nothing (and is named on
the alerts' timeline as out of scope).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from django.db.models import Q

from accounts.models import Team, User
from accounts.teams import teams_seeing
from alerts.services.silencing import tags_of
from notifications.models import NotificationChannel
from notifications.services import Recipients

if TYPE_CHECKING:
    from alerts.services.notices import Notice

View = frozenset[int]  # the ids of the servers one receiver may see, of those listed


@dataclass
class Audience:
    users: list[int] = field(default_factory=list)
    channels: list[int] = field(default_factory=list)


def audiences(
    notice: Notice, found: Recipients, *, any_team: bool | None = None
) -> tuple[list[tuple[Notice, Recipients]], list[int]]:
    """The notifications to send for ``notice`` (each with the receivers who may see all it
    lists), and the users left out because they may see none of its alerts. ``any_team``:
    whether a team exists, when the caller already asked."""
    if not (Team.objects.exists() if any_team is None else any_team):
        return [(notice, found)], []
    listed = [*notice.firing, *notice.resolved]
    server_ids = sorted({a.server_id for a in listed})
    everything: View = frozenset(server_ids)
    tags = tags_of(server_ids)
    seen_by = {sid: set(teams_seeing(tags.get(sid, ()))) for sid in server_ids}

    def view(team_ids: set[int], admin: bool = False) -> View:
        return everything if admin else frozenset(sid for sid in server_ids if seen_by[sid] & team_ids)

    named = NotificationChannel.objects.filter(pk__in=found.channels).values_list("pk", "user_id", "team_id")
    team_channels = NotificationChannel.objects.filter(team_id__in=found.teams, enabled=True).values_list(
        "pk", "team_id"
    )
    owners = {user for _pk, user, _team in named if user is not None}
    people = {
        u.pk: u
        for u in User.objects.filter(
            Q(pk__in=found.users) | Q(teams__in=found.teams) | Q(pk__in=owners), is_active=True
        ).distinct()
    }
    teams_of: dict[int, set[int]] = defaultdict(set)
    for user_id, team_id in Team.members.through.objects.filter(user_id__in=people).values_list("user_id", "team_id"):
        teams_of[user_id].add(team_id)
    user_view = {pk: view(teams_of[pk], user.is_admin) for pk, user in people.items()}

    split: dict[View, Audience] = defaultdict(Audience)
    hearing = set(found.users) | set(
        Team.members.through.objects.filter(team_id__in=found.teams).values_list("user_id", flat=True)
    )
    for pk in sorted(hearing & people.keys()):
        split[user_view[pk]].users.append(pk)
    for pk, owner, team in named:
        if owner is not None:
            seen = user_view.get(owner, frozenset())
        else:
            seen = view({team}) if team is not None else everything
        split[seen].channels.append(pk)
    for pk, team in team_channels:
        split[view({team})].channels.append(pk)
    if set(split) <= {everything}:
        return [(notice, found)], []  # everyone sees all of it: as it was, teams and all
    rooms: dict[str, Sequence[int]] = {k: list(v) for k, v in found.targets.items()}
    out: list[tuple[Notice, Recipients]] = []
    for seen, audience in sorted(split.items(), key=lambda item: (-len(item[0]), sorted(item[0]))):
        if not seen:
            continue
        part = notice if seen == everything else _restricted(notice, seen)
        targets = rooms if seen == everything else {}
        out.append((part, Recipients(users=audience.users, channels=sorted(set(audience.channels)), targets=targets)))
    if everything not in split and any(rooms.values()):
        out.append((notice, Recipients(targets=rooms)))
    return out, sorted(split[frozenset()].users) if frozenset() in split else []


def _restricted(notice: Notice, seen: View) -> Notice:
    return replace(
        notice,
        firing=[a for a in notice.firing if a.server_id in seen],
        resolved=[a for a in notice.resolved if a.server_id in seen],
    )
