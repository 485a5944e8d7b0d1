"""One state, two callbacks at once (a double-click, a replayed redirect): exactly one signs
in. The state's row is locked while it is checked and spent (select_for_update)."""

from __future__ import annotations

import threading

import pytest
from django.db import connections
from rest_framework.test import APIClient

from tests.sso.conftest import authorize

THREADS = 6


@pytest.mark.django_db(transaction=True)
def test_a_state_used_twice_at_once_signs_in_once(github_on, octocat):
    client = APIClient()
    github_on.signed_in = octocat
    _, code, state = authorize(client.get("/api/v1/auth/github").json()["data"]["auth_url"])
    binding = client.cookies["chatops_github_binding"].value
    barrier = threading.Barrier(THREADS)
    results: list[tuple[int, str]] = []

    def finish() -> None:
        caller = APIClient()
        caller.cookies["chatops_github_binding"] = binding
        barrier.wait()
        try:
            response = caller.get("/api/v1/auth/github/callback", {"code": code, "state": state})
            results.append((response.status_code, response.json().get("error_code", "")))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=finish) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == [(200, "")] + [(400, "state_used")] * (THREADS - 1)
