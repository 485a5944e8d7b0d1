"""What other apps may hear of the agents app, without it knowing them (chat connects a
receiver; agents imports nothing of it).

``action_recorded`` is sent once a command or a Docker action has been recorded (its history
row and audit entry committed), whatever becomes of it next, with ``history_id`` and ``via``
(the ``Actor``'s: ``"api"``, ``"chat"``, ``"admin"``, …). A receiver's error is logged and does
not reach the request (``on_commit(robust=True)``).
"""

from __future__ import annotations

from django.dispatch import Signal

#: ``sender``: the ``CommandHistory`` class; ``history_id: int``; ``via: str``.
action_recorded = Signal()
