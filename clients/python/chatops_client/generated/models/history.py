from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.history_source_enum import check_history_source_enum
from ..models.history_source_enum import HistorySourceEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.history_point import HistoryPoint





T = TypeVar("T", bound="History")



@_attrs_define
class History:
    """ 
        Attributes:
            server_id (int):
            metric (str):
            start (datetime.datetime):
            end (datetime.datetime):
            source (HistorySourceEnum): * `raw` - raw
                * `1m` - 1m
                * `1h` - 1h
            bucket_seconds (int):
            points (list[HistoryPoint] | Unset):
     """

    server_id: int
    metric: str
    start: datetime.datetime
    end: datetime.datetime
    source: HistorySourceEnum
    bucket_seconds: int
    points: list[HistoryPoint] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.history_point import HistoryPoint # noqa: PLC0415
        server_id = self.server_id

        metric = self.metric

        start = self.start.isoformat()

        end = self.end.isoformat()

        source: str = self.source

        bucket_seconds = self.bucket_seconds

        points: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.points, Unset):
            points = []
            for points_item_data in self.points:
                points_item = points_item_data.to_dict()
                points.append(points_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "server_id": server_id,
            "metric": metric,
            "start": start,
            "end": end,
            "source": source,
            "bucket_seconds": bucket_seconds,
        })
        if points is not UNSET:
            field_dict["points"] = points

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_point import HistoryPoint # noqa: PLC0415
        d = dict(src_dict)
        server_id = d.pop("server_id")

        metric = d.pop("metric")

        start = datetime.datetime.fromisoformat(d.pop("start"))




        end = datetime.datetime.fromisoformat(d.pop("end"))




        source = check_history_source_enum(d.pop("source"))




        bucket_seconds = d.pop("bucket_seconds")

        _points = d.pop("points", UNSET)
        points: list[HistoryPoint] | Unset = UNSET
        if _points is not UNSET:
            points = []
            for points_item_data in _points:
                points_item = HistoryPoint.from_dict(points_item_data)



                points.append(points_item)


        history = cls(
            server_id=server_id,
            metric=metric,
            start=start,
            end=end,
            source=source,
            bucket_seconds=bucket_seconds,
            points=points,
        )


        history.additional_properties = d
        return history

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
