from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.catalog_entry_kind_enum import CatalogEntryKindEnum
from ..models.catalog_entry_kind_enum import check_catalog_entry_kind_enum
from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_entry_tag_sets_item import CatalogEntryTagSetsItem





T = TypeVar("T", bound="CatalogEntry")



@_attrs_define
class CatalogEntry:
    """ 
        Attributes:
            name (str): What a threshold's `metric` names.
            label (str): For people: 'Disk used (/home)'; a custom metric's own name.
            unit (str): '%', 'bytes', 'bytes/s', 's', '°C', a custom unit, or '' (a plain number).
            kind (CatalogEntryKindEnum): * `server` - server
                * `custom` - custom
            servers (int): Server metrics: how many servers report it now. Custom: servers its points name (0: no threshold
                can fire on it, thresholds watch servers).
            tag_sets (list[CatalogEntryTagSetsItem]): Custom metrics: the distinct tag sets of its points (at most 50).
                Server metrics: [].
     """

    name: str
    label: str
    unit: str
    kind: CatalogEntryKindEnum
    servers: int
    tag_sets: list[CatalogEntryTagSetsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_entry_tag_sets_item import CatalogEntryTagSetsItem # noqa: PLC0415
        name = self.name

        label = self.label

        unit = self.unit

        kind: str = self.kind

        servers = self.servers

        tag_sets = []
        for tag_sets_item_data in self.tag_sets:
            tag_sets_item = tag_sets_item_data.to_dict()
            tag_sets.append(tag_sets_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "label": label,
            "unit": unit,
            "kind": kind,
            "servers": servers,
            "tag_sets": tag_sets,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_entry_tag_sets_item import CatalogEntryTagSetsItem # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        unit = d.pop("unit")

        kind = check_catalog_entry_kind_enum(d.pop("kind"))




        servers = d.pop("servers")

        tag_sets = []
        _tag_sets = d.pop("tag_sets")
        for tag_sets_item_data in (_tag_sets):
            tag_sets_item = CatalogEntryTagSetsItem.from_dict(tag_sets_item_data)



            tag_sets.append(tag_sets_item)


        catalog_entry = cls(
            name=name,
            label=label,
            unit=unit,
            kind=kind,
            servers=servers,
            tag_sets=tag_sets,
        )


        catalog_entry.additional_properties = d
        return catalog_entry

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
