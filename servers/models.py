"""The inventory: the servers of the fleet and their tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

from servers.choices import ServerStatus

if TYPE_CHECKING:
    from accounts.models import User

TAG_RE = r"^[a-z0-9][a-z0-9._:-]{0,49}\Z"
tag_validator = RegexValidator(TAG_RE, "A tag is 1-50 characters: lowercase letters, digits and . _ : - (not first).")


class Tag(models.Model):
    """A label shared by servers (``web``, ``prod``, ``eu-west``); thresholds can target one."""

    name = models.CharField(max_length=50, unique=True, validators=[tag_validator])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServerQuerySet(models.QuerySet["Server"]):
    def visible_to(self, user: User) -> ServerQuerySet:
        """Servers the user may see. Today the whole fleet is visible to every signed-in role;
        this is the one place that changes when teams arrive."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.all()


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
