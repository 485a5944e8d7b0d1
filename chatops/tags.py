"""The rule of a tag name, shared by the apps that name tags: servers carry them, teams scope
by them (``accounts.Team.tags``), thresholds and chat rooms follow them. Here, in the shared
base, because accounts sits below servers and may not import it."""

from __future__ import annotations

from django.core.validators import RegexValidator

TAG_MAX_LENGTH = 50
TAG_RE = r"^[a-z0-9][a-z0-9._:-]{0,49}\Z"
tag_validator = RegexValidator(TAG_RE, "A tag is 1-50 characters: lowercase letters, digits and . _ : - (not first).")
