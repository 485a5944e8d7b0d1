from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedClusterUpdateRequest")



@_attrs_define
class PatchedClusterUpdateRequest:
    """ Register (or change) a polled cluster: a kubeconfig, or an API server URL and a
    service-account token. Secrets are write-only and stored encrypted.

        Attributes:
            api_url (str | Unset):
            token (str | Unset):
            kubeconfig (str | Unset):
            ca_cert (str | Unset): PEM, for a private CA.
            verify_tls (bool | Unset):  Default: True.
            poll_interval_seconds (int | Unset):  Default: 30.
            actions_enabled (bool | Unset): Allow rollout restarts. Default: False.
            tags (list[str] | Unset): The cluster's tags: teams whose scope names one see it.
     """

    api_url: str | Unset = UNSET
    token: str | Unset = UNSET
    kubeconfig: str | Unset = UNSET
    ca_cert: str | Unset = UNSET
    verify_tls: bool | Unset = True
    poll_interval_seconds: int | Unset = 30
    actions_enabled: bool | Unset = False
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        api_url: str | Unset
        if isinstance(self.api_url, Unset):
            api_url = UNSET
        else:
            api_url = self.api_url

        token = self.token

        kubeconfig = self.kubeconfig

        ca_cert = self.ca_cert

        verify_tls = self.verify_tls

        poll_interval_seconds = self.poll_interval_seconds

        actions_enabled = self.actions_enabled

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if api_url is not UNSET:
            field_dict["api_url"] = api_url
        if token is not UNSET:
            field_dict["token"] = token
        if kubeconfig is not UNSET:
            field_dict["kubeconfig"] = kubeconfig
        if ca_cert is not UNSET:
            field_dict["ca_cert"] = ca_cert
        if verify_tls is not UNSET:
            field_dict["verify_tls"] = verify_tls
        if poll_interval_seconds is not UNSET:
            field_dict["poll_interval_seconds"] = poll_interval_seconds
        if actions_enabled is not UNSET:
            field_dict["actions_enabled"] = actions_enabled
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_api_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        api_url = _parse_api_url(d.pop("api_url", UNSET))


        token = d.pop("token", UNSET)

        kubeconfig = d.pop("kubeconfig", UNSET)

        ca_cert = d.pop("ca_cert", UNSET)

        verify_tls = d.pop("verify_tls", UNSET)

        poll_interval_seconds = d.pop("poll_interval_seconds", UNSET)

        actions_enabled = d.pop("actions_enabled", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        patched_cluster_update_request = cls(
            api_url=api_url,
            token=token,
            kubeconfig=kubeconfig,
            ca_cert=ca_cert,
            verify_tls=verify_tls,
            poll_interval_seconds=poll_interval_seconds,
            actions_enabled=actions_enabled,
            tags=tags,
        )


        patched_cluster_update_request.additional_properties = d
        return patched_cluster_update_request

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
