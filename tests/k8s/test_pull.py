"""Pull: a registered cluster polled by the hub through the official client, against kmock."""

from __future__ import annotations

import pytest
from django.utils import timezone

from alerts.models import Alert, AlertKind, AlertStatus
from k8s import alerting, services
from k8s.models import Cluster, ClusterSample, Node, Pod
from tests.k8s.conftest import register
from tests.k8s.emulator import Cluster as Emulator

pytestmark = pytest.mark.django_db


def test_a_poll_stores_nodes_pods_namespaces_and_usage(pulled):
    assert (pulled.node_count, pulled.pod_count, pulled.namespace_count) == (2, 4, 3)
    assert pulled.version == "v1.30.2"
    assert pulled.metrics_available is True
    assert pulled.namespaces == ["default", "kube-system", "shop"]
    node = Node.objects.get(cluster=pulled, name="node-1")
    # 1500m of 4 cores, 2Gi of 8Gi: parsed by kubernetes.utils.parse_quantity.
    assert (node.cpu, node.cpu_percent, node.memory, node.memory_percent) == (1.5, 37.5, 2 * 1024**3, 25.0)
    assert node.pods == 3
    web = Pod.objects.get(cluster=pulled, name="web-1")
    assert (web.cpu_millicores, web.memory_mib, web.restarts, web.ready) == (100.0, 128.0, 1, True)
    sample = ClusterSample.objects.get(cluster=pulled)
    assert sample.phases == {"Running": 3, "Pending": 1}
    assert sample.cpu == pytest.approx(1.75)


def test_a_node_not_ready_makes_the_cluster_degraded(pulled):
    assert pulled.nodes_not_ready == 1
    assert pulled.health() == "degraded"


def test_without_metrics_server_usage_is_null_and_nothing_fails(admin, teams):
    emulator = Emulator()  # no metrics.k8s.io at all: its API answers 404
    try:
        emulator.node("solo")
        emulator.namespace("default")
        emulator.pod("default", "app-1", node="solo")
        cluster = register(admin, emulator.url, name="bare")
        assert services.poll(cluster.pk)
        cluster.refresh_from_db()
        assert cluster.metrics_available is False and cluster.metrics_note == "no metrics-server"
        assert cluster.health() == "healthy"
        assert Node.objects.get(cluster=cluster).cpu_percent is None
        assert Pod.objects.get(cluster=cluster).cpu_millicores is None
        assert ClusterSample.objects.get(cluster=cluster).cpu is None
    finally:
        emulator.stop()


def test_metrics_server_answering_503_degrades_to_null_usage(admin, teams):
    emulator = Emulator()
    try:
        emulator.node("solo")
        emulator.metrics_unavailable(503)
        cluster = register(admin, emulator.url, name="broken-metrics")
        assert services.poll(cluster.pk)
        cluster.refresh_from_db()
        assert cluster.metrics_available is False
        assert cluster.last_error == ""
        assert Node.objects.get(cluster=cluster).cpu is None
        assert any("metrics.k8s.io" in str(r.url) for r in emulator.kmock)
    finally:
        emulator.stop()


def test_a_cluster_that_stops_answering_turns_unreachable_and_alerts(pulled, emulator, settings):
    emulator.stop()
    assert services.poll(pulled.pk) is False
    pulled.refresh_from_db()
    assert "cannot be reached" in pulled.last_error
    assert pulled.health() == "degraded"  # the last snapshot is still recent
    later = timezone.now() + timezone.timedelta(seconds=settings.K8S_UNREACHABLE_SECONDS + 1)
    assert pulled.health(later) == "unreachable"
    assert alerting.evaluate_unreachable(later) == {"raised": 1}
    alert = Alert.objects.get(kind=AlertKind.K8S_UNREACHABLE)
    assert alert.server_id == pulled.server_id and "cannot be reached" in alert.message
    assert alerting.evaluate_unreachable(later) == {"raised": 0}  # one open alert, not two


def test_the_next_snapshot_resolves_the_unreachable_alert(pulled, settings):
    later = timezone.now() + timezone.timedelta(seconds=settings.K8S_UNREACHABLE_SECONDS + 1)
    alerting.evaluate_unreachable(later)
    assert services.poll(pulled.pk)
    alert = Alert.objects.get(kind=AlertKind.K8S_UNREACHABLE)
    assert alert.status == AlertStatus.RESOLVED and alert.resolve_comment == "the cluster answers again"


def test_poll_due_claims_registered_clusters_once(pulled):
    Cluster.objects.filter(pk=pulled.pk).update(next_poll_at=timezone.now())
    assert services.poll_due() == {"polled": 1, "failed": 0}
    assert services.poll_due() == {"polled": 0, "failed": 0}  # next poll in poll_interval_seconds
    assert ClusterSample.objects.filter(cluster=pulled).count() == 2


def test_a_private_api_server_is_refused_unless_allowed(admin, emulator, settings, teams):
    settings.K8S_ALLOW_PRIVATE = False
    from rest_framework.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        register(admin, emulator.url)
    assert "public" in str(refused.value.detail)
    assert not Cluster.objects.exists()


def test_the_guard_refuses_at_poll_time_too(pulled, settings):
    settings.K8S_ALLOW_PRIVATE = False
    assert services.poll(pulled.pk) is False
    pulled.refresh_from_db()
    assert "public" in pulled.last_error


def test_a_kubeconfig_works_like_a_token(admin, emulator, teams):
    kubeconfig = f"""
apiVersion: v1
kind: Config
current-context: lab
clusters: [{{name: lab, cluster: {{server: "{emulator.url}"}}}}]
users: [{{name: bot, user: {{token: kube-token}}}}]
contexts: [{{name: lab, context: {{cluster: lab, user: bot}}}}]
"""
    from accounts.actor import Actor

    cluster = services.register_cluster(Actor.for_user(admin, "api"), name="by-kubeconfig", kubeconfig=kubeconfig,
                                        tags=["prod"])  # fmt: skip
    assert services.poll(cluster.pk)
    cluster.refresh_from_db()
    assert cluster.node_count == 2
    # Encrypted at rest: the column holds a Fernet token, not the text.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT kubeconfig, token FROM k8s_cluster WHERE id = %s", [cluster.pk])
        stored_kubeconfig, _ = cursor.fetchone()
    assert stored_kubeconfig.startswith("gAAAAA") and "kube-token" not in stored_kubeconfig
    assert any(r.headers.get("Authorization") == "Bearer kube-token" for r in emulator.kmock)
