from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.state_enum import check_state_enum
from ..models.state_enum import StateEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.matcher import Matcher
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="Silence")



@_attrs_define
class Silence:
    """ 
        Attributes:
            id (int):
            matchers (list[Matcher]): Every one must match. Labels: severity, server (its name), tag (any tag of the
                server), threshold (its id), kind, alert_name.
            ends_at (datetime.datetime): After starts_at, in the future. A past time on PATCH expires it now.
            state (StateEnum):
            alerts (list[int]): The open alerts it holds now (ids).
            created_by (None | UserSummary):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            starts_at (datetime.datetime | Unset): Default: now. Cannot change once begun.
            comment (str | Unset):  Default: ''.
     """

    id: int
    matchers: list[Matcher]
    ends_at: datetime.datetime
    state: StateEnum
    alerts: list[int]
    created_by: None | UserSummary
    created_at: datetime.datetime
    updated_at: datetime.datetime
    starts_at: datetime.datetime | Unset = UNSET
    comment: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.matcher import Matcher # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        matchers = []
        for matchers_item_data in self.matchers:
            matchers_item = matchers_item_data.to_dict()
            matchers.append(matchers_item)



        ends_at = self.ends_at.isoformat()

        state: str = self.state

        alerts = self.alerts



        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        comment = self.comment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "matchers": matchers,
            "ends_at": ends_at,
            "state": state,
            "alerts": alerts,
            "created_by": created_by,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matcher import Matcher # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        matchers = []
        _matchers = d.pop("matchers")
        for matchers_item_data in (_matchers):
            matchers_item = Matcher.from_dict(matchers_item_data)



            matchers.append(matchers_item)


        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        state = check_state_enum(d.pop("state"))




        alerts = cast(list[int], d.pop("alerts"))


        def _parse_created_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_1 = UserSummary.from_dict(data)



                return created_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        created_by = _parse_created_by(d.pop("created_by"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        _starts_at = d.pop("starts_at", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at,  Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)




        comment = d.pop("comment", UNSET)

        silence = cls(
            id=id,
            matchers=matchers,
            ends_at=ends_at,
            state=state,
            alerts=alerts,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            starts_at=starts_at,
            comment=comment,
        )


        silence.additional_properties = d
        return silence

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
