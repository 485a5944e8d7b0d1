from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mode_enum import check_mode_enum
from ..models.mode_enum import ModeEnum
from ..models.status_200_enum import check_status_200_enum
from ..models.status_200_enum import Status200Enum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.sample import Sample





T = TypeVar("T", bound="ClusterDetail")



@_attrs_define
class ClusterDetail:
    """ 
        Attributes:
            name (str):
            mode (ModeEnum): * `push` - Pushed by an agent in the cluster
                * `pull` - Polled by the hub
            version (str):
            status (Status200Enum): * `healthy` - Healthy
                * `degraded` - Degraded
                * `unreachable` - Unreachable
            nodes (int):
            pods (int):
            namespaces (int):
            nodes_not_ready (int):
            pods_failing (int):
            metrics_available (bool | None):
            metrics_note (str): "no metrics-server" where usage is unavailable.
            actions_enabled (bool):
            last_snapshot_at (datetime.datetime | None):
            last_error (str):
            server_id (int):
            tags (list[str]): The tags of the cluster's server: teams see the cluster through them.
            created_at (datetime.datetime):
            namespace_names (list[str]):
            api_url (str): Pull: the API server (admins only; else empty).
            has_kubeconfig (bool):
            has_token (bool):
            poll_interval_seconds (int):
            history (list[Sample]):
     """

    name: str
    mode: ModeEnum
    version: str
    status: Status200Enum
    nodes: int
    pods: int
    namespaces: int
    nodes_not_ready: int
    pods_failing: int
    metrics_available: bool | None
    metrics_note: str
    actions_enabled: bool
    last_snapshot_at: datetime.datetime | None
    last_error: str
    server_id: int
    tags: list[str]
    created_at: datetime.datetime
    namespace_names: list[str]
    api_url: str
    has_kubeconfig: bool
    has_token: bool
    poll_interval_seconds: int
    history: list[Sample]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sample import Sample # noqa: PLC0415
        name = self.name

        mode: str = self.mode

        version = self.version

        status: str = self.status

        nodes = self.nodes

        pods = self.pods

        namespaces = self.namespaces

        nodes_not_ready = self.nodes_not_ready

        pods_failing = self.pods_failing

        metrics_available: bool | None
        metrics_available = self.metrics_available

        metrics_note = self.metrics_note

        actions_enabled = self.actions_enabled

        last_snapshot_at: None | str
        if isinstance(self.last_snapshot_at, datetime.datetime):
            last_snapshot_at = self.last_snapshot_at.isoformat()
        else:
            last_snapshot_at = self.last_snapshot_at

        last_error = self.last_error

        server_id = self.server_id

        tags = self.tags



        created_at = self.created_at.isoformat()

        namespace_names = self.namespace_names



        api_url = self.api_url

        has_kubeconfig = self.has_kubeconfig

        has_token = self.has_token

        poll_interval_seconds = self.poll_interval_seconds

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "mode": mode,
            "version": version,
            "status": status,
            "nodes": nodes,
            "pods": pods,
            "namespaces": namespaces,
            "nodes_not_ready": nodes_not_ready,
            "pods_failing": pods_failing,
            "metrics_available": metrics_available,
            "metrics_note": metrics_note,
            "actions_enabled": actions_enabled,
            "last_snapshot_at": last_snapshot_at,
            "last_error": last_error,
            "server_id": server_id,
            "tags": tags,
            "created_at": created_at,
            "namespace_names": namespace_names,
            "api_url": api_url,
            "has_kubeconfig": has_kubeconfig,
            "has_token": has_token,
            "poll_interval_seconds": poll_interval_seconds,
            "history": history,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sample import Sample # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        mode = check_mode_enum(d.pop("mode"))




        version = d.pop("version")

        status = check_status_200_enum(d.pop("status"))




        nodes = d.pop("nodes")

        pods = d.pop("pods")

        namespaces = d.pop("namespaces")

        nodes_not_ready = d.pop("nodes_not_ready")

        pods_failing = d.pop("pods_failing")

        def _parse_metrics_available(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        metrics_available = _parse_metrics_available(d.pop("metrics_available"))


        metrics_note = d.pop("metrics_note")

        actions_enabled = d.pop("actions_enabled")

        def _parse_last_snapshot_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_snapshot_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_snapshot_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_snapshot_at = _parse_last_snapshot_at(d.pop("last_snapshot_at"))


        last_error = d.pop("last_error")

        server_id = d.pop("server_id")

        tags = cast(list[str], d.pop("tags"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        namespace_names = cast(list[str], d.pop("namespace_names"))


        api_url = d.pop("api_url")

        has_kubeconfig = d.pop("has_kubeconfig")

        has_token = d.pop("has_token")

        poll_interval_seconds = d.pop("poll_interval_seconds")

        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = Sample.from_dict(history_item_data)



            history.append(history_item)


        cluster_detail = cls(
            name=name,
            mode=mode,
            version=version,
            status=status,
            nodes=nodes,
            pods=pods,
            namespaces=namespaces,
            nodes_not_ready=nodes_not_ready,
            pods_failing=pods_failing,
            metrics_available=metrics_available,
            metrics_note=metrics_note,
            actions_enabled=actions_enabled,
            last_snapshot_at=last_snapshot_at,
            last_error=last_error,
            server_id=server_id,
            tags=tags,
            created_at=created_at,
            namespace_names=namespace_names,
            api_url=api_url,
            has_kubeconfig=has_kubeconfig,
            has_token=has_token,
            poll_interval_seconds=poll_interval_seconds,
            history=history,
        )


        cluster_detail.additional_properties = d
        return cluster_detail

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
