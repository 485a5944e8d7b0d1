"""The dashboard's GitHub sign-in: ``/login/github`` starts it (the same state and binding
cookie as GET /api/v1/auth/github) and sends the browser to GitHub; GitHub sends it back to
``/login/github/callback``, a page whose script finishes it through the API and keeps the
tokens as the password sign-in does (dashboard/static/dashboard/js/api.js)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView

from accounts.actor import Actor
from chatops import ratelimit
from sso import services
from sso.web import CALLBACK_PATH, default_redirect_uri, set_binding

NEXT_COOKIE = "chatops_github_next"
# Like the dashboard's pages: scripts and everything else from the hub only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _safe_next(request: HttpRequest, value: str | None) -> str:
    if value and value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return value
    return "/"


def start(request: HttpRequest) -> HttpResponse:
    """The "Sign in with GitHub" button's target."""
    if not services.github_config().enabled:
        raise Http404("GitHub sign-in is off.")
    # Each start stores a sign-in state: counted in the API's sign-in budget
    # ("authentication"), which GET /api/v1/auth/github draws on too, per client.
    if ratelimit.enabled():
        decision = ratelimit.hit("authentication", ratelimit.identity(request))
        if not decision.allowed:
            response = HttpResponse(
                "Too many sign-in attempts from this address; try again shortly.",
                status=429, content_type="text/plain; charset=utf-8",
            )  # fmt: skip
            response["Retry-After"] = str(decision.retry_after)
            return response
    started = services.start_sign_in(Actor.from_request(request), redirect_uri=default_redirect_uri(request))
    response = HttpResponseRedirect(started.auth_url)
    set_binding(response, request, started)
    next_page = _safe_next(request, request.GET.get("next"))
    response.set_cookie(
        NEXT_COOKIE, next_page, max_age=started.max_age, path=CALLBACK_PATH, httponly=True, samesite="Lax",
        secure=request.is_secure(),
    )  # fmt: skip
    return response


class CallbackPage(TemplateView):
    template_name = "sso/github-callback.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["next"] = _safe_next(self.request, self.request.COOKIES.get(NEXT_COOKIE))
        return context

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().get(request, *args, **kwargs)
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response["Cache-Control"] = "no-store"
        # The code and state are in this page's address: never pass it on to another site.
        response["Referrer-Policy"] = "no-referrer"
        response.delete_cookie(NEXT_COOKIE, path=CALLBACK_PATH)
        return response
