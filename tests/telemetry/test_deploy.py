"""The Prometheus and Grafana files of deploy/ stay true to the hub: Prometheus scrapes the path
the hub serves with the token file the compose profile writes, and every series the dashboard
queries is one ``GET /metrics`` serves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "chatops-fleet.json"
pytestmark = pytest.mark.django_db


def test_the_compose_profile_starts_prometheus_and_grafana_with_the_token_and_provisioning():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    prometheus, grafana = compose["services"]["prometheus"], compose["services"]["grafana"]
    assert prometheus["profiles"] == grafana["profiles"] == ["monitoring"]
    assert "profiles" not in compose["services"]["hub"]  # the hub runs without the profile
    assert compose["configs"]["metrics_token"]["content"] == "${METRICS_BEARER_TOKEN:-}"
    assert "METRICS_BEARER_TOKEN" in compose["services"]["hub"]["environment"]
    [token] = prometheus["configs"]
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    [job] = config["scrape_configs"]
    assert job["metrics_path"] == "/metrics"
    assert job["authorization"] == {"type": "Bearer", "credentials_file": token["target"]}
    assert job["static_configs"] == [{"targets": ["hub:8000"]}]
    mounts = dict(volume.rsplit(":", 1)[0].split(":", 1) for volume in grafana["volumes"] if volume.startswith("./"))
    provider = yaml.safe_load((ROOT / "deploy/grafana/provisioning/dashboards/chatops.yml").read_text())
    assert mounts["./deploy/grafana/dashboards"] == provider["providers"][0]["options"]["path"]
    datasource = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
    assert datasource["datasources"][0]["url"] == "http://prometheus:9090"


def test_every_series_the_dashboard_queries_is_served(anon, settings, server):
    settings.METRICS_BEARER_TOKEN = "scrape-token-0123456789abcdef"
    from monitoring.models import LatestSample

    LatestSample.objects.create(
        server=server, ts="2026-01-01T00:00:00Z", values={"cpu_percent": 1, "memory_percent": 2, "disk_percent": 3}
    )
    anon.credentials(HTTP_AUTHORIZATION="Bearer scrape-token-0123456789abcdef")
    text = anon.get("/metrics").content.decode()
    served = set()
    for family in text_string_to_metric_families(text):
        served.add(family.name)
        if family.type == "counter":  # its samples' name, which a counter nothing counted yet has none of
            served.add(f"{family.name}_total")
        served.update(sample.name for sample in family.samples)
    dashboard = json.loads(DASHBOARD.read_text())
    uid = {"type": "prometheus", "uid": "chatops-prometheus"}
    queried = set()
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            assert target["datasource"] == uid
            queried.update(re.findall(r"chatops_[a-z0-9_]+", target["expr"]))
    for variable in dashboard["templating"]["list"]:
        queried.update(re.findall(r"chatops_[a-z0-9_]+", variable["definition"]))
    assert queried, "the dashboard queries nothing"
    assert queried - served == set()
    # Every panel is on the grid and has a title.
    assert all(panel["title"] and panel["gridPos"]["w"] > 0 for panel in dashboard["panels"])
