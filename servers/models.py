"""The inventory: the servers of the fleet and their tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from accounts.teams import ServerScope, server_scope, teams_seeing
from chatops.tags import TAG_RE, tag_validator
from servers.choices import ServerStatus

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User

__all__ = ["TAG_RE", "Server", "ServerQuerySet", "Tag", "can_see_server", "tag_validator", "visible_ids", "who_can_see"]


class Tag(models.Model):
    """A label shared by servers (``web``, ``prod``, ``eu-west``); thresholds can target one."""

    name = models.CharField(max_length=50, unique=True, validators=[tag_validator])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServerQuerySet(models.QuerySet["Server"]):
    def visible_to(self, user: User) -> ServerQuerySet:
        """Servers the user may see: the one place that decides (``accounts.teams``).

        Admins see every server; while no team exists, so does everyone signed in; otherwise a
        non-admin sees the servers carrying a tag of one of their teams' scopes (all of them
        if one of their teams has ``all_servers``). The scope is read in one or two small
        queries; the servers stay one query (a subquery on the tag table, no per-server
        Python, no DISTINCT)."""
        return self.within(server_scope(user))

    def within(self, scope: ServerScope) -> ServerQuerySet:
        if scope.everything:
            return self.all()
        if not scope.tags:
            return self.none()
        tagged = Server.tags.through.objects.filter(tag__name__in=sorted(scope.tags)).values("server_id")
        return self.filter(pk__in=tagged)


class Server(models.Model):
    """One machine of the fleet, watched by its agent."""

    name = models.CharField(max_length=100)
    hostname = models.CharField(max_length=253)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    os = models.CharField(max_length=100, blank=True)
    description = models.TextField(max_length=2000, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="servers")
    status = models.CharField(max_length=16, choices=ServerStatus.choices, default=ServerStatus.UNKNOWN, db_index=True)
    last_seen = models.DateTimeField(null=True, blank=True)
    agent_version = models.CharField(max_length=50, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ServerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="servers_server_name_ci_unique"),
            # Agents enrol by hostname, so one hostname is one server.
            models.UniqueConstraint(Lower("hostname"), name="servers_server_hostname_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def tag_names(self) -> list[str]:
        return sorted(tag.name for tag in self.tags.all())


def can_see_server(user: User, server_id: int) -> bool:
    """For sockets, which ask one server at a time (``database_sync_to_async``)."""
    return Server.objects.visible_to(user).filter(pk=server_id).exists()


def visible_ids(user_id: int) -> tuple[frozenset[int] | None, int]:
    """For live streams, which filter events by server without a query each: the ids of the
    servers the user (read afresh: role, active, teams) may see, None for every server; and
    the highest server id now, so that a server created later is known to be new."""
    from accounts.models import User

    user = User.objects.filter(pk=user_id).first()
    newest = Server.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    scope = server_scope(user)
    if scope.everything:
        return None, newest
    return frozenset(Server.objects.within(scope).values_list("pk", flat=True)), newest


def who_can_see(server_id: int, users: QuerySet[User]) -> QuerySet[User]:
    """Those of ``users`` who may see the server (the rule of ``visible_to`` read the other
    way): for notifications about it, such as alert emails."""
    from accounts.choices import Role
    from accounts.models import Team

    users = users.exclude(role=Role.REQUESTER)  # requesters see no server
    if not Team.objects.exists():
        return users
    tags = Tag.objects.filter(servers=server_id).values_list("name", flat=True)
    teams = teams_seeing(tags)
    return users.filter(
        models.Q(role=Role.ADMIN)
        | models.Q(pk__in=Team.members.through.objects.filter(team_id__in=teams).values("user_id"))
    )
