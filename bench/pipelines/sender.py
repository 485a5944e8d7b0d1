"""The delivery sender: a process that posts CI deliveries to the hub's receivers at a fixed
rate (open loop: each delivery has its due time, whatever the answers before it), from a pool
of threads with keep-alive connections, and reports each one's accept time and answer."""

from __future__ import annotations

import copy
import hashlib
import hmac
import http.client
import json
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

PAYLOADS = Path(__file__).resolve().parents[2] / "tests" / "pipelines" / "payloads"


@dataclass(frozen=True)
class SenderConfig:
    port: int
    rate: float
    duration: float
    threads: int
    secret: str
    integrations: dict[str, int]  # provider -> id


def _load(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / f"{name}.json").read_text())


def _github(kind: str, n: int) -> tuple[str, dict[str, Any]]:
    if kind == "run":
        body = _load("github/workflow_run")
        body["workflow_run"].update(id=10_000_000 + n, status="in_progress" if n % 2 else "completed")
        return "workflow_run", body
    if kind == "job":
        body = _load("github/workflow_job")
        body["workflow_job"].update(id=20_000_000 + n, run_id=10_000_000 + n)
        return "workflow_job", body
    body = _load("github/deployment_status")
    body["deployment"]["id"] = 30_000_000 + n
    return "deployment_status", body


def _gitlab(kind: str, n: int) -> tuple[str, dict[str, Any]]:
    if kind == "pipeline":
        body = _load("gitlab/pipeline_hook")
        body["object_attributes"]["id"] = 40_000_000 + n
        for i, build in enumerate(body["builds"]):
            build["id"] = 50_000_000 + n * 10 + i
        return "Pipeline Hook", body
    body = _load("gitlab/deployment_hook")
    body["deployment_id"] = 60_000_000 + n
    return "Deployment Hook", body


def _generic(kind: str, n: int) -> tuple[str, dict[str, Any]]:
    if kind == "pipeline":
        body = _load("generic/pipeline")
        body["id"] = f"bench-{n}"
        return "", body
    if kind == "cdevent":
        body = _load("generic/cdevents_service_deployed")
        body["id"] = body["data"]["context"]["id"] = f"bench-cd-{n}"
        return "", body
    body = _load("generic/deployment")
    body["id"] = f"bench-deploy-{n}"
    return "", body


#: The mix, in turn: (provider, builder, kind).
MIX = [
    ("github", _github, "run"),
    ("github", _github, "job"),
    ("github", _github, "deployment"),
    ("gitlab", _gitlab, "pipeline"),
    ("gitlab", _gitlab, "deployment"),
    ("generic", _generic, "pipeline"),
    ("generic", _generic, "deployment"),
    ("generic", _generic, "cdevent"),
]


def build(cfg: SenderConfig, index: int) -> tuple[str, bytes, dict[str, str]]:
    provider, builder, kind = MIX[index % len(MIX)]
    event, body = builder(kind, index)
    raw = json.dumps(copy.deepcopy(body)).encode()
    signature = "sha256=" + hmac.new(cfg.secret.encode(), raw, hashlib.sha256).hexdigest()
    delivery = f"bench-{index}"
    headers = {"Content-Type": "application/json"}
    if provider == "github":
        headers |= {"X-GitHub-Event": event, "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": signature}
    elif provider == "gitlab":
        headers |= {"X-Gitlab-Event": event, "X-Gitlab-Token": cfg.secret, "Idempotency-Key": delivery}
    else:
        headers |= {"X-Webhook-Signature": signature, "X-Delivery-Id": delivery}
    return f"/api/v1/integrations/{provider}/{cfg.integrations[provider]}", raw, headers


def _worker(cfg: SenderConfig, jobs: queue.Queue[Any], results: list[tuple[float, float, float, int, str]]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", cfg.port, timeout=30)
    while True:
        job = jobs.get()
        if job is None:
            return
        due, path, body, headers = job
        time.sleep(max(0.0, due - time.time()))
        started = time.time()
        try:
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            answer = response.read()
            verdict = json.loads(answer).get("data", {}).get("verdict", "") if response.status == 202 else ""
            status = response.status
        except (OSError, http.client.HTTPException, ValueError) as exc:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", cfg.port, timeout=30)
            status, verdict = 0, type(exc).__name__
        results.append((due, started, time.time(), status, verdict))


def sender_main(conn: Connection, cfg: SenderConfig) -> None:
    """Wait for ``("start", at)``, send ``rate`` deliveries/s for ``duration`` s, answer the results."""
    total = int(cfg.rate * cfg.duration)
    prepared = [build(cfg, i) for i in range(total)]  # built before the window: not timed
    conn.send(("ready", total))
    _, start_at = conn.recv()
    jobs: queue.Queue[Any] = queue.Queue()
    results: list[tuple[float, float, float, int, str]] = []
    threads = [threading.Thread(target=_worker, args=(cfg, jobs, results), daemon=True) for _ in range(cfg.threads)]
    for thread in threads:
        thread.start()
    for i, (path, body, headers) in enumerate(prepared):
        due = start_at + i / cfg.rate
        # Feed the queue just ahead of time, so a thread never waits on a delivery due later
        # while an earlier one is unsent.
        time.sleep(max(0.0, due - time.time() - 0.05))
        jobs.put((due, path, body, headers))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join(timeout=60)
    conn.send(("result", results))
    conn.close()
