"""What the chatbot routes take, and the schema of what they give (the seed's shapes)."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from rest_framework import serializers

from chatbot.models import ANSWER_MAX, CATEGORY_MAX, FAQ, MESSAGE_MAX, QUESTION_MAX, SESSION_MAX, TAGS_MAX, ChatLog
from chatops.api.fields import NOT_BLANK_PATTERN, StrictBooleanField, StrictCharField, StrictModelSerializer, TagField

_NOT_BLANK = RegexValidator(NOT_BLANK_PATTERN, "This field may not be blank.")


class FAQSerializer(StrictModelSerializer):
    question = StrictCharField(max_length=QUESTION_MAX, validators=[_NOT_BLANK])
    answer = StrictCharField(max_length=ANSWER_MAX, validators=[_NOT_BLANK], trim_whitespace=False)
    category = StrictCharField(max_length=CATEGORY_MAX, required=False, allow_blank=True, default="")
    tags = serializers.ListField(child=TagField(), max_length=TAGS_MAX, required=False, default=list)
    is_active = StrictBooleanField(required=False, default=True)

    class Meta:
        model = FAQ
        fields = ["id", "question", "answer", "category", "tags", "is_active", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def validate_tags(self, tags: list[str]) -> list[str]:
        return list(dict.fromkeys(tags))


class FAQUpdateSerializer(FAQSerializer):
    """``PUT`` and ``PATCH``: the same fields, none required (``PUT`` behaves as ``PATCH``)."""

    question = StrictCharField(max_length=QUESTION_MAX, validators=[_NOT_BLANK], required=False)
    answer = StrictCharField(max_length=ANSWER_MAX, validators=[_NOT_BLANK], trim_whitespace=False, required=False)
    category = StrictCharField(max_length=CATEGORY_MAX, required=False, allow_blank=True)
    tags = serializers.ListField(child=TagField(), max_length=TAGS_MAX, required=False)
    is_active = StrictBooleanField(required=False)


class ChatRequestSerializer(serializers.Serializer[Any]):
    message = StrictCharField(max_length=MESSAGE_MAX, validators=[_NOT_BLANK])
    session_id = StrictCharField(
        max_length=SESSION_MAX,
        required=False,
        allow_null=True,
        validators=[RegexValidator(r"^[A-Za-z0-9_-]+$", "Letters, digits, '-' and '_' only.")],
        help_text="The conversation to continue (one of yours); omitted: a new one.",
    )


class ChatResponseSerializer(serializers.Serializer[Any]):
    response = serializers.CharField()
    session_id = serializers.CharField()
    confidence_score = serializers.FloatField(
        help_text="How sure the retrieval was of its best FAQ, 0 to 1 (see docs/helpdesk-bot.md)."
    )
    was_escalated = serializers.BooleanField(help_text="True: the bot handed the question over to a ticket.")
    ticket_id = serializers.IntegerField(allow_null=True)


class ChatLogSerializer(serializers.ModelSerializer[ChatLog]):
    user_id = serializers.IntegerField(allow_null=True, read_only=True)
    ticket_id = serializers.IntegerField(allow_null=True, read_only=True)
    faq_id = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = ChatLog
        fields = [
            "id",
            "user_id",
            "session_id",
            "user_query",
            "bot_response",
            "confidence_score",
            "was_escalated",
            "ticket_id",
            "faq_id",
            "via",
            "response_time_ms",
            "created_at",
        ]
        read_only_fields = fields


class ChatbotCommonQuerySerializer(serializers.Serializer[Any]):
    query = serializers.CharField(help_text="Lower-cased, trimmed.")
    count = serializers.IntegerField()


class ChatbotAnalyticsSerializer(serializers.Serializer[Any]):
    total_queries = serializers.IntegerField()
    escalated_queries = serializers.IntegerField()
    escalation_rate = serializers.FloatField(help_text="Percent of questions handed over (16.67 for one in six).")
    avg_confidence_score = serializers.FloatField(allow_null=True, help_text="Null before the first question.")
    common_queries = ChatbotCommonQuerySerializer(many=True)
