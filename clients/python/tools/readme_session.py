"""Print a real CLI session for the README's "CLI" section: a hub and an agent started as the
tests start them (tests/live.py), three servers, an alert, then the commands and their output.

    python clients/python/tools/readme_session.py      # from the hub's checkout, its virtualenv
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.e2e.helpers import rest, wait_for  # noqa: E402 - needs ROOT on the path
from tests.live import Agent, live_hub, setup_fleet  # noqa: E402

FLEET = """
import json
from django.utils import timezone
from accounts.models import User
from alerts.models import Alert
from servers.models import Server
admin = User.objects.get(username='ops')
db = Server.objects.create(name='db-1', hostname='db-1.example.com', created_by=admin)
Server.objects.create(name='cache-1', hostname='cache-1.example.com', created_by=admin)
alert = Alert.objects.create(kind='server.offline', server=db, name='db-1 offline', severity='critical',
                             message='db-1 stopped reporting', started_at=timezone.now())
print(json.dumps(alert.pk))
"""

COMMANDS = [
    "chatops servers list",
    "chatops metrics web-1",
    "chatops run web-1 -- sh -c 'uname -sr; df -h / | tail -1; exit 3'",
    "chatops alerts list --status firing",
    "chatops alerts ack 1 -m 'looking at it'",
    "chatops servers list --status online -o yaml",
    "chatops context list",
]


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="chatops-session-"))
    try:
        with live_hub(tmp) as hub:
            info = setup_fleet(hub, name="web-1", hostname="web-1.example.com")
            hub.python(FLEET)
            agent = Agent(hub.url, str(info["key"]), tmp / "agent", interval=1, extra_args=("--allow-commands",))
            agent.start()
            try:
                path = f"/servers/{info['server_id']}"
                wait_for(lambda: rest(hub.url, str(info["token"]), path)["status"] == "online", what="the agent")
                time.sleep(3)
                env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CHATOPS_"))}
                env["XDG_CONFIG_HOME"] = str(tmp / "config")

                def show(command: str, stdin: str = "") -> int:
                    args = shlex.split(command)[1:]
                    result = subprocess.run(  # noqa: S603 - our own CLI
                        [sys.executable, "-m", "chatops_client", *args],
                        input=stdin, capture_output=True, text=True, env=env,
                    )  # fmt: skip
                    print(f"$ {command}")
                    print((result.stdout + result.stderr).replace(str(tmp / "config"), "~/.config").rstrip())
                    return result.returncode

                show(f"chatops login {hub.url} -u ops --password-stdin", "a-long-live-test-passphrase\n")
                for command in COMMANDS:
                    code = show(command)
                    if " run " in command:
                        print(f"$ echo $?\n{code}")
            finally:
                agent.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
