from __future__ import annotations

import pytest

from chatbot.models import FAQ
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _own_var_dir(settings, tmp_path_factory):
    """The classifier caches its fitted model under VAR_DIR/triage: never the developer's var/."""
    settings.VAR_DIR = tmp_path_factory.getbasetemp() / "var"


@pytest.fixture
def requester(db):
    return UserFactory.create(username="rita", role="requester")


@pytest.fixture
def other_requester(db):
    return UserFactory.create(username="rob", role="requester")


@pytest.fixture
def support(db):
    return UserFactory.create(username="sam", role="support")


@pytest.fixture
def faq(db) -> FAQ:
    """One of the starter FAQs the data migration loaded."""
    return FAQ.objects.get(question="How do I reset my password?")


@pytest.fixture
def draft(db) -> FAQ:
    return FAQ.objects.create(question="Draft: how do I use the VPN?", answer="Not written yet.", is_active=False)
