"""``python -m chatops_agent`` runs the agent, like the ``chatops-agent`` script."""

import sys

from chatops_agent.cli import main

sys.exit(main())
