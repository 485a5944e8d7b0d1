"""The systemd unit shipped with the agent, for ``chatops-agent --print-systemd-unit``.

The file is package data (``systemd/chatops-agent.service``), so an installed agent can write
its own unit without a checkout of the repository at hand.
"""

from __future__ import annotations

import os
import re
import sys
from importlib.resources import files
from pathlib import Path

DEFAULT_EXEC = "/opt/chatops-agent/bin/chatops-agent"
_EXEC_START = re.compile(r"^ExecStart=.*$", re.MULTILINE)


def installed_executable() -> str | None:
    """The absolute path of this installation's ``chatops-agent`` script, if one can be found."""
    candidates = [Path(os.path.abspath(sys.argv[0])), Path(sys.executable).parent / "chatops-agent"]
    for path in candidates:
        if path.name == "chatops-agent" and path.is_file() and os.access(path, os.X_OK):
            return str(path)
    return None


def systemd_unit(executable: str | None = None) -> str:
    """The unit's text, its ``ExecStart=`` pointing at ``executable`` (default: this installation's)."""
    text = files("chatops_agent").joinpath("systemd/chatops-agent.service").read_text(encoding="utf-8")
    executable = executable or installed_executable() or DEFAULT_EXEC
    # systemd splits ExecStart= on whitespace; a path with any is left for the operator to quote.
    if not re.search(r"\s", executable):
        text = _EXEC_START.sub(lambda _: f"ExecStart={executable}", text, count=1)
    return text
