import pytest
from automation.services import RunRequest, execute_playbook
from accounts.actor import Actor
from tests.automation.conftest import run_to_end

pytestmark = pytest.mark.django_db(transaction=True)

def test_smoke(playbook_dir, web, web2, operator, tmp_path):
    run = execute_playbook(Actor.for_user(operator, "api"), RunRequest("hello.yml", ["local"], {"marker": str(tmp_path / "m")}))
    run = run_to_end(run.pk)
    print(run.status, run.reason, run.rc, run.host_stats, run.tasks_total, run.tasks_successful)
    print(run.output)
    print(run.task_results)
    assert run.status == "successful"
