"""Users and their roles, API keys, the audit log and rate-limit counters."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db import models
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone

from accounts import scopes as key_scopes
from accounts.actor import VIA_CHOICES
from accounts.choices import ROLE_RANK, Role

_KEY_ALPHABET = string.ascii_letters + string.digits
_KEY_RANDOM_CHARS = 40  # 40 base62 characters: about 238 bits of entropy
_KEY_LOOKUP_CHARS = 8  # the first characters after the prefix, stored in clear to find the row
LAST_USED_RESOLUTION = timedelta(seconds=60)
# The access-token claim that carries the user's ``password_version`` when it was issued.
PASSWORD_VERSION_CLAIM = "pwv"  # noqa: S105 - a claim name, not a secret
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, username: str, email: str, password: str | None = None, **extra: Any) -> User:
        if not username:
            raise ValueError("A user needs a username")
        if not email:
            raise ValueError("A user needs an email address")
        user = self.model(username=username, email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, username: str, email: str, password: str | None = None, **extra: Any) -> User:
        extra["role"] = Role.ADMIN
        return self.create_user(username, email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(username__iexact=username)

    def for_login(self, identifier: str) -> User | None:
        """The active user whose username or email is ``identifier`` (case-insensitive).

        Compared with the database's LOWER(), the function the unique constraints use, so at
        most one user matches and the failed-login counter (per account) agrees with it on
        every backend. (``iexact`` is UPPER() on PostgreSQL, where "v\u0131ewer2", with a dotless
        i, matched "viewer2"; and LIKE on SQLite.)"""
        field = "email" if "@" in identifier else "username"
        return self.filter(is_active=True).alias(key=Lower(field)).filter(key=Lower(Value(identifier))).first()


class User(AbstractBaseUser):
    """A person (or a service account) who uses the hub, with one role."""

    username = models.CharField(max_length=150, unique=True, validators=[UnicodeUsernameValidator()])
    email = models.EmailField(max_length=254, unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    alert_emails = models.BooleanField(
        default=False, help_text="Email me when an alert fires, repeats or resolves (opt-in)."
    )
    is_active = models.BooleanField(default=True)
    password_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UserManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        ordering = ["username"]
        constraints = [
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.username

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        # Access tokens issued before this moment stop working (see authentication.py).
        self.password_changed_at = timezone.now()

    @property
    def password_version(self) -> int:
        """The moment of the last password change in whole microseconds (0 if never): access
        tokens carry it, and one that carries another value is refused."""
        changed = self.password_changed_at
        return 0 if changed is None else (changed - _EPOCH) // timedelta(microseconds=1)

    def has_role(self, role: str) -> bool:
        """True if this user's role is ``role`` or above it."""
        return self.is_active and ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(role)]

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)

    def is_last_active_admin(self) -> bool:
        """An active admin with no other active admin: demoting or deactivating them would
        leave the hub without one, so nobody may (the API, the console)."""
        if not self.is_admin:
            return False
        return not User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=self.pk).exists()

    # The Django admin is the operator console of admins; they hold every model permission.
    @property
    def is_staff(self) -> bool:
        return self.is_admin

    @property
    def is_superuser(self) -> bool:
        return self.is_admin

    def has_perm(self, perm: str, obj: object = None) -> bool:
        return self.is_admin

    def has_perms(self, perm_list: Any, obj: object = None) -> bool:
        return self.is_admin

    def has_module_perms(self, app_label: str) -> bool:
        return self.is_admin


def hash_key(raw: str) -> str:
    # The key carries ~238 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(raw.encode()).hexdigest()


class APIKeyQuerySet(models.QuerySet["APIKey"]):
    def active(self) -> APIKeyQuerySet:
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, user__is_active=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )

    def visible_to(self, user: User) -> APIKeyQuerySet:
        """Admins see every key; everyone else only their own."""
        return self if user.is_admin else self.filter(user=user)

    def for_raw_key(self, raw: str) -> APIKey | None:
        """The active key ``raw`` is, compared in constant time; None if there is none."""
        prefix = settings.API_KEY_PREFIX
        if not raw.startswith(prefix) or len(raw) != len(prefix) + _KEY_RANDOM_CHARS:
            return None
        lookup = raw[: len(prefix) + _KEY_LOOKUP_CHARS]
        candidate = self.active().select_related("user", "server").filter(lookup=lookup).first()
        digest = hash_key(raw)
        # Compare even when no row matched, so timing does not tell whether a lookup exists.
        expected = candidate.key_hash if candidate is not None else "0" * 64
        if hmac.compare_digest(expected, digest) and candidate is not None:
            return candidate
        return None


class APIKey(models.Model):
    """A secret for an agent or a script. Shown once at creation; only its hash is kept. What
    it may do is its ``scopes`` (``accounts.scopes``), capped by its owner's current role."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100)
    server = models.ForeignKey(
        "servers.Server", on_delete=models.CASCADE, null=True, blank=True, related_name="api_keys"
    )
    scopes = models.JSONField(default=list, blank=True, help_text="What the key is for (see accounts.scopes).")
    lookup = models.CharField(max_length=32, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = APIKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.lookup}…)"

    @staticmethod
    def generate() -> str:
        return settings.API_KEY_PREFIX + "".join(secrets.choice(_KEY_ALPHABET) for _ in range(_KEY_RANDOM_CHARS))

    def set_key(self, raw: str) -> None:
        self.lookup = raw[: len(settings.API_KEY_PREFIX) + _KEY_LOOKUP_CHARS]
        self.key_hash = hash_key(raw)

    @property
    def is_active(self) -> bool:
        """The same rule as ``APIKeyQuerySet.active``: not revoked, not expired, owner active."""
        if self.revoked_at is not None or not self.user.is_active:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()

    def allows(self, scope: str) -> bool:
        """The key has ``scope`` and its owner's role still reaches it."""
        return scope in self.scopes and key_scopes.role_allows(self.user.role, scope) and self.user.is_active

    @property
    def is_agent_key(self) -> bool:
        return self.server_id is not None and key_scopes.AGENT in self.scopes

    @property
    def is_enrolment_key(self) -> bool:
        return self.server_id is None and self.allows(key_scopes.ENROL)

    @property
    def opens_agent_socket(self) -> bool:
        """An agent key (for its own server, whatever the owner's role now: binding needed an
        admin, and demoting one must not take their fleet offline) or an admin's enrolment key."""
        return self.is_agent_key or self.is_enrolment_key

    def touch(self) -> None:
        """Record use, at most once a minute, so a busy key does not write on every request."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USED_RESOLUTION:
            APIKey.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class AuditLog(models.Model):
    """Who did what to which object, from where. Written by ``services.record_audit`` only."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    api_key = models.ForeignKey(APIKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Kept in clear so the entry still says who it was after the user or key is deleted.
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=64, db_index=True)
    # Where the action came in (accounts.actor.Via): api, admin, socket, chat, worker, system.
    # Empty on entries written before the hub recorded it (so the API's enum includes "").
    via = models.CharField(
        max_length=16, blank=True, default="", choices=[("", "not recorded"), *((v, v) for v in VIA_CHOICES)]
    )
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=256, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),
            models.Index(fields=["actor", "created_at"], name="audit_actor_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.actor_label or '-'} {self.action}"


class RateLimitCounter(models.Model):
    """One fixed window of one rate-limit bucket, when Redis is not configured."""

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}={self.count}"


from accounts.teams import Team  # noqa: E402  (re-exported: the app's models module names every model)

__all__ = ["APIKey", "AuditLog", "RateLimitCounter", "Team", "User"]
