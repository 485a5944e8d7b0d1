from typing import Literal

KindF7FEnum = Literal['k8s.node_not_ready', 'k8s.pod_failing', 'k8s.unreachable', 'server.offline', 'threshold']

KIND_F7F_ENUM_VALUES: set[KindF7FEnum] = { 'k8s.node_not_ready', 'k8s.pod_failing', 'k8s.unreachable', 'server.offline', 'threshold',  }

def check_kind_f7f_enum(value: str) -> KindF7FEnum:
    if value in KIND_F7F_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KIND_F7F_ENUM_VALUES!r}")
