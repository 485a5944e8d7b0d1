"""accounts 0004: existing keys get the narrowest scopes that keep their documented uses."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("accounts", "0003_user_alert_emails")]
AFTER = [("accounts", "0004_apikey_scopes")]


def test_existing_keys_get_the_narrowest_scopes_that_keep_their_uses(back_to_the_latest):
    executor = MigrationExecutor(connection)
    # accounts as it was before 0004, and every other app as far as that allows (the
    # migrations that depend on a later accounts are unapplied with it): what is applied now.
    executor.migrate(BEFORE)
    executor.loader.build_graph()
    old = executor.loader.project_state(sorted(executor.loader.applied_migrations)).apps
    User, APIKey = old.get_model("accounts", "User"), old.get_model("accounts", "APIKey")
    Server, ConnectionEvent = old.get_model("servers", "Server"), old.get_model("agents", "ConnectionEvent")
    admin = User.objects.create(username="ada", email="ada@example.com", role="admin")
    operator = User.objects.create(username="otto", email="otto@example.com", role="operator")
    viewer = User.objects.create(username="vera", email="vera@example.com", role="viewer")
    web = Server.objects.create(name="web-1", hostname="web-1.example.com")
    box = Server.objects.create(name="box", hostname="box.example.com")

    def key(user, name, server=None):
        return APIKey.objects.create(user=user, name=name, server=server, lookup=f"chk_{name}", key_hash=name)

    bound = key(admin, "bound", web)
    enrolling = key(admin, "enrolling")
    admin_script = key(admin, "adminscript")
    operator_script = key(operator, "opscript")
    viewer_agent = key(viewer, "vieweragent")  # joined an existing server by hostname: refused from now on
    ConnectionEvent.objects.create(server=box, kind="connect", api_key=enrolling)
    ConnectionEvent.objects.create(server=web, kind="connect", api_key=viewer_agent)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("accounts", "APIKey")
    scopes = dict(new.objects.values_list("name", "scopes"))
    assert scopes["bound"] == ["agent"]
    assert scopes["enrolling"] == ["enrol"]
    assert "enrol" not in scopes["adminscript"] and {"servers:write", "audit:read"} <= set(scopes["adminscript"])
    assert "metrics:write" in scopes["opscript"] and "servers:write" not in scopes["opscript"]
    assert set(scopes["vieweragent"]) == {
        "servers:read",
        "metrics:read",
        "logs:read",
        "alerts:read",
        "docker:read",
        "profile:read",
    }
    for pk in (bound.pk, admin_script.pk, operator_script.pk):
        assert new.objects.filter(pk=pk).exists()
