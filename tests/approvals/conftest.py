"""Approvals' fixtures: the policies switched on, a second operator, a webhook listening."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from accounts.actor import Actor
from approvals.models import ApprovalPolicy
from tests.factories import UserFactory
from webhooks.models import Webhook


@pytest.fixture
def require() -> Callable[..., None]:
    """``require("run", "stop")``: those kinds now need a second person."""

    def switch(*kinds: str) -> None:
        # update_or_create: a transactional test's flush takes the migration's rows away.
        for kind in kinds:
            ApprovalPolicy.objects.update_or_create(kind=kind, defaults={"required": True})

    return switch


@pytest.fixture
def run_required(db, require):
    require("run", "restart", "stop")


@pytest.fixture
def other_operator(db):
    return UserFactory(role="operator")


@pytest.fixture
def hook(admin):
    return Webhook.objects.create(
        url="https://1.1.1.1/h", events=["approval.requested", "approval.decided"], secret="s", created_by=admin
    )


def api(user) -> Actor:
    return Actor.for_user(user, "api", ip="127.0.0.1")
