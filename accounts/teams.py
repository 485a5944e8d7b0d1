"""Teams: people who share a scope of the fleet, and a place alerts and notifications go.

When any team exists, a non-admin sees only the servers whose tags meet the scopes of the
teams they belong to (``servers.models.ServerQuerySet.visible_to`` decides, nowhere else); a
team with ``all_servers`` sees the whole fleet. While no team exists, everyone signed in sees
everything, as before teams.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

TEAM_NAME_RE = r"^[\w][\w .-]{0,79}\Z"


class Team(models.Model):
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

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="accounts_team_name_ci_unique")]

    def __str__(self) -> str:
        return self.name
