"""The chat app's vocabularies."""

from __future__ import annotations

from django.db import models


class MessageType(models.TextChoices):
    TEXT = "text", "Text"
    COMMAND = "command", "A slash command as typed"
    COMMAND_RESULT = "command_result", "The bot's answer to a command"
    ALERT = "alert", "An alert card"
    APPROVAL = "approval", "A request to approve"
    SYSTEM = "system", "Joins, leaves, topic changes"


#: What a person may send through ``POST /messages``; the others are the hub's own.
USER_MESSAGE_TYPES = (MessageType.TEXT, MessageType.COMMAND)


class MemberRole(models.TextChoices):
    OWNER = "owner", "Owner"
    MEMBER = "member", "Member"


MAX_CONTENT = 10_000
