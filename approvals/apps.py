from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    """Two-person approval of risky actions (issue 16), whichever way they are asked for."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "approvals"
