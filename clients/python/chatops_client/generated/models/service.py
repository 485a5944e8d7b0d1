from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.service_status_enum import check_service_status_enum
from ..models.service_status_enum import ServiceStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Service")



@_attrs_define
class Service:
    """ 
        Attributes:
            name (str): The service's name (an integration's, a cluster's; `email`).
            kind (str): Its kind: the email provider, the CI provider, `pull` or `push`.
            status (ServiceStatusEnum): * `up` - up
                * `down` - down
                * `unknown` - unknown
            response_time_ms (float | None): How long the probe took; null where nothing was probed (CI pushes to the hub).
            last_seen (datetime.datetime | None): The last delivery (CI) or snapshot (Kubernetes) received; null if none.
            error (str | Unset): Why it is down (only when it is).
     """

    name: str
    kind: str
    status: ServiceStatusEnum
    response_time_ms: float | None
    last_seen: datetime.datetime | None
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind

        status: str = self.status

        response_time_ms: float | None
        response_time_ms = self.response_time_ms

        last_seen: None | str
        if isinstance(self.last_seen, datetime.datetime):
            last_seen = self.last_seen.isoformat()
        else:
            last_seen = self.last_seen

        error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "kind": kind,
            "status": status,
            "response_time_ms": response_time_ms,
            "last_seen": last_seen,
        })
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = d.pop("kind")

        status = check_service_status_enum(d.pop("status"))




        def _parse_response_time_ms(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        response_time_ms = _parse_response_time_ms(d.pop("response_time_ms"))


        def _parse_last_seen(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_type_0 = datetime.datetime.fromisoformat(data)



                return last_seen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_seen = _parse_last_seen(d.pop("last_seen"))


        error = d.pop("error", UNSET)

        service = cls(
            name=name,
            kind=kind,
            status=status,
            response_time_ms=response_time_ms,
            last_seen=last_seen,
            error=error,
        )


        service.additional_properties = d
        return service

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
