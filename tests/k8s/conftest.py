"""Fixtures of the k8s tests: an emulated API server (kmock, tests/k8s/emulator.py), teams that
scope the fleet, and a cluster registered for pull and polled once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accounts.actor import Actor
from accounts.teams import Team
from k8s import services
from k8s.models import Cluster
from tests.k8s.emulator import Cluster as Emulator
from tests.k8s.emulator import small_cluster


@pytest.fixture(autouse=True)
def _private_api_servers(settings) -> None:
    # The emulator listens on 127.0.0.1, a private address the guard refuses by default.
    settings.K8S_ALLOW_PRIVATE = True


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    cluster = small_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def teams(operator, viewer, outsider) -> None:
    """operator and viewer see the "prod" tag; outsider only "lab"."""
    prod = Team.objects.create(name="prod", tags=["prod"])
    prod.members.add(operator, viewer)
    Team.objects.create(name="lab", tags=["lab"]).members.add(outsider)


def register(admin, url: str, name: str = "prod-eu", **fields) -> Cluster:
    fields.setdefault("tags", ["prod"])
    return services.register_cluster(Actor.for_user(admin, "api"), name=name, api_url=url, token="sa-token", **fields)


@pytest.fixture
def pulled(admin, emulator, teams) -> Cluster:
    """The emulator registered as ``prod-eu`` (tag prod, actions on) and polled once."""
    cluster = register(admin, emulator.url, actions_enabled=True)
    assert services.poll(cluster.pk), Cluster.objects.get(pk=cluster.pk).last_error
    cluster.refresh_from_db()
    return cluster
