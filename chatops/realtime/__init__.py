"""The realtime layer every app's sockets and events use (imports no app).

- ``dispatch``: ``DirectDispatch``, the consumer base (one reader per source, in order).
- ``streams``: ``StreamConsumer`` for browsers' live streams, its close codes, ``Forbidden``.
- ``groups``: sending many group messages at once, only to groups somebody watches.
- ``publish``: ``publish_after_commit``, the one way services broadcast.
- ``bridge``: ``call``, how synchronous code outside the hub's loop (the worker) reaches the
  channel layer: on one lasting event loop per process.

Group names are functions in the owning app's ``events.py`` (``user_group`` is the base's:
every stream joins it).
"""

from chatops.realtime.dispatch import DirectDispatch
from chatops.realtime.groups import announce, group_send_many
from chatops.realtime.publish import publish, publish_after_commit
from chatops.realtime.streams import (
    CLOSE_FORBIDDEN,
    CLOSE_NOT_FOUND,
    CLOSE_UNAUTHENTICATED,
    Forbidden,
    StreamConsumer,
    user_group,
)

__all__ = [
    "CLOSE_FORBIDDEN",
    "CLOSE_NOT_FOUND",
    "CLOSE_UNAUTHENTICATED",
    "DirectDispatch",
    "Forbidden",
    "StreamConsumer",
    "announce",
    "group_send_many",
    "publish",
    "publish_after_commit",
    "user_group",
]
