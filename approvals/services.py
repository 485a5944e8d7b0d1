"""Two-person approval of risky actions (issue 16: being built)."""
