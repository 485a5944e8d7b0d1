"""Teams: people who share a scope of the fleet, and a place alerts and notifications go.

When any team exists, a non-admin sees only the servers whose tags meet the scopes of the
teams they belong to (``servers.models.ServerQuerySet.visible_to`` decides, nowhere else); a
team with ``all_servers`` sees the whole fleet. While no team exists, everyone signed in sees
everything, as before teams.

``server_scope`` reads a user's scope here, below the inventory (accounts may not import
servers): whether they see everything, and if not, which tag names they see.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

from accounts.choices import Role
from chatops.tags import TAG_MAX_LENGTH, tag_validator

TEAM_NAME_RE = r"^[\w][\w .-]{0,79}\Z"
#: Tags one team's scope may name.
MAX_TEAM_TAGS = 100


class TeamQuerySet(models.QuerySet["Team"]):
    def of_user(self, user: Any) -> TeamQuerySet:
        """The teams ``user`` belongs to."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(members=user)

    def visible_to(self, user: Any) -> TeamQuerySet:
        """Admins see every team; everyone else the teams they are in (another team is a 404)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.all() if user.is_admin else self.of_user(user)


class Team(models.Model):
    """People who share a scope of the fleet (tags, or every server) and receive its alerts."""

    name = models.CharField(
        max_length=80,
        validators=[RegexValidator(TEAM_NAME_RE, "1-80 letters, digits, spaces and . _ - (a letter or digit first).")],
    )
    description = models.CharField(max_length=500, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="teams")
    #: The scope: tag names (servers carrying any one of them). Names, not rows, so the scope
    #: may name a tag before any server carries it.
    tags = models.JSONField(default=list, blank=True)
    all_servers = models.BooleanField(default=False, help_text="The whole fleet, whatever its tags.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="accounts_team_name_ci_unique")]

    def __str__(self) -> str:
        return self.name


def clean_tags(names: Iterable[Any]) -> list[str]:
    """A scope's tag names as stored: stripped, lowercase, each a valid tag name, without
    repeats, sorted. Raises Django's ``ValidationError`` naming the bad ones."""
    cleaned: set[str] = set()
    bad: list[str] = []
    for name in names:
        value = str(name).strip().lower() if isinstance(name, str) else ""
        try:
            if len(value) > TAG_MAX_LENGTH:
                raise ValidationError("too long")
            tag_validator(value)
        except ValidationError:
            bad.append(repr(name)[:60])
            continue
        cleaned.add(value)
    if bad:
        raise ValidationError(f"Not tag names: {', '.join(bad)}. {tag_validator.message}")
    if len(cleaned) > MAX_TEAM_TAGS:
        raise ValidationError(f"A team's scope names at most {MAX_TEAM_TAGS} tags.")
    return sorted(cleaned)


@dataclass(frozen=True)
class ServerScope:
    """What part of the fleet a user sees: everything, or the servers carrying one of
    ``tags`` (none: no server)."""

    everything: bool
    tags: frozenset[str] = frozenset()


EVERYTHING = ServerScope(everything=True)
NOTHING = ServerScope(everything=False)


def server_scope(user: Any) -> ServerScope:
    """The user's scope of the fleet, in one or two small queries: admins see everything;
    while no team exists everyone signed in does; otherwise a member of a team with
    ``all_servers`` does, and anyone else the tags of their teams (no team: nothing)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_admin:
        return EVERYTHING
    if user.role == Role.REQUESTER:
        return NOTHING  # requesters ask for help; they see no server, whatever their teams
    rows = list(Team.objects.filter(members=user).values_list("all_servers", "tags"))
    if not rows:
        return NOTHING if Team.objects.exists() else EVERYTHING
    if any(all_servers for all_servers, _ in rows):
        return EVERYTHING
    return ServerScope(everything=False, tags=frozenset(tag for _, tags in rows for tag in tags or ()))


def teams_seeing(tag_names: Iterable[str]) -> list[int]:
    """The ids of the teams whose scope covers a server carrying ``tag_names`` (the teams
    are few: read whole, matched here, as JSON lists cannot be joined on every backend)."""
    names = set(tag_names)
    rows = Team.objects.values_list("pk", "all_servers", "tags")
    return [pk for pk, all_servers, tags in rows if all_servers or names & set(tags or ())]
