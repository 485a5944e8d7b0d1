from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.blank_enum import check_blank_enum
from ..models.via_enum import check_via_enum
from ..models.via_enum import ViaEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="AuditLog")



@_attrs_define
class AuditLog:
    """ 
        Attributes:
            id (int):
            created_at (datetime.datetime):
            actor (None | UserSummary):
            actor_label (str):
            api_key (int | None):
            action (str):
            via (BlankEnum | ViaEnum):
            target_type (str):
            target_id (str):
            ip_address (Any):
            user_agent (str):
            details (Any):
     """

    id: int
    created_at: datetime.datetime
    actor: None | UserSummary
    actor_label: str
    api_key: int | None
    action: str
    via: BlankEnum | ViaEnum
    target_type: str
    target_id: str
    ip_address: Any
    user_agent: str
    details: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        created_at = self.created_at.isoformat()

        actor: dict[str, Any] | None
        if isinstance(self.actor, UserSummary):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        actor_label = self.actor_label

        api_key: int | None
        api_key = self.api_key

        action = self.action

        via: str
        if isinstance(self.via, str):
            via = self.via
        else:
            via = self.via


        target_type = self.target_type

        target_id = self.target_id

        ip_address: Any
        ip_address = self.ip_address

        user_agent = self.user_agent

        details = self.details


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "created_at": created_at,
            "actor": actor,
            "actor_label": actor_label,
            "api_key": api_key,
            "action": action,
            "via": via,
            "target_type": target_type,
            "target_id": target_id,
            "ip_address": ip_address,
            "user_agent": user_agent,
            "details": details,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_actor(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_1 = UserSummary.from_dict(data)



                return actor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        actor = _parse_actor(d.pop("actor"))


        actor_label = d.pop("actor_label")

        def _parse_api_key(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        api_key = _parse_api_key(d.pop("api_key"))


        action = d.pop("action")

        def _parse_via(data: object) -> BlankEnum | ViaEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                via_type_0 = check_via_enum(data)



                return via_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            via_type_1 = check_blank_enum(data)



            return via_type_1

        via = _parse_via(d.pop("via"))


        target_type = d.pop("target_type")

        target_id = d.pop("target_id")

        def _parse_ip_address(data: object) -> Any:
            return cast(Any, data)

        ip_address = _parse_ip_address(d.pop("ip_address"))


        user_agent = d.pop("user_agent")

        details = d.pop("details")

        audit_log = cls(
            id=id,
            created_at=created_at,
            actor=actor,
            actor_label=actor_label,
            api_key=api_key,
            action=action,
            via=via,
            target_type=target_type,
            target_id=target_id,
            ip_address=ip_address,
            user_agent=user_agent,
            details=details,
        )


        audit_log.additional_properties = d
        return audit_log

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
