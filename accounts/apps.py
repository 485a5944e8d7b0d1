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
        # People and their access (roles, teams: each a scope of the fleet) likewise.
        no_key += ["user-list", "user-detail", "user-invitation", "invitation-accept"]
        no_key += ["team-list", "team-detail", "team-members", "team-member"]
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
            "team.created",
            "team.deleted",
            "team.member_added",
            "team.member_removed",
            "team.updated",
            "user.created",
            "user.deactivated",
            "user.deleted",
            "user.invitation_accepted",
            "user.invited",
            "user.password_changed",
            "user.updated",
        )
