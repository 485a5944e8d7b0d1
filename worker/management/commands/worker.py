"""``manage.py worker``: run background jobs (rollups, retention, offline detection) until
stopped. Run one or several; they share the jobs without doing one twice."""

from __future__ import annotations

import os
import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from worker.runner import loop, run_due_jobs


class Command(BaseCommand):
    help = "Run background jobs until stopped (or once, with --once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run the jobs that are due, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            for name, result in run_due_jobs().items():
                self.stdout.write(f"{name}: {result}")
            return
        if settings.WORKER_NICE:
            # Background work yields the CPU to the hub's live path on a shared machine
            # (bench/README.md, "notify": the storm's ingest with and without).
            os.nice(int(settings.WORKER_NICE))
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        self.stdout.write("Worker running; SIGTERM or Ctrl-C stops it.")
        loop(stop)
