from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.diagnostic import Diagnostic
  from ..models.dora_bucket import DoraBucket
  from ..models.dora_figures import DoraFigures
  from ..models.dora_service import DoraService





T = TypeVar("T", bound="Dora")



@_attrs_define
class Dora:
    """ 
        Attributes:
            deployments (int): Finished deployments.
            successful_deployments (int):
            failures (int):
            deployment_frequency (float | None): Successful deployments per day.
            lead_time (float | None): Median seconds, first commit to deployment.
            change_failure_rate (float | None): 0 to 1.
            time_to_restore (float | None): Median seconds.
            start (datetime.datetime):
            end (datetime.datetime):
            environment (str):
            service (None | str):
            failure_window_minutes (int):
            previous (DoraFigures):
            trend (list[DoraBucket]):
            by_service (list[DoraService]):
            diagnostics (list[Diagnostic]):
     """

    deployments: int
    successful_deployments: int
    failures: int
    deployment_frequency: float | None
    lead_time: float | None
    change_failure_rate: float | None
    time_to_restore: float | None
    start: datetime.datetime
    end: datetime.datetime
    environment: str
    service: None | str
    failure_window_minutes: int
    previous: DoraFigures
    trend: list[DoraBucket]
    by_service: list[DoraService]
    diagnostics: list[Diagnostic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.diagnostic import Diagnostic # noqa: PLC0415
        from ..models.dora_bucket import DoraBucket # noqa: PLC0415
        from ..models.dora_figures import DoraFigures # noqa: PLC0415
        from ..models.dora_service import DoraService # noqa: PLC0415
        deployments = self.deployments

        successful_deployments = self.successful_deployments

        failures = self.failures

        deployment_frequency: float | None
        deployment_frequency = self.deployment_frequency

        lead_time: float | None
        lead_time = self.lead_time

        change_failure_rate: float | None
        change_failure_rate = self.change_failure_rate

        time_to_restore: float | None
        time_to_restore = self.time_to_restore

        start = self.start.isoformat()

        end = self.end.isoformat()

        environment = self.environment

        service: None | str
        service = self.service

        failure_window_minutes = self.failure_window_minutes

        previous = self.previous.to_dict()

        trend = []
        for trend_item_data in self.trend:
            trend_item = trend_item_data.to_dict()
            trend.append(trend_item)



        by_service = []
        for by_service_item_data in self.by_service:
            by_service_item = by_service_item_data.to_dict()
            by_service.append(by_service_item)



        diagnostics = []
        for diagnostics_item_data in self.diagnostics:
            diagnostics_item = diagnostics_item_data.to_dict()
            diagnostics.append(diagnostics_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deployments": deployments,
            "successful_deployments": successful_deployments,
            "failures": failures,
            "deployment_frequency": deployment_frequency,
            "lead_time": lead_time,
            "change_failure_rate": change_failure_rate,
            "time_to_restore": time_to_restore,
            "start": start,
            "end": end,
            "environment": environment,
            "service": service,
            "failure_window_minutes": failure_window_minutes,
            "previous": previous,
            "trend": trend,
            "by_service": by_service,
            "diagnostics": diagnostics,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diagnostic import Diagnostic # noqa: PLC0415
        from ..models.dora_bucket import DoraBucket # noqa: PLC0415
        from ..models.dora_figures import DoraFigures # noqa: PLC0415
        from ..models.dora_service import DoraService # noqa: PLC0415
        d = dict(src_dict)
        deployments = d.pop("deployments")

        successful_deployments = d.pop("successful_deployments")

        failures = d.pop("failures")

        def _parse_deployment_frequency(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        deployment_frequency = _parse_deployment_frequency(d.pop("deployment_frequency"))


        def _parse_lead_time(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lead_time = _parse_lead_time(d.pop("lead_time"))


        def _parse_change_failure_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change_failure_rate = _parse_change_failure_rate(d.pop("change_failure_rate"))


        def _parse_time_to_restore(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        time_to_restore = _parse_time_to_restore(d.pop("time_to_restore"))


        start = datetime.datetime.fromisoformat(d.pop("start"))




        end = datetime.datetime.fromisoformat(d.pop("end"))




        environment = d.pop("environment")

        def _parse_service(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service = _parse_service(d.pop("service"))


        failure_window_minutes = d.pop("failure_window_minutes")

        previous = DoraFigures.from_dict(d.pop("previous"))




        trend = []
        _trend = d.pop("trend")
        for trend_item_data in (_trend):
            trend_item = DoraBucket.from_dict(trend_item_data)



            trend.append(trend_item)


        by_service = []
        _by_service = d.pop("by_service")
        for by_service_item_data in (_by_service):
            by_service_item = DoraService.from_dict(by_service_item_data)



            by_service.append(by_service_item)


        diagnostics = []
        _diagnostics = d.pop("diagnostics")
        for diagnostics_item_data in (_diagnostics):
            diagnostics_item = Diagnostic.from_dict(diagnostics_item_data)



            diagnostics.append(diagnostics_item)


        dora = cls(
            deployments=deployments,
            successful_deployments=successful_deployments,
            failures=failures,
            deployment_frequency=deployment_frequency,
            lead_time=lead_time,
            change_failure_rate=change_failure_rate,
            time_to_restore=time_to_restore,
            start=start,
            end=end,
            environment=environment,
            service=service,
            failure_window_minutes=failure_window_minutes,
            previous=previous,
            trend=trend,
            by_service=by_service,
            diagnostics=diagnostics,
        )


        dora.additional_properties = d
        return dora

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
