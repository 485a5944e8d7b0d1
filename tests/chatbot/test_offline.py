"""The retrieval needs no network: the embeddings load from wordllama's wheel with downloads
disabled. Proven by running it in a new network namespace, which has no interface but a
downed loopback (``unshare -n``, as root here and in CI): any download attempt would fail."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, socket, sys
from chatbot import retrieval, starter
# Nothing can be reached: not even a resolver or loopback.
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1)
    reachable = True
except OSError:
    reachable = False
faqs = starter.starter_faqs()
index = retrieval.Index([retrieval.Doc(i, f["question"], f["answer"], tuple(f["tags"])) for i, f in enumerate(faqs)])
match = index.match("I forgot my password, how do I change it?")
print(json.dumps({"reachable": reachable, "answer": faqs[match.best.doc.id]["slug"], "confidence": match.confidence}))
"""


def _unshare_works() -> bool:
    tool = shutil.which("unshare")
    if tool is None:
        return False
    return subprocess.run([tool, "-n", "true"], capture_output=True, check=False).returncode == 0


# CI runs as root, where it must run: skipped only on a developer's machine without namespaces.
@pytest.mark.skipif(not _unshare_works() and not os.environ.get("CI"), reason="unshare -n needs root or namespaces")
def test_retrieval_runs_with_the_network_cut_off(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        # A fresh, empty home and cache: nothing downloaded earlier can be found.
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HF_HOME": str(tmp_path / "hf"),
    }
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["reachable"] is False
    assert outcome["answer"] == "reset-password"
    assert outcome["confidence"] > 0.45
    # And nothing was written to the (empty) caches: no download was even attempted.
    assert not (tmp_path / "hf").exists()
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*.safetensors"))
