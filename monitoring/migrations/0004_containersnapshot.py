"""ContainerSnapshot moves here from agents (agents 0003): created in the migration state only,
on the table agents 0002 created, which keeps its name and its rows (``db_table``). Nothing
runs against the database, so nothing locks the table every ingest batch writes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agents", "0003_containersnapshot_to_monitoring"),
        ("monitoring", "0003_log_level_unknown"),
        ("servers", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContainerSnapshot",
                    fields=[
                        (
                            "server",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="+",
                                serialize=False,
                                to="servers.server",
                            ),
                        ),
                        ("reported_at", models.DateTimeField()),
                        ("items", models.JSONField(default=list)),
                    ],
                    options={"db_table": "agents_containersnapshot"},
                ),
            ],
            database_operations=[],
        ),
    ]
