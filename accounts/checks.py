"""A system check: every REST route is given a scope resource (or refused to keys) by its app.

A route nobody registered refuses every API key, which is safe but is never what the author of
a new app meant; this check names it at start-up (``manage.py check``, and a test runs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.checks import CheckMessage, Error, Tags, register
from django.urls import URLPattern, URLResolver, get_resolver

from accounts import scopes
from chatops import registry

# Apps name their REST namespaces ``<app>-api`` (``app_name`` in their ``api/urls.py``).
REST_NAMESPACE_SUFFIX = "-api"


def rest_route_names(resolver: URLResolver | None = None, namespace: str = "") -> Iterator[str]:
    """``namespace:url_name`` of every named route in a REST namespace."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
            yield from rest_route_names(pattern, inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and namespace.endswith(REST_NAMESPACE_SUFFIX):
            yield f"{namespace}:{pattern.name}"


@register(Tags.urls)
def check_route_scopes(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    for route in sorted(set(rest_route_names()) - set(registry.api_routes)):
        errors.append(
            Error(
                f"The REST route {route!r} has no scope resource, so no API key may use it.",
                hint="Register it from its app's ready() with chatops.registry.register_api_routes "
                "(None as its resource when no key may use it).",
                id="accounts.E001",
            )
        )
    vocabulary = set(scopes.all_scopes())
    for route, resource in scopes.route_resources().items():
        if f"{resource}:read" not in vocabulary:
            errors.append(
                Error(
                    f"The REST route {route!r} names the scope resource {resource!r}, which no app registered.",
                    hint="Register it with chatops.registry.register_scope_resources.",
                    id="accounts.E002",
                )
            )
    return errors
