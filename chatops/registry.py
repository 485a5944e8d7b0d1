"""What each app brings to the house, declared by the app itself from its ``AppConfig.ready()``.

The shared base names no app: the worker's jobs, the webhook event types, the API-key scope
vocabulary and the scope of each REST route, the audit actions, and the chat commands are
gathered here from the
apps that own them, so that adding an app touches no other app's files and no list in
``chatops/``.

Order is registration order: Django calls ``ready()`` in ``INSTALLED_APPS`` order, and each app
registers its entries in the order it lists them. That order is what the worker runs its jobs in
(an app whose jobs queue work for another's, as alerts and agents queue webhook deliveries,
comes before it) and what the API schema lists event types and scopes in. A second entry under
a name already taken is an error at start-up (``ImproperlyConfigured``), never a silent override.

Reading a registry before every app's ``ready()`` has run raises ``AppRegistryNotReady``: a
list read that early would miss the apps after the reader and be wrong without a sound.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.apps import apps
from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries by unique name, kept in registration order."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, T] = {}
        # Bumped on every registration: readers that derive tables from a registry cache them
        # by version, and a late registration (a test's throwaway app) is still seen.
        self.version = 0

    def register(self, name: str, entry: T) -> T:
        if name in self._entries:
            raise ImproperlyConfigured(f"Two {self.kind} are registered as {name!r}.")
        self._entries[name] = entry
        self.version += 1
        return entry

    def unregister(self, name: str) -> None:
        """For tests that register a throwaway entry and clean up after themselves."""
        del self._entries[name]
        self.version += 1

    def _ready(self) -> dict[str, T]:
        if not apps.ready:
            raise AppRegistryNotReady(f"The {self.kind} are read before every app has registered its own.")
        return self._entries

    def get(self, name: str) -> T | None:
        return self._ready().get(name)

    def names(self) -> list[str]:
        return list(self._ready())

    def entries(self) -> list[T]:
        return list(self._ready().values())

    def __contains__(self, name: object) -> bool:
        return name in self._ready()

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._ready()))

    def __len__(self) -> int:
        return len(self._ready())


# --- Background jobs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """A periodic job: ``run()`` every ``period`` seconds, in one worker at a time. ``name`` is
    its row in ``worker.JobState``, so renaming a job forgets when it last ran."""

    name: str
    period: float
    run: Callable[[], Any]


jobs: Registry[Job] = Registry("background jobs")


def register_jobs(*entries: Job) -> None:
    """From an app's ``ready()``, with the jobs its ``jobs.py`` lists."""
    for job in entries:
        if job.period <= 0:
            raise ImproperlyConfigured(f"The job {job.name!r} needs a positive period.")
        jobs.register(job.name, job)


# --- Audit actions -------------------------------------------------------------------------------

#: Every action an app writes to the audit log (``record_audit("server.created", …)``), so that
#: the audit API can refuse a misspelt filter (400) instead of answering an empty page.
audit_actions: Registry[str] = Registry("audit actions")


def register_audit_actions(*names: str) -> None:
    for name in names:
        audit_actions.register(name, name)


# --- Webhook event types --------------------------------------------------------------------------


@dataclass(frozen=True)
class WebhookEvent:
    """An event a webhook may subscribe to: its dotted name, its label, and the ``TypedDict``
    of its ``data`` where the emitting app has typed it (documentation for receivers)."""

    name: str
    label: str
    payload: type | None = None


webhook_events: Registry[WebhookEvent] = Registry("webhook event types")


def register_webhook_events(*entries: WebhookEvent) -> None:
    for event in entries:
        webhook_events.register(event.name, event)


# --- API-key scopes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopeResource:
    """What API keys' scopes name: ``<name>:read`` (GET, HEAD, OPTIONS) and, where the
    resource can be written, ``<name>:write``, each with the least role that may hold it (a
    role's value: ``viewer``, ``operator``, ``admin``)."""

    name: str
    read: str
    write: str | None = None


scope_resources: Registry[ScopeResource] = Registry("API-key scope resources")
#: ``namespace:url_name`` of each REST route -> the resource it belongs to, or None: no API key
#: may use the route (credentials are managed by people only).
api_routes: Registry[str | None] = Registry("REST routes' scope resources")


def register_scope_resources(*entries: ScopeResource) -> None:
    for resource in entries:
        scope_resources.register(resource.name, resource)


def register_api_routes(routes: Mapping[str, str | None]) -> None:
    """An app's REST routes and the scope resource each needs (None: refused to every key).
    Every REST route must be named here; a system check lists those that are not."""
    for route, resource in routes.items():
        api_routes.register(route, resource)


# --- Socket keys ----------------------------------------------------------------------------------

#: Keys that browsers' sockets accept in their ``["bearer", <token>]`` subprotocols besides
#: access tokens, by prefix: ``authenticate(token, client_ip)`` answers the user the socket acts
#: as, or None to refuse it (``accounts.sockets``). A client application's ``ck_`` key is one.
socket_keys: Registry[Callable[[str, str | None], Any]] = Registry("socket key authenticators")


def register_socket_key(prefix: str, authenticate: Callable[[str, str | None], Any]) -> None:
    socket_keys.register(prefix, authenticate)


# --- Chat commands --------------------------------------------------------------------------------

CHAT_COMMAND_NAME = re.compile(r"[a-z][a-z0-9-]{0,31}")


@dataclass(frozen=True)
class ChatReply:
    """What a chat command answers: ``text`` (Markdown) is posted in a thread under the command.
    ``history_id``: a request to an agent (``agents.CommandHistory``) whose output the chat
    app follows in that same answer, updated in place until it ends. ``ok``: False for a
    refusal or an error (the room shows it as such)."""

    text: str
    history_id: int | None = None
    ok: bool = True
    #: With ``history_id``: sends the request to the agent, called once the chat app listens
    #: to its output (so that not even the first line is missed).
    start: Callable[[], None] | None = None


class ChatUsageError(Exception):
    """Raised by a command's ``run`` for arguments it cannot use: the answer is the command's
    usage, after this message (if any)."""


@dataclass(frozen=True)
class ChatCommand:
    """A slash command typed in a chat room (``/<name> <arguments>``).

    ``run(actor, arguments)`` is called with the ``accounts.actor.Actor`` of the person who
    typed it (via ``chat``, its origin the room and the message) and the arguments, parsed as a
    shell would (``/run web-1 "df -h /"`` gives ``["web-1", "df -h /"]``), and returns a
    ``ChatReply``. It checks permissions through the same services as the REST API, so it needs
    no rules of its own; what those services raise (403, 404, 409) is the answer. Between
    ``min_args`` and ``max_args`` arguments (None: no limit), else the answer is the usage.
    ``least_role`` only hides the command from the help of those who could not use it.
    ``description``: the longer text of ``/help <name>``.
    """

    name: str
    help: str
    run: Callable[[Any, list[str]], ChatReply]
    usage: str = ""
    least_role: str = "viewer"
    min_args: int = 0
    max_args: int | None = None
    description: str = ""
    #: The rest of the line as one argument, unsplit (``/ask what's new?`` → ``["what's new?"]``):
    #: for commands that take free text, where a lone apostrophe is no unclosed quote.
    raw_text: bool = False

    def accepts(self, count: int) -> bool:
        return count >= self.min_args and (self.max_args is None or count <= self.max_args)

    @property
    def synopsis(self) -> str:
        return f"/{self.name} {self.usage}".rstrip()


chat_commands: Registry[ChatCommand] = Registry("chat commands")


def register_chat_command(command: ChatCommand) -> ChatCommand:
    """From an app's ``ready()``: ``/<command.name>`` runs ``command.run``. Names are lower
    case (letters, digits, dashes) and unique across apps."""
    if not CHAT_COMMAND_NAME.fullmatch(command.name):
        raise ImproperlyConfigured(f"A chat command's name is lower case letters, digits and dashes: {command.name!r}.")
    return chat_commands.register(command.name, command)


def chat_command(name: str) -> ChatCommand | None:
    """The command ``/<name>`` runs, or None when no app offers it."""
    return chat_commands.get(name.lower())


# --- Prometheus collectors (GET /metrics) ---------------------------------------------------------


@dataclass(frozen=True)
class MetricCollector:
    """What an app adds to ``GET /metrics``: ``collect()`` returns prometheus-client metric
    families (``GaugeMetricFamily``, …) of the app's own figures, read when scraped. It must be
    cheap (a few aggregate queries): the whole fleet is scraped in one request."""

    name: str
    collect: Callable[[], Iterable[Any]]


metric_collectors: Registry[MetricCollector] = Registry("metric collectors")


def register_metric_collector(name: str, collect: Callable[[], Iterable[Any]]) -> MetricCollector:
    """From an app's ``ready()``: ``collect`` adds its families to every scrape."""
    return metric_collectors.register(name, MetricCollector(name, collect))


# --- Health checks (GET /api/v1/health) -----------------------------------------------------------


@dataclass(frozen=True)
class ServiceStatus:
    """One external service as the health report shows it. ``status``: ``up``, ``down``, or
    ``unknown`` (nothing to probe, nothing heard yet). ``response_time_ms``: how long the probe
    took; None where nothing was probed (a CI system that pushes to the hub is judged by its
    last delivery, ``last_seen``)."""

    name: str
    kind: str
    status: str
    response_time_ms: float | None = None
    error: str = ""
    last_seen: Any = None  # a datetime, or None


@dataclass(frozen=True)
class HealthCheck:
    """An external service group the hub depends on (``email``, ``ci``, ``kubernetes``):
    ``check()`` probes each of its services and returns their statuses. Only the shared base's
    own checks (the database, the channel layer) make the report unhealthy; these are
    reported, never a 503."""

    name: str
    check: Callable[[], list[ServiceStatus]]


health_checks: Registry[HealthCheck] = Registry("health checks")


def register_health_check(name: str, check: Callable[[], list[ServiceStatus]]) -> HealthCheck:
    """From an app's ``ready()``: ``check`` reports its services under
    ``external_services.<name>`` of ``GET /api/v1/health``."""
    return health_checks.register(name, HealthCheck(name, check))
