"""ContainerSnapshot moves to monitoring (the app that writes it): forgotten here, in the
migration state only. The table and its rows stay; monitoring 0004 adopts them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("agents", "0002_command_history"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContainerSnapshot")],
            database_operations=[],
        ),
    ]
