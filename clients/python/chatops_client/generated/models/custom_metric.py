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
  from ..models.custom_metric_tags import CustomMetricTags





T = TypeVar("T", bound="CustomMetric")



@_attrs_define
class CustomMetric:
    """ 
        Attributes:
            id (int):
            name (str):
            value (float):
            unit (str | Unset):
            timestamp (datetime.datetime | Unset): Default: now.
            tags (CustomMetricTags | Unset): Up to 20 string labels.
            server (int | None | Unset):
     """

    id: int
    name: str
    value: float
    unit: str | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    tags: CustomMetricTags | Unset = UNSET
    server: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.custom_metric_tags import CustomMetricTags # noqa: PLC0415
        id = self.id

        name = self.name

        value = self.value

        unit = self.unit

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        server: int | None | Unset
        if isinstance(self.server, Unset):
            server = UNSET
        else:
            server = self.server


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "value": value,
        })
        if unit is not UNSET:
            field_dict["unit"] = unit
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if tags is not UNSET:
            field_dict["tags"] = tags
        if server is not UNSET:
            field_dict["server"] = server

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_metric_tags import CustomMetricTags # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        value = d.pop("value")

        unit = d.pop("unit", UNSET)

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp,  Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)




        _tags = d.pop("tags", UNSET)
        tags: CustomMetricTags | Unset
        if isinstance(_tags,  Unset):
            tags = UNSET
        else:
            tags = CustomMetricTags.from_dict(_tags)




        def _parse_server(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        server = _parse_server(d.pop("server", UNSET))


        custom_metric = cls(
            id=id,
            name=name,
            value=value,
            unit=unit,
            timestamp=timestamp,
            tags=tags,
            server=server,
        )


        custom_metric.additional_properties = d
        return custom_metric

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
