"""The tag field, shared by every API that takes tag names (servers, thresholds), so that no
app imports the servers app's ``api`` package. It lives in the shared base now (teams, in
accounts below servers, take tags too); imported from here as before."""

from __future__ import annotations

from chatops.api.fields import TagField

__all__ = ["TagField"]
