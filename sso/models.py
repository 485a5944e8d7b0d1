"""A GitHub sign-in in flight. Which GitHub account belongs to which user is allauth's
``SocialAccount`` (provider ``github``, uid = GitHub's numeric user id)."""

from __future__ import annotations

from typing import Any

from django.db import models

from chatops.crypto import EncryptedTextField


class SignInState(models.Model):
    """The ``state`` of one GitHub sign-in: single use, short-lived, bound to the caller that
    started it. Only hashes are kept, so a copy of the table starts no sign-in."""

    state_hash = models.CharField(max_length=64, unique=True)
    #: The hash of the binding secret the starting caller got in a cookie.
    binding_hash = models.CharField(max_length=64)
    #: Where GitHub sends the browser back; the code exchange must name it again.
    redirect_uri = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"GitHub sign-in started {self.created_at:%Y-%m-%d %H:%M:%S}"


class GitHubSignInSettings(models.Model):
    """The admin console's override of the GitHub sign-in's environment settings (one row).
    While ``use_environment`` is on, the GITHUB_* variables apply and the fields are ignored;
    GITHUB_URL (which GitHub) is the environment's only."""

    use_environment = models.BooleanField(
        default=True, help_text="Use the GITHUB_* environment settings and ignore the fields below."
    )
    enabled = models.BooleanField(default=False, help_text="Offer GitHub sign-in (both routes and the button).")
    client_id = models.CharField(max_length=100, blank=True, help_text="The GitHub OAuth app's client ID.")
    client_secret = EncryptedTextField(blank=True, help_text="Encrypted at rest; never shown again.")
    allowed_orgs = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Comma-separated GitHub organisation logins; only their members may sign in. Empty: anyone.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "GitHub sign-in settings"
        verbose_name_plural = "GitHub sign-in settings"

    def __str__(self) -> str:
        return "GitHub sign-in settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1  # one row, always
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> GitHubSignInSettings | None:
        return cls.objects.filter(pk=1).first()

    @property
    def org_list(self) -> list[str]:
        return [org.strip() for org in self.allowed_orgs.split(",") if org.strip()]
