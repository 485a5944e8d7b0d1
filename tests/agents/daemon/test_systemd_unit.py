"""``chatops-agent --print-systemd-unit``: the shipped unit, pointing at the agent that printed it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
UNIT = ROOT / "agent" / "chatops_agent" / "systemd" / "chatops-agent.service"


def test_print_systemd_unit_needs_no_settings_and_points_at_this_installation(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATOPS_")}
    result = subprocess.run(
        [sys.executable, "-m", "chatops_agent", "--print-systemd-unit"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    shipped = UNIT.read_text().splitlines()
    assert len(printed) == len(shipped)
    # Every line as shipped but ExecStart=, which names the chatops-agent beside this Python.
    differing = [(a, b) for a, b in zip(printed, shipped, strict=True) if a != b]
    expected = Path(sys.executable).parent / "chatops-agent"
    if expected.is_file():
        assert differing == [(f"ExecStart={expected}", "ExecStart=/opt/chatops-agent/bin/chatops-agent")]
    else:
        assert differing == []
    assert "[Service]" in printed and "User=chatops-agent" in printed
