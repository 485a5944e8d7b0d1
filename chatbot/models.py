"""The FAQ the bot answers from, and the log of what it was asked (the seed's chatbot logs)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

QUESTION_MAX = 300
ANSWER_MAX = 5000
CATEGORY_MAX = 64
TAGS_MAX = 12
MESSAGE_MAX = 2000
SESSION_MAX = 64


class FAQQuerySet(models.QuerySet["FAQ"]):
    def visible_to(self, user: Any) -> FAQQuerySet:
        """Every signed-in user reads the active FAQs; support staff (and above) also the
        inactive ones they are editing."""
        if user is None or not user.is_authenticated:
            return self.none()
        from accounts.choices import Role

        return self if user.has_role(Role.SUPPORT) else self.filter(is_active=True)


class FAQ(models.Model):
    question = models.CharField(max_length=QUESTION_MAX)
    answer = models.TextField(max_length=ANSWER_MAX)
    category = models.CharField(max_length=CATEGORY_MAX, blank=True, default="", db_index=True)
    #: A list of tag names (``chatops.tags``: ``password``, ``api-key``).
    tags = models.JSONField(default=list, blank=True)
    is_active = models.BooleanField(default=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FAQQuerySet.as_manager()

    class Meta:
        ordering = ["category", "id"]
        verbose_name = "FAQ"

    def __str__(self) -> str:
        return self.question


class ChatLog(models.Model):
    """One question to the bot and what it did: answered from an FAQ, or handed over to a ticket."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    session_id = models.CharField(max_length=SESSION_MAX, db_index=True)
    user_query = models.TextField(max_length=MESSAGE_MAX)
    bot_response = models.TextField()
    confidence_score = models.FloatField()
    was_escalated = models.BooleanField(default=False, db_index=True)
    ticket = models.ForeignKey("helpdesk.Ticket", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    #: The FAQ it answered from (escalated: the best candidate it was not sure of).
    faq = models.ForeignKey(FAQ, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    #: ``api`` (REST, the dashboard's widget) or ``chat`` (``/ask`` in a room).
    via = models.CharField(max_length=8, default="api")
    response_time_ms = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.user_query[:60]}"
