from django.db import models


class Role(models.TextChoices):
    """What a user may do. Ordered: each role may do all that the ones below it may."""

    ADMIN = "admin", "Admin"
    OPERATOR = "operator", "Operator"
    VIEWER = "viewer", "Viewer"


ROLE_RANK = {Role.VIEWER: 0, Role.OPERATOR: 1, Role.ADMIN: 2}
