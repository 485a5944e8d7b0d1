"""Labels (corrections that become training data) and the model versions retrained from them."""

from __future__ import annotations

from django.db import models

from triage.choices import CATEGORIES, PRIORITIES


class Label(models.Model):
    """One labelled ticket text beyond the shipped training set (a support correction)."""

    text = models.TextField()
    category = models.CharField(max_length=32, choices=[(c, c) for c in CATEGORIES])
    priority = models.CharField(max_length=16, choices=[(p, p) for p in PRIORITIES], blank=True, default="")
    #: Where it came from (``helpdesk``: a support change of category).
    source = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.category}: {self.text[:60]}"


class ModelVersion(models.Model):
    """A trained model, kept or rejected on its held-out scores.

    No fitted model is stored (no pickles in the database): a version is the shipped data (its
    digest) plus every ``Label`` up to ``label_cutoff``, and training is deterministic, so each
    process rebuilds the active version from those at its first prediction.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        RETIRED = "retired", "Retired"
        REJECTED = "rejected", "Rejected"

    status = models.CharField(max_length=16, choices=Status.choices)
    #: The highest ``Label.id`` trained on (0: the shipped data alone).
    label_cutoff = models.BigIntegerField(default=0)
    n_train = models.PositiveIntegerField()
    #: SHA-256 of triage/data/train.txt + heldout.txt when trained.
    data_digest = models.CharField(max_length=64)
    sklearn_version = models.CharField(max_length=32)
    #: Held-out scores: {"category": {accuracy, macro_f1, brier, ece, n}, "priority": {...}}.
    heldout = models.JSONField(default=dict)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=models.Q(status="active"), name="triage_one_active_model"
            )
        ]

    def __str__(self) -> str:
        return f"model v{self.pk} ({self.status})"
