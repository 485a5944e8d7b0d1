"""How an approval is shown, by approvals' API and by the routes that answer 202 with the
approval they wait for (agents' commands and container actions): outside ``api/``, so that
those apps import no other app's API package."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from approvals.models import Approval


class ApprovalSerializer(serializers.ModelSerializer[Approval]):
    requested_by = UserSummarySerializer(read_only=True, allow_null=True)
    decided_by = UserSummarySerializer(read_only=True, allow_null=True)
    server = serializers.PrimaryKeyRelatedField[Any](read_only=True, allow_null=True)
    payload = serializers.DictField(read_only=True, help_text="What will be run (server_id, command, timeout...).")
    origin = serializers.DictField(
        read_only=True, help_text="Where the request was made: for chat, the room and the command's message."
    )
    result = serializers.DictField(read_only=True, help_text="What running it gave (history_id, status).")

    class Meta:
        model = Approval
        fields = [
            "id", "kind", "status", "summary", "payload", "server", "requested_by", "requested_via", "origin",
            "created_at", "expires_at", "decided_by", "decided_at", "comment", "result", "error",
        ]  # fmt: skip
        read_only_fields = fields
