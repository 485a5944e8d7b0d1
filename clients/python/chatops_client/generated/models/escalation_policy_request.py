from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.escalation_step_request import EscalationStepRequest





T = TypeVar("T", bound="EscalationPolicyRequest")



@_attrs_define
class EscalationPolicyRequest:
    """ 
        Attributes:
            name (str): Unique (case-insensitive).
            steps (list[EscalationStepRequest]): Taken in order while an alert stays firing and unacknowledged;
                after_minutes increase.
            description (str | Unset):
     """

    name: str
    steps: list[EscalationStepRequest]
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.escalation_step_request import EscalationStepRequest # noqa: PLC0415
        name = self.name

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "steps": steps,
        })
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.escalation_step_request import EscalationStepRequest # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = EscalationStepRequest.from_dict(steps_item_data)



            steps.append(steps_item)


        description = d.pop("description", UNSET)

        escalation_policy_request = cls(
            name=name,
            steps=steps,
            description=description,
        )


        escalation_policy_request.additional_properties = d
        return escalation_policy_request

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
