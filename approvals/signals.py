"""Signals approvals sends after commit, for apps above it (chat posts and updates the
approval message in the room the request came from). Receivers get ``approval``."""

from django.dispatch import Signal

#: A request now waits for a second person.
approval_requested = Signal()
#: A request reached its end: denied, expired, or approved and run (``result``) or failed
#: (``error``).
approval_decided = Signal()
