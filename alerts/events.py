"""Group name of the alerts app: alerts as they fire, are acknowledged, repeat and resolve."""

from __future__ import annotations

# One group for every alert: each stream keeps the alerts of the servers its user may see.
ALERTS_GROUP = "alerts"
