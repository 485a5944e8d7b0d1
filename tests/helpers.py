"""Assertions about the API contract, shared by every test module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django.urls import reverse

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter of the project (settings are read once per process)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def admin_url(app: str, model: str, view: str, *args: object) -> str:
    return reverse(f"admin:{app}_{model}_{view}", args=args)


def assert_error(response, status: int, error_code: str | None = None) -> dict:
    """The response is the contract's error body with this status."""
    assert response.status_code == status, response.content
    body = response.json()
    required = {"detail", "status_code", "error_code", "errors", "request_id"}
    # A 409 may add the object it left on record (a command that did not run).
    assert set(body) in (required, required | {"data"} if status == 409 else required), body
    assert body["status_code"] == status
    assert body["request_id"] == response["X-Request-ID"]
    if error_code is not None:
        assert body["error_code"] == error_code, body
    return body


def assert_ok(response, status: int = 200):
    """The response is a success envelope; returns its data."""
    assert response.status_code == status, response.content
    body = response.json()
    assert "data" in body and isinstance(body.get("message"), str), body
    return body["data"]
