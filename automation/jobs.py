"""The automation app's background jobs (registered from ``AutomationConfig.ready``)."""

from __future__ import annotations

from chatops.registry import Job


def start_runs() -> int:
    from automation import runner

    return runner.start_runs()


def reap_runs() -> int:
    from automation import runner

    return runner.reap()


JOBS = (
    # Every turn of the worker's loop (2 s): a run asked for starts within a couple of seconds.
    Job("automation.start_runs", 1, start_runs),
    Job("automation.reap_runs", 10, reap_runs),
)
