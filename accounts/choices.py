from typing import Any

from django.db import models


class Role(models.TextChoices):
    """What a user may do. Ordered: each role may do all that the ones below it may."""

    ADMIN = "admin", "Admin"
    OPERATOR = "operator", "Operator"
    VIEWER = "viewer", "Viewer"


ROLE_RANK = {Role.VIEWER: 0, Role.OPERATOR: 1, Role.ADMIN: 2}


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
