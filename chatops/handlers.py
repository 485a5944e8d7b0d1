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
a request that finds them all busy waits up to ``HTTP_REQUEST_QUEUE_MS`` for one to come back
(first come, first served), and only then gets a thread of its own, as with Django's handler.
Measured on the CI receivers' accept path: about a tenth of a request's CPU was the thread's
start and join (bench/README.md, "pipelines/run.py", session 15). Under a burst, every request
past the kept threads used to start one, and the threads then took turns at the one
interpreter lock: more CPU per request exactly when the process had none to spare
(bench/README.md, "Session 17"). The wait is bounded so that slow requests (an outgoing call,
a long answer) holding every kept thread do not hold up the others for longer than that.

The lean routes' requests (``chatops.lean``: a CI system's plain POST to a receiver) have kept
threads of their own, ``HTTP_LEAN_THREADS`` (2), picked from the ASGI scope before the request
is built. Each delivery is short (three round trips to Redis and PostgreSQL), but in a flood
eight threads ran them at once and took the interpreter lock from the event loop in turns: the
agents' acknowledgements on the same process waited (p99 1.7x at 400 deliveries/s, 1.3x with
two threads). Two threads carry that rate, and a chat post or an API call, which holds a
thread for milliseconds, never queues behind deliveries, nor a delivery behind them
(bench/README.md, session 23).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import settings
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.http import HttpRequest, HttpResponseBase
from django.urls import set_script_prefix

from chatops.lean import LEAN, LeanChain, match


class KeptThreads:
    """``size`` kept threads, each an executor of one thread, lent to one request at a time.

    A request that finds them all busy waits for one, first come first served, for up to
    ``HTTP_REQUEST_QUEUE_MS``; :meth:`borrow` then answers ``None`` and the request gets a thread
    of its own. Taken and given back on the event loop's thread only (no await between the
    check and the pop): no lock needed."""

    def __init__(self, size: int, name: str) -> None:
        self.size = size
        #: Idle kept threads.
        self._idle: list[ThreadPoolExecutor] = [
            ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"{name}-{n}") for n in range(size)
        ]
        #: Requests waiting for a kept thread, oldest first (each leaves when it has waited
        #: ``HTTP_REQUEST_QUEUE_MS`` or is cancelled; one done meanwhile is skipped).
        self._waiting: deque[asyncio.Future[ThreadPoolExecutor | None]] = deque()

    async def borrow(self) -> ThreadPoolExecutor | None:
        """An idle kept thread, or the first to come back within ``HTTP_REQUEST_QUEUE_MS``;
        ``None`` when there is none (no kept threads, or the wait ran out)."""
        if self._idle and not self._waiting:
            return self._idle.pop()
        wait_ms = settings.HTTP_REQUEST_QUEUE_MS
        if not self._idle and (not wait_ms or not self.size):
            return None
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[ThreadPoolExecutor | None] = loop.create_future()
        self._waiting.append(waiter)
        timer = loop.call_later(wait_ms / 1000, _resolve, waiter, None)
        if self._idle:  # idle threads with others queued (a hand-over in flight): serve in order
            self._hand_over(self._idle.pop())
        try:
            return await waiter
        except asyncio.CancelledError:
            handed = waiter.result() if waiter.done() and not waiter.cancelled() else None
            if handed is not None:
                self.give_back(handed)  # handed over as the request was cancelled
            raise
        finally:
            timer.cancel()
            if not waiter.done() or waiter.cancelled() or waiter.result() is None:
                with contextlib.suppress(ValueError):
                    self._waiting.remove(waiter)  # waited its time: not in the queue any more

    def give_back(self, executor: ThreadPoolExecutor) -> None:
        if not self._hand_over(executor):
            self._idle.append(executor)

    def _hand_over(self, executor: ThreadPoolExecutor) -> bool:
        """Give ``executor`` to the oldest request still waiting; ``False`` if none is."""
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(executor)
                return True
        return False


class SyncChainASGIHandler(ASGIHandler):
    def __init__(self) -> None:
        super().__init__()
        #: The threads of every request but the lean routes' (``HTTP_REQUEST_THREADS``).
        self.threads = KeptThreads(settings.HTTP_REQUEST_THREADS, "http")
        #: The lean routes' own (``HTTP_LEAN_THREADS``; none: they share :attr:`threads`).
        self.lean_threads = KeptThreads(settings.HTTP_LEAN_THREADS, "http-lean") if settings.HTTP_LEAN_THREADS else None

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)
        self._lean = LeanChain()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)  # Django's error for what is not HTTP
            return
        lean = match(scope)
        threads = self.threads
        if lean is not None:
            scope = {**scope, LEAN: lean}  # for ``_serve``: the request's scope
            threads = self.lean_threads or threads
        executor = await threads.borrow()
        if executor is None:
            await super().__call__(scope, receive, send)  # a thread of its own
            return
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            threads.give_back(executor)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        response: HttpResponseBase = await sync_to_async(self._serve, thread_sensitive=True)(request)
        return response

    def _serve(self, request: HttpRequest) -> HttpResponseBase:
        """In the request's thread: ``request_started``, the chain (the lean one for a lean
        route's request, ``chatops.lean``), and the ``close()`` of a response already in memory
        (``request_finished``)."""
        request.chatops_served = True  # type: ignore[attr-defined]  # it sends its own request_finished
        signals.request_started.send(sender=self.__class__, scope=request.scope)  # type: ignore[attr-defined]
        lean = request.scope.get(LEAN)  # type: ignore[attr-defined]
        response = self._lean(request, *lean) if lean else self.get_response(request)
        if not response.streaming:
            response._handler_class = self.__class__  # type: ignore[attr-defined]  # request_finished's sender
            response.close()
        return response

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Django's ``handle`` with one hop to the request's thread instead of three.

        Django sends ``request_started`` (``asend``: its synchronous receivers in a hop of their
        own), runs the chain (a hop), sends the response, and closes it (a third hop, which
        sends ``request_finished``). Here the first and the last run in the chain's hop
        (``_serve``), a response already in memory being closed before its bytes are written
        rather than after: closing releases what the request held (its database connection
        back to the pool, uploaded files), nothing the bytes need. A streaming response is
        closed after it is sent, as Django does. The rest is Django's: a disconnect while the
        view runs cancels the sending."""
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        set_script_prefix(get_script_prefix(scope))
        request, error_response = self.create_request(scope, body_file)
        if request is None:
            assert error_response is not None
            await signals.request_started.asend(sender=self.__class__, scope=scope)
            body_file.close()
            await self.send_response(error_response, send)
            await sync_to_async(error_response.close)()
            return

        async def process_request(request: HttpRequest, send: Any) -> HttpResponseBase:
            response = await self.run_get_response(request)
            with contextlib.suppress(asyncio.CancelledError):  # the client left while it was sent
                await self.send_response(response, send)
            return response

        tasks = [
            asyncio.create_task(self.listen_for_disconnect(receive)),
            asyncio.create_task(process_request(request, send)),
        ]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            stopped_here = not task.done()
            if stopped_here:
                task.cancel()  # a view may handle its cancellation
                await asyncio.wait([task])
            error = _failure(task, stopped_here)
            if error is not None:
                if isinstance(error, AssertionError):
                    body_file.close()
                raise error
        if tasks[1].cancelled():
            # The client left. A chain that got to run closes its response in its thread (the
            # view runs on to its end), which sends ``request_finished``; send it here only for
            # a request that never reached its thread.
            if not getattr(request, "chatops_served", False):
                await signals.request_finished.asend(sender=self.__class__)
        else:
            response = cast(HttpResponseBase, tasks[1].result())
            if response.streaming:
                await sync_to_async(response.close)()
        body_file.close()


def _failure(task: asyncio.Task[Any], stopped_here: bool) -> BaseException | None:
    """What ``handle`` must raise for one of its two tasks, as Django's handler decides it: a
    client's disconnect (``RequestAborted`` of the listening task) and the cancellation
    ``handle`` asked for are not failures.

    Read with ``exception()``, never re-raised by ``result()``: an exception raised in
    ``handle``'s frame takes that frame into its traceback, and the frame holds the task that
    holds the exception. Daphne sends ``http.disconnect`` as soon as a response is written, so
    the listening task ends with ``RequestAborted`` on nearly every request: Django's
    ``task.result()`` made each request a reference cycle of ~100 objects (its tasks, request,
    headers, daphne's request object) for the garbage collector. At 200 requests/s the
    collector then ran every ~2 s for 50-100 ms, stopping every agent's socket with it
    (docs/architecture.md, "Reference cycles")."""
    if task.cancelled():
        return None if stopped_here else asyncio.CancelledError()
    error = task.exception()
    if isinstance(error, RequestAborted) and not stopped_here:
        return None
    return error


def _resolve(waiter: asyncio.Future[Any], value: Any) -> None:
    if not waiter.done():
        waiter.set_result(value)


def get_asgi_application() -> Any:
    """``django.core.asgi.get_asgi_application`` with :class:`SyncChainASGIHandler`."""
    import django

    django.setup(set_prefix=False)
    return SyncChainASGIHandler()
