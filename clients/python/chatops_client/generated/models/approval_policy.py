from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.kind_7b0_enum import check_kind_7b0_enum
from ..models.kind_7b0_enum import Kind7B0Enum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_summary import UserSummary





T = TypeVar("T", bound="ApprovalPolicy")



@_attrs_define
class ApprovalPolicy:
    """ 
        Attributes:
            kind (Kind7B0Enum): * `run` - Run a command
                * `restart` - Restart a container
                * `stop` - Stop a container
                * `playbook` - Run a playbook
                * `k8s_restart` - Restart a Kubernetes deployment
            updated_by (None | UserSummary):
            updated_at (datetime.datetime):
            required (bool | Unset): Operators' requests of this kind need a second person.
     """

    kind: Kind7B0Enum
    updated_by: None | UserSummary
    updated_at: datetime.datetime
    required: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        kind: str = self.kind

        updated_by: dict[str, Any] | None
        if isinstance(self.updated_by, UserSummary):
            updated_by = self.updated_by.to_dict()
        else:
            updated_by = self.updated_by

        updated_at = self.updated_at.isoformat()

        required = self.required


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "updated_by": updated_by,
            "updated_at": updated_at,
        })
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary import UserSummary # noqa: PLC0415
        d = dict(src_dict)
        kind = check_kind_7b0_enum(d.pop("kind"))




        def _parse_updated_by(data: object) -> None | UserSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                updated_by_type_1 = UserSummary.from_dict(data)



                return updated_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummary, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        required = d.pop("required", UNSET)

        approval_policy = cls(
            kind=kind,
            updated_by=updated_by,
            updated_at=updated_at,
            required=required,
        )


        approval_policy.additional_properties = d
        return approval_policy

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
