"""Rooms, their members and their messages, and the room's event log (what a reconnecting
socket replays: the channel layer is at most once, the database is the durable copy)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet

from chat.choices import MAX_CONTENT, MemberRole, MessageType
from chatops.db import insert_plain


class RoomQuerySet(models.QuerySet["Room"]):
    def visible_to(self, user: Any) -> RoomQuerySet:
        """Rooms the user may see: public ones and private ones they belong to. Admins see
        every room. The one place that decides; a room outside it is a 404."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if getattr(user, "is_admin", False):
            return self.all()
        return self.filter(Q(private=False) | Q(memberships__user=user)).distinct()

    def of_member(self, user: Any) -> RoomQuerySet:
        """Rooms the user has joined (``GET /rooms``)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(memberships__user=user)

    def active(self) -> RoomQuerySet:
        return self.filter(archived_at__isnull=True)


class Room(models.Model):
    name = models.CharField(max_length=100)
    topic = models.CharField(max_length=500, blank=True, default="")
    private = models.BooleanField(default=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    #: The room's last event id: every event of the room gets the next one (``RoomEvent``).
    last_event_id = models.BigIntegerField(default=0)
    #: Post commands and container actions done on these servers' outside chat (tag names; an
    #: empty list follows none).
    follows_activity = models.JSONField(default=list, blank=True)

    objects = RoomQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("name"),
                condition=Q(archived_at__isnull=True),
                name="chat_room_name_unique_active",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def is_member(self, user: Any) -> bool:
        """Whether ``user`` belongs to the room; asked once per instance and user (a request
        asks it several times: visibility, posting, the reply)."""
        if user is None or user.pk is None:
            return False
        known: dict[int, bool] = self.__dict__.setdefault("_members_known", {})
        if user.pk not in known:
            known[user.pk] = self.memberships.filter(user=user).exists()
        return known[user.pk]

    def remember_member(self, user: Any, member: bool) -> None:
        """What a join, leave or the visibility query learnt of ``user``'s membership."""
        self.__dict__.setdefault("_members_known", {})[user.pk] = member

    def can_see(self, user: Any) -> bool:
        """The rule of ``RoomQuerySet.visible_to`` for one room already read."""
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        return bool(getattr(user, "is_admin", False)) or not self.private or self.is_member(user)

    def can_manage(self, user: Any) -> bool:
        """Rename, change the topic, archive, invite into a private room: owner or admin."""
        return bool(getattr(user, "is_admin", False)) or (user is not None and self.owner_id == user.pk)


class Membership(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_memberships")
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)
    #: The newest message id the user has read in this room (``POST /rooms/{id}/read``).
    last_read_id = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["room", "user"], name="chat_membership_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.room_id}"


class MessageQuerySet(models.QuerySet["Message"]):
    def visible_to(self, user: Any) -> MessageQuerySet:
        return self.filter(room__in=Room.objects.visible_to(user))

    def post(self, **values: Any) -> Message:
        """A new message, its Markdown rendered as ``save()`` does, inserted by one plain
        statement (``chatops.db.insert_plain``): every message posted pays for it, and the
        ORM's ``create`` cost several times the statement's CPU (bench/README.md, "Session 17")."""
        message = self.model(**values)
        message.render()
        insert_plain(message, using=self.db)
        return message


class Message(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    #: None: the hub's bot (command results, alert cards, approvals, system lines).
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    message_type = models.CharField(max_length=20, choices=MessageType.choices, default=MessageType.TEXT)
    content = models.TextField(max_length=MAX_CONTENT)
    #: ``content`` rendered (``chat.markdown``), kept with it: a page of 50 messages would
    #: otherwise render 50 times on every read. Empty for rows written without ``save()``.
    content_html = models.TextField(blank=True, default="", db_default="")
    #: The first message of the thread this one replies in (None: in the room's main flow).
    thread = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    reply_count = models.IntegerField(default=0)
    last_reply_at = models.DateTimeField(null=True, blank=True)
    #: What a card needs: ``{"history_id": …}``, ``{"alert_id": …}``, ``{"approval_id": …}``.
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="chat_mentions")

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [
            # Newest first and cursors (before/after an id) in one room's main flow or a thread.
            models.Index(fields=["room", "thread", "id"], name="chat_msg_room_thread_id"),
            models.Index(fields=["room", "id"], name="chat_msg_room_id"),
            models.Index(fields=["room", "created_at"], name="chat_msg_room_created"),
        ]

    def __str__(self) -> str:
        return f"{self.room_id}#{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if fields is None or "content" in fields:
            self.render()
            if fields is not None:
                kwargs["update_fields"] = [*fields, "content_html"]
        super().save(*args, **kwargs)

    def render(self) -> None:
        """``content_html`` from ``content`` (safe Markdown: ``chat.markdown``)."""
        from chat.markdown import render

        self.content_html = render(self.content)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class MessageEdit(models.Model):
    """A message's earlier text, kept when its author edits it."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="edits")
    content = models.TextField()
    edited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"edit of {self.message_id}"


class RoomEvent(models.Model):
    """One event of a room, as its sockets received it, under the room's monotonic id. A
    socket that reconnects with the last id it saw is sent every later one from here."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="events")
    event_id = models.BigIntegerField()
    type = models.CharField(max_length=40)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["room", "event_id"]
        constraints = [models.UniqueConstraint(fields=["room", "event_id"], name="chat_room_event_unique")]
        # The retention job deletes by age (chat.prune_events).
        indexes = [models.Index(fields=["created_at"], name="chat_event_created")]

    def __str__(self) -> str:
        return f"{self.room_id}@{self.event_id} {self.type}"


class AlertSubscription(models.Model):
    """A room follows alerts: those of these severities (empty: every severity) on servers
    with one of these tags (empty: every server). A room follows an alert when any of its
    subscriptions matches it."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="alert_subscriptions")
    #: Alert severity values (``alerts.models.Severity``).
    severities = models.JSONField(default=list, blank=True)
    #: Server tag names.
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["room", "id"]

    def __str__(self) -> str:
        return f"room {self.room_id}: {self.severities or 'all'} on {self.tags or 'every server'}"

    def matches(self, severity: str, tags: set[str]) -> bool:
        return (not self.severities or severity in self.severities) and (not self.tags or bool(tags & set(self.tags)))


class AlertCard(models.Model):
    """The card an alert got in a room, to update it in place when the alert changes."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="+")
    alert = models.ForeignKey("alerts.Alert", on_delete=models.CASCADE, related_name="+")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "room"], name="chat_alert_card_unique")]

    def __str__(self) -> str:
        return f"alert {self.alert_id} in room {self.room_id}"


def unread_counts(user: Any, rooms: QuerySet[Room]) -> dict[int, int]:
    """Messages after the user's read marker, per room (their own, thread replies and system
    lines such as joins aside)."""
    counts = (
        Message.objects.filter(
            room__in=rooms,
            room__memberships__user=user,
            id__gt=models.F("room__memberships__last_read_id"),
            thread__isnull=True,
            deleted_at__isnull=True,
        )
        .exclude(author=user)
        .exclude(message_type=MessageType.SYSTEM)
        .values("room")
        .annotate(n=models.Count("id"))
    )
    return {row["room"]: row["n"] for row in counts}
