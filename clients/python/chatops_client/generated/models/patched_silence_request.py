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
  from ..models.matcher_request import MatcherRequest





T = TypeVar("T", bound="PatchedSilenceRequest")



@_attrs_define
class PatchedSilenceRequest:
    """ 
        Attributes:
            matchers (list[MatcherRequest] | Unset): Every one must match. Labels: severity, server (its name), tag (any tag
                of the server), threshold (its id), kind, alert_name.
            starts_at (datetime.datetime | Unset): Default: now. Cannot change once begun.
            ends_at (datetime.datetime | Unset): After starts_at, in the future. A past time on PATCH expires it now.
            comment (str | Unset):  Default: ''.
     """

    matchers: list[MatcherRequest] | Unset = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    comment: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.matcher_request import MatcherRequest # noqa: PLC0415
        matchers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.matchers, Unset):
            matchers = []
            for matchers_item_data in self.matchers:
                matchers_item = matchers_item_data.to_dict()
                matchers.append(matchers_item)



        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        comment = self.comment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if matchers is not UNSET:
            field_dict["matchers"] = matchers
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matcher_request import MatcherRequest # noqa: PLC0415
        d = dict(src_dict)
        _matchers = d.pop("matchers", UNSET)
        matchers: list[MatcherRequest] | Unset = UNSET
        if _matchers is not UNSET:
            matchers = []
            for matchers_item_data in _matchers:
                matchers_item = MatcherRequest.from_dict(matchers_item_data)



                matchers.append(matchers_item)


        _starts_at = d.pop("starts_at", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at,  Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)




        _ends_at = d.pop("ends_at", UNSET)
        ends_at: datetime.datetime | Unset
        if isinstance(_ends_at,  Unset):
            ends_at = UNSET
        else:
            ends_at = datetime.datetime.fromisoformat(_ends_at)




        comment = d.pop("comment", UNSET)

        patched_silence_request = cls(
            matchers=matchers,
            starts_at=starts_at,
            ends_at=ends_at,
            comment=comment,
        )


        patched_silence_request.additional_properties = d
        return patched_silence_request

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
