from typing import Literal

KubernetesClustersListSort = Literal['created_at', 'last_snapshot_at', 'name']

KUBERNETES_CLUSTERS_LIST_SORT_VALUES: set[KubernetesClustersListSort] = { 'created_at', 'last_snapshot_at', 'name',  }

def check_kubernetes_clusters_list_sort(value: str) -> KubernetesClustersListSort:
    if value in KUBERNETES_CLUSTERS_LIST_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KUBERNETES_CLUSTERS_LIST_SORT_VALUES!r}")
