from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.latest_sample_values import LatestSampleValues





T = TypeVar("T", bound="LatestSample")



@_attrs_define
class LatestSample:
    """ 
        Attributes:
            server_id (int):
            ts (datetime.datetime | None): null until the agent sent a sample.
            age_seconds (float | None): How old the sample is.
            values (LatestSampleValues):
            top (Any): Top processes by CPU and by memory.
     """

    server_id: int
    ts: datetime.datetime | None
    age_seconds: float | None
    values: LatestSampleValues
    top: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.latest_sample_values import LatestSampleValues # noqa: PLC0415
        server_id = self.server_id

        ts: None | str
        if isinstance(self.ts, datetime.datetime):
            ts = self.ts.isoformat()
        else:
            ts = self.ts

        age_seconds: float | None
        age_seconds = self.age_seconds

        values = self.values.to_dict()

        top = self.top


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "server_id": server_id,
            "ts": ts,
            "age_seconds": age_seconds,
            "values": values,
            "top": top,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.latest_sample_values import LatestSampleValues # noqa: PLC0415
        d = dict(src_dict)
        server_id = d.pop("server_id")

        def _parse_ts(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ts_type_0 = datetime.datetime.fromisoformat(data)



                return ts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ts = _parse_ts(d.pop("ts"))


        def _parse_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        age_seconds = _parse_age_seconds(d.pop("age_seconds"))


        values = LatestSampleValues.from_dict(d.pop("values"))




        top = d.pop("top")

        latest_sample = cls(
            server_id=server_id,
            ts=ts,
            age_seconds=age_seconds,
            values=values,
            top=top,
        )


        latest_sample.additional_properties = d
        return latest_sample

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
