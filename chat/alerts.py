"""How chat hears of alerts and of actions on servers: receivers of the signals the alerts and
agents apps send after commit (they may not import chat). Connected in ``ChatConfig.ready()``;
the work is in ``chat.services.alerts``."""

from __future__ import annotations

from typing import Any

from agents.signals import action_recorded
from alerts.signals import alert_changed
from chat.services import alerts as service


def on_alert_changed(
    sender: Any, *, alert_id: int, event: str, burst: dict[str, Any] | None = None, **kwargs: Any
) -> None:
    service.alert_changed(alert_id, event, burst=burst)


def on_action_recorded(sender: Any, *, history_id: int, via: str, **kwargs: Any) -> None:
    service.action_recorded(history_id, via)


def connect() -> None:
    alert_changed.connect(on_alert_changed, dispatch_uid="chat.alert_cards")
    action_recorded.connect(on_action_recorded, dispatch_uid="chat.activity")
