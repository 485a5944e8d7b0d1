from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_role_enum import check_member_role_enum
from ..models.member_role_enum import MemberRoleEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.chat_user import ChatUser





T = TypeVar("T", bound="Member")



@_attrs_define
class Member:
    """ 
        Attributes:
            user (ChatUser):
            role (MemberRoleEnum):
            joined_at (datetime.datetime):
     """

    user: ChatUser
    role: MemberRoleEnum
    joined_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_user import ChatUser # noqa: PLC0415
        user = self.user.to_dict()

        role: str = self.role

        joined_at = self.joined_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "user": user,
            "role": role,
            "joined_at": joined_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_user import ChatUser # noqa: PLC0415
        d = dict(src_dict)
        user = ChatUser.from_dict(d.pop("user"))




        role = check_member_role_enum(d.pop("role"))




        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))




        member = cls(
            user=user,
            role=role,
            joined_at=joined_at,
        )


        member.additional_properties = d
        return member

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
