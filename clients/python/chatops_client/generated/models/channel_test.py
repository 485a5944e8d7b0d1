from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ChannelTest")



@_attrs_define
class ChannelTest:
    """ 
        Attributes:
            ok (bool): The service accepted the test message.
            error (str): What failed (empty when ok); no secret in it.
            permanent (bool): Retrying would not help (a bad URL, refused credentials, a 4xx answer).
            duration_ms (int):
     """

    ok: bool
    error: str
    permanent: bool
    duration_ms: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        error = self.error

        permanent = self.permanent

        duration_ms = self.duration_ms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ok": ok,
            "error": error,
            "permanent": permanent,
            "duration_ms": duration_ms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ok = d.pop("ok")

        error = d.pop("error")

        permanent = d.pop("permanent")

        duration_ms = d.pop("duration_ms")

        channel_test = cls(
            ok=ok,
            error=error,
            permanent=permanent,
            duration_ms=duration_ms,
        )


        channel_test.additional_properties = d
        return channel_test

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
