"""chatops-agent: the daemon that streams one server's metrics and logs to the ChatOps hub.

A standalone package: it never imports Django (the hub's ``agents`` app shares only the
parent package name), so on a watched server it needs nothing but psutil and websockets
(installed from a wheel of this repository: docs/agent.md, "Install"). The wire contract is ``docs/agent-protocol.md``.
"""

__version__ = "0.1.0"
