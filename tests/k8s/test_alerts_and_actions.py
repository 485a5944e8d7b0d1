"""Built-in alerts (node NotReady, CrashLoopBackOff, restarts in a window) on the alerts app's
lifecycle, and rollout restarts through the registered credentials (pull), against kmock."""

from __future__ import annotations

import pytest

from accounts.actor import Actor
from accounts.models import AuditLog
from alerts.models import Alert, AlertKind, AlertStatus
from alerts.services import acknowledge
from approvals.models import Approval, ApprovalPolicy
from k8s import services
from k8s.actions import ActionsDisabled, request_restart
from k8s.models import RolloutRestart
from tests.helpers import assert_ok
from tests.k8s.emulator import DEPLOYMENTS, RESTARTED_AT_KEY

pytestmark = pytest.mark.django_db


def open_alerts(kind: str) -> list[str]:
    return sorted(a.name for a in Alert.objects.open().filter(kind=kind))


def test_a_node_not_ready_fires_once_and_resolves_when_ready(pulled, emulator):
    assert open_alerts(AlertKind.K8S_NODE_NOT_READY) == ["Node node-2 NotReady"]
    alert = Alert.objects.get(kind=AlertKind.K8S_NODE_NOT_READY)
    assert alert.server_id == pulled.server_id and alert.severity == "warning"
    services.poll(pulled.pk)
    assert Alert.objects.filter(kind=AlertKind.K8S_NODE_NOT_READY).count() == 1  # not raised again
    emulator.node("node-2", ready=True)
    services.poll(pulled.pk)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.RESOLVED and alert.resolve_comment == "recovered"


def test_a_pod_entering_crashloopbackoff_fires_and_can_be_acknowledged(pulled, emulator, operator, settings):
    settings.K8S_RESTART_ALERT_COUNT = 100  # this test is about the status, not the restart count
    assert open_alerts(AlertKind.K8S_POD_FAILING) == []
    emulator.pod("shop", "cart-1", restarts=4, ready=False, waiting="CrashLoopBackOff")
    services.poll(pulled.pk)
    pulled.refresh_from_db()
    assert pulled.pods_failing == 1
    assert open_alerts(AlertKind.K8S_POD_FAILING) == ["Pod shop/cart-1 CrashLoopBackOff"]
    alert = Alert.objects.get(kind=AlertKind.K8S_POD_FAILING)
    assert "CrashLoopBackOff" in alert.message
    acknowledge(Actor.for_user(operator, "api"), alert)  # the alerts app's own lifecycle
    services.poll(pulled.pk)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.ACKNOWLEDGED  # still crashing: stays, acknowledged
    emulator.pod("shop", "cart-1", restarts=4)
    services.poll(pulled.pk)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.RESOLVED


def test_restarting_more_than_n_times_in_m_minutes_fires(pulled, emulator, settings):
    settings.K8S_RESTART_ALERT_COUNT = 3
    emulator.pod("default", "web-1", restarts=3)  # +2 since the first poll
    services.poll(pulled.pk)
    assert open_alerts(AlertKind.K8S_POD_FAILING) == []
    emulator.pod("default", "web-1", restarts=5)  # +4 in the window: more than 3
    services.poll(pulled.pk)
    (alert,) = Alert.objects.open().filter(kind=AlertKind.K8S_POD_FAILING)
    assert alert.name == "Pod default/web-1 restarting" and "restarted 4 times in 10 min" in alert.message


def test_restarts_outside_the_window_do_not_count(pulled, emulator, settings):
    from django.utils import timezone

    settings.K8S_RESTART_ALERT_COUNT = 3
    emulator.pod("default", "web-1", restarts=4)
    services.poll(pulled.pk)
    emulator.pod("default", "web-1", restarts=6)
    later = timezone.now() + timezone.timedelta(minutes=11)
    from chatops_agent import kube
    from k8s.snapshot import parse

    snap = parse(kube.collect(kube.api_client(server=emulator.url, token="t")))
    services.record_snapshot(pulled.pk, snap, now=later)
    assert open_alerts(AlertKind.K8S_POD_FAILING) == []  # only +2 in the last 10 minutes


def test_an_operator_restarts_a_deployment_and_the_patch_is_recorded(operator_client, pulled, emulator):
    response = operator_client.post(
        "/api/v1/kubernetes/clusters/prod-eu/restart", {"namespace": "shop", "deployment": "cart"}, format="json"
    )
    data = assert_ok(response)
    assert data["status"] == "succeeded" and data["requested_by"] == "otto"
    template = emulator.object(DEPLOYMENTS, "shop", "cart")["spec"]["template"]["metadata"]
    assert template["annotations"][RESTARTED_AT_KEY] == data["restarted_at"]
    (patch,) = emulator.requests("PATCH")
    assert str(patch.url).endswith("/apis/apps/v1/namespaces/shop/deployments/cart")
    audit = AuditLog.objects.get(action="kubernetes.rollout_restart")
    assert audit.details["deployment"] == "cart" and audit.details["namespace"] == "shop"


def test_credentials_that_may_not_patch_end_the_restart_failed(operator, pulled, emulator):
    emulator.deny("patch", "/apis/apps/v1/namespaces/shop/deployments/cart")
    row = request_restart(Actor.for_user(operator, "api"), pulled, "shop", "cart")
    assert row.status == RolloutRestart.Status.FAILED and "do not allow" in row.detail


def test_a_missing_deployment_fails_with_its_name(operator, pulled):
    row = request_restart(Actor.for_user(operator, "api"), pulled, "shop", "nope")
    assert row.status == RolloutRestart.Status.FAILED and row.detail == "no deployment shop/nope"


def test_actions_off_refuses_before_anything_is_sent(operator, pulled, emulator):
    pulled.actions_enabled = False
    pulled.save()
    with pytest.raises(ActionsDisabled):
        request_restart(Actor.for_user(operator, "api"), pulled, "shop", "cart")
    assert emulator.requests("PATCH") == [] and not RolloutRestart.objects.exists()


def test_the_approval_policy_holds_an_operators_restart_for_a_second_person(operator_client, admin, pulled, emulator):
    ApprovalPolicy.objects.filter(kind="k8s_restart").update(required=True)
    response = operator_client.post(
        "/api/v1/kubernetes/clusters/prod-eu/restart", {"namespace": "shop", "deployment": "cart"}, format="json"
    )
    assert response.status_code == 202
    assert emulator.requests("PATCH") == []
    from approvals.services import decide

    approval = Approval.objects.get(kind="k8s_restart")
    decide(Actor.for_user(admin, "api"), approval, approve=True)
    assert len(emulator.requests("PATCH")) == 1
    assert RolloutRestart.objects.get().status == "succeeded"
