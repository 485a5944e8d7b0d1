"""Approvals in the operator console (issue 16: being built)."""
