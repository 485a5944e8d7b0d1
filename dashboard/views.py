"""The dashboard's pages: plain HTML shells. Their data comes from the REST API and the
websockets, called from the browser with the signed-in user's token (docs/dashboard.md), so a
page holds nothing the API would not show, and needs no session of its own."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.views.generic import TemplateView

# Scripts only from the hub itself: a token kept in sessionStorage is out of reach of any
# script the hub did not serve. Inline styles stay allowed because uPlot sizes its elements
# with them; connect-src 'self' covers the same-origin websockets.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class PageView(TemplateView):
    """One page of the dashboard: ``page`` names its template (``dashboard/<page>.html``) and its
    script (``static/dashboard/js/<page>.js``)."""

    page = ""

    def get_template_names(self) -> list[str]:
        return [f"dashboard/{self.page}.html"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["version"] = settings.VERSION
        return context

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = super().dispatch(request, *args, **kwargs)
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        # The shell changes with each release only, but a stale one could load stale scripts.
        response["Cache-Control"] = "no-cache"
        return response
