"""Client-application fixtures: ``ci`` (a viewer client, ``ci-deploy``) and its raw key
``ci_key``; ``deployer`` (an operator client) and ``deployer_key``. A fixture that is a ``str``
is a raw key to the role matrix (``tests/roles.py``), so ``ci_key`` is a caller there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.actor import Actor
from clients.models import Client
from clients.services import register_client
from tests.roles import bearer

URL = "/api/v1/clients"


@pytest.fixture
def register(admin) -> Callable[..., tuple[Client, str]]:
    """Register a client as the ``admin`` fixture would, through the service."""

    def make(name: str = "ci-deploy", **fields: Any) -> tuple[Client, str]:
        return register_client(Actor.for_user(admin, "api"), name=name, **fields)

    return make


@pytest.fixture
def ci_and_key(register) -> tuple[Client, str]:
    return register("ci-deploy", description="Deploys from CI")


@pytest.fixture
def ci(ci_and_key) -> Client:
    return ci_and_key[0]


@pytest.fixture
def ci_key(ci_and_key) -> str:
    return ci_and_key[1]


@pytest.fixture
def ci_api(ci_key) -> APIClient:
    return bearer(ci_key)


@pytest.fixture
def deployer_and_key(register) -> tuple[Client, str]:
    return register("deployer", role="operator")


@pytest.fixture
def deployer(deployer_and_key) -> Client:
    return deployer_and_key[0]


@pytest.fixture
def deployer_key(deployer_and_key) -> str:
    return deployer_and_key[1]
