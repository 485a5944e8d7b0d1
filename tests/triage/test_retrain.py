"""Retraining: corrections become labels; a candidate is kept only if not worse on the held-out set."""

from __future__ import annotations

import json

import pytest

import triage
from chatops import registry
from triage import classifier, services
from triage.models import ModelVersion

pytestmark = pytest.mark.django_db

GOOD_LABELS = [
    ("The ERP is offline for every user, its service crashed", "system_down"),
    ("Nobody can open the CRM, the server is not reachable at all", "system_down"),
    ("The warehouse app takes 40 seconds per screen since the update", "performance_issue"),
    ("Response times of the portal tripled this week", "performance_issue"),
    ("I forgot my password and my account is locked", "password_reset"),
    ("Please reset my password for the payroll tool", "password_reset"),
    ("Please install Inkscape on my laptop", "software_installation"),
    ("I need the Terraform CLI installed", "software_installation"),
    ("My laptop keyboard is broken, several keys don't work", "hardware_issue"),
    ("The printer tray is broken and jams constantly", "hardware_issue"),
    ("The VPN keeps disconnecting and DNS lookups fail", "network_issue"),
    ("No network at my new desk, the port seems dead", "network_issue"),
]


def test_the_retrain_job_is_registered():
    job = registry.jobs.get("triage.retrain")
    assert job is not None and job.period > 0


def test_nothing_to_do_without_enough_new_labels(settings):
    settings.TRIAGE_RETRAIN_MIN_LABELS = 5
    triage.record_label("The ERP is offline", "system_down", source="correction")
    assert services.retrain() is None
    assert not ModelVersion.objects.exists()


def test_good_labels_are_kept_and_become_the_active_model(settings):
    settings.TRIAGE_RETRAIN_TOLERANCE = 0.01
    for text, category in GOOD_LABELS:
        triage.record_label(text, category, source="correction")
    outcome = services.retrain(min_labels=1)
    assert outcome is not None and outcome.kept, outcome.version.reason if outcome else None
    active = services.active_version()
    assert active == outcome.version
    assert active.label_cutoff == max(label.id for label in triage.models.Label.objects.all())
    assert active.n_train == len(classifier.shipped_training()) + len(GOOD_LABELS)
    assert set(active.heldout["category"]) >= {"accuracy", "macro_f1", "brier", "ece", "n"}
    # The baseline (the shipped data alone) was recorded first, with its own scores, and retired.
    baseline = outcome.previous
    assert baseline is not None and baseline.label_cutoff == 0
    baseline.refresh_from_db()
    assert baseline.status == ModelVersion.Status.RETIRED
    assert active.data_digest == classifier.data_digest()
    assert triage.predict("Install Inkscape", "please").model_version == active.pk


def test_wrong_labels_are_rejected_and_the_active_model_stays(settings):
    """Support staff mislabelling a lot of tickets must not degrade the model: every held-out
    password reset relabelled as hardware makes a candidate that is worse, and it is rejected."""
    settings.TRIAGE_RETRAIN_TOLERANCE = 0.0
    wrong = [e for e in classifier.shipped_training() if e.category == "password_reset"]
    for example in wrong:
        # Reworded a little so they are labels of their own, not copies of the shipped lines.
        triage.record_label(example.text + "\nthanks", "hardware_issue", source="correction")
    outcome = services.retrain(min_labels=1)
    assert outcome is not None
    assert not outcome.kept
    assert outcome.version.status == ModelVersion.Status.REJECTED
    assert "macro-F1" in outcome.version.reason
    assert outcome.version.heldout["category"]["macro_f1"] < outcome.previous.heldout["category"]["macro_f1"]
    assert services.active_version() == outcome.previous
    assert triage.predict("Forgot my password", "Please reset my password").category == "password_reset"
    # The next run waits for new labels: those were tried already.
    assert services.retrain(min_labels=1) is None


def test_labels_equal_to_heldout_texts_are_never_trained_on():
    held = classifier.heldout()[0]
    triage.record_label(held.text, held.category, source="correction")
    triage.record_label("Printer is on fire", "hardware_issue", source="correction")
    texts = [e.text for e in services.training_examples(10**9)]
    assert held.text not in texts
    assert "Printer is on fire" in texts


def test_not_worse_rule():
    base = {"category": {"macro_f1": 0.9, "brier": 0.1}}
    assert services.not_worse({"category": {"macro_f1": 0.9, "brier": 0.1}}, base, 0.0)[0]
    assert not services.not_worse({"category": {"macro_f1": 0.89, "brier": 0.1}}, base, 0.0)[0]
    assert services.not_worse({"category": {"macro_f1": 0.89, "brier": 0.1}}, base, 0.02)[0]
    assert not services.not_worse({"category": {"macro_f1": 0.95, "brier": 0.11}}, base, 0.0)[0]


def test_a_fitted_model_is_cached_on_disk_with_its_provenance(settings, tmp_path):
    import json

    settings.VAR_DIR = tmp_path
    triage.record_label("The NAS is down for everyone", "system_down", source="helpdesk")
    cutoff = triage.models.Label.objects.get().pk
    services.clear_cache()
    fitted = services.model_for(cutoff)
    [artefact] = (tmp_path / "triage").glob("*.joblib")
    provenance = json.loads(artefact.with_suffix(".json").read_text())
    assert provenance == {
        "label_cutoff": cutoff,
        "data_digest": classifier.data_digest(),
        "sklearn_version": classifier.sklearn_version(),
        "labels_digest": services.labels_digest(cutoff),
    }
    # Another process (here: an emptied cache) reads it back instead of fitting again.
    services.clear_cache()
    loaded = services.model_for(cutoff)
    assert loaded is not fitted
    texts = ["printer jammed", "cannot log in", "site is down"]
    assert loaded.predict_proba(texts) == fitted.predict_proba(texts)
    # A label changed under the same id: the provenance no longer matches, so it is refitted.
    triage.models.Label.objects.filter(pk=cutoff).update(category="hardware_issue")
    services.clear_cache()
    services.model_for(cutoff)
    assert len(list((tmp_path / "triage").glob("*.joblib"))) == 2


def test_the_warm_job_fits_the_model_before_any_ticket_asks(settings, tmp_path):
    from chatops import registry

    settings.VAR_DIR = tmp_path
    services.clear_cache()
    registry.jobs.get("triage.warm").run()
    [artefact] = (tmp_path / "triage").glob("*.joblib")
    assert json.loads(artefact.with_suffix(".json").read_text())["label_cutoff"] == 0
    assert len(services._models) == 1  # this process's cache is warm: a prediction fits nothing
    services.predict("printer jammed", "")
    assert len(list((tmp_path / "triage").glob("*.joblib"))) == 1
