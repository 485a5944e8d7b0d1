"""Models of the monitoring app (filled by its issue)."""
