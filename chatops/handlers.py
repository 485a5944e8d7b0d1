"""Django's ASGI handler with the middleware chain run as one synchronous call.

Every middleware we run is synchronous, and so is every view: WhiteNoise is sync-only, and
Django's own middleware, when run asynchronously, call each of their hooks through
``sync_to_async``. Django's stock ``ASGIHandler`` builds an asynchronous chain anyway, so a
request hops from the event loop to a thread for the middleware, back to the loop for URL
resolution, and to the thread again for the view. This handler builds the synchronous chain
(the one Django's WSGI handler runs) and enters it once: one hop per request, the same
middleware, views, signals, streaming and disconnect handling. Measured on the CI receivers'
accept path: about 15 % less CPU per request (bench/README.md, "the ASGI handler").

Django's handler also runs each request in a ``ThreadSensitiveContext`` of its own, which
starts a thread for the request and joins it afterwards, and the thread builds its own
database connection wrapper. This one lends each request one of ``HTTP_REQUEST_THREADS`` kept
threads (asgiref's ``ThreadSensitiveContext(executor=…)``: every thread-sensitive call of the
request, from ``request_started`` to ``response.close()``, runs on that one thread, as before);
a request that finds them all busy gets a thread of its own, as before. Measured on the CI
receivers' accept path: about a tenth of a request's CPU was the thread's start and join
(bench/README.md, "pipelines/run.py", session 15).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpRequest, HttpResponseBase


class SyncChainASGIHandler(ASGIHandler):
    def __init__(self) -> None:
        super().__init__()
        #: Idle kept threads, each an executor of one thread. Taken and given back on the event
        #: loop's thread only (no await between the check and the pop): no lock needed.
        self._idle: list[ThreadPoolExecutor] = [
            ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"http-{n}")
            for n in range(settings.HTTP_REQUEST_THREADS)
        ]

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not self._idle:
            await super().__call__(scope, receive, send)  # a thread of its own (or Django's error)
            return
        executor = self._idle.pop()
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            self._idle.append(executor)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        response: HttpResponseBase = await sync_to_async(self.get_response, thread_sensitive=True)(request)
        return response


def get_asgi_application() -> Any:
    """``django.core.asgi.get_asgi_application`` with :class:`SyncChainASGIHandler`."""
    import django

    django.setup(set_prefix=False)
    return SyncChainASGIHandler()
