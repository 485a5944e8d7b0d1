from typing import Literal

KindsEnum = Literal['k8s.node_not_ready', 'k8s.pod_failing', 'k8s.unreachable', 'server.offline', 'threshold']

KINDS_ENUM_VALUES: set[KindsEnum] = { 'k8s.node_not_ready', 'k8s.pod_failing', 'k8s.unreachable', 'server.offline', 'threshold',  }

def check_kinds_enum(value: str) -> KindsEnum:
    if value in KINDS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KINDS_ENUM_VALUES!r}")
