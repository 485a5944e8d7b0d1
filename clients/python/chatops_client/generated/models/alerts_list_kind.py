from typing import Literal

AlertsListKind = Literal['k8s.node_not_ready', 'k8s.pod_failing', 'k8s.unreachable', 'server.offline', 'threshold']

ALERTS_LIST_KIND_VALUES: set[AlertsListKind] = { 'k8s.node_not_ready', 'k8s.pod_failing', 'k8s.unreachable', 'server.offline', 'threshold',  }

def check_alerts_list_kind(value: str) -> AlertsListKind:
    if value in ALERTS_LIST_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALERTS_LIST_KIND_VALUES!r}")
