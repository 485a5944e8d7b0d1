"""triage.predict and triage.record_label, as the wave contract states them."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

import triage
from triage.choices import CATEGORIES, PRIORITIES
from triage.models import Label

pytestmark = pytest.mark.django_db


def test_prediction_is_the_contract_dataclass():
    prediction = triage.predict("Forgot my password", "I cannot log into the hub, please reset my password.")
    assert dataclasses.is_dataclass(prediction)
    with pytest.raises(dataclasses.FrozenInstanceError):
        prediction.category = "other"
    assert prediction.category == "password_reset"
    assert not prediction.needs_review
    assert 0.5 <= prediction.confidence <= 1.0
    assert prediction.suggested_category == "password_reset"
    assert prediction.priority in PRIORITIES
    assert 0.0 < prediction.priority_confidence <= 1.0


@pytest.mark.parametrize(
    ("title", "description", "category"),
    [
        (
            "Checkout is down",
            "The checkout service returns 503 for everyone and the process is not running.",
            "system_down",
        ),
        (
            "Everything is slow",
            "Pages take 15 seconds to load and CPU is at 100 percent on the web servers.",
            "performance_issue",
        ),
        ("Install Docker", "Please install Docker Desktop on my laptop.", "software_installation"),
        ("Broken screen", "My laptop screen cracked when it fell off the desk.", "hardware_issue"),
        ("Wi-Fi drops", "The wireless keeps disconnecting every few minutes on the 2nd floor.", "network_issue"),
    ],
)
def test_categories_of_plain_tickets(title, description, category):
    assert triage.predict(title, description).category == category


def test_under_the_threshold_goes_to_other_for_review(settings):
    settings.TRIAGE_CONFIDENCE_THRESHOLD = 0.999
    prediction = triage.predict("Install Docker", "Please install Docker Desktop on my laptop.")
    assert prediction.needs_review
    assert prediction.category == "other"
    assert prediction.suggested_category == "software_installation"
    # The confidence is the probability of the category returned (other), not of the suggestion.
    assert prediction.confidence < prediction.suggested_confidence


def test_an_ambiguous_ticket_is_flagged_at_the_default_threshold():
    prediction = triage.predict("question", "hello")
    assert prediction.needs_review or prediction.category == "other"


def test_probabilities_sum_to_one():
    from triage import services

    model = services.model_for(0)
    [categories], [priorities] = model.predict_proba(["printer jammed again"])
    assert set(categories) == set(CATEGORIES)
    assert set(priorities) == set(PRIORITIES)
    assert sum(categories.values()) == pytest.approx(1.0)
    assert sum(priorities.values()) == pytest.approx(1.0)


def test_record_label_stores_a_label():
    triage.record_label("The SAN is down\nAll VMs on it stopped", "system_down", source="helpdesk")
    label = Label.objects.get()
    assert (label.category, label.source, label.priority) == ("system_down", "helpdesk", "")


@pytest.mark.parametrize(
    ("category", "source", "priority", "text", "error"),
    [
        ("outage", "correction", None, "x", "Unknown category"),
        ("system_down", "Not A Source!", None, "x", "Unknown label source"),
        ("system_down", "correction", "urgent", "x", "Unknown priority"),
        ("system_down", "correction", None, "   ", "needs a text"),
    ],
)
def test_record_label_refuses_bad_input(category, source, priority, text, error):
    with pytest.raises(ValueError, match=error):
        triage.record_label(text, category, source=source, priority=priority)
    assert not Label.objects.exists()


def test_importing_triage_and_starting_django_loads_no_model():
    """The model is fitted at first use, never at hub start: neither django.setup() nor
    importing triage imports scikit-learn."""
    code = (
        "import django, sys; django.setup(); import triage, triage.services, triage.jobs; "
        "print('sklearn' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
        timeout=120,
    )
    assert result.stdout.strip() == "False"
