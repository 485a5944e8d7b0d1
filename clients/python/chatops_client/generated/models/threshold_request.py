from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.operator_enum import check_operator_enum
from ..models.operator_enum import OperatorEnum
from ..models.scope_enum import check_scope_enum
from ..models.scope_enum import ScopeEnum
from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ThresholdRequest")



@_attrs_define
class ThresholdRequest:
    """ 
        Attributes:
            name (str):
            metric (str): A metric the agent reports (cpu_percent, disk_percent:/home, …) or a custom metric: one GET
                /metrics/catalog lists, unless metric_expected is set.
            operator (OperatorEnum): * `>` - greater than
                * `>=` - greater than or equal
                * `<` - less than
                * `<=` - less than or equal
            value (float):
            metric_expected (bool | Unset): Take a metric nothing reports yet (a script or a device to come). Without it, a
                name no server or script reports is refused: it would never fire.
            duration_seconds (int | Unset): How long the condition must hold before the alert fires (0: at once).
            clear_value (float | None | Unset): Hysteresis: a firing alert resolves only once the value is back past this
                (below it for > and >=, above it for < and <=). Null: past `value`.
            severity (SeverityEnum | Unset): * `info` - Info
                * `warning` - Warning
                * `critical` - Critical
            scope (ScopeEnum | Unset): * `server` - One server
                * `tag` - Servers with a tag
                * `all` - Every server
            server (int | None | Unset): The server watched, with scope `server`.
            tag (None | str | Unset): With scope `tag`: every server with this tag, including those tagged later.
            enabled (bool | Unset):
            repeat_interval_seconds (int | Unset): Notify again this often while firing and unacknowledged (0: once).
     """

    name: str
    metric: str
    operator: OperatorEnum
    value: float
    metric_expected: bool | Unset = UNSET
    duration_seconds: int | Unset = UNSET
    clear_value: float | None | Unset = UNSET
    severity: SeverityEnum | Unset = UNSET
    scope: ScopeEnum | Unset = UNSET
    server: int | None | Unset = UNSET
    tag: None | str | Unset = UNSET
    enabled: bool | Unset = UNSET
    repeat_interval_seconds: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        metric = self.metric

        operator: str = self.operator

        value = self.value

        metric_expected = self.metric_expected

        duration_seconds = self.duration_seconds

        clear_value: float | None | Unset
        if isinstance(self.clear_value, Unset):
            clear_value = UNSET
        else:
            clear_value = self.clear_value

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity


        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope


        server: int | None | Unset
        if isinstance(self.server, Unset):
            server = UNSET
        else:
            server = self.server

        tag: None | str | Unset
        if isinstance(self.tag, Unset):
            tag = UNSET
        else:
            tag = self.tag

        enabled = self.enabled

        repeat_interval_seconds = self.repeat_interval_seconds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "metric": metric,
            "operator": operator,
            "value": value,
        })
        if metric_expected is not UNSET:
            field_dict["metric_expected"] = metric_expected
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if clear_value is not UNSET:
            field_dict["clear_value"] = clear_value
        if severity is not UNSET:
            field_dict["severity"] = severity
        if scope is not UNSET:
            field_dict["scope"] = scope
        if server is not UNSET:
            field_dict["server"] = server
        if tag is not UNSET:
            field_dict["tag"] = tag
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if repeat_interval_seconds is not UNSET:
            field_dict["repeat_interval_seconds"] = repeat_interval_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        metric = d.pop("metric")

        operator = check_operator_enum(d.pop("operator"))




        value = d.pop("value")

        metric_expected = d.pop("metric_expected", UNSET)

        duration_seconds = d.pop("duration_seconds", UNSET)

        def _parse_clear_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        clear_value = _parse_clear_value(d.pop("clear_value", UNSET))


        _severity = d.pop("severity", UNSET)
        severity: SeverityEnum | Unset
        if isinstance(_severity,  Unset):
            severity = UNSET
        else:
            severity = check_severity_enum(_severity)




        _scope = d.pop("scope", UNSET)
        scope: ScopeEnum | Unset
        if isinstance(_scope,  Unset):
            scope = UNSET
        else:
            scope = check_scope_enum(_scope)




        def _parse_server(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        server = _parse_server(d.pop("server", UNSET))


        def _parse_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tag = _parse_tag(d.pop("tag", UNSET))


        enabled = d.pop("enabled", UNSET)

        repeat_interval_seconds = d.pop("repeat_interval_seconds", UNSET)

        threshold_request = cls(
            name=name,
            metric=metric,
            operator=operator,
            value=value,
            metric_expected=metric_expected,
            duration_seconds=duration_seconds,
            clear_value=clear_value,
            severity=severity,
            scope=scope,
            server=server,
            tag=tag,
            enabled=enabled,
            repeat_interval_seconds=repeat_interval_seconds,
        )


        threshold_request.additional_properties = d
        return threshold_request

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
