"""chatops-agent: the daemon that streams one server's metrics and logs to the ChatOps hub.

Its own distribution (``agent/pyproject.toml``): it never imports Django, so on a watched server
it needs nothing but psutil and websockets (docs/agent.md, "Installing"). The wire contract is
``docs/agent-protocol.md``; its rules are :mod:`chatops_agent.wire`, which the hub imports too.
Importing this package imports nothing else: the hub uses ``wire`` without psutil or websockets.
"""

__version__ = "0.1.0"
