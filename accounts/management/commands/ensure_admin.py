"""Make sure an admin exists, so a first run has someone to sign in as.

With no admin yet, it creates one: the username from CHATOPS_ADMIN_USERNAME (default
``admin``), the password from CHATOPS_ADMIN_PASSWORD or, if unset, a random one that is
written to ``var/admin-password`` (readable by its owner only) and printed once. With an admin
already there, it does nothing.
"""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.actor import Actor
from accounts.choices import Role
from accounts.models import User
from accounts.services import record_audit
from chatops.db import advisory_lock


class Command(BaseCommand):
    help = "Create the first admin if there is none (prints its password once)."

    def handle(self, *args: Any, **options: Any) -> None:
        username = os.environ.get("CHATOPS_ADMIN_USERNAME", "admin")
        given = os.environ.get("CHATOPS_ADMIN_PASSWORD", "")
        with transaction.atomic():
            advisory_lock("accounts.first-user")
            if User.objects.filter(role=Role.ADMIN, is_active=True).exists():
                return
            password = given or secrets.token_urlsafe(18)
            user = User.objects.create_superuser(username, f"{username}@localhost", password)
            record_audit(
                "user.created",
                actor=Actor.for_user(user, "system"),
                target=user,
                details={"via": "ensure_admin", "role": "admin"},
            )
        if given:
            self.stdout.write(f"Created admin {username!r} with the password from CHATOPS_ADMIN_PASSWORD.")
            return
        path = settings.VAR_DIR / "admin-password"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")
        self.stdout.write(self.style.SUCCESS(f"Created admin {username!r} with password {password}  (also in {path})"))
