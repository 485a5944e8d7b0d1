"""``python -m agents.daemon`` runs the agent, like the ``chatops-agent`` script."""

import sys

from agents.daemon.cli import main

sys.exit(main())
