from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GitHubStart")



@_attrs_define
class GitHubStart:
    """ 
        Attributes:
            auth_url (str): Send the user's browser here (GitHub's authorize page).
            state (str): Single use, expires after GITHUB_STATE_TTL_SECONDS; comes back on the redirect. The caller also got
                the chatops_github_binding cookie, which the callback needs.
     """

    auth_url: str
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        auth_url = self.auth_url

        state = self.state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "auth_url": auth_url,
            "state": state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_url = d.pop("auth_url")

        state = d.pop("state")

        git_hub_start = cls(
            auth_url=auth_url,
            state=state,
        )


        git_hub_start.additional_properties = d
        return git_hub_start

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
