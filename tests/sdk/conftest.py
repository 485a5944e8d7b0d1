"""One real hub for the SDK and CLI tests: daphne on a free port, an admin and a viewer, 26
servers (so lists take several pages), an open alert, and a real agent that runs commands
(``--allow-commands``) and tails a log file. Access tokens live one minute
(``ACCESS_TOKEN_EXPIRE_MINUTES=1``), so the SDK's refresh is exercised for real."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.helpers import rest, wait_for
from tests.live import Agent, Hub, live_hub, setup_fleet

PASSWORD = "a-long-live-test-passphrase"  # setup_fleet's admin, "ops"
VIEWER_PASSWORD = "a-long-viewer-passphrase"

EXTRA_CODE = """
import json
from django.utils import timezone
from accounts.models import User
from alerts.models import Alert
from servers.models import Server
admin = User.objects.get(username='ops')
viewer = User.objects.create_user('vic', 'vic@example.com', '{viewer_password}')
for i in range(25):
    Server.objects.create(name=f'fleet-{{i:02d}}', hostname=f'fleet-{{i:02d}}.local', created_by=admin)
# On a server no agent ever connects to, so nothing resolves it meanwhile.
server = Server.objects.get(name='fleet-00')
alert = Alert.objects.create(
    kind='server.offline', server=server, name='fleet-00 offline', severity='critical',
    message='fleet-00 stopped reporting', started_at=timezone.now(),
)
# Playbooks run on the agent's own machine; a CI system posts to a generic integration.
from automation.models import ConnectionProfile
from pipelines.models import Integration
ConnectionProfile.objects.create(server=Server.objects.get(name='sdk-box'), connection='local')
integration = Integration.objects.create(name='ci', provider='generic', secret='{ci_secret}')
print(json.dumps({{'alert_id': alert.pk, 'integration_id': integration.pk}}))
"""
CI_SECRET = "cisec_sdk-tests-shared-secret-0123456789"  # a throwaway hub's
PLAYBOOKS = {
    "hello.yml": """
- name: Say hello
  hosts: all
  gather_facts: false
  tasks:
    - name: Greet
      ansible.builtin.debug:
        msg: "hello from {{ inventory_hostname }}"
    - name: Touch a file
      ansible.builtin.file:
        path: "{{ marker }}"
        state: touch
        mode: "0600"
""",
    "hello.vars.yml": """
variables:
  - name: marker
    type: string
    required: true
""",
    "broken.yml": """
- name: Fail on purpose
  hosts: all
  gather_facts: false
  tasks:
    - name: This fails
      ansible.builtin.fail:
        msg: "the task failed as written"
""",
}


@dataclass
class Fleet:
    hub: Hub
    server_id: int
    token: str
    alert_id: int
    log_file: Path
    integration_id: int

    @property
    def url(self) -> str:
        return self.hub.url


@pytest.fixture(scope="session")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fleet]:
    tmp = tmp_path_factory.mktemp("sdk")
    playbooks = tmp / "playbooks"
    playbooks.mkdir()
    for name, text in PLAYBOOKS.items():
        (playbooks / name).write_text(text.lstrip())
    with live_hub(
        tmp, ACCESS_TOKEN_EXPIRE_MINUTES="1", RATE_LIMIT_AUTHENTICATION="1000/min", ANSIBLE_PLAYBOOK_DIR=str(playbooks)
    ) as hub:
        info = setup_fleet(hub, name="sdk-box", hostname="sdk-box.local")
        code = EXTRA_CODE.format(viewer_password=VIEWER_PASSWORD, ci_secret=CI_SECRET)
        extra = json.loads(hub.python(code).strip().splitlines()[-1])
        log_file = tmp / "app.log"
        log_file.write_text("")
        agent = Agent(
            hub.url, str(info["key"]), tmp / "agent", interval=1, log_files=(log_file,),
            extra_args=("--allow-commands",),
        ).start()  # fmt: skip
        server_id = int(info["server_id"])  # type: ignore[call-overload]
        try:
            wait_for(
                lambda: rest(hub.url, str(info["token"]), f"/servers/{server_id}")["status"] == "online",
                what="the agent",
            )
            yield Fleet(
                hub, server_id, str(info["token"]), int(extra["alert_id"]), log_file, int(extra["integration_id"])
            )
        finally:
            agent.stop()
