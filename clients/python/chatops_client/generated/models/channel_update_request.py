from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel_kind_enum import ChannelKindEnum
from ..models.channel_kind_enum import check_channel_kind_enum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ChannelUpdateRequest")



@_attrs_define
class ChannelUpdateRequest:
    """ 
        Attributes:
            name (str):
            kind (ChannelKindEnum): * `email` - Email
                * `webhook` - Webhook
                * `apprise` - Apprise service
            target (str | Unset): The secret part, taken in clear and shown masked ever after. email: an address. webhook:
                an http(s) URL resolving to public addresses (unless the hub allows private ones). apprise: an Apprise URL of a
                service reached over HTTP(S): slack://…, discord://…, workflows://… (Teams), mmost://…, tgram://…, ntfy://…,
                matrix://…, pover://…, json://…. Omit it to keep the current one.
            enabled (bool | Unset):
     """

    name: str
    kind: ChannelKindEnum
    target: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind: str = self.kind

        target = self.target

        enabled = self.enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "kind": kind,
        })
        if target is not UNSET:
            field_dict["target"] = target
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = check_channel_kind_enum(d.pop("kind"))




        target = d.pop("target", UNSET)

        enabled = d.pop("enabled", UNSET)

        channel_update_request = cls(
            name=name,
            kind=kind,
            target=target,
            enabled=enabled,
        )


        channel_update_request.additional_properties = d
        return channel_update_request

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
