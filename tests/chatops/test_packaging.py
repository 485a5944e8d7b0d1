"""The distribution a user installs: a name of our own, no build warnings, the agent's unit inside.

Builds the wheel from a copy of the checkout (building in place would leave build/ and
*.egg-info behind), as docs/agent.md tells a user to, and installs it the documented way.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _copy_of_checkout(dest: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            target = dest / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    return dest


@pytest.mark.slow
def test_the_wheel_is_ours_builds_cleanly_and_installs_the_agent_with_its_unit(tmp_path):
    source = _copy_of_checkout(tmp_path / "src")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    # The licence as a TOML table made setuptools print screens of deprecation warnings.
    assert "BuildBackendWarning" not in build.stdout + build.stderr
    assert "SetuptoolsDeprecationWarning" not in build.stdout + build.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(archive.read(metadata_name).decode())
    # "chatops" on PyPI is another project: the docs must never send anyone there.
    assert metadata["Name"] == "chatops-hub"
    assert metadata["License-Expression"] == "Apache-2.0"
    assert "agents/daemon/systemd/chatops-agent.service" in names

    # As docs/agent.md installs it on a second server: the wheel without the hub's dependencies.
    venv = tmp_path / "agent-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")]
    install = subprocess.run(
        [*pip, "install", "-q", "--no-deps", str(wheel), "psutil>=6,<8", "websockets>=13,<18"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    agent = venv / "bin" / "chatops-agent"
    unit = subprocess.run(
        [str(agent), "--print-systemd-unit"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert unit.returncode == 0, unit.stderr
    assert f"ExecStart={agent}" in unit.stdout.splitlines()
    assert "[Install]" in unit.stdout
