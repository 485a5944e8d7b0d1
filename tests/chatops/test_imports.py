"""The house's import rules, checked by import-linter from the contracts in pyproject.toml.

- the shared base (``chatops``) imports no app;
- the apps are layered, so no two apps import each other, even through a third;
- an app never imports another app's ``api``, ``consumers``, ``routing`` or ``admin``;
- services import no ``api`` (serializers, views), their own app's included;
- the agent (``chatops_agent``) imports neither Django nor the hub.

The first test runs the contracts on the tree. The others copy the tree, break one rule in the
copy and show that the same contracts then fail, naming the import: a contract that cannot fail
would prove nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")
# Every root package the rules name but the agent's (copied from agent/ below).
PACKAGES = [
    name
    for name in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    if name != "chatops_agent"
]


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{root / 'agent'}"}
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_tree_keeps_every_import_contract():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The Python packages and the contracts, copied: enough for import-linter's graph."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "static", "templates", "migrations")
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    shutil.copytree(ROOT / "agent" / "chatops_agent", tmp_path / "agent" / "chatops_agent", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_import(root: Path, module: str, line: str) -> None:
    path = root / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text() + f"\n{line}\n")


@pytest.mark.parametrize(
    ("module", "line", "named"),
    [
        # The shared base reaching into an app.
        ("chatops.env", "import accounts.models", "chatops.env -> accounts.models"),
        # Two apps importing each other (alerts imports monitoring already).
        ("monitoring.models", "import alerts.models", "monitoring.models -> alerts.models"),
        # One app using another's API layer or consumers.
        ("alerts.services.lifecycle", "import servers.api.views", "alerts.services.lifecycle -> servers.api.views"),
        ("agents.services", "import monitoring.consumers", "agents.services -> monitoring.consumers"),
        # A service reaching into its own app's API layer.
        ("alerts.services.lifecycle", "import alerts.api.serializers", "alerts.services.lifecycle -> alerts.api"),
        # The agent growing a dependency on the hub or on Django.
        ("chatops_agent.wire", "import django", "chatops_agent.wire -> django"),
    ],
    ids=[
        "base-imports-an-app",
        "two-apps-in-a-circle",
        "another-apps-api",
        "another-apps-consumers",
        "a-service-imports-the-api",
        "agent-needs-django",
    ],
)
def test_breaking_a_rule_fails_and_names_the_import(copy, module, line, named):
    target = module if not module.startswith("chatops_agent") else f"agent.{module}"
    add_import(copy, target, line)
    result = lint(copy)
    assert result.returncode != 0
    assert named in result.stdout, result.stdout
