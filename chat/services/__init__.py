"""The chat app's use cases, each taking the ``Actor`` who acts."""

from chat.services.log import events_after, record_event
from chat.services.messages import delete_message, edit_message, post_bot_message, post_message, update_bot_message
from chat.services.rooms import (
    add_member,
    archive_room,
    create_room,
    join_room,
    leave_room,
    mark_read,
    member_room,
    update_room,
    visible_room,
)

__all__ = [
    "add_member",
    "archive_room",
    "create_room",
    "delete_message",
    "edit_message",
    "events_after",
    "join_room",
    "leave_room",
    "mark_read",
    "member_room",
    "post_bot_message",
    "post_message",
    "record_event",
    "update_bot_message",
    "update_room",
    "visible_room",
]
