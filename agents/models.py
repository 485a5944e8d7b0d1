"""Models of the agents app (filled by its issue)."""
