"""The chat socket (issue 16: being built)."""
