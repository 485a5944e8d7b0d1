"""What an API key is for: its scopes, the role each needs, and the scope each route needs.

Like GitHub's fine-grained tokens: a key reaches only what its scopes name, and never more
than its owner's role allows at the time of the request (demoting the owner shrinks the key).

- ``agent``: the agent of the one server the key is bound to. Nothing else, no REST at all.
- ``enrol``: an admin's key that enrols agents by hostname. Nothing else either.
- ``<resource>:read`` / ``<resource>:write``: scripts. Read is GET/HEAD/OPTIONS, write the rest.

No key may manage credentials (register users, change a profile or password, list, create or
revoke keys): those routes are registered with no resource, so every key is refused there.
Each app registers its resources and its routes' (``chatops.registry``); a system check
(``accounts.checks``) names any REST route that no app registered.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from accounts.choices import ROLE_RANK, Role
from chatops import registry
from chatops.registry import ScopeResource

AGENT = "agent"
ENROL = "enrol"

# The resources of this app. The other apps' come from the registry, each with the least role
# per scope (``chatops.registry.register_scope_resources``, from their ``apps.py``), in
# registration order; this app's follow them, then the socket scopes, so the vocabulary keeps
# the order keys store their scopes in (``normalised``) and the API schema lists them in.
OWN_RESOURCES = (ScopeResource("audit", read=Role.ADMIN), ScopeResource("profile", read=Role.REQUESTER))
SOCKET_SCOPES: dict[str, Role] = {AGENT: Role.ADMIN, ENROL: Role.ADMIN}
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@lru_cache(maxsize=4)
def _script_scopes(version: int) -> dict[str, Role]:
    scopes: dict[str, Role] = {}
    for resource in [*registry.scope_resources.entries(), *OWN_RESOURCES]:
        scopes[f"{resource.name}:read"] = Role(resource.read)
        if resource.write is not None:
            scopes[f"{resource.name}:write"] = Role(resource.write)
    return scopes


def script_scopes() -> dict[str, Role]:
    """Each scope a script's key may have, with the least role that may hold it."""
    return _script_scopes(registry.scope_resources.version)


def scope_roles() -> dict[str, Role]:
    """Every scope, the socket ones too, with the least role that may hold it."""
    return _scope_roles(registry.scope_resources.version)


@lru_cache(maxsize=4)
def _scope_roles(version: int) -> dict[str, Role]:
    return {**_script_scopes(version), **SOCKET_SCOPES}


def all_scopes() -> tuple[str, ...]:
    """The vocabulary, in the order keys store their scopes."""
    return tuple(scope_roles())


def default_scopes(role: str = Role.VIEWER) -> tuple[str, ...]:
    """What an unbound key created without naming its scopes gets: what every role from viewer
    up reads (the least role's reads included); for a requester's key, what a requester reads."""
    cap = min(ROLE_RANK[Role(role)], ROLE_RANK[Role.VIEWER])
    return tuple(
        scope for scope, least in script_scopes().items() if scope.endswith(":read") and ROLE_RANK[least] <= cap
    )


def route_resources() -> dict[str, str]:
    """The REST routes a key may reach (``namespace:url_name``) and the resource each belongs
    to. Routes registered with no resource (credentials) are not in it: every key is refused."""
    return _route_resources(registry.api_routes.version)


@lru_cache(maxsize=4)
def _route_resources(version: int) -> dict[str, str]:
    return {route: resource for route in registry.api_routes if (resource := registry.api_routes.get(route))}


_TABLES = {
    "SCRIPT_SCOPES": script_scopes,
    "SCOPE_ROLES": scope_roles,
    "ALL_SCOPES": all_scopes,
    "DEFAULT_SCOPES": default_scopes,
    "ROUTE_RESOURCES": route_resources,
}


def __getattr__(name: str) -> Any:
    """The tables under their former constant names, built on access (they need every app's
    registrations, which exist only once the apps are ready)."""
    if name in _TABLES:
        return _TABLES[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def needed_scope(view_name: str | None, method: str) -> str | None:
    """The scope a key needs for ``method`` on the route ``view_name``; None: no key may."""
    resource = route_resources().get(view_name or "")
    if resource is None:
        return None
    return f"{resource}:{'read' if method.upper() in READ_METHODS else 'write'}"


def role_allows(role: str, scope: str) -> bool:
    needed = scope_roles().get(scope)
    return needed is not None and ROLE_RANK[Role(role)] >= ROLE_RANK[needed]


def scope_errors(scopes: Iterable[str], *, bound: bool, role: str) -> list[str]:
    """Why this set of scopes may not be a key's (empty: it may). ``bound``: the key is bound
    to a server; ``role``: its owner's role."""
    chosen = list(scopes)
    unknown = sorted(set(chosen) - set(all_scopes()))
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
    return [scope for scope in all_scopes() if scope in chosen]
