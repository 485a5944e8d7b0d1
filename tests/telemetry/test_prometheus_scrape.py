"""A real Prometheus (Debian's ``prometheus`` package, when installed) scrapes a live hub with
the shipped ``deploy/prometheus/prometheus.yml``, its target and token file pointed at the test
hub: the target is up, the series are there, and every query of the Grafana dashboard is valid
PromQL that Prometheus evaluates."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.helpers import wait_for
from tests.live import Agent, free_port, live_hub, setup_fleet

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("prometheus") is None, reason="needs Prometheus (apt-get install prometheus)"),
]
ROOT = Path(__file__).resolve().parents[2]
TOKEN = "prometheus-scrape-token-0123456789"


def query(port: int, expr: str) -> dict:
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return dict(json.loads(response.read()))
    except urllib.error.HTTPError as exc:  # a bad query is a 400 with its error in the body
        return dict(json.loads(exc.read()))


def value(port: int, expr: str) -> float | None:
    result = query(port, expr)["data"]["result"]
    return float(result[0]["value"][1]) if result else None


def test_prometheus_scrapes_the_hub_and_the_dashboard_queries_evaluate(tmp_path):
    with live_hub(tmp_path, METRICS_BEARER_TOKEN=TOKEN) as hub:
        fleet = setup_fleet(hub, name="web-1", hostname="web-1.example.internal")
        (tmp_path / "token").write_text(TOKEN)
        config = (ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text()
        config = (
            config.replace("/etc/prometheus/metrics-token", str(tmp_path / "token"))
            .replace("hub:8000", f"127.0.0.1:{hub.ports[0]}")
            .replace("scrape_interval: 15s", "scrape_interval: 1s")
            .replace("scrape_timeout: 10s", "scrape_timeout: 1s")
        )
        (tmp_path / "prometheus.yml").write_text(config)
        port = free_port()
        log = (tmp_path / "prometheus.log").open("wb")
        prometheus = subprocess.Popen(
            ["prometheus", f"--config.file={tmp_path / 'prometheus.yml'}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{port}"],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        agent = Agent(hub.url, str(fleet["key"]), tmp_path / "agent", interval=1).start()
        try:
            wait_for(lambda: value(port, 'chatops_open_sockets{kind="agent"}') == 1, timeout=60,
                     what="Prometheus to see the agent's socket")  # fmt: skip
            assert value(port, 'up{job="chatops"}') == 1
            assert value(port, 'chatops_server_online{server="web-1"}') == 1
            time.sleep(3)  # a few scrapes, for rate() to have two points
            assert (value(port, "sum(rate(chatops_ingest_frames_total[1m]))") or 0) > 0
            dashboard = json.loads((ROOT / "deploy/grafana/dashboards/chatops-fleet.json").read_text())
            for panel in dashboard["panels"]:
                for target in panel.get("targets", []):
                    expr = target["expr"].replace("$server", ".*").replace("$environment", "production")
                    answer = query(port, expr)
                    assert answer["status"] == "success", (panel["title"], expr, answer)
            assert value(port, 'chatops_server_cpu_percent{device="",server=~".*"}') is not None
        finally:
            agent.stop()
            prometheus.terminate()
            prometheus.wait(timeout=15)
            log.close()
