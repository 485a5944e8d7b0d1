"""What the helpdesk hears from the apps below it: deactivated users (their tickets move).
Connected in ``HelpdeskConfig.ready()``. Alerts are not heard here: the ``helpdesk.incidents``
job reads them (``helpdesk.services.incidents.sync_incidents``)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from accounts.models import User
from helpdesk.choices import ACTIVE


def on_user_saved(sender: Any, instance: User, created: bool = False, **kwargs: Any) -> None:
    if created or instance.is_active:
        return
    from helpdesk.models import Ticket
    from helpdesk.services import reassign_from

    if Ticket.objects.filter(assigned_to=instance, status__in=ACTIVE).exists():
        transaction.on_commit(lambda: reassign_from(instance), robust=True)


def connect() -> None:
    post_save.connect(on_user_saved, sender=User, dispatch_uid="helpdesk.reassign")
