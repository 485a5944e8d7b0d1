from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.chat_message import ChatMessage
  from ..models.chat_user import ChatUser





T = TypeVar("T", bound="MyRoom")



@_attrs_define
class MyRoom:
    """ One of the caller's rooms, with its badges. The view puts the counts in the context.

        Attributes:
            id (int):
            name (str):
            topic (str):
            private (bool):
            owner (ChatUser | None):
            archived (bool):
            created_at (datetime.datetime):
            last_event_id (int): The room's newest event id: subscribe from here on the socket.
            unread_count (int): Messages after the caller's read marker (main flow; own and system lines aside).
            mention_count (int): Messages after the caller's read marker that mention them (threads included).
            last_message (ChatMessage | None): The main flow's newest message.
     """

    id: int
    name: str
    topic: str
    private: bool
    owner: ChatUser | None
    archived: bool
    created_at: datetime.datetime
    last_event_id: int
    unread_count: int
    mention_count: int
    last_message: ChatMessage | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_message import ChatMessage # noqa: PLC0415
        from ..models.chat_user import ChatUser # noqa: PLC0415
        id = self.id

        name = self.name

        topic = self.topic

        private = self.private

        owner: dict[str, Any] | None
        if isinstance(self.owner, ChatUser):
            owner = self.owner.to_dict()
        else:
            owner = self.owner

        archived = self.archived

        created_at = self.created_at.isoformat()

        last_event_id = self.last_event_id

        unread_count = self.unread_count

        mention_count = self.mention_count

        last_message: dict[str, Any] | None
        if isinstance(self.last_message, ChatMessage):
            last_message = self.last_message.to_dict()
        else:
            last_message = self.last_message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "topic": topic,
            "private": private,
            "owner": owner,
            "archived": archived,
            "created_at": created_at,
            "last_event_id": last_event_id,
            "unread_count": unread_count,
            "mention_count": mention_count,
            "last_message": last_message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_message import ChatMessage # noqa: PLC0415
        from ..models.chat_user import ChatUser # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        topic = d.pop("topic")

        private = d.pop("private")

        def _parse_owner(data: object) -> ChatUser | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                owner_type_1 = ChatUser.from_dict(data)



                return owner_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatUser | None, data)

        owner = _parse_owner(d.pop("owner"))


        archived = d.pop("archived")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        last_event_id = d.pop("last_event_id")

        unread_count = d.pop("unread_count")

        mention_count = d.pop("mention_count")

        def _parse_last_message(data: object) -> ChatMessage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_message_type_1 = ChatMessage.from_dict(data)



                return last_message_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatMessage | None, data)

        last_message = _parse_last_message(d.pop("last_message"))


        my_room = cls(
            id=id,
            name=name,
            topic=topic,
            private=private,
            owner=owner,
            archived=archived,
            created_at=created_at,
            last_event_id=last_event_id,
            unread_count=unread_count,
            mention_count=mention_count,
            last_message=last_message,
        )


        my_room.additional_properties = d
        return my_room

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
