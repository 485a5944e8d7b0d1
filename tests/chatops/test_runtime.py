"""A hub process tunes its garbage collector when its ASGI application loads."""

from __future__ import annotations

import json
import os

import pytest

from tests.helpers import run_python

CODE = """
import gc, json
import chatops.asgi
print(json.dumps({"threshold": gc.get_threshold(), "frozen": gc.get_freeze_count()}))
"""


def hub_gc(**env: str) -> dict:
    base = {k: v for k, v in os.environ.items() if k != "HUB_GC_THRESHOLD"}
    base.update(DJANGO_SETTINGS_MODULE="chatops.settings", EMBEDDED_WORKER="false", **env)
    base.setdefault("SECRET_KEY", "runtime-test-secret-key-0123456789-0123456789")
    done = run_python(CODE, base)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_hub_freezes_what_it_loaded_and_collects_less_often():
    found = hub_gc()
    assert found["threshold"] == [50_000, 10, 10]
    assert found["frozen"] > 10_000  # Django, the apps, DRF, Channels: loaded, never scanned again


def test_the_threshold_comes_from_the_environment():
    assert hub_gc(HUB_GC_THRESHOLD="20000")["threshold"] == [20_000, 10, 10]


def test_zero_keeps_pythons_defaults():
    found = hub_gc(HUB_GC_THRESHOLD="0")
    assert found == {"threshold": [700, 10, 10], "frozen": 0}


@pytest.mark.parametrize("bad", ["-1", "lots", "10000001"])
def test_a_bad_threshold_stops_the_hub_with_a_clear_error(bad):
    base = {k: v for k, v in os.environ.items() if k != "HUB_GC_THRESHOLD"}
    base.update(DJANGO_SETTINGS_MODULE="chatops.settings", HUB_GC_THRESHOLD=bad)
    base.setdefault("SECRET_KEY", "runtime-test-secret-key-0123456789-0123456789")
    done = run_python("import chatops.asgi", base)
    assert done.returncode != 0
    assert "HUB_GC_THRESHOLD" in done.stderr
