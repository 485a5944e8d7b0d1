"""The distributions a user installs: the hub (chatops-hub) and the agent (chatops-agent, agent/).

Names of our own, no build warnings, the agent's unit inside the agent's wheel, and the agent
installed without Django. Builds each wheel from a copy of the checkout (building in place would
leave build/ and *.egg-info behind), as docs/agent.md tells a user to, and installs it the
documented way.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.message import Message
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


def _build_wheel(source: Path, dist: Path) -> Path:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    # The licence as a TOML table made setuptools print screens of deprecation warnings.
    assert "BuildBackendWarning" not in build.stdout + build.stderr
    assert "SetuptoolsDeprecationWarning" not in build.stdout + build.stderr
    (wheel,) = dist.glob("*.whl")
    return wheel


def _contents(wheel: Path) -> tuple[list[str], Message]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        return names, Parser().parsestr(archive.read(metadata_name).decode())


@pytest.mark.slow
def test_the_hub_wheel_is_ours_builds_cleanly_and_leaves_the_agent_to_its_own(tmp_path):
    wheel = _build_wheel(_copy_of_checkout(tmp_path / "src"), tmp_path / "dist")
    names, metadata = _contents(wheel)
    # "chatops" on PyPI is another project: the docs must never send anyone there.
    assert metadata["Name"] == "chatops-hub"
    assert metadata["License-Expression"] == "Apache-2.0"
    assert "chatops-agent<0.2,>=0.1" in metadata.get_all("Requires-Dist")
    assert not [n for n in names if n.startswith("chatops_agent/") or n.startswith("agents/daemon/")]
    assert "agents/protocol.py" in names


@pytest.mark.slow
def test_the_agent_wheel_installs_without_django_and_runs_with_its_unit(tmp_path):
    source = _copy_of_checkout(tmp_path / "src") / "agent"
    wheel = _build_wheel(source, tmp_path / "dist")
    names, metadata = _contents(wheel)
    assert metadata["Name"] == "chatops-agent"
    assert metadata["License-Expression"] == "Apache-2.0"
    assert "chatops_agent/systemd/chatops-agent.service" in names
    assert "chatops_agent/wire.py" in names

    # As docs/agent.md installs it on a watched server: a virtualenv of its own, the wheel with
    # its dependencies (psutil and websockets), and nothing of the hub.
    venv = tmp_path / "agent-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    install = subprocess.run([*pip, "install", "-q", str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stdout + install.stderr
    listed = subprocess.run([*pip, "list", "--format=freeze"], capture_output=True, text=True, timeout=120)
    installed = {line.split("==")[0].lower() for line in listed.stdout.splitlines()}
    assert {"chatops-agent", "psutil", "websockets"} <= installed
    assert not installed & {"django", "chatops-hub", "channels", "daphne", "docker"}
    absent = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print(u.find_spec('django'), u.find_spec('agents'))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert absent.stdout.split() == ["None", "None"], absent.stderr

    agent = venv / "bin" / "chatops-agent"
    for command in ([str(agent), "--help"], [str(python), "-m", "chatops_agent", "--help"]):
        helped = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert helped.returncode == 0, helped.stderr
        assert "--hub" in helped.stdout
    unit = subprocess.run(
        [str(agent), "--print-systemd-unit"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert unit.returncode == 0, unit.stderr
    assert f"ExecStart={agent}" in unit.stdout.splitlines()
    assert "[Install]" in unit.stdout
