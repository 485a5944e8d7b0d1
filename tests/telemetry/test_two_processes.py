"""Two daphne processes on one Redis are one hub to Prometheus: whichever process is scraped,
the counters are the sum of both (frames ingested by each, jobs each embedded worker ran) and
the open sockets are both processes' agents."""

from __future__ import annotations

import json
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.e2e.helpers import shared_redis_url, wait_for
from tests.live import Agent, live_hub

pytestmark = pytest.mark.slow
TOKEN = "two-process-scrape-token-0123456789"

FLEET = """
import json
from accounts.models import User
from accounts.services import create_api_key
from servers.models import Server
admin = User.objects.create_superuser('ops', 'ops@example.com', 'a-long-live-test-passphrase')
keys = []
for name in ('box-a', 'box-b'):
    server = Server.objects.create(name=name, hostname=name + '.local', created_by=admin)
    keys.append(create_api_key(None, admin, name=name, server=server)[1])
print(json.dumps(keys))
"""
STORED = "from monitoring.models import IngestStream; print(sum(s.last_seq for s in IngestStream.objects.all()))"


def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback test hub
        text = response.read().decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def frames(found: dict) -> float:
    return found.get(("chatops_ingest_frames_total", (("outcome", "stored"),)), 0.0)


def agents(found: dict) -> float:
    return found.get(("chatops_open_sockets", (("kind", "agent"),)), 0.0)


def job_runs(found: dict) -> float:
    return sum(v for (name, _), v in found.items() if name == "chatops_worker_job_runs_total")


@pytest.mark.skipif(shared_redis_url() is None, reason="needs a Redis server to share between the two hub processes")
def test_either_process_reports_the_sum_of_both(tmp_path):
    env = {"REDIS_URL": str(shared_redis_url()), "METRICS_BEARER_TOKEN": TOKEN, "TELEMETRY_FLUSH_SECONDS": "1"}
    with live_hub(tmp_path, processes=2, **env) as hub:
        first, second = hub.ports
        keys = json.loads(hub.python(FLEET))
        # One agent on each process: each process ingests only its own agent's frames.
        started = [
            Agent(f"http://127.0.0.1:{port}", key, tmp_path / f"agent-{port}", interval=0.5).start()
            for port, key in zip((first, second), keys, strict=True)
        ]
        try:
            wait_for(lambda: agents(scrape(first)) == 2, timeout=30, what="both agents counted by the first process")
            assert agents(scrape(second)) == 2
            wait_for(lambda: int(hub.python(STORED)) >= 10, timeout=30, what="frames from both agents")
        finally:
            for agent in started:
                agent.stop()
        wait_for(lambda: agents(scrape(first)) == 0, timeout=30, what="both agents gone")
        stored = int(hub.python(STORED))

        # Once both processes flushed (every second), both answer the same totals: all frames
        # stored, whichever process ingested them.
        def settled() -> bool:
            a, b = scrape(first), scrape(second)
            return frames(a) == frames(b) == stored and job_runs(a) == job_runs(b) > 0

        wait_for(settled, timeout=30, what=f"both processes to report the {stored} frames stored")
        found = scrape(first)
        assert found[("chatops_hub_processes", ())] == 2
        per_process = [line for line in (hub.log(first) + hub.log(second)).splitlines() if "Could not flush" in line]
        assert per_process == []
