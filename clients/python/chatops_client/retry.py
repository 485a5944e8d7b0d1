"""Retries of 429 and 503 answers that honour ``Retry-After``, as httpx transports (sync and async).

A 429 is retried for every method: the hub refused it before doing anything. A 503 only for
idempotent methods: a stopping hub answers a waiting ``POST /commands`` with 503 although the
command may still run, and sending it again would run it twice.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from dataclasses import dataclass

import httpx

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def retry_after_seconds(headers: httpx.Headers) -> float | None:
    """``Retry-After`` as seconds from now: a number of seconds or an HTTP date; None if absent or bad."""
    raw = headers.get("Retry-After")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait: ``Retry-After`` when given, else ``backoff * 2**attempt``.

    A wait longer than ``max_wait`` is not waited: the 429 is raised (as ``RateLimited``) so the
    caller decides."""

    max_retries: int = 3
    max_wait: float = 60.0
    backoff: float = 0.5

    def delay(self, request: httpx.Request, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before trying ``request`` again, or None to hand ``response`` back."""
        status = response.status_code
        if status != 429 and not (status == 503 and request.method in IDEMPOTENT):
            return None
        if attempt >= self.max_retries:
            return None
        wait = retry_after_seconds(response.headers)
        if wait is None:
            wait = self.backoff * 2**attempt
        return wait if wait <= self.max_wait else None


class RetryTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            response = self.inner.handle_request(request)
            wait = self.policy.delay(request, response, attempt)
            if wait is None:
                return response
            response.close()
            time.sleep(wait)
            attempt += 1

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            response = await self.inner.handle_async_request(request)
            wait = self.policy.delay(request, response, attempt)
            if wait is None:
                return response
            await response.aclose()
            await asyncio.sleep(wait)
            attempt += 1

    async def aclose(self) -> None:
        await self.inner.aclose()
