from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DoraService")



@_attrs_define
class DoraService:
    """ 
        Attributes:
            deployments (int): Finished deployments.
            successful_deployments (int):
            failures (int):
            deployment_frequency (float | None): Successful deployments per day.
            lead_time (float | None): Median seconds, first commit to deployment.
            change_failure_rate (float | None): 0 to 1.
            time_to_restore (float | None): Median seconds.
            service (str):
            environment (str):
     """

    deployments: int
    successful_deployments: int
    failures: int
    deployment_frequency: float | None
    lead_time: float | None
    change_failure_rate: float | None
    time_to_restore: float | None
    service: str
    environment: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
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

        service = self.service

        environment = self.environment


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
            "service": service,
            "environment": environment,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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


        service = d.pop("service")

        environment = d.pop("environment")

        dora_service = cls(
            deployments=deployments,
            successful_deployments=successful_deployments,
            failures=failures,
            deployment_frequency=deployment_frequency,
            lead_time=lead_time,
            change_failure_rate=change_failure_rate,
            time_to_restore=time_to_restore,
            service=service,
            environment=environment,
        )


        dora_service.additional_properties = d
        return dora_service

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
