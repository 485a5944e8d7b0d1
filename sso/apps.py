from django.apps import AppConfig


class SsoConfig(AppConfig):
    """Sign-in through an outside identity provider: GitHub (docs/github-sign-in.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "sso"
    verbose_name = "GitHub sign-in"

    def ready(self) -> None:
        from chatops import registry

        # Anonymous by nature: they hand out credentials, so no API key may use them.
        registry.register_api_routes({"sso-api:github-start": None, "sso-api:github-callback": None})
