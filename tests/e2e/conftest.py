"""A real Docker Engine API (podman) for the end-to-end tests, started once per run."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest

SCRIPT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "scripts", "container-engine")


@pytest.fixture(scope="session")
def container_engine() -> Iterator[dict[str, str]]:
    """DOCKER_HOST and CHATOPS_TEST_IMAGE of a running engine (from the environment, or from
    ../shared/scripts/container-engine, which starts podman's Docker-compatible API)."""
    if os.environ.get("DOCKER_HOST") and os.environ.get("CHATOPS_TEST_IMAGE"):
        yield {k: os.environ[k] for k in ("DOCKER_HOST", "CHATOPS_TEST_IMAGE")}
        return
    script = os.path.abspath(SCRIPT)
    if not os.path.exists(script):
        pytest.skip("no container engine: ../shared/scripts/container-engine is missing")
    result = subprocess.run(["bash", script], capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.skip(f"the container engine did not start: {result.stderr[-500:]}")
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():
        if line.startswith("export "):
            key, _, value = line[len("export ") :].partition("=")
            found[key] = value
    yield found


# The notifications tests' real receivers (an HTTP server and aiosmtpd), for the end-to-end
# test of an alert's way to them.
from tests.notifications.conftest import receiver, smtp_server  # noqa: E402, F401
