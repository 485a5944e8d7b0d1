from __future__ import annotations

import pytest

from chatbot.models import FAQ
from tests.factories import UserFactory


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
