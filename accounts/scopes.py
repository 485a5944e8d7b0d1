"""What an API key is for: its scopes, the role each needs, and the scope each route needs.

Like GitHub's fine-grained tokens: a key reaches only what its scopes name, and never more
than its owner's role allows at the time of the request (demoting the owner shrinks the key).

- ``agent``: the agent of the one server the key is bound to. Nothing else, no REST at all.
- ``enrol``: an admin's key that enrols agents by hostname. Nothing else either.
- ``<resource>:read`` / ``<resource>:write``: scripts. Read is GET/HEAD/OPTIONS, write the rest.

No key may manage credentials (register users, change a profile or password, list, create or
revoke keys): those routes are not in ``ROUTE_RESOURCES``, so every key is refused there.
"""

from __future__ import annotations

from collections.abc import Iterable

from accounts.choices import ROLE_RANK, Role

AGENT = "agent"
ENROL = "enrol"

# Each scope with the least role that may hold it.
SCRIPT_SCOPES: dict[str, Role] = {
    "servers:read": Role.VIEWER,
    "servers:write": Role.ADMIN,
    "metrics:read": Role.VIEWER,
    "metrics:write": Role.OPERATOR,
    "logs:read": Role.VIEWER,
    "alerts:read": Role.VIEWER,
    "alerts:write": Role.OPERATOR,
    "commands:read": Role.OPERATOR,
    "commands:write": Role.OPERATOR,
    "docker:read": Role.VIEWER,
    "docker:write": Role.OPERATOR,
    "webhooks:read": Role.ADMIN,
    "webhooks:write": Role.ADMIN,
    "audit:read": Role.ADMIN,
    "profile:read": Role.VIEWER,
}
SOCKET_SCOPES: dict[str, Role] = {AGENT: Role.ADMIN, ENROL: Role.ADMIN}
SCOPE_ROLES: dict[str, Role] = {**SCRIPT_SCOPES, **SOCKET_SCOPES}
ALL_SCOPES = tuple(SCOPE_ROLES)

# An unbound key created without naming its scopes reads what every role reads.
DEFAULT_SCOPES = ("servers:read", "metrics:read", "logs:read", "alerts:read", "docker:read", "profile:read")

# The REST routes a key may reach (``namespace:url_name``) and the resource each belongs to.
ROUTE_RESOURCES: dict[str, str] = {
    "accounts-api:me": "profile",
    "accounts-api:audit-log-list": "audit",
    "accounts-api:audit-log-detail": "audit",
    "servers-api:server-list": "servers",
    "servers-api:server-detail": "servers",
    "monitoring-api:custom-metrics": "metrics",
    "monitoring-api:latest": "metrics",
    "monitoring-api:history": "metrics",
    "monitoring-api:catalog": "metrics",
    "monitoring-api:custom-history": "metrics",
    "monitoring-api:recent": "metrics",
    "monitoring-api:logs": "logs",
    "agents-api:commands": "commands",
    "agents-api:command": "commands",
    "agents-api:containers": "docker",
    "agents-api:container-start": "docker",
    "agents-api:container-stop": "docker",
    "agents-api:container-restart": "docker",
    "agents-api:container-logs": "docker",
    "alerts-api:threshold-list": "alerts",
    "alerts-api:threshold-detail": "alerts",
    "alerts-api:alert-list": "alerts",
    "alerts-api:alert-detail": "alerts",
    "alerts-api:alert-acknowledge": "alerts",
    "alerts-api:alert-resolve": "alerts",
    "webhooks-api:webhook-list": "webhooks",
    "webhooks-api:webhook-detail": "webhooks",
    "webhooks-api:webhook-test": "webhooks",
    "webhooks-api:deliveries": "webhooks",
}
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def needed_scope(view_name: str | None, method: str) -> str | None:
    """The scope a key needs for ``method`` on the route ``view_name``; None: no key may."""
    resource = ROUTE_RESOURCES.get(view_name or "")
    if resource is None:
        return None
    return f"{resource}:{'read' if method.upper() in READ_METHODS else 'write'}"


def role_allows(role: str, scope: str) -> bool:
    needed = SCOPE_ROLES.get(scope)
    return needed is not None and ROLE_RANK[Role(role)] >= ROLE_RANK[needed]


def scope_errors(scopes: Iterable[str], *, bound: bool, role: str) -> list[str]:
    """Why this set of scopes may not be a key's (empty: it may). ``bound``: the key is bound
    to a server; ``role``: its owner's role."""
    chosen = list(scopes)
    unknown = sorted(set(chosen) - set(ALL_SCOPES))
    if unknown:
        return [f"Unknown scope: {', '.join(unknown)}."]
    if bound:
        return [] if set(chosen) == {AGENT} else [f"A key bound to a server has exactly the scope {AGENT!r}."]
    if not chosen:
        return ["Choose at least one scope."]
    if AGENT in chosen:
        return [f"The scope {AGENT!r} needs a server to bind the key to."]
    if ENROL in chosen and set(chosen) != {ENROL}:
        return [f"An enrolment key has the scope {ENROL!r} alone: it lives on servers, so it reads nothing."]
    above = [scope for scope in chosen if not role_allows(role, scope)]
    if above:
        return [f"Beyond the owner's role ({role}): {', '.join(sorted(above))}."]
    return []


def normalised(scopes: Iterable[str]) -> list[str]:
    """Without duplicates, in the vocabulary's order (so equal sets compare equal)."""
    chosen = set(scopes)
    return [scope for scope in ALL_SCOPES if scope in chosen]
