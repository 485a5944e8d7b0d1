from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.summary import UserSummarySerializer
from approvals.models import ApprovalPolicy
from chatops.api.fields import StrictBooleanField, StrictCharField


class DecisionSerializer(serializers.Serializer[Any]):
    comment = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class ApprovalPolicySerializer(serializers.ModelSerializer[ApprovalPolicy]):
    updated_by = UserSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = ApprovalPolicy
        fields = ["kind", "required", "updated_by", "updated_at"]
        read_only_fields = ["kind", "updated_by", "updated_at"]


class PolicyChangeSerializer(serializers.Serializer[Any]):
    required = StrictBooleanField(  # type: ignore[assignment]
        help_text="true: operators' requests of this kind wait for a second person."
    )
