from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.chat_message_message_type_enum import ChatMessageMessageTypeEnum
from ..models.chat_message_message_type_enum import check_chat_message_message_type_enum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.chat_message_data import ChatMessageData
  from ..models.chat_user import ChatUser





T = TypeVar("T", bound="ChatMessage")



@_attrs_define
class ChatMessage:
    """ A message as ``chat.representation.message_data`` writes it.

        Attributes:
            id (int):
            room_id (int):
            author (ChatUser | None): Null: the hub's bot.
            message_type (ChatMessageMessageTypeEnum): * `text` - Text
                * `command` - A slash command as typed
                * `command_result` - The bot's answer to a command
                * `alert` - An alert card
                * `approval` - A request to approve
                * `system` - Joins, leaves, topic changes
            content (str): The Markdown as written; empty once deleted.
            content_html (str): The Markdown rendered safely (no raw HTML).
            thread_id (int | None): The thread's first message; null in the room's main flow.
            reply_count (int):
            last_reply_at (datetime.datetime | None):
            data (ChatMessageData): What a card needs (history_id, alert_id, approval_id).
            mentions (list[str]): Usernames.
            created_at (datetime.datetime):
            edited (bool):
            edited_at (datetime.datetime | None):
            deleted (bool): A tombstone: shown as "message deleted".
     """

    id: int
    room_id: int
    author: ChatUser | None
    message_type: ChatMessageMessageTypeEnum
    content: str
    content_html: str
    thread_id: int | None
    reply_count: int
    last_reply_at: datetime.datetime | None
    data: ChatMessageData
    mentions: list[str]
    created_at: datetime.datetime
    edited: bool
    edited_at: datetime.datetime | None
    deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_message_data import ChatMessageData # noqa: PLC0415
        from ..models.chat_user import ChatUser # noqa: PLC0415
        id = self.id

        room_id = self.room_id

        author: dict[str, Any] | None
        if isinstance(self.author, ChatUser):
            author = self.author.to_dict()
        else:
            author = self.author

        message_type: str = self.message_type

        content = self.content

        content_html = self.content_html

        thread_id: int | None
        thread_id = self.thread_id

        reply_count = self.reply_count

        last_reply_at: None | str
        if isinstance(self.last_reply_at, datetime.datetime):
            last_reply_at = self.last_reply_at.isoformat()
        else:
            last_reply_at = self.last_reply_at

        data = self.data.to_dict()

        mentions = self.mentions



        created_at = self.created_at.isoformat()

        edited = self.edited

        edited_at: None | str
        if isinstance(self.edited_at, datetime.datetime):
            edited_at = self.edited_at.isoformat()
        else:
            edited_at = self.edited_at

        deleted = self.deleted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "room_id": room_id,
            "author": author,
            "message_type": message_type,
            "content": content,
            "content_html": content_html,
            "thread_id": thread_id,
            "reply_count": reply_count,
            "last_reply_at": last_reply_at,
            "data": data,
            "mentions": mentions,
            "created_at": created_at,
            "edited": edited,
            "edited_at": edited_at,
            "deleted": deleted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_message_data import ChatMessageData # noqa: PLC0415
        from ..models.chat_user import ChatUser # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        room_id = d.pop("room_id")

        def _parse_author(data: object) -> ChatUser | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                author_type_1 = ChatUser.from_dict(data)



                return author_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatUser | None, data)

        author = _parse_author(d.pop("author"))


        message_type = check_chat_message_message_type_enum(d.pop("message_type"))




        content = d.pop("content")

        content_html = d.pop("content_html")

        def _parse_thread_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        thread_id = _parse_thread_id(d.pop("thread_id"))


        reply_count = d.pop("reply_count")

        def _parse_last_reply_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_reply_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_reply_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_reply_at = _parse_last_reply_at(d.pop("last_reply_at"))


        data = ChatMessageData.from_dict(d.pop("data"))




        mentions = cast(list[str], d.pop("mentions"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        edited = d.pop("edited")

        def _parse_edited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                edited_at_type_0 = datetime.datetime.fromisoformat(data)



                return edited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        edited_at = _parse_edited_at(d.pop("edited_at"))


        deleted = d.pop("deleted")

        chat_message = cls(
            id=id,
            room_id=room_id,
            author=author,
            message_type=message_type,
            content=content,
            content_html=content_html,
            thread_id=thread_id,
            reply_count=reply_count,
            last_reply_at=last_reply_at,
            data=data,
            mentions=mentions,
            created_at=created_at,
            edited=edited,
            edited_at=edited_at,
            deleted=deleted,
        )


        chat_message.additional_properties = d
        return chat_message

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
