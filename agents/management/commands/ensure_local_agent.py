"""Make sure this machine has a server entry and an agent key, for ``scripts/dev``.

Writes the key to ``var/agent-key`` (owner-only) the first time, and again whenever the key
there no longer works (revoked, expired, deleted, or no longer an agent key). Prints the key
file's path. The key is bound to this machine's server: its scope is ``agent`` and nothing else.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.choices import Role
from accounts.models import APIKey, User
from accounts.services import create_api_key
from servers.models import Server


class Command(BaseCommand):
    help = "Create this machine's server and agent key if needed; print the key file's path."

    def handle(self, *args: Any, **options: Any) -> None:
        path = settings.VAR_DIR / "agent-key"
        if path.exists():
            key = APIKey.objects.for_raw_key(path.read_text().strip())
            if key is not None and key.is_agent_key:
                self.stdout.write(str(path))
                return
        owner = User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk").first()
        if owner is None:
            raise CommandError("No admin yet: run `manage.py ensure_admin` first.")
        hostname = socket.gethostname().lower()
        with transaction.atomic():
            server = Server.objects.filter(hostname__iexact=hostname).first()
            if server is None:
                name = hostname if not Server.objects.filter(name__iexact=hostname).exists() else f"{hostname}-local"
                server = Server.objects.create(
                    name=name, hostname=hostname, created_by=owner, description="This machine (scripts/dev)."
                )
            _, raw = create_api_key(None, owner, name=f"local agent ({hostname})", server=server)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(raw)
        self.stdout.write(str(path))
