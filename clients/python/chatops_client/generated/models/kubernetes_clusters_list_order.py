from typing import Literal

KubernetesClustersListOrder = Literal['asc', 'desc']

KUBERNETES_CLUSTERS_LIST_ORDER_VALUES: set[KubernetesClustersListOrder] = { 'asc', 'desc',  }

def check_kubernetes_clusters_list_order(value: str) -> KubernetesClustersListOrder:
    if value in KUBERNETES_CLUSTERS_LIST_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KUBERNETES_CLUSTERS_LIST_ORDER_VALUES!r}")
