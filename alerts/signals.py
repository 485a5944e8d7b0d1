"""What other apps may hear of the alerts app, without it knowing them (an app above, such as
chat, connects a receiver; alerts imports nothing of it).

``alert_changed`` is sent once the transaction that changed an alert has committed, with
``alert_id`` and ``event``: ``"created"``, ``"acknowledged"``, ``"resolved"`` or ``"updated"``
(a repeat notification), and ``burst``: a dict shared by the signals one commit sends for the
alerts it changed together (an ingest batch may fire hundreds), holding ``alert_ids`` (all of
them); a receiver may keep in it, under its app's prefix, a read that holds for the whole burst
(chat: whether any room follows alerts). A rolled-back change sends nothing. A receiver's
error is logged and does not reach the request or the ingest batch that made the change, nor
the other alerts of its burst.
"""

from __future__ import annotations

from typing import Literal

from django.dispatch import Signal

AlertChange = Literal["created", "acknowledged", "resolved", "updated"]

#: ``sender``: the ``Alert`` class; ``alert_id: int``; ``event: AlertChange``; ``burst: dict``.
alert_changed = Signal()
