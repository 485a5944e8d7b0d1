"""The agent's Kubernetes settings: off by default, a cluster name required with --kubernetes,
the interval bounded, and the capabilities the hello announces; the snapshot split in frames."""

from __future__ import annotations

import json

import pytest

from chatops_agent import config
from chatops_agent.config import ConfigError, load_settings
from chatops_agent.kube_watch import split

KEY = "chk_0123456789abcdefghijklmnopqrstuvwxyzABCD"
BASE = ["--hub", "http://hub:8000", "--key", KEY]


@pytest.fixture(autouse=True)
def no_system_config(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "DEFAULT_CONFIG", tmp_path / "absent.toml")


def test_off_by_default(tmp_path):
    settings = load_settings(BASE, env={"XDG_STATE_HOME": str(tmp_path)})
    assert settings.kubernetes is False and "kubernetes" not in settings.capabilities


def test_the_flags_and_their_capabilities(tmp_path):
    settings = load_settings(
        [*BASE, "--kubernetes", "--kubernetes-cluster", "prod-eu", "--kubernetes-allow-restart",
         "--kubernetes-interval", "15", "--kubeconfig", "/etc/kube/config"],
        env={"XDG_STATE_HOME": str(tmp_path)},
    )  # fmt: skip
    assert (settings.kubernetes_cluster, settings.kubernetes_interval, settings.kubeconfig) == (
        "prod-eu", 15.0, "/etc/kube/config",
    )  # fmt: skip
    assert settings.capabilities[-2:] == ["kubernetes", "kubernetes.restart"]


def test_the_environment_works_too(tmp_path):
    env = {"XDG_STATE_HOME": str(tmp_path), "CHATOPS_KUBERNETES": "true", "CHATOPS_KUBERNETES_CLUSTER": "edge"}
    settings = load_settings(BASE, env=env)
    assert settings.kubernetes and settings.capabilities[-1] == "kubernetes"


@pytest.mark.parametrize(
    "extra",
    [
        ["--kubernetes"],
        ["--kubernetes", "--kubernetes-cluster", "Prod EU"],
        ["--kubernetes", "--kubernetes-cluster", "edge", "--kubernetes-interval", "1"],
    ],
)
def test_bad_kubernetes_settings_are_refused(tmp_path, extra):
    with pytest.raises(ConfigError):
        load_settings([*BASE, *extra], env={"XDG_STATE_HOME": str(tmp_path)})


def test_a_large_snapshot_is_split_under_the_budget():
    pods = [{"name": f"pod-{i:05d}", "namespace": "default", "node": "n", "phase": "Running", "status": "Running",
             "ready": True, "restarts": 0, "cpu": 0.1, "memory": 1e8, "created": 1.0} for i in range(3000)]  # fmt: skip
    snapshot = {"ts": 1.0, "version": "v1", "metrics": True, "nodes": [], "namespaces": ["default"], "pods": pods}
    frames = split(snapshot, "edge", 64 * 1024)
    assert len(frames) > 1 and {f["parts"] for f in frames} == {len(frames)}
    assert [f["part"] for f in frames] == list(range(len(frames)))
    assert all(len(json.dumps(f, separators=(",", ":"))) <= 64 * 1024 for f in frames)
    assert sum(len(f["pods"]) for f in frames) == 3000 and frames[0]["version"] == "v1"
    assert len({f["id"] for f in frames}) == 1 and "version" not in frames[1]
