from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.escalation_step import EscalationStep
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="EscalationPolicy")



@_attrs_define
class EscalationPolicy:
    """ 
        Attributes:
            id (int):
            name (str): Unique (case-insensitive).
            steps (list[EscalationStep]): Taken in order while an alert stays firing and unacknowledged; after_minutes
                increase.
            routes (list[int]): The routes that use it (ids).
            created_by (None | UserSummary):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            description (str | Unset):
     """

    id: int
    name: str
    steps: list[EscalationStep]
    routes: list[int]
    created_by: None | UserSummary
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.escalation_step import EscalationStep # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        id = self.id

        name = self.name

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        routes = self.routes



        created_by: dict[str, Any] | None
        if isinstance(self.created_by, UserSummary):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "steps": steps,
            "routes": routes,
            "created_by": created_by,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.escalation_step import EscalationStep # noqa: PLC0415
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = EscalationStep.from_dict(steps_item_data)



            steps.append(steps_item)


        routes = cast(list[int], d.pop("routes"))


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




        description = d.pop("description", UNSET)

        escalation_policy = cls(
            id=id,
            name=name,
            steps=steps,
            routes=routes,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
        )


        escalation_policy.additional_properties = d
        return escalation_policy

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
