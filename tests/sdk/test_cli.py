"""The ``chatops`` command line against a real hub and agent, as a separate process (so the exit
codes are the real ones). The last test waits out the one-minute access token of the login."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import yaml

from chatops_client import ChatOps, Unauthorized
from chatops_client.auth import token_expiry
from tests.live import ROOT
from tests.sdk.conftest import PASSWORD

pytestmark = pytest.mark.slow


class CLI:
    def __init__(self, config: Path) -> None:
        self.config = config
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("CHATOPS_", "DJANGO_", "PYTEST_"))}
        self.env["CHATOPS_CONFIG"] = str(config)

    def args(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "chatops_client", *args]

    def __call__(self, *args: str, stdin: str = "", timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.args(*args), input=stdin, capture_output=True, text=True, env=self.env, cwd=ROOT, timeout=timeout
        )

    def read(self) -> dict:
        return yaml.safe_load(self.config.read_text())


@pytest.fixture(scope="module")
def cli(fleet, tmp_path_factory) -> CLI:
    tool = CLI(tmp_path_factory.mktemp("cli") / "xdg" / "chatops" / "config.yaml")
    result = tool("login", fleet.url, "--username", "ops", "--password-stdin", "--name", "local", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "Logged in to" in result.stdout and "as ops" in result.stdout
    return tool


def test_login_keeps_the_tokens_in_a_private_config_file(cli):
    mode = stat.S_IMODE(cli.config.stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(cli.config.parent.stat().st_mode) == 0o700
    saved = cli.read()
    assert saved["current-context"] == "local"
    assert saved["contexts"]["local"]["access-token"].count(".") == 2
    assert saved["contexts"]["local"]["refresh-token"]


def test_the_config_file_follows_xdg_config_home(fleet, tmp_path):
    tool = CLI(tmp_path / "unused")
    del tool.env["CHATOPS_CONFIG"]
    tool.env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    result = tool("login", fleet.url, "-u", "vic", "--password-stdin", stdin="a-long-viewer-passphrase\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "xdg" / "chatops" / "config.yaml").exists()


def test_servers_list_as_table_json_and_yaml(cli):
    table = cli("servers", "list")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["ID", "NAME", "HOSTNAME", "STATUS"]
    assert len(lines) == 27  # the header and 26 servers: every page, not only the first
    assert any(line.split()[1:4] == ["sdk-box", "sdk-box.local", "online"] for line in lines)

    as_json = cli("servers", "list", "-o", "json")
    assert as_json.returncode == 0
    servers = json.loads(as_json.stdout)
    assert len(servers) == 26 and {"id", "name", "hostname", "status"} <= servers[0].keys()

    as_yaml = cli("servers", "list", "--status", "online", "-o", "yaml")
    assert as_yaml.returncode == 0
    assert [s["name"] for s in yaml.safe_load(as_yaml.stdout)] == ["sdk-box"]


def test_run_streams_the_output_and_exits_with_the_commands_code(cli):
    result = cli("run", "sdk-box", "--", "sh", "-c", "echo hello from the agent; echo oops >&2; exit 7")
    assert result.returncode == 7, result.stderr
    assert result.stdout == "hello from the agent\n"
    assert "oops" in result.stderr

    ok = cli("run", "sdk-box", "--", "echo", "fine")
    assert (ok.returncode, ok.stdout) == (0, "fine\n")


def test_logs_follow_receives_a_new_line_over_the_websocket(cli, fleet):
    marker = f"sdk-follow-{uuid.uuid4().hex[:8]}"
    process = subprocess.Popen(
        cli.args("logs", "sdk-box", "-f", "--tail", "0"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=cli.env, cwd=ROOT,
    )  # fmt: skip
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline and not any(marker in line for line in seen):
            # Appended until one arrives: the stream only carries lines stored after it opened.
            with fleet.log_file.open("a") as log:
                log.write(f"ERROR {marker}\n")
            time.sleep(1)
        assert any(marker in line for line in seen), (seen, process.stderr)
        assert process.poll() is None  # still following
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_metrics_shows_the_latest_sample(cli):
    result = cli("metrics", "sdk-box")
    assert result.returncode == 0, result.stderr
    assert "cpu_percent" in result.stdout
    latest = json.loads(cli("metrics", "sdk-box", "-o", "json").stdout)
    assert "cpu_percent" in latest["values"]


def test_metrics_watch_prints_each_new_sample(cli):
    process = subprocess.Popen(
        cli.args("metrics", "sdk-box", "--watch"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=cli.env, cwd=ROOT,
    )  # fmt: skip
    try:
        first = process.stdout.readline()  # the agent reports every second
        assert "cpu_percent=" in first and first[:4].isdigit(), (first, process.stderr)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_containers_list_says_why_it_is_not_live(cli):
    result = cli("containers", "list", "sdk-box", "-o", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["docker_control"] is False  # the agent was started without --allow-docker
    assert "not live" in result.stderr


def test_alerts_list_and_ack(cli, fleet):
    listed = json.loads(cli("alerts", "list", "--status", "firing", "-o", "json").stdout)
    assert fleet.alert_id in [a["id"] for a in listed]
    acked = cli("alerts", "ack", str(fleet.alert_id), "-m", "on it", "-o", "json")
    assert acked.returncode == 0, acked.stderr
    assert (json.loads(acked.stdout)["status"], json.loads(acked.stdout)["ack_comment"]) == ("acknowledged", "on it")
    resolved = cli("alerts", "resolve", str(fleet.alert_id))
    assert resolved.stdout == f"alert {fleet.alert_id} (fleet-00 offline) resolved by ops\n", resolved.stderr
    missing = cli("alerts", "ack", "999999")
    assert missing.returncode == 3
    assert "not_found" in missing.stderr


def test_tickets_create_show_and_list(cli):
    created = cli("tickets", "create", "--title", "Disk full on sdk-box", "-d", "The disk is at 97%.", "-o", "json")
    assert created.returncode == 0, created.stderr
    ticket = json.loads(created.stdout)
    shown = cli("tickets", "show", str(ticket["id"]))
    assert shown.returncode == 0 and "Disk full on sdk-box" in shown.stdout
    listed = cli("tickets", "list", "-o", "json")
    assert ticket["id"] in [t["id"] for t in json.loads(listed.stdout)]
    assert cli("pipelines", "list").stdout.split() == [
        "ID", "PROVIDER", "REPOSITORY", "BRANCH", "NAME", "STATUS", "DURATION", "STARTED",
    ]  # fmt: skip


def test_exit_codes_say_what_went_wrong(cli, tmp_path):
    assert cli("servers", "list", "-o", "xml").returncode == 2  # usage
    assert cli("metrics", "no-such-server").returncode == 3  # not found
    assert cli("run", "sdk-box").returncode == 2  # no command
    nobody = CLI(tmp_path / "empty.yaml")
    result = nobody("servers", "list")
    assert result.returncode == 4 and "chatops login" in result.stderr  # not signed in
    assert nobody("login", "not-a-url", "-u", "x", "--password-stdin", stdin="x\n").returncode == 2


def test_contexts_hold_several_identities(cli, fleet):
    second = cli(
        "login", fleet.url, "-u", "vic", "--password-stdin", "--name", "viewer", stdin="a-long-viewer-passphrase\n"
    )
    assert second.returncode == 0, second.stderr
    listed = cli("context", "list").stdout.splitlines()
    assert listed[0].split() == ["CURRENT", "NAME", "HUB", "USER", "AUTH"]
    assert listed[2].split()[:2] == ["*", "viewer"]  # the latest login is current
    # The viewer may not run commands: 403 → 3. The admin's context, chosen per call, may.
    assert cli("run", "sdk-box", "--", "true").returncode == 3
    assert cli("--context", "local", "run", "sdk-box", "--", "true").returncode == 0
    assert cli("context", "use", "local").returncode == 0
    # Logging out revokes the viewer's refresh token on the hub and forgets the pair.
    refresh = cli.read()["contexts"]["viewer"]["refresh-token"]
    assert cli("--context", "viewer", "logout").returncode == 0
    assert "refresh-token" not in cli.read()["contexts"]["viewer"]
    assert cli("--context", "viewer", "servers", "list").returncode == 4
    with pytest.raises(Unauthorized):
        ChatOps(fleet.url, refresh_token=refresh).fresh_access_token()
    assert cli("context", "delete", "viewer").returncode == 0
    # A context with an API key (a CI job's): what its scopes allow, and nothing else.
    with ChatOps.sign_in(fleet.url, "ops", PASSWORD) as admin:
        key = admin.post("/api-keys", {"name": "cli-ci", "scopes": ["servers:read", "profile:read"]})["key"]
    keyed = cli("login", fleet.url, "--api-key-stdin", "--name", "ci", stdin=key + "\n")
    assert keyed.returncode == 0 and "as ops" in keyed.stdout, keyed.stderr
    assert cli("context", "list", "-o", "json").stdout.count('"api-key"') == 1
    assert len(json.loads(cli("--context", "ci", "servers", "list", "-o", "json").stdout)) == 26
    assert cli("--context", "ci", "alerts", "list").returncode == 3  # insufficient_scope
    assert cli("context", "delete", "ci").returncode == 0
    assert cli("context", "use", "local").returncode == 0
    assert [line.split()[1] for line in cli("context", "list").stdout.splitlines()[1:]] == ["local"]
    assert cli("context", "use", "viewer").returncode == 3
    assert cli("--context", "nope", "servers", "list").returncode == 3


def test_an_expired_access_token_is_renewed_and_the_new_pair_saved(cli):
    """Runs last: waits (up to a minute) until the saved access token has expired."""
    before = cli.read()["contexts"]["local"]
    remaining = token_expiry(before["access-token"]) + 1 - time.time()
    assert remaining < 62
    if remaining > 0:
        time.sleep(remaining)
    result = cli("servers", "list", "-o", "json")
    assert result.returncode == 0, result.stderr
    after = cli.read()["contexts"]["local"]
    assert after["refresh-token"] != before["refresh-token"]
    assert after["access-token"] != before["access-token"]
    assert stat.S_IMODE(cli.config.stat().st_mode) == 0o600
    assert cli("servers", "list").returncode == 0  # the saved pair works


def test_playbook_run_waits_for_the_run_and_exits_with_its_outcome(cli, tmp_path):
    marker = tmp_path / "touched-by-ansible"
    listed = cli("playbook", "list", "-o", "json")
    assert listed.returncode == 0, listed.stderr
    assert {"hello.yml", "broken.yml"} <= {p["name"] for p in json.loads(listed.stdout)}

    ran = cli("playbook", "run", "hello.yml", "--host", "sdk-box", "-e", f"marker={marker}", timeout=240)
    assert ran.returncode == 0, (ran.stdout, ran.stderr)
    assert "hello from sdk-box" in ran.stdout and ran.stdout.rstrip().endswith("successful (rc 0)")
    assert marker.exists()

    failed = cli("playbook", "run", "broken.yml", "--host", "sdk-box", timeout=240)
    assert failed.returncode == 1, (failed.stdout, failed.stderr)
    assert "the task failed as written" in failed.stdout and "failed" in failed.stdout.splitlines()[-1]

    refused = cli("playbook", "run", "hello.yml", "--host", "sdk-box")  # `marker` is required
    assert refused.returncode == 1 and "marker" in refused.stderr


def test_pipelines_list_shows_a_run_a_ci_system_sent(cli, fleet):
    import hashlib
    import hmac
    import urllib.request

    from tests.e2e.helpers import wait_for
    from tests.sdk.conftest import CI_SECRET

    payload = json.loads((ROOT / "tests/pipelines/payloads/generic/pipeline.json").read_text())
    payload.update(id=f"sdk-{uuid.uuid4().hex[:8]}", repository="acme/sdk-cli")
    body = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(CI_SECRET.encode(), body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(  # noqa: S310 - the test's own hub
        f"{fleet.url}/api/v1/integrations/generic/{fleet.integration_id}", data=body, method="POST",
        headers={"Content-Type": "application/json", "X-Webhook-Signature": signature, "X-Delivery-Id": payload["id"]},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 - the test's own hub
        assert answer.status == 202

    def listed():
        result = cli("pipelines", "list", "--repository", "acme/sdk-cli", "-o", "json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) or None

    [run] = wait_for(listed, timeout=60, every=1, what="the pipeline in the list")
    assert (run["repository"], run["branch"], run["status"]) == ("acme/sdk-cli", "main", "success")
    table = cli("pipelines", "list", "--repository", "acme/sdk-cli")
    assert table.stdout.splitlines()[0].split()[:3] == ["ID", "PROVIDER", "REPOSITORY"]
    assert "acme/sdk-cli" in table.stdout


def test_shell_completion_completes_commands_and_subcommands(tmp_path):
    chatops = Path(sys.executable).with_name("chatops")  # the console script pip installed
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATOPS_")}
    env.update(CHATOPS_CONFIG=str(tmp_path / "config.yaml"), _CHATOPS_COMPLETE="complete_bash")

    def complete(words: str, index: int) -> list[str]:
        done = subprocess.run(
            [str(chatops)], env={**env, "COMP_WORDS": words, "COMP_CWORD": str(index)},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("chatops se", 1) == ["servers"]
    assert set(complete("chatops alerts ", 2)) >= {"list", "ack", "resolve"}
    # With shellingham installed, Typer's --show-completion is a flag that detects the shell
    # from the process tree, and a test run with no shell among its ancestors (CI started
    # detached) found none. Typer's own switch makes it take the shell by name instead.
    explicit = {**env, "_CHATOPS_COMPLETE": "", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    script = subprocess.run([str(chatops), "--show-completion", "bash"], env=explicit,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert "_chatops_completion" in script.stdout
