"""What a channel's ``target`` may be for each kind, and how it is shown (always masked).

- email: an email address; shown as ``o…@example.com``.
- webhook: an http(s) URL whose host resolves to public addresses (``chatops.net``, the same
  rule as webhooks); shown as ``https://hooks.example.com/…`` (a path can be a credential).
- apprise: an Apprise URL of a service that speaks HTTP(S) (``notifications.apprise_urls``);
  shown in Apprise's privacy form, further masked.
- inapp: not a channel anyone creates: every user's in-app inbox is always on.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from chatops import crypto, net
from notifications import apprise_urls
from notifications.choices import ChannelKind

MAX_TARGET_LENGTH = 2000
#: The kinds a channel may be created with (in-app is every user's, always).
CREATABLE_KINDS = (ChannelKind.EMAIL, ChannelKind.WEBHOOK, ChannelKind.APPRISE)
#: The same as choices (the API's enum, named ChannelKindEnum in the schema).
CREATABLE_KIND_CHOICES = [(kind.value, kind.label) for kind in CREATABLE_KINDS]

_email = EmailValidator(message="Enter a valid email address.")
_url = URLValidator(schemes=list(net.ALLOWED_SCHEMES), message="Enter a valid http:// or https:// URL.")


def clean(kind: str, target: str, *, resolve: bool = True) -> str:
    """The target as stored, or a ``ValidationError`` saying what is wrong with it (never
    repeating it: it may be a secret). ``resolve``: apply the address rule now."""
    target = target.strip()
    if not target:
        raise ValidationError("This field may not be blank.")
    if len(target) > MAX_TARGET_LENGTH:
        raise ValidationError(f"At most {MAX_TARGET_LENGTH} characters.")
    if kind == ChannelKind.EMAIL:
        _email(target)
        local, _, domain = target.rpartition("@")
        return f"{local}@{domain.lower()}"
    if kind == ChannelKind.WEBHOOK:
        _url(target)
        if resolve:
            try:
                net.check_url(target, allow_private=net.private_allowed())
            except net.UnsafeURL as exc:
                raise ValidationError(str(exc)) from None
        else:
            try:
                net.parse(target)
            except net.UnsafeURL as exc:
                raise ValidationError(str(exc)) from None
        return target
    if kind == ChannelKind.APPRISE:
        try:
            apprise_urls.check(target, resolve=resolve)
        except apprise_urls.InvalidAppriseURL as exc:
            raise ValidationError(str(exc)) from None
        return target
    if kind == ChannelKind.INAPP:
        raise ValidationError("The in-app inbox is always on for every user; it is not a channel to create.")
    raise ValidationError(f"Unknown kind {kind!r}.")


def describe(kind: str, target: str) -> tuple[str, str]:
    """The target masked, and what it reaches ("Email", "Webhook", Apprise's service name)."""
    if kind == ChannelKind.APPRISE and target:
        shown, name = apprise_urls.describe(target)
        return shown, name or "Apprise"
    return masked(kind, target), service(kind, target)


def masked(kind: str, target: str) -> str:
    """How a target is shown in every response (and the only way it is ever shown)."""
    if not target:
        return ""
    if kind == ChannelKind.EMAIL:
        return mask_address(target)
    if kind == ChannelKind.WEBHOOK:
        try:
            parts = urlsplit(target)
            host = parts.hostname or ""
            port = f":{parts.port}" if parts.port else ""
        except ValueError:
            return crypto.mask(target)
        return f"{parts.scheme}://{f'[{host}]' if ':' in host else host}{port}/…"
    if kind == ChannelKind.APPRISE:
        return apprise_urls.masked(target)
    return crypto.mask(target)


def mask_address(address: str) -> str:
    local, at, domain = address.rpartition("@")
    if not at:
        return crypto.mask(address)
    return f"{local[:1]}…@{domain}"


def service(kind: str, target: str) -> str:
    """What the channel reaches, in words: "Email", "Webhook", or Apprise's service name."""
    if kind == ChannelKind.APPRISE:
        return apprise_urls.describe(target)[1] or "Apprise"
    return str(ChannelKind(kind).label) if kind in ChannelKind.values else kind
