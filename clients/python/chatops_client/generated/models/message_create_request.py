from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.message_create_message_type_enum import check_message_create_message_type_enum
from ..models.message_create_message_type_enum import MessageCreateMessageTypeEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MessageCreateRequest")



@_attrs_define
class MessageCreateRequest:
    """ 
        Attributes:
            room_id (int):
            content (str): Markdown. Starting with '/': a slash command, run as the sender.
            message_type (MessageCreateMessageTypeEnum | Unset): * `text` - Text
                * `command` - A slash command as typed Default: 'text'.
            thread_id (int | None | Unset): Reply in the thread of this message (of the same room).
     """

    room_id: int
    content: str
    message_type: MessageCreateMessageTypeEnum | Unset = 'text'
    thread_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        room_id = self.room_id

        content = self.content

        message_type: str | Unset = UNSET
        if not isinstance(self.message_type, Unset):
            message_type = self.message_type


        thread_id: int | None | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        else:
            thread_id = self.thread_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "room_id": room_id,
            "content": content,
        })
        if message_type is not UNSET:
            field_dict["message_type"] = message_type
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        room_id = d.pop("room_id")

        content = d.pop("content")

        _message_type = d.pop("message_type", UNSET)
        message_type: MessageCreateMessageTypeEnum | Unset
        if isinstance(_message_type,  Unset):
            message_type = UNSET
        else:
            message_type = check_message_create_message_type_enum(_message_type)




        def _parse_thread_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))


        message_create_request = cls(
            room_id=room_id,
            content=content,
            message_type=message_type,
            thread_id=thread_id,
        )


        message_create_request.additional_properties = d
        return message_create_request

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
