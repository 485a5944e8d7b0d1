from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.models import User
from chatops.api.fields import StrictBooleanField, StrictCharField, StrictModelSerializer, StrictPrimaryKeyRelatedField
from helpdesk.choices import Category, Priority, Status
from helpdesk.models import COMMENT_MAX, DESCRIPTION_MAX, TITLE_MAX, Ticket, TicketComment, TicketEvent


class TicketSerializer(StrictModelSerializer):
    """A ticket as the seed shows it, plus its SLA clock and links."""

    first_response_due_in = serializers.SerializerMethodField(
        help_text="Seconds of running clock left to the first-response target (negative: overdue; null: none)."
    )
    resolution_due_in = serializers.SerializerMethodField(
        help_text="Seconds of running clock left to the resolution target (negative: overdue; null: none)."
    )

    class Meta:
        model = Ticket
        fields = [
            "id",
            "title",
            "description",
            "priority",
            "status",
            "category",
            "created_by",
            "assigned_to",
            "team",
            "source",
            "auto_categorized",
            "confidence_score",
            "needs_review",
            "created_at",
            "updated_at",
            "resolved_at",
            "closed_at",
            "sla_state",
            "first_response_at",
            "first_response_due",
            "resolution_due",
            "first_response_due_in",
            "resolution_due_in",
            "paused_seconds",
            "first_response_breached_at",
            "resolution_breached_at",
            "alert",
            "alert_count",
            "recovered_at",
            "chat_message",
        ]
        read_only_fields = fields

    def _due_in(self, ticket: Ticket, due: Any) -> float | None:
        from django.utils import timezone

        from helpdesk import sla

        if ticket.sla_state in ("met", "none"):
            return None
        return sla.due_in(due, ticket, timezone.now())

    def get_first_response_due_in(self, ticket: Ticket) -> float | None:
        if ticket.first_response_at is not None:
            return None
        return self._due_in(ticket, ticket.first_response_due)

    def get_resolution_due_in(self, ticket: Ticket) -> float | None:
        return self._due_in(ticket, ticket.resolution_due)


class TicketCreateSerializer(serializers.Serializer[Any]):
    title = StrictCharField(max_length=TITLE_MAX)
    description = StrictCharField(max_length=DESCRIPTION_MAX, allow_blank=True, default="")
    priority = serializers.ChoiceField(
        choices=Priority.choices, required=False, help_text="Left out: the classifier suggests one (else medium)."
    )
    category = serializers.ChoiceField(
        choices=Category.choices,
        required=False,
        help_text="Left out: the classifier files the ticket (auto_categorized, confidence_score).",
    )
    requester = StrictPrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        help_text="Support staff: open it on someone's behalf (their user id).",
    )


class TicketUpdateSerializer(serializers.Serializer[Any]):
    """Every field optional (PUT and PATCH alike, as the seed's PUT takes any of them)."""

    title = StrictCharField(max_length=TITLE_MAX, required=False)
    description = StrictCharField(max_length=DESCRIPTION_MAX, allow_blank=True, required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    assigned_to = StrictPrimaryKeyRelatedField(
        queryset=User.objects.all(),
        required=False,
        allow_null=True,
        help_text="An active support, operator or admin account; null: unassigned.",
    )


class TicketCommentSerializer(StrictModelSerializer):
    body = StrictCharField(max_length=COMMENT_MAX)
    internal = StrictBooleanField(default=False, help_text="An internal note: support staff only see it.")

    class Meta:
        model = TicketComment
        fields = ["id", "ticket", "author", "body", "internal", "created_at"]
        read_only_fields = ["id", "ticket", "author", "created_at"]


class TicketEventSerializer(StrictModelSerializer):
    class Meta:
        model = TicketEvent
        fields = ["id", "kind", "actor", "details", "internal", "created_at"]
        read_only_fields = fields


class DaysSerializer(serializers.Serializer[Any]):
    days = serializers.IntegerField(min_value=1, max_value=366, default=30, help_text="Days of trend, up to today.")


class TicketDaySerializer(serializers.Serializer[Any]):
    day = serializers.DateField()
    opened = serializers.IntegerField()
    resolved = serializers.IntegerField()


class TicketSLASummarySerializer(serializers.Serializer[Any]):
    with_policy = serializers.IntegerField(help_text="Tickets with an SLA policy.")
    breached = serializers.IntegerField()
    first_response_breached = serializers.IntegerField()
    resolution_breached = serializers.IntegerField()
    compliance_percent = serializers.FloatField(allow_null=True, help_text="Not breached, of those with a policy.")
    by_state = serializers.DictField(child=serializers.IntegerField())


class TicketAnalyticsSerializer(serializers.Serializer[Any]):
    status_counts = serializers.DictField(child=serializers.IntegerField())
    priority_counts = serializers.DictField(child=serializers.IntegerField())
    category_counts = serializers.DictField(child=serializers.IntegerField())
    total_tickets = serializers.IntegerField()
    avg_resolution_time_hours = serializers.FloatField(allow_null=True)
    avg_first_response_time_hours = serializers.FloatField(allow_null=True)
    auto_categorized = serializers.IntegerField()
    needs_review = serializers.IntegerField()
    sla = TicketSLASummarySerializer()
    trend = TicketDaySerializer(many=True, help_text="Tickets opened and resolved per day (UTC), oldest first.")
