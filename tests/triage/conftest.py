from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_var_dir(settings, tmp_path_factory):
    """Fitted models are cached under VAR_DIR/triage: one directory for this session's tests,
    never the developer's var/."""
    settings.VAR_DIR = tmp_path_factory.getbasetemp() / "var"
