from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.category_route import CategoryRoute
  from ..models.pagination import Pagination





T = TypeVar("T", bound="PaginatedCategoryRouteList")



@_attrs_define
class PaginatedCategoryRouteList:
    """ 
        Attributes:
            data (list[CategoryRoute]):
            message (str):
            pagination (Pagination):
     """

    data: list[CategoryRoute]
    message: str
    pagination: Pagination
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.category_route import CategoryRoute # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        message = self.message

        pagination = self.pagination.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "message": message,
            "pagination": pagination,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_route import CategoryRoute # noqa: PLC0415
        from ..models.pagination import Pagination # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = CategoryRoute.from_dict(data_item_data)



            data.append(data_item)


        message = d.pop("message")

        pagination = Pagination.from_dict(d.pop("pagination"))




        paginated_category_route_list = cls(
            data=data,
            message=message,
            pagination=pagination,
        )


        paginated_category_route_list.additional_properties = d
        return paginated_category_route_list

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
