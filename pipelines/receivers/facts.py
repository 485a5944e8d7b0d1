"""The facts a delivery states, whatever its provider, and the helpers to read payloads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.utils.dateparse import parse_datetime


class MissingFields(ValueError):
    """A payload is not what the provider sends: these fields are missing or of the wrong type."""

    def __init__(self, fields: list[str], event: str = "") -> None:
        self.fields = fields
        self.event = event
        super().__init__(f"{event + ' payload' if event else 'Payload'} lacks {', '.join(fields)}")


class UnknownEvent(ValueError):
    """An event the hub does not read (it is stored with the verdict ``unknown_event``)."""


@dataclass
class CommitFact:
    sha: str = ""
    message: str = ""
    author: str = ""
    timestamp: datetime | None = None


@dataclass
class JobFact:
    pipeline_id: str
    external_id: str
    name: str
    stage: str
    status: str
    status_at: datetime | None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    allow_failure: bool = False
    # Enough of the pipeline to create it when its own delivery has not arrived yet.
    repository: str = ""
    branch: str = ""
    pipeline_name: str = ""
    commit_sha: str = ""


@dataclass
class PipelineFact:
    external_id: str
    repository: str
    status: str
    status_at: datetime | None
    name: str = ""
    branch: str = ""
    url: str = ""
    commit: CommitFact = field(default_factory=CommitFact)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    stage_order: list[str] = field(default_factory=list)
    jobs: list[JobFact] = field(default_factory=list)


@dataclass
class DeploymentFact:
    external_id: str
    service: str
    environment: str
    status: str | None  # None: this delivery says nothing of the status (GitHub's ``inactive``)
    status_at: datetime | None
    repository: str = ""
    ref: str = ""
    sha: str = ""
    url: str = ""
    description: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    first_commit_at: datetime | None = None


Fact = PipelineFact | JobFact | DeploymentFact

_GITLAB_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?(UTC|[+-]\d{2}:?\d{2})$")


def timestamp(value: Any) -> datetime | None:
    """ISO 8601 (GitHub, CDEvents, ours) or GitLab's ``2016-08-12 15:23:28 UTC`` /
    ``2021-04-28 21:50:00 +0200``; None for what is not a time."""
    if not isinstance(value, str) or not value:
        return None
    match = _GITLAB_TIME.match(value.strip())
    if match:
        zone = "+00:00" if match[3] == "UTC" else match[3]
        value = f"{match[1]}T{match[2]}{zone}"
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class Reader:
    """Reads required and optional fields from a payload and collects what is missing, so a
    400 names every missing field at once."""

    def __init__(self, payload: Any, event: str) -> None:
        self.payload = payload
        self.event = event
        self.missing: list[str] = []

    def _find(self, path: str) -> Any:
        value: Any = self.payload
        for part in path.split("."):
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value

    def obj(self, path: str) -> dict[str, Any]:
        value = self._find(path)
        if not isinstance(value, dict):
            self.missing.append(path)
            return {}
        return value

    def req(self, path: str) -> str:
        """A required scalar (string or number), as a string."""
        value = self._find(path)
        if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
            self.missing.append(path)
            return ""
        return str(value)

    def text(self, path: str) -> str:
        """A required string (a name, a status): a number is not one."""
        value = self._find(path)
        if not isinstance(value, str) or not value:
            self.missing.append(path)
            return ""
        return value

    def opt(self, path: str) -> str:
        value = self._find(path)
        return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""

    def time(self, path: str, *, required: bool = False) -> datetime | None:
        value = timestamp(self._find(path))
        if value is None and required:
            self.missing.append(path)
        return value

    def done(self) -> None:
        if self.missing:
            raise MissingFields(self.missing, self.event)
