"""The committed SDK matches the hub's API: regenerating it from the schema changes nothing.

Fails after an endpoint changed until ``scripts/sdk-generate`` is run and its result committed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.live import ROOT

pytestmark = pytest.mark.slow

TOOL = ROOT / "clients" / "python" / "tools" / "regenerate.py"


def test_the_committed_client_is_what_the_schema_generates():
    result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_check_fails_when_the_committed_client_is_stale(tmp_path):
    """The comparison can fail: one changed file in a copy of the committed tree is found."""
    import importlib.util
    import shutil

    spec = importlib.util.spec_from_file_location("regenerate", TOOL)
    assert spec is not None and spec.loader is not None
    regenerate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regenerate)

    copy = tmp_path / "generated"
    shutil.copytree(regenerate.GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert regenerate.differences(regenerate.GENERATED, copy) == []
    (copy / "client.py").write_text("# edited by hand\n")
    (copy / "extra.py").write_text("")
    assert regenerate.differences(regenerate.GENERATED, copy) == ["changed: client.py", "extra: extra.py"]
