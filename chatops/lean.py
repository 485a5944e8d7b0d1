"""Lean routes: hot endpoints served by a plain view behind a shorter middleware chain.

A CI system's delivery does not need a session, a user, a CSRF check, flash messages, static
files or allauth, nor DRF's request wrapping, content negotiation and rendering, nor the
resolution of every app's URLs: on the receivers' accept path those were about two thirds of
the hub's CPU per delivery (bench/README.md, "Session 20"). An app lists such routes in its
``routing.py`` as ``http_routes``; :class:`chatops.handlers.SyncChainASGIHandler` serves a
request that matches one with the route's view behind :data:`SKIPPED`-less middleware, in the
request's kept thread, with Django's request, response, signals and error logging as before.

A route matches only plain requests: its method, its path, no query string, and an
``Accept`` that asks for JSON (or anything). Everything else — another method, ``?format=``,
a browser asking for HTML — goes through the full chain to the same URL's DRF view, which
stays the endpoint's description in the schema. The view answers every outcome itself (the
house's error body, ``Retry-After``, ``WWW-Authenticate``), with the headers a DRF view adds
(``Vary: Accept``, ``Allow``); the middleware adds the rest (request id, security headers,
``X-RateLimit-*``, host validation). Tests send the same requests both ways and compare the
answers (``tests/chatops/test_lean_routes.py``, ``tests/pipelines/test_lean_receivers.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

import orjson
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.asgi import get_script_prefix
from django.core.handlers.exception import convert_exception_to_response
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import set_urlconf
from django.utils.log import log_response
from django.utils.module_loading import import_string

from chatops.api.renderers import ORJSON_OPTIONS

#: Middleware a lean route does without: sessions, users, CSRF, messages, static files and
#: allauth's (they act on pages and on what a user's browser sends; a lean route serves
#: neither). Every other entry of ``MIDDLEWARE`` runs, in its order.
SKIPPED = frozenset(
    {
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "allauth.account.middleware.AccountMiddleware",
    }
)

View = Callable[..., HttpResponseBase]


@dataclass(frozen=True)
class LeanRoute:
    """``view(request, **groups)`` for ``method`` on paths matching ``pattern`` (a full match
    of ``request.path_info``; its named groups are the view's keyword arguments, as strings)."""

    method: str
    pattern: str
    view: View
    allow: str = ""  # the Allow header the full route's DRF view sends
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern))


def _wants_json(accept: str) -> bool:
    """Would DRF's negotiation pick its JSON renderer for this ``Accept``? Only the plain
    cases are answered here: none, ``*/*``, or a JSON type, and never HTML."""
    if not accept:
        return True
    accept = accept.lower()
    if "html" in accept:
        return False
    return "*/*" in accept or "application/json" in accept or "application/*" in accept


#: The scope key under which the handler passes a request's lean route to its thread.
LEAN = "chatops.lean_route"


def match(scope: dict[str, Any]) -> tuple[LeanRoute, dict[str, str]] | None:
    """The lean route for an HTTP request's ASGI ``scope`` and its arguments, or ``None`` (the
    full chain). Read off the scope before Django builds a request, so that the handler can pick
    the request's threads by it; the path is the ``path_info`` Django's request will have (the
    script prefix removed), and repeated ``Accept`` headers are read as Django joins them."""
    if scope.get("query_string"):
        return None
    accept = b",".join(value for name, value in scope.get("headers", ()) if name.lower() == b"accept")
    if not _wants_json(accept.decode("latin-1")):
        return None
    method, path = scope["method"].upper(), scope["path"]
    prefix = get_script_prefix(scope)
    if prefix:
        path = path.removeprefix(prefix)
    for route in routes():
        if route.method == method:
            found = route.compiled.fullmatch(path)
            if found:
                return route, found.groupdict()
    return None


@cache
def routes() -> tuple[LeanRoute, ...]:
    from chatops.discovery import app_modules

    return tuple(route for module in app_modules("routing") for route in getattr(module, "http_routes", ()))


class LeanChain:
    """The middleware chain of lean routes: ``MIDDLEWARE`` without :data:`SKIPPED`, built as
    Django builds its synchronous chain (each layer converts its exceptions to responses),
    around the matched route's view instead of URL resolution."""

    def __init__(self) -> None:
        self._exception_hooks: list[Callable[[HttpRequest, Exception], HttpResponseBase | None]] = []
        handler: Callable[[HttpRequest], Any] = convert_exception_to_response(self._view)
        for path in reversed(settings.MIDDLEWARE):
            if path in SKIPPED:
                continue
            try:
                middleware = import_string(path)(handler)
            except MiddlewareNotUsed:
                continue
            if hasattr(middleware, "process_view") or hasattr(middleware, "process_template_response"):
                # No view hooks run here: a middleware that needs one must be skipped or the
                # lean chain taught to call it, rather than be silently bypassed.
                raise TypeError(f"{path} has view hooks; lean routes do not run them")
            if hasattr(middleware, "process_exception"):
                self._exception_hooks.insert(0, middleware.process_exception)
            handler = convert_exception_to_response(middleware)
        self._chain = handler

    def _view(self, request: HttpRequest) -> HttpResponseBase:
        route, kwargs = request.lean_route  # type: ignore[attr-defined]
        try:
            return route.view(request, **kwargs)
        except Exception as exc:
            for hook in self._exception_hooks:
                response = hook(request, exc)
                if response is not None:
                    return response
            raise

    def __call__(self, request: HttpRequest, route: LeanRoute, kwargs: dict[str, str]) -> HttpResponseBase:
        """Django's ``BaseHandler.get_response`` with this chain."""
        set_urlconf(settings.ROOT_URLCONF)
        request.lean_route = (route, kwargs)  # type: ignore[attr-defined]
        response: Any = self._chain(request)
        response._resource_closers.append(request.close)
        if response.status_code >= 400:
            log_response("%s: %s", response.reason_phrase, request.path, response=response, request=request)
        return cast(HttpResponseBase, response)


def json_response(request: HttpRequest, body: Any, status: int, headers: dict[str, str] | None = None) -> HttpResponse:
    """``body`` as the API's renderer writes it, with the headers a DRF view adds."""
    response = HttpResponse(
        orjson.dumps(body, option=ORJSON_OPTIONS), status=status, content_type="application/json", headers=headers
    )
    response["Vary"] = "Accept"
    route: LeanRoute = request.lean_route[0]  # type: ignore[attr-defined]
    if route.allow:
        response["Allow"] = route.allow
    return response


def error_response(request: HttpRequest, exc: Exception, auth_header: str = "") -> HttpResponse:
    """The API's error answer for ``exc``, as DRF's exception handling gives it (the house's
    ``exception_handler``: the error body, ``Retry-After``, a 500 logged)."""
    from rest_framework import exceptions

    from chatops.api.exceptions import exception_handler

    if auth_header and isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        setattr(exc, "auth_header", auth_header)  # noqa: B010 - DRF's views set it so, on an APIException
    answer = exception_handler(exc, {"request": request})
    headers = {name: answer[name] for name in ("WWW-Authenticate", "Retry-After") if answer.has_header(name)}
    return json_response(request, answer.data, answer.status_code, headers=headers)
