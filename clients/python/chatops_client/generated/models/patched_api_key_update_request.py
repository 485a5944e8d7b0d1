from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scopes_enum import check_scopes_enum
from ..models.scopes_enum import ScopesEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedAPIKeyUpdateRequest")



@_attrs_define
class PatchedAPIKeyUpdateRequest:
    """ A key's name and scopes may change; its owner, server and lifetime may not.

        Attributes:
            name (str | Unset):
            scopes (list[ScopesEnum] | Unset): What the key may do (docs/api.md, API keys). A bound key has exactly
                ['agent']; an unbound key defaults to the read scopes every role has.
     """

    name: str | Unset = UNSET
    scopes: list[ScopesEnum] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item: str = scopes_item_data
                scopes.append(scopes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _scopes = d.pop("scopes", UNSET)
        scopes: list[ScopesEnum] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = check_scopes_enum(scopes_item_data)



                scopes.append(scopes_item)


        patched_api_key_update_request = cls(
            name=name,
            scopes=scopes,
        )


        patched_api_key_update_request.additional_properties = d
        return patched_api_key_update_request

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
