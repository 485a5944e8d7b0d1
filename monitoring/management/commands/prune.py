"""``manage.py prune``: delete samples, log lines, rollups and custom metrics past their
retention (RETENTION_*_DAYS). The worker also runs it hourly."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from monitoring.jobs import prune


class Command(BaseCommand):
    help = "Delete time-series data older than its retention."

    def handle(self, *args: Any, **options: Any) -> None:
        for kind, count in prune().items():
            self.stdout.write(f"{kind}: {count} deleted")
