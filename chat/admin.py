"""Rooms and messages in the operator console: read, archive, and nothing that bypasses the
services (messages are posted through the API or a room)."""

from __future__ import annotations

from django.contrib import admin

from chat.models import Message, Room, RoomEvent
from chatops.admin import ReadOnlyAdmin


@admin.register(Room)
class RoomAdmin(ReadOnlyAdmin):
    list_display = ("name", "private", "owner", "created_at", "archived_at", "last_event_id")
    list_filter = ("private", ("archived_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "topic")


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ("id", "room", "author", "message_type", "created_at", "deleted_at")
    list_filter = ("message_type",)
    search_fields = ("content",)
    list_select_related = ("room", "author")


@admin.register(RoomEvent)
class RoomEventAdmin(ReadOnlyAdmin):
    list_display = ("room", "event_id", "type", "created_at")
    list_filter = ("type",)
