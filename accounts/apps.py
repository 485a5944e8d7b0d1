from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"

    def ready(self) -> None:
        from accounts import checks, schema  # noqa: F401 - register the system check and the OpenAPI auth extensions
        from chatops import registry

        # This app's own scope resources are in accounts.scopes (they close the vocabulary).
        # Credentials are managed by people only: no key may use these routes.
        no_key = ["register", "login", "refresh", "logout", "change-password"]
        no_key += ["api-key-list", "api-key-me", "api-key-detail"]
        registry.register_api_routes(
            {
                "accounts-api:me": "profile",
                "accounts-api:audit-log-list": "audit",
                "accounts-api:audit-log-detail": "audit",
                **{f"accounts-api:{name}": None for name in no_key},
            }
        )
        registry.register_audit_actions(
            "api_key.created",
            "api_key.revoked",
            "api_key.updated",
            "auth.login",
            "auth.login_failed",
            "auth.logout",
            "auth.password_changed",
            "auth.profile_updated",
            "auth.register",
            "user.created",
            "user.deleted",
            "user.password_changed",
            "user.updated",
        )
