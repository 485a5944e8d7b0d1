from django.db import models


class Role(models.TextChoices):
    """What a user may do. Ordered: each role may do all that the ones below it may."""

    ADMIN = "admin", "Admin"
    OPERATOR = "operator", "Operator"
    VIEWER = "viewer", "Viewer"


ROLE_RANK = {Role.VIEWER: 0, Role.OPERATOR: 1, Role.ADMIN: 2}


#: Every action the audit log records, so that filtering on a misspelt one is a 400, not an
#: empty page that looks like "nothing happened". A test keeps it in step with the code.
AUDIT_ACTIONS = (
    "alert.acknowledged",
    "alert.resolved",
    "api_key.created",
    "api_key.revoked",
    "api_key.updated",
    "auth.login",
    "auth.login_failed",
    "auth.logout",
    "auth.password_changed",
    "auth.profile_updated",
    "auth.register",
    "command.run",
    "docker.list",
    "docker.logs",
    "docker.restart",
    "docker.start",
    "docker.stop",
    "server.created",
    "server.deleted",
    "server.enrolled",
    "server.updated",
    "threshold.created",
    "threshold.deleted",
    "threshold.updated",
    "user.created",
    "user.deleted",
    "user.password_changed",
    "user.updated",
    "webhook.created",
    "webhook.deleted",
    "webhook.disabled",
    "webhook.updated",
)
