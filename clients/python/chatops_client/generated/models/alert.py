from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alert_status_enum import AlertStatusEnum
from ..models.alert_status_enum import check_alert_status_enum
from ..models.kind_f7f_enum import check_kind_f7f_enum
from ..models.kind_f7f_enum import KindF7FEnum
from ..models.severity_enum import check_severity_enum
from ..models.severity_enum import SeverityEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Alert")



@_attrs_define
class Alert:
    """ 
        Attributes:
            id (int):
            kind (KindF7FEnum): * `threshold` - Threshold
                * `server.offline` - Server offline
                * `k8s.node_not_ready` - Kubernetes node not Ready
                * `k8s.pod_failing` - Kubernetes pod crash-looping or restarting
                * `k8s.unreachable` - Kubernetes cluster unreachable Default: 'threshold'.
            threshold (int | None):
            name (str):
            server (int):
            server_name (str):
            metric (str):
            metric_label (str): The metric for people ('' for a silent server).
            metric_unit (str): The unit of value, peak_value and threshold_value.
            operator (str):
            threshold_value (float | None):
            severity (SeverityEnum): * `info` - Info
                * `warning` - Warning
                * `critical` - Critical
            status (AlertStatusEnum): * `firing` - Firing
                * `acknowledged` - Acknowledged
                * `resolved` - Resolved Default: 'firing'.
            value (float | None): The value when the alert fired.
            peak_value (float | None):
            message (str):
            started_at (datetime.datetime): When the condition began (the breach, or the silence).
            fired_at (datetime.datetime):
            acknowledged_at (datetime.datetime | None):
            acknowledged_by (None | str):
            ack_comment (str):
            resolved_at (datetime.datetime | None):
            resolved_by (None | str):
            resolve_comment (str):
            last_notified_at (datetime.datetime | None):
            notifications_sent (int):
            silenced (bool): A silence holds it: it is not sent to people (routes, alert emails) while it does.
            silence (int | None): The silence that holds it (GET /silences/{id}), or null.
     """

    id: int
    threshold: int | None
    name: str
    server: int
    server_name: str
    metric: str
    metric_label: str
    metric_unit: str
    operator: str
    threshold_value: float | None
    severity: SeverityEnum
    value: float | None
    peak_value: float | None
    message: str
    started_at: datetime.datetime
    fired_at: datetime.datetime
    acknowledged_at: datetime.datetime | None
    acknowledged_by: None | str
    ack_comment: str
    resolved_at: datetime.datetime | None
    resolved_by: None | str
    resolve_comment: str
    last_notified_at: datetime.datetime | None
    notifications_sent: int
    silenced: bool
    silence: int | None
    kind: KindF7FEnum = 'threshold'
    status: AlertStatusEnum = 'firing'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: str = self.kind

        threshold: int | None
        threshold = self.threshold

        name = self.name

        server = self.server

        server_name = self.server_name

        metric = self.metric

        metric_label = self.metric_label

        metric_unit = self.metric_unit

        operator = self.operator

        threshold_value: float | None
        threshold_value = self.threshold_value

        severity: str = self.severity

        status: str = self.status

        value: float | None
        value = self.value

        peak_value: float | None
        peak_value = self.peak_value

        message = self.message

        started_at = self.started_at.isoformat()

        fired_at = self.fired_at.isoformat()

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledged_by: None | str
        acknowledged_by = self.acknowledged_by

        ack_comment = self.ack_comment

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: None | str
        resolved_by = self.resolved_by

        resolve_comment = self.resolve_comment

        last_notified_at: None | str
        if isinstance(self.last_notified_at, datetime.datetime):
            last_notified_at = self.last_notified_at.isoformat()
        else:
            last_notified_at = self.last_notified_at

        notifications_sent = self.notifications_sent

        silenced = self.silenced

        silence: int | None
        silence = self.silence


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "threshold": threshold,
            "name": name,
            "server": server,
            "server_name": server_name,
            "metric": metric,
            "metric_label": metric_label,
            "metric_unit": metric_unit,
            "operator": operator,
            "threshold_value": threshold_value,
            "severity": severity,
            "status": status,
            "value": value,
            "peak_value": peak_value,
            "message": message,
            "started_at": started_at,
            "fired_at": fired_at,
            "acknowledged_at": acknowledged_at,
            "acknowledged_by": acknowledged_by,
            "ack_comment": ack_comment,
            "resolved_at": resolved_at,
            "resolved_by": resolved_by,
            "resolve_comment": resolve_comment,
            "last_notified_at": last_notified_at,
            "notifications_sent": notifications_sent,
            "silenced": silenced,
            "silence": silence,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = check_kind_f7f_enum(d.pop("kind"))




        def _parse_threshold(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        threshold = _parse_threshold(d.pop("threshold"))


        name = d.pop("name")

        server = d.pop("server")

        server_name = d.pop("server_name")

        metric = d.pop("metric")

        metric_label = d.pop("metric_label")

        metric_unit = d.pop("metric_unit")

        operator = d.pop("operator")

        def _parse_threshold_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        threshold_value = _parse_threshold_value(d.pop("threshold_value"))


        severity = check_severity_enum(d.pop("severity"))




        status = check_alert_status_enum(d.pop("status"))




        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))


        def _parse_peak_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        peak_value = _parse_peak_value(d.pop("peak_value"))


        message = d.pop("message")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        fired_at = datetime.datetime.fromisoformat(d.pop("fired_at"))




        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)



                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))


        def _parse_acknowledged_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by"))


        ack_comment = d.pop("ack_comment")

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))


        def _parse_resolved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))


        resolve_comment = d.pop("resolve_comment")

        def _parse_last_notified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_notified_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_notified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_notified_at = _parse_last_notified_at(d.pop("last_notified_at"))


        notifications_sent = d.pop("notifications_sent")

        silenced = d.pop("silenced")

        def _parse_silence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        silence = _parse_silence(d.pop("silence"))


        alert = cls(
            id=id,
            kind=kind,
            threshold=threshold,
            name=name,
            server=server,
            server_name=server_name,
            metric=metric,
            metric_label=metric_label,
            metric_unit=metric_unit,
            operator=operator,
            threshold_value=threshold_value,
            severity=severity,
            status=status,
            value=value,
            peak_value=peak_value,
            message=message,
            started_at=started_at,
            fired_at=fired_at,
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            ack_comment=ack_comment,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            resolve_comment=resolve_comment,
            last_notified_at=last_notified_at,
            notifications_sent=notifications_sent,
            silenced=silenced,
            silence=silence,
        )


        alert.additional_properties = d
        return alert

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
