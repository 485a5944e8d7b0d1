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






T = TypeVar("T", bound="PatchedThresholdRequest")



@_attrs_define
class PatchedThresholdRequest:
    """ 
        Attributes:
            name (str | Unset):
            metric (str | Unset): A metric the agent reports (cpu_percent, disk_percent:/home, …) or a custom metric: one
                GET /metrics/catalog lists, unless metric_expected is set.
            metric_expected (bool | Unset): Take a metric nothing reports yet (a script or a device to come). Without it, a
                name no server or script reports is refused: it would never fire.
            operator (OperatorEnum | Unset): * `>` - greater than
                * `>=` - greater than or equal
                * `<` - less than
                * `<=` - less than or equal
            value (float | Unset):
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

    name: str | Unset = UNSET
    metric: str | Unset = UNSET
    metric_expected: bool | Unset = UNSET
    operator: OperatorEnum | Unset = UNSET
    value: float | Unset = UNSET
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

        metric_expected = self.metric_expected

        operator: str | Unset = UNSET
        if not isinstance(self.operator, Unset):
            operator = self.operator


        value = self.value

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
        })
        if name is not UNSET:
            field_dict["name"] = name
        if metric is not UNSET:
            field_dict["metric"] = metric
        if metric_expected is not UNSET:
            field_dict["metric_expected"] = metric_expected
        if operator is not UNSET:
            field_dict["operator"] = operator
        if value is not UNSET:
            field_dict["value"] = value
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
        name = d.pop("name", UNSET)

        metric = d.pop("metric", UNSET)

        metric_expected = d.pop("metric_expected", UNSET)

        _operator = d.pop("operator", UNSET)
        operator: OperatorEnum | Unset
        if isinstance(_operator,  Unset):
            operator = UNSET
        else:
            operator = check_operator_enum(_operator)




        value = d.pop("value", UNSET)

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

        patched_threshold_request = cls(
            name=name,
            metric=metric,
            metric_expected=metric_expected,
            operator=operator,
            value=value,
            duration_seconds=duration_seconds,
            clear_value=clear_value,
            severity=severity,
            scope=scope,
            server=server,
            tag=tag,
            enabled=enabled,
            repeat_interval_seconds=repeat_interval_seconds,
        )


        patched_threshold_request.additional_properties = d
        return patched_threshold_request

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
