"""Django's ASGI handler with the middleware chain run as one synchronous call.

Every middleware we run is synchronous, and so is every view: WhiteNoise is sync-only, and
Django's own middleware, when run asynchronously, call each of their hooks through
``sync_to_async``. Django's stock ``ASGIHandler`` builds an asynchronous chain anyway, so a
request hops from the event loop to a thread for the middleware, back to the loop for URL
resolution, and to the thread again for the view. This handler builds the synchronous chain
(the one Django's WSGI handler runs) and enters it once: one hop per request, the same
middleware, views, signals, streaming and disconnect handling. Measured on the CI receivers'
accept path: about 15 % less CPU per request (bench/README.md, "the ASGI handler").
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpRequest, HttpResponseBase


class SyncChainASGIHandler(ASGIHandler):
    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        response: HttpResponseBase = await sync_to_async(self.get_response, thread_sensitive=True)(request)
        return response


def get_asgi_application() -> Any:
    """``django.core.asgi.get_asgi_application`` with :class:`SyncChainASGIHandler`."""
    import django

    django.setup(set_prefix=False)
    return SyncChainASGIHandler()
