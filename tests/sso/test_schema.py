"""The two routes' schema, as documented, and Schemathesis on them against a live hub whose
GitHub is the stand-in (the whole API's fuzz, tests/chatops/test_schema_fuzz.py, sees them off)."""

from __future__ import annotations

import os
import subprocess

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.live import PYTHON, ROOT, live_hub
from tests.sso.standin import CLIENT_ID, CLIENT_SECRET, StandInGitHub


@pytest.fixture(scope="module")
def schema() -> dict:
    return dict(SchemaGenerator().get_schema(request=None, public=True))


def test_the_start_is_documented(schema):
    op = schema["paths"]["/api/v1/auth/github"]["get"]
    (param,) = op["parameters"]
    assert param["name"] == "redirect_uri" and param["in"] == "query" and not param.get("required")
    assert param["schema"]["maxLength"] == 500 and param["schema"]["minLength"] == 1
    data = op["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["data"]
    assert data == {"$ref": "#/components/schemas/GitHubStart"}
    assert schema["components"]["schemas"]["GitHubStart"]["required"] == ["auth_url", "state"]
    assert {"400", "404"} <= set(op["responses"])
    assert op["security"] == [{}]  # anonymous


def test_the_callback_is_documented(schema):
    op = schema["paths"]["/api/v1/auth/github/callback"]["get"]
    params = {p["name"]: p for p in op["parameters"]}
    assert params["code"]["required"] and params["state"]["required"]
    assert params["code"]["in"] == params["state"]["in"] == "query"
    assert params["state"]["schema"]["pattern"] == "^[A-Za-z0-9_-]+$"
    assert params["chatops_github_binding"]["in"] == "cookie"
    data = op["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["data"]
    assert data == {"$ref": "#/components/schemas/TokenPair"}  # exactly the password sign-in's
    for code in ("400", "403", "404", "409", "503"):
        assert op["responses"][code]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    for word in ("state_invalid", "state_used", "state_expired", "state_not_yours", "github_code_invalid"):
        assert word in op["responses"]["400"]["description"]


@pytest.mark.slow
def test_the_routes_match_their_schema_under_fuzzing(tmp_path):
    with StandInGitHub() as github:
        env = {"GITHUB_CLIENT_ID": CLIENT_ID, "GITHUB_CLIENT_SECRET": CLIENT_SECRET, "GITHUB_URL": github.url}
        with live_hub(tmp_path, RATE_LIMIT_ENABLED="false", **env) as hub:
            command = [
                PYTHON, "-m", "schemathesis.cli", "run", f"{hub.url}/api/schema/",
                "--url", hub.url,
                "--include-path-regex", "^/api/v1/auth/github",
                "--phases", "examples,coverage,fuzzing",
                "--mode", "all",
                "--max-examples", os.environ.get("CHATOPS_FUZZ_EXAMPLES", "50"),
                "--seed", os.environ.get("CHATOPS_FUZZ_SEED", "20261203"),
                "--no-color",
            ]  # fmt: skip
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, env=hub.env)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    print(result.stdout[-2500:])  # the summary, for -s
    assert "2 passed" in result.stdout
