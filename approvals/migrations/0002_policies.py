"""One policy row per kind, off: nothing changes until an admin turns one on."""

from typing import Any

from django.db import migrations

KINDS = ("run", "restart", "stop", "playbook")


def create(apps: Any, schema_editor: Any) -> None:
    policy = apps.get_model("approvals", "ApprovalPolicy")
    for kind in KINDS:
        policy.objects.get_or_create(kind=kind, defaults={"required": False})


class Migration(migrations.Migration):
    dependencies = [("approvals", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
