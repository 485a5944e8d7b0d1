from django.apps import AppConfig


class ClientsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "clients"
    verbose_name = "Client applications"

    def ready(self) -> None:
        from django.conf import settings

        from chatops import registry
        from clients import schema  # noqa: F401 - registers the OpenAPI security scheme
        from clients.sockets import user_for_key

        # Clients are credentials: no key manages them. A client's own key reaches its own
        # record (/clients/me) by clients.authentication's own rule, and nothing else here.
        routes = ["client-list", "client-detail", "client-rotate", "client-me"]
        registry.register_api_routes({f"clients-api:{name}": None for name in routes})
        registry.register_audit_actions("client.created", "client.updated", "client.key_rotated", "client.revoked")
        registry.register_socket_key(settings.CLIENT_KEY_PREFIX, user_for_key)
