from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_status_enum import check_health_status_enum
from ..models.health_status_enum import HealthStatusEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.dependency import Dependency
  from ..models.health_external_services import HealthExternalServices





T = TypeVar("T", bound="Health")



@_attrs_define
class Health:
    """ 
        Attributes:
            status (HealthStatusEnum): * `healthy` - healthy
                * `unhealthy` - unhealthy
            version (str):
            timestamp (datetime.datetime):
            database (Dependency):
            channel_layer (Dependency):
            external_services (HealthExternalServices): Each registered check (`email`, `ci`, `kubernetes`) and its
                services. Never a 503.
     """

    status: HealthStatusEnum
    version: str
    timestamp: datetime.datetime
    database: Dependency
    channel_layer: Dependency
    external_services: HealthExternalServices
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.dependency import Dependency # noqa: PLC0415
        from ..models.health_external_services import HealthExternalServices # noqa: PLC0415
        status: str = self.status

        version = self.version

        timestamp = self.timestamp.isoformat()

        database = self.database.to_dict()

        channel_layer = self.channel_layer.to_dict()

        external_services = self.external_services.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "version": version,
            "timestamp": timestamp,
            "database": database,
            "channel_layer": channel_layer,
            "external_services": external_services,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dependency import Dependency # noqa: PLC0415
        from ..models.health_external_services import HealthExternalServices # noqa: PLC0415
        d = dict(src_dict)
        status = check_health_status_enum(d.pop("status"))




        version = d.pop("version")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        database = Dependency.from_dict(d.pop("database"))




        channel_layer = Dependency.from_dict(d.pop("channel_layer"))




        external_services = HealthExternalServices.from_dict(d.pop("external_services"))




        health = cls(
            status=status,
            version=version,
            timestamp=timestamp,
            database=database,
            channel_layer=channel_layer,
            external_services=external_services,
        )


        health.additional_properties = d
        return health

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
