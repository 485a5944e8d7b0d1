"""Benchmark of the agent's own cost (run.py); a package only so that mypy tells it from bench/*/run.py."""
