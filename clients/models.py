"""Client applications: a CI system, a script or another tool that calls the API as itself.

Each client acts through a bot ``User`` of its own (``Client.user``): the user carries the
client's role and its team memberships, so every rule that reads a user (role checks,
``Server.objects.visible_to``, chat membership) applies to a client unchanged. The bot has an
unusable password and no API keys: the client's ``ck_`` key is the only way to act as it.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import string

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.models import LAST_USED_RESOLUTION, hash_key

#: A client's name is also its bot's username (chat shows it, mentions use it): letters,
#: digits and . _ - (a letter or digit first), like ``ci-deploy``.
NAME_RE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}\Z"
MAX_NAME_LENGTH = 63
MAX_DESCRIPTION_LENGTH = 500
#: Allowed address ranges per client; an empty list allows every address.
MAX_IP_RANGES = 50
_KEY_ALPHABET = string.ascii_letters + string.digits
KEY_RANDOM_CHARS = 40  # 40 base62 characters: about 238 random bits
_KEY_LOOKUP_CHARS = 8  # after the prefix, stored in clear to find the row
#: The bots' addresses: a reserved top-level domain (RFC 2606), so no mail ever leaves for one.
BOT_EMAIL_DOMAIN = "clients.invalid"

name_validator = RegexValidator(NAME_RE, "1-63 letters, digits and . _ - (a letter or digit first).")


def generate_key() -> str:
    return settings.CLIENT_KEY_PREFIX + "".join(secrets.choice(_KEY_ALPHABET) for _ in range(KEY_RANDOM_CHARS))


def key_lookup(raw: str) -> str:
    return raw[: len(settings.CLIENT_KEY_PREFIX) + _KEY_LOOKUP_CHARS]


def address_allowed(ip: str | None, ranges: list[str]) -> bool:
    """``ip`` is in one of ``ranges`` (CIDR strings); every address is when there are none."""
    if not ranges:
        return True
    try:
        address = ipaddress.ip_address(ip or "")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # a dual-stack socket's view of an IPv4 peer
    return any(address in ipaddress.ip_network(network) for network in ranges)


class ClientQuerySet(models.QuerySet["Client"]):
    def active(self) -> ClientQuerySet:
        return self.filter(revoked_at__isnull=True, user__is_active=True)

    def for_raw_key(self, raw: str) -> Client | None:
        """The active client whose key ``raw`` is, compared in constant time; None if none."""
        prefix = settings.CLIENT_KEY_PREFIX
        if not raw.startswith(prefix) or len(raw) != len(prefix) + KEY_RANDOM_CHARS:
            return None
        candidate = self.active().select_related("user").filter(lookup=key_lookup(raw)).first()
        digest = hash_key(raw)
        # Compare even when no row matched, so timing does not tell whether a lookup exists.
        expected = candidate.key_hash if candidate is not None else "0" * 64
        if hmac.compare_digest(expected, digest) and candidate is not None:
            return candidate
        return None


class Client(models.Model):
    """A registered application. Its key is shown once (at registration and at each rotation);
    only its SHA-256 hash is kept, found by its first characters (``lookup``)."""

    name = models.CharField(max_length=MAX_NAME_LENGTH, validators=[name_validator])
    description = models.CharField(max_length=MAX_DESCRIPTION_LENGTH, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="client", editable=False
    )
    team = models.ForeignKey("accounts.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="clients")
    allowed_ips = models.JSONField(
        default=list, blank=True, help_text="CIDR ranges the key is accepted from; empty: anywhere."
    )
    lookup = models.CharField(max_length=32, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    key_created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ClientQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="clients_client_name_ci_unique")]

    def __str__(self) -> str:
        return self.name

    def set_key(self, raw: str) -> None:
        self.lookup = key_lookup(raw)
        self.key_hash = hash_key(raw)
        self.key_created_at = timezone.now()

    @property
    def role(self) -> str:
        """The bot's role: the one place it is kept."""
        return str(self.user.role)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.user.is_active

    @property
    def prefix(self) -> str:
        return self.lookup

    # What ``accounts.actor.Actor.from_request`` reads from ``request.auth`` (the accounts app
    # names no app above it, so it asks for this shape: ``accounts.actor.ActingClient``).
    @property
    def client_id(self) -> int:
        return int(self.pk)

    @property
    def actor_label(self) -> str:
        """How the audit log names the client."""
        return f"client {self.name}"

    def allows_address(self, ip: str | None) -> bool:
        return address_allowed(ip, list(self.allowed_ips))

    def touch(self) -> None:
        """Record use, at most once a minute, so a busy client does not write on every request."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USED_RESOLUTION:
            Client.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
