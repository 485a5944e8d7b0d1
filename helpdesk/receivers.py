"""What the helpdesk hears from the apps below it: alerts (incidents) and deactivated users
(their tickets move). Connected in ``HelpdeskConfig.ready()``."""

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


def on_alert_changed(sender: Any, *, alert_id: int, event: str, **kwargs: Any) -> None:
    from helpdesk.services.incidents import alert_changed

    alert_changed(alert_id, event)


def connect() -> None:
    from alerts.signals import alert_changed

    post_save.connect(on_user_saved, sender=User, dispatch_uid="helpdesk.reassign")
    alert_changed.connect(on_alert_changed, dispatch_uid="helpdesk.incidents")
