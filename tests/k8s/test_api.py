"""The REST routes: every route and role (tests/roles.py), the envelope, pagination, the hub's
filters, the history, and bad input."""

from __future__ import annotations

import pytest

from k8s.models import Cluster, RolloutRestart
from tests.helpers import assert_error, assert_ok
from tests.roles import Expected, RoleMatrix, Route, allowed, key

pytestmark = pytest.mark.django_db

BASE = "/api/v1/kubernetes/clusters"
READERS: dict[str, Expected] = {
    "anonymous": (401, "not_authenticated"),
    "admin": 200,
    "operator": 200,
    "viewer": 200,
    "outsider": 404,
}


def nothing_registered(outcome):
    assert not Cluster.objects.filter(name="new-one").exists()


def not_restarted(outcome):
    assert not RolloutRestart.objects.exists()


def still_there(outcome):
    assert Cluster.objects.filter(name="prod-eu").exists()


ROLES = RoleMatrix(
    Route(
        "GET",
        BASE,
        expect={"anonymous": (401, "not_authenticated"), "admin": 200, "operator": 200, "viewer": 200, "outsider": 200},
        uses=("pulled",),
    ),
    Route("GET", BASE + "/{pulled.name}", expect=READERS),
    Route("GET", BASE + "/{pulled.name}/nodes", expect=READERS),
    Route("GET", BASE + "/{pulled.name}/pods", expect=READERS),
    Route("GET", BASE + "/no-such-cluster", expect={"viewer": (404, "not_found")}, uses=("teams",)),
    Route("GET", BASE + "/no-such-cluster/pods", expect={"admin": (404, "not_found")}),
    Route(
        "POST",
        BASE,
        body={"name": "new-one", "api_url": "https://k8s.example.com", "token": "t"},
        expect=allowed("admin", ok=(400, "invalid")) | {"admin": 400},
        unchanged=nothing_registered,
        uses=("teams",),
    ),
    Route(
        "PATCH",
        BASE + "/{pulled.name}",
        body={"poll_interval_seconds": 60},
        expect={**allowed("admin"), "outsider": (403, "permission_denied")},
    ),
    Route("DELETE", BASE + "/{pulled.name}", expect=allowed("admin"), unchanged=still_there),
    Route(
        "POST",
        BASE + "/{pulled.name}/restart",
        body={"namespace": "shop", "deployment": "cart"},
        expect={**allowed("operator", "admin"), "outsider": (403, "permission_denied")},
        unchanged=not_restarted,
    ),
    Route("GET", BASE, expect={key("admin", "servers:read"): (403, "insufficient_scope")}, uses=("pulled",)),
    Route("GET", BASE, expect={key("viewer", "kubernetes:read"): 200}, uses=("pulled",)),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


def test_the_list_has_the_seed_fields_in_the_envelope(viewer_client, pulled):
    response = viewer_client.get(BASE)
    body = response.json()
    assert body["pagination"]["total"] == 1
    (cluster,) = assert_ok(response)
    assert cluster["name"] == "prod-eu" and cluster["version"] == "v1.30.2"
    assert (cluster["status"], cluster["nodes"], cluster["pods"], cluster["namespaces"]) == ("degraded", 2, 4, 3)
    assert cluster["metrics_note"] == "" and cluster["tags"] == ["prod"]


def test_an_outsider_lists_no_cluster_of_another_team(outsider_client, pulled):
    assert assert_ok(outsider_client.get(BASE)) == []


def test_detail_has_history_and_hides_the_secrets(admin_client, viewer_client, pulled):
    from k8s import services

    services.poll(pulled.pk)
    data = assert_ok(admin_client.get(f"{BASE}/prod-eu?hours=2"))
    assert [h["node_count"] for h in data["history"]] == [2, 2]
    assert data["history"][0]["phases"] == {"Running": 3, "Pending": 1}
    assert data["namespace_names"] == ["default", "kube-system", "shop"]
    assert data["has_token"] is True and "token" not in data and "sa-token" not in str(data)
    assert data["api_url"].startswith("http://127.0.0.1")
    assert assert_ok(viewer_client.get(f"{BASE}/prod-eu"))["api_url"] == ""


@pytest.mark.parametrize("hours", ["0", "721", "x", ""])
def test_history_hours_are_checked(viewer_client, pulled, hours):
    assert_error(viewer_client.get(f"{BASE}/prod-eu?hours={hours}"), 400)


def test_nodes_have_usage_in_percent(viewer_client, pulled):
    nodes = assert_ok(viewer_client.get(f"{BASE}/prod-eu/nodes"))
    assert [(n["name"], n["status"], n["cpu_usage"], n["memory_usage"], n["pods"]) for n in nodes] == [
        ("node-1", "Ready", 37.5, 25.0, 3),
        ("node-2", "NotReady", 6.2, 6.2, 1),
    ]
    assert [n["name"] for n in assert_ok(viewer_client.get(f"{BASE}/prod-eu/nodes?status=notready"))] == ["node-2"]


def test_pods_are_filtered_by_the_hub(viewer_client, pulled):
    def names(query: str) -> list[str]:
        return [p["name"] for p in assert_ok(viewer_client.get(f"{BASE}/prod-eu/pods{query}"))]

    assert names("") == ["web-1", "dns-1", "cart-1", "cart-2"]
    assert names("?namespace=shop") == ["cart-1", "cart-2"]
    assert names("?namespace=shop&status=pending") == ["cart-2"]
    assert names("?status=Running") == ["web-1", "dns-1", "cart-1"]
    assert names("?namespace=nowhere") == []
    pod = assert_ok(viewer_client.get(f"{BASE}/prod-eu/pods?namespace=default"))[0]
    assert (pod["cpu_usage"], pod["memory_usage"], pod["ready"], pod["restarts"]) == (100.0, 128.0, True, 1)


def test_pods_are_paginated(viewer_client, pulled):
    response = viewer_client.get(f"{BASE}/prod-eu/pods?size=3&page=2")
    assert [p["name"] for p in assert_ok(response)] == ["cart-2"]
    assert response.json()["pagination"]["total"] == 4


@pytest.mark.parametrize("query", ["?namespace=a&namespace=b", "?ready=maybe", "?size=0", "?page=x"])
def test_bad_filters_are_400(viewer_client, pulled, query):
    assert_error(viewer_client.get(f"{BASE}/prod-eu/pods{query}"), 400)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Bad Name", "api_url": "https://k.example.com", "token": "t"}, "name"),
        ({"name": "ok"}, "api_url"),
        ({"name": "ok", "api_url": "https://k.example.com"}, "token"),
        ({"name": "ok", "kubeconfig": "x: 1", "api_url": "https://k.example.com", "token": "t"}, "kubeconfig"),
        ({"name": "ok", "kubeconfig": "not: a kubeconfig"}, "kubeconfig"),
        ({"name": "ok", "api_url": "ftp://k.example.com", "token": "t"}, "api_url"),
        ({"name": "ok", "api_url": "https://k.example.com", "token": "t", "poll_interval_seconds": 5}, "poll_interval"),
        ({"name": "ok", "api_url": "https://k.example.com", "token": "t", "tags": ["Bad Tag"]}, "tags"),
    ],
)  # fmt: skip
def test_registration_refuses_bad_input(admin_client, body, field):
    body = assert_error(admin_client.post(BASE, body, format="json"), 400)
    assert any(e["field"].startswith(field) for e in body["errors"]), body
    assert not Cluster.objects.exists()


def test_admin_registers_a_cluster(admin_client, emulator, teams):
    response = admin_client.post(
        BASE, {"name": "new-one", "api_url": emulator.url, "token": "sa", "tags": ["prod"]}, format="json"
    )
    data = assert_ok(response, 201)
    assert data["mode"] == "pull" and data["status"] == "unreachable" and data["tags"] == ["prod"]
    assert_error(
        admin_client.post(BASE, {"name": "new-one", "api_url": emulator.url, "token": "s"}, format="json"), 400
    )


def test_a_pushed_cluster_takes_only_tags(admin_client, pulled):
    Cluster.objects.filter(pk=pulled.pk).update(mode="push")
    assert_error(admin_client.patch(f"{BASE}/prod-eu", {"poll_interval_seconds": 60}, format="json"), 400)
    data = assert_ok(admin_client.patch(f"{BASE}/prod-eu", {"tags": ["prod", "eu"]}, format="json"))
    assert data["tags"] == ["eu", "prod"]


def test_deleting_a_pulled_cluster_removes_its_server(admin_client, pulled):
    from servers.models import Server

    assert_ok(admin_client.delete(f"{BASE}/prod-eu"))
    assert not Cluster.objects.exists() and not Server.objects.filter(pk=pulled.server_id).exists()
