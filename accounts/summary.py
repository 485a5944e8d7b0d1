"""How other apps show a user (``created_by``, ``requested_by``): the one shape of a user that
another app's API may embed, so that no app imports accounts' ``api`` package."""

from __future__ import annotations

from accounts.models import User
from chatops.api.fields import StrictModelSerializer


class UserSummarySerializer(StrictModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username"]
        read_only_fields = fields
