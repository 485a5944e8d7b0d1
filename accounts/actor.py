"""Who acts, and from where: what every service takes instead of a request.

A command typed in a chat room, sent through the REST API, clicked in the dashboard or run by
the worker reaches the same service with an ``Actor``; the permission checks, the audit entry
and (later) the approval policy read it, so each path meets the same rules and leaves the same
trace (Zulip's ``acting_user``). Only the edges (views, admin, consumers, chat, jobs) build one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from django.http import HttpRequest

from accounts.choices import ROLE_RANK, Role

if TYPE_CHECKING:
    from accounts.models import APIKey, User

#: Where the action came in: the REST API (and the dashboard, which speaks it), the Django
#: admin, a websocket, a chat room, a background job, or the hub itself (a management
#: command, a migration, a test) with nobody behind it.
Via = Literal["api", "admin", "socket", "chat", "worker", "system"]
VIA_CHOICES: tuple[Via, ...] = ("api", "admin", "socket", "chat", "worker", "system")


@runtime_checkable
class ActingClient(Protocol):
    """What a client application's key leaves in ``request.auth`` (``clients.Client``): this
    app names no app above it, so it knows the client by this shape."""

    @property
    def client_id(self) -> int: ...

    @property
    def actor_label(self) -> str: ...


@dataclass(frozen=True)
class Actor:
    """One acting party. ``user`` is None for the system (a job, the hub itself). A client
    application acts through its bot ``user`` (its role, its teams) and is named by ``label``
    (``"client ci-deploy"``) with its ``client_id``."""

    user: User | None
    via: Via
    api_key: APIKey | None = None
    ip: str | None = None
    user_agent: str = ""
    #: What the audit log shows when there is no user (``"worker"``, ``"agent web-1"``).
    label: str = ""
    #: Where within ``via`` it happened, as the audit entry records it: for chat, the room and
    #: the message that carried the command (``{"room": 3, "room_name": "ops", "message": 41}``).
    origin: Mapping[str, Any] | None = None
    #: The client application acting (``clients.Client``'s id), if one is.
    client_id: int | None = None

    @classmethod
    def for_user(cls, user: User, via: Via, *, api_key: APIKey | None = None, ip: str | None = None) -> Actor:
        return cls(user=user, via=via, api_key=api_key, ip=ip)

    @classmethod
    def system(cls, label: str = "system", via: Via = "system") -> Actor:
        return cls(user=None, via=via, label=label)

    @classmethod
    def from_request(cls, request: Any, via: Via = "api") -> Actor:
        """The caller of a DRF or Django request: its user, its API key (DRF puts it in
        ``request.auth``), its address (``X-Forwarded-For`` believed only from configured
        proxies) and its User-Agent."""
        from accounts.models import APIKey
        from chatops import ratelimit

        http: HttpRequest | None = getattr(request, "_request", request)
        user = getattr(request, "user", None)
        auth = getattr(request, "auth", None)
        ip = ratelimit.valid_ip(ratelimit.client_ip(http)) if isinstance(http, HttpRequest) else None
        agent = http.headers.get("User-Agent", "")[:256] if isinstance(http, HttpRequest) else ""
        client = auth if isinstance(auth, ActingClient) else None
        return cls(
            user=user if user is not None and user.is_authenticated else None,
            via=via,
            api_key=auth if isinstance(auth, APIKey) else None,
            ip=ip,
            user_agent=agent,
            label=client.actor_label if client is not None else "",
            client_id=client.client_id if client is not None else None,
        )

    @property
    def name(self) -> str:
        """How the audit log names this actor: a client by its label, not its bot's username."""
        if self.client_id is not None and self.label:
            return self.label
        return self.user.username if self.user is not None else self.label

    @property
    def is_system(self) -> bool:
        """The hub itself (a job, a management command): no user, and not a request that
        merely carried none (an anonymous caller is nobody, not the system)."""
        return self.user is None and self.via in ("worker", "system")

    def within(self, **origin: Any) -> Actor:
        """The same actor, acting from a given place (a chat room and message)."""
        return replace(self, origin={**(self.origin or {}), **origin})

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None

    def has_role(self, role: Role) -> bool:
        """The user's role reaches ``role``; the system reaches every role, an anonymous
        caller none."""
        if self.user is None:
            return self.is_system
        return ROLE_RANK.get(Role(self.user.role), -1) >= ROLE_RANK[role]
