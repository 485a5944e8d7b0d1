from typing import Any

from django.db import models


class Role(models.TextChoices):
    """What a user may do. Ordered: each role may do all that the ones below it may."""

    ADMIN = "admin", "Admin"
    OPERATOR = "operator", "Operator"
    #: The helpdesk's agents (the seed's ``support_agent``): read like a viewer, and work every
    #: ticket; no remote actions.
    SUPPORT = "support", "Support"
    VIEWER = "viewer", "Viewer"
    #: The helpdesk's askers (the seed's ``customer``): their own tickets, the FAQ and the bot;
    #: no servers at all. What self-registration gives.
    REQUESTER = "requester", "Requester"


ROLE_RANK = {Role.REQUESTER: 0, Role.VIEWER: 1, Role.SUPPORT: 2, Role.OPERATOR: 3, Role.ADMIN: 4}


def audit_actions() -> tuple[str, ...]:
    """Every action the audit log records, as the apps registered them (``chatops.registry``),
    sorted: filtering on a misspelt one is a 400, not an empty page that looks like "nothing
    happened". A test keeps the registrations in step with the code."""
    from chatops import registry

    return tuple(sorted(registry.audit_actions.names()))


def __getattr__(name: str) -> Any:
    """``AUDIT_ACTIONS`` under its former constant name, built on access (it needs every app's
    registrations, which exist only once the apps are ready)."""
    if name == "AUDIT_ACTIONS":
        return audit_actions()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
