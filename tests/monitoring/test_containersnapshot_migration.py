"""agents 0003 / monitoring 0004: the container snapshots move to monitoring with their rows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from monitoring.models import ContainerSnapshot

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("agents", "0002_command_history"), ("monitoring", "0003_log_level_unknown")]
AFTER = [("agents", "0003_containersnapshot_to_monitoring"), ("monitoring", "0004_containersnapshot")]


def test_snapshots_reported_before_the_move_are_read_through_monitoring_after_it(back_to_the_latest):
    executor = MigrationExecutor(connection)
    before = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in ("agents", "monitoring")]
    executor.migrate(BEFORE)
    old = executor.loader.project_state(before + BEFORE).apps
    Server, OldSnapshot = old.get_model("servers", "Server"), old.get_model("agents", "ContainerSnapshot")
    with pytest.raises(LookupError):
        old.get_model("monitoring", "ContainerSnapshot")
    server = Server.objects.create(name="web-1", hostname="web-1.example.com")
    reported = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    OldSnapshot.objects.create(server=server, reported_at=reported, items=[{"name": "web", "state": "running"}])

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(before + AFTER).apps
    with pytest.raises(LookupError):
        new.get_model("agents", "ContainerSnapshot")
    moved = new.get_model("monitoring", "ContainerSnapshot").objects.get(server_id=server.pk)
    assert (moved.reported_at, moved.items) == (reported, [{"name": "web", "state": "running"}])
    # The model the code uses reads the same table, and the migrations leave nothing to make.
    assert ContainerSnapshot._meta.db_table == OldSnapshot._meta.db_table == "agents_containersnapshot"
    assert ContainerSnapshot.objects.get(server_id=server.pk).items == moved.items

    # And back: the table is the agents' again, rows untouched.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    back = executor.loader.project_state(before + BEFORE).apps
    assert back.get_model("agents", "ContainerSnapshot").objects.get(server_id=server.pk).reported_at == reported
