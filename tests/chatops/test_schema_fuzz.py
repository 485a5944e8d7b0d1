"""Fuzz a real hub against its own OpenAPI schema with Schemathesis.

Every check runs, ``positive_data_acceptance`` included: the schema states every rule OpenAPI
can, so a request it calls valid must be accepted. schemathesis.toml names the few operations
that also check what no schema can state (the current password must match, a referenced server
must exist, a password must be strong) and turns that one check off for them. Everything else
must hold everywhere: no 5xx, every status and header documented, every body matching its
schema, invalid input refused, authentication not ignored.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.live import PYTHON, ROOT, live_hub

pytestmark = pytest.mark.slow

TOKEN_CODE = (
    "from accounts.models import User; from accounts.services import issue_tokens;"
    "u = User.objects.create_superuser('fuzzer', 'fuzzer@example.com', 'a-long-fuzzing-passphrase');"
    "print(issue_tokens(u).access_token)"
)


def test_the_api_matches_its_schema_under_fuzzing(tmp_path):
    with live_hub(tmp_path, RATE_LIMIT_ENABLED="false") as hub:
        token = hub.python(TOKEN_CODE)
        command = [
            PYTHON, "-m", "schemathesis.cli", "run", f"{hub.url}/api/schema/",
            "--url", hub.url,
            "-H", f"Authorization: Bearer {token}",
            # No --checks: all run by default, and checks named here would override the
            # per-operation settings in schemathesis.toml.
            "--phases", "examples,coverage,fuzzing",
            "--mode", "all",
            "--max-examples", os.environ.get("CHATOPS_FUZZ_EXAMPLES", "25"),
            "--seed", os.environ.get("CHATOPS_FUZZ_SEED", "20261122"),
            "--no-color",
        ]  # fmt: skip
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900, env=hub.env)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
