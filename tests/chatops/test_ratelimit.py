"""Rate limits: headers on every API response, 429 with Retry-After, atomic counting."""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings as django_settings
from django.db import connection
from rest_framework.test import APIClient

from accounts.services import issue_tokens
from chatops import ratelimit
from tests.factories import PASSWORD
from tests.helpers import assert_error


def _in_threads(n: int, fn):
    def run(i):
        try:
            return fn(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(run, range(n)))


@pytest.mark.django_db
class TestHeaders:
    def test_every_api_response_carries_the_headers(self, viewer_client, anon):
        for response in (
            viewer_client.get("/api/v1/auth/me"),
            anon.get("/api/v1/auth/me"),
            anon.get("/api/v1/no/such/thing"),
            anon.get("/api/v1/health"),
        ):
            assert int(response["X-RateLimit-Limit"]) > 0, response
            assert 0 <= int(response["X-RateLimit-Remaining"]) < int(response["X-RateLimit-Limit"])
            assert int(response["X-RateLimit-Reset"]) > time.time() - 1

    def test_remaining_counts_down(self, viewer_client):
        first = int(viewer_client.get("/api/v1/auth/me")["X-RateLimit-Remaining"])
        second = int(viewer_client.get("/api/v1/auth/me")["X-RateLimit-Remaining"])
        assert second == first - 1

    def test_scopes_have_their_own_limits(self, anon, settings):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "authentication": (7, 60), "default": (50, 60)}
        response = anon.post("/api/v1/auth/login", {}, format="json")
        assert response["X-RateLimit-Limit"] == "7"
        assert anon.get("/api/v1/health")["X-RateLimit-Limit"] == "50"


@pytest.mark.django_db
class TestOverTheLimit:
    def test_429_with_retry_after_and_error_body(self, viewer_client, settings):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "default": (3, 60)}
        for _ in range(3):
            assert viewer_client.get("/api/v1/auth/me").status_code == 200
        response = viewer_client.get("/api/v1/auth/me")
        assert_error(response, 429, "throttled")
        assert 1 <= int(response["Retry-After"]) <= 60
        assert response["X-RateLimit-Remaining"] == "0"

    def test_users_have_separate_buckets(self, viewer_client, outsider_client, settings):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "default": (2, 60)}
        for _ in range(2):
            viewer_client.get("/api/v1/auth/me")
        assert viewer_client.get("/api/v1/auth/me").status_code == 429
        assert outsider_client.get("/api/v1/auth/me").status_code == 200

    def test_unauthenticated_hammering_is_limited_too(self, anon, settings):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "default": (2, 60)}
        assert anon.get("/api/v1/servers").status_code == 401
        assert anon.get("/api/v1/servers").status_code == 401
        response = anon.get("/api/v1/servers")
        assert_error(response, 429)
        assert "Retry-After" in response


@pytest.mark.django_db(transaction=True)
class TestAtomicity:
    def test_parallel_counting_never_exceeds_the_limit(self):
        key = f"test:{time.time_ns()}"
        decisions = _in_threads(24, lambda _: ratelimit.check(key, 10, 60))
        assert sum(d.allowed for d in decisions) == 10
        assert sorted(d.remaining for d in decisions)[-1] == 9

    @pytest.mark.skipif(not django_settings.REDIS_URL, reason="the counters are in the database without Redis")
    def test_a_count_in_redis_is_one_script_that_sets_the_windows_expiry_once(self):
        """One command per request (a script: ``INCR``, then ``EXPIRE … NX``), not a
        four-command ``MULTI`` pipeline; the window's expiry is set by the first count and
        not pushed back by the next."""
        from chatops.ratelimit import _INCR_SCRIPT, _redis

        client = _redis()
        key = f"test:{time.time_ns()}"
        first = ratelimit.check(key, 10, 60)
        (full_key,) = list(client.scan_iter(f"*:rl:{key}:*"))
        ttl = client.ttl(full_key)
        assert 0 < ttl <= 61
        client.expire(full_key, 300)  # as if the window had long to go: the next count keeps it
        second = ratelimit.check(key, 10, 60)
        assert (first.remaining, second.remaining) == (9, 8)
        assert client.ttl(full_key) > 61
        assert client.script_exists(hashlib.sha1(_INCR_SCRIPT.encode()).hexdigest()) == [True]  # noqa: S324 - Redis names scripts so

    def test_parallel_requests_cannot_slip_past(self, viewer, settings):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "default": (5, 60)}
        token = issue_tokens(viewer).access_token

        def call(_):
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
            return client.get("/api/v1/auth/me").status_code

        statuses = _in_threads(16, call)
        assert statuses.count(200) == 5
        assert statuses.count(429) == 11

    def test_parallel_login_guesses_cannot_slip_past(self, admin, settings):
        settings.LOGIN_ATTEMPTS_PER_USERNAME = (4, 900)

        def guess(i):
            body = {"username": "ada", "password": f"guess-{i}"}
            return APIClient().post("/api/v1/auth/login", body, format="json").status_code

        statuses = _in_threads(12, guess)
        assert statuses.count(401) == 4
        assert statuses.count(429) == 8


@pytest.mark.django_db
class TestLoginAttempts:
    def login(self, client, password, username="ada", ip="198.51.100.1"):
        body = {"username": username, "password": password}
        return client.post("/api/v1/auth/login", body, format="json", REMOTE_ADDR=ip)

    def test_failures_per_username_lock_out_even_the_right_password(self, anon, admin, settings):
        settings.LOGIN_ATTEMPTS_PER_USERNAME = (3, 900)
        for _ in range(3):
            assert_error(self.login(anon, "wrong"), 401)
        response = self.login(anon, PASSWORD)
        assert_error(response, 429, "too_many_login_attempts")
        assert int(response["Retry-After"]) > 0

    def test_successes_do_not_use_up_the_allowance(self, anon, admin, settings):
        settings.LOGIN_ATTEMPTS_PER_USERNAME = (2, 900)
        for _ in range(5):
            assert self.login(anon, PASSWORD).status_code == 200
        assert_error(self.login(anon, "wrong"), 401)

    def test_failures_per_ip_across_usernames(self, anon, admin, settings):
        settings.LOGIN_ATTEMPTS_PER_IP = (3, 900)
        for name in ("a", "b", "c"):
            assert_error(self.login(anon, "x", username=name), 401)
        assert_error(self.login(anon, PASSWORD), 429)
        assert self.login(anon, PASSWORD, ip="198.51.100.2").status_code == 200

    def test_proxy_header_is_ignored_unless_trusted(self, anon, admin, settings):
        settings.LOGIN_ATTEMPTS_PER_IP = (1, 900)
        assert_error(self.login(anon, "x", username="a"), 401)
        spoofed = anon.post(
            "/api/v1/auth/login",
            {"username": "b", "password": "x"},
            format="json",
            REMOTE_ADDR="198.51.100.1",
            HTTP_X_FORWARDED_FOR="192.0.2.77",
        )
        assert_error(spoofed, 429)
