from typing import Any

from django.db import migrations

# (priority, first response minutes, resolution minutes): a starting point, edited in the admin.
DEFAULTS = [("critical", 15, 4 * 60), ("high", 60, 8 * 60), ("medium", 4 * 60, 24 * 60), ("low", 8 * 60, 72 * 60)]


def add_defaults(apps: Any, schema_editor: Any) -> None:
    SLAPolicy = apps.get_model("helpdesk", "SLAPolicy")
    for priority, first, resolution in DEFAULTS:
        SLAPolicy.objects.get_or_create(
            priority=priority, defaults={"first_response_minutes": first, "resolution_minutes": resolution}
        )


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0001_tickets")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
