"""chatops_agent.wire: the one copy of the protocol's rules, importable by the hub on its own."""

from __future__ import annotations

import subprocess
import sys

from agents import protocol as hub
from chatops_agent import protocol as agent
from chatops_agent import wire


def test_the_wire_module_needs_neither_psutil_nor_websockets_nor_django():
    # None in sys.modules makes an import of that name fail, as if it were not installed.
    code = (
        "import sys\n"
        "for name in ('psutil', 'websockets', 'django', 'docker'): sys.modules[name] = None\n"
        "import chatops_agent, chatops_agent.wire\n"
        "print(sorted(m for m in sys.modules if m.startswith('chatops_agent')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['chatops_agent', 'chatops_agent.wire']"


def test_hub_and_agent_use_the_same_objects_not_copies():
    assert hub.METRIC_NAME_RE is wire.METRIC_NAME_RE
    assert hub.LEVELS is wire.LEVELS
    assert hub.Data is wire.Data
    assert agent.MAX_LOGS_PER_FRAME is wire.MAX_LOGS_PER_FRAME


def test_every_close_code_has_one_name_and_a_meaning_for_the_agent():
    codes = {name: value for name, value in vars(wire).items() if name.startswith("CLOSE_") and isinstance(value, int)}
    assert len(set(codes.values())) == len(codes)
    explained = set(wire.FATAL_CLOSE_CODES) | set(wire.CLOSE_MEANINGS)
    assert set(codes.values()) == explained
