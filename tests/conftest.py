"""Shared fixtures: one user of each role plus an outsider, and clients signed in as each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.models import User
from accounts.services import issue_tokens
from tests.factories import ServerFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_counters(settings) -> None:
    """Rate-limit counters and cached values must not leak between tests (Redis keeps them
    across test DBs). Only this process's keys go: the cache's ``clear()`` would flush the
    whole Redis database, under the feet of the other xdist workers."""
    settings.RATE_LIMIT_ENABLED = True
    if not settings.REDIS_URL:
        cache.clear()
        return
    from chatops.ratelimit import _redis

    client = _redis()
    keys = list(client.scan_iter(f"{settings.REDIS_PREFIX}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def admin(db) -> User:
    return UserFactory.create(username="ada", role=Role.ADMIN)


@pytest.fixture
def operator(db) -> User:
    return UserFactory.create(username="otto", role=Role.OPERATOR)


@pytest.fixture
def viewer(db) -> User:
    return UserFactory.create(username="vera", role=Role.VIEWER)


@pytest.fixture
def outsider(db) -> User:
    """Another viewer: owns nothing the others own."""
    return UserFactory.create(username="oscar", role=Role.VIEWER)


@pytest.fixture(autouse=True)
async def _close_sync_thread_connections(request):
    """Async tests reach the database through channels' sync thread and the ingest writer's
    thread; close their connections after each test (channels' test communicator turns their
    own closing off), or PostgreSQL cannot drop the test database at the end, and the next
    test without database access fails on the open connection."""
    yield
    from channels.db import database_sync_to_async
    from django.db import connections

    from monitoring.ingest.batching import on_writer

    await database_sync_to_async(connections.close_all)()
    await on_writer(connections.close_all)()


def _held_elsewhere() -> int:
    """Pooled PostgreSQL connections checked out by threads other than the test's own (0 without
    a pool). Django keeps each process's pools on its PostgreSQL wrapper class."""
    from django.db import connections

    wrapper = connections["default"]
    pool = getattr(type(wrapper), "_connection_pools", {}).get(wrapper.alias)
    if pool is None:
        return 0
    stats = pool.get_stats()
    return stats.get("pool_size", 0) - stats.get("pool_available", 0) - (wrapper.connection is not None)


_HELD_BEFORE = pytest.StashKey[int]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    item.stash[_HELD_BEFORE] = _held_elsewhere()
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test whose threads leave a database connection checked out of the pool is named with a
    warning: the connection stays open to the end of the run, and PostgreSQL then cannot drop
    the test database ("is being accessed by other users"). Close it in the thread that opened
    it (``tests.threads.off_the_loop``, ``in_thread``)."""
    yield
    leaked = _held_elsewhere() - item.stash.get(_HELD_BEFORE, 0)
    if leaked > 0:
        item.warn(pytest.PytestWarning(f"{leaked} database connection(s) left checked out by another thread"))


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for() -> Callable[[User], APIClient]:
    def make(user: User) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user).access_token}")
        return client

    return make


@pytest.fixture
def admin_client(admin, client_for) -> APIClient:
    return client_for(admin)


@pytest.fixture
def operator_client(operator, client_for) -> APIClient:
    return client_for(operator)


@pytest.fixture
def viewer_client(viewer, client_for) -> APIClient:
    return client_for(viewer)


@pytest.fixture
def outsider_client(outsider, client_for) -> APIClient:
    return client_for(outsider)


@pytest.fixture
def console(client, admin):
    """Django's test client signed in to the admin as an admin."""
    client.force_login(admin)
    return client


@pytest.fixture
def server(admin):
    return ServerFactory(created_by=admin)


@pytest.fixture
def back_to_the_latest():
    """For a test that migrates backwards: however it ends, the database is left fully
    migrated for the tests after it (one left half-migrated fails its whole xdist worker)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
