"""The hub's email provider (admins): replaced whole, its secrets kept when not given again,
checked without sending unless asked to. Audited, never with a secret."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import transaction
from rest_framework.exceptions import PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from accounts.services import record_audit
from chatops import net
from notifications import mail, mail_check
from notifications.choices import EmailProviderKind, SmtpSecurity
from notifications.models import EmailProvider

#: ``provider`` meaning "no provider of the hub's own: Django's EMAIL_* settings".
ENVIRONMENT = "environment"
_api_url = URLValidator(schemes=list(net.ALLOWED_SCHEMES))


def _ensure_admin(actor: Actor) -> None:
    if not actor.has_role(Role.ADMIN):
        raise PermissionDenied("Only admins may configure email.")


def _checked_api_url(value: str) -> str:
    try:
        _api_url(value)
        net.check_url(value, allow_private=net.private_allowed())
    except DjangoValidationError:
        raise ValidationError({"options": {"api_url": ["Enter a valid http:// or https:// URL."]}}) from None
    except net.UnsafeURL as exc:
        raise ValidationError({"options": {"api_url": [str(exc)]}}) from None
    return value


def build(
    *,
    provider: str,
    from_email: str = "",
    host: str = "",
    port: int | None = None,
    security: str = SmtpSecurity.STARTTLS,
    username: str = "",
    password: str | None = None,
    credentials: dict[str, str] | None = None,
    options: dict[str, Any] | None = None,
) -> EmailProvider | None:
    """The configuration described, unsaved (None: the ``EMAIL_*`` settings). Secrets not given
    (``password``, ``credentials`` entries) are the stored ones of the same provider."""
    if provider == ENVIRONMENT:
        return None
    stored = mail.current()
    same = stored is not None and stored.provider == provider
    config = EmailProvider(pk=EmailProvider.SINGLETON, provider=provider, from_email=from_email)
    if provider == EmailProviderKind.SMTP:
        if not host:
            raise ValidationError({"host": ["The SMTP server's host name is required."]})
        try:
            net.parse(f"http://{f'[{host}]' if ':' in host else host}:{port or 25}/")
        except net.UnsafeURL:
            raise ValidationError({"host": ["Not a valid host name or address."]}) from None
        config.host, config.port, config.security, config.username = host, port, security, username
        config.password = password if password is not None else (stored.password if same and stored else "")
        return config
    esp = mail.ESPS[provider]
    secrets = {**(stored.secrets if same and stored else {}), **(credentials or {})}
    unknown = sorted(set(credentials or {}) - set(esp.secrets))
    if unknown:
        raise ValidationError(
            {"credentials": [f"{esp.label} takes {', '.join(esp.secrets)}; not {', '.join(unknown)}."]}
        )
    missing = [name for name in esp.secrets if not secrets.get(name)]
    if missing:
        raise ValidationError({"credentials": [f"{esp.label} needs {', '.join(missing)}."]})
    options = {name: value for name, value in (options or {}).items() if value not in ("", None)}
    unknown = sorted(set(options) - set(esp.options))
    if unknown:
        raise ValidationError({"options": [f"{esp.label} takes {', '.join(esp.options)}; not {', '.join(unknown)}."]})
    if options.get("api_url"):
        options["api_url"] = _checked_api_url(str(options["api_url"]))
    config.secrets = {name: secrets[name] for name in esp.secrets}
    config.options = options
    return config


def _details(config: EmailProvider | None, **extra: Any) -> dict[str, Any]:
    if config is None:
        return {"provider": ENVIRONMENT, **extra}
    details: dict[str, Any] = {"provider": config.provider, "from_email": config.from_email}
    if config.provider == EmailProviderKind.SMTP:
        details.update(host=config.host, port=config.port, security=config.security, username=config.username)
    else:
        details.update(options=config.options)
    return {**details, **extra}


def update_email_provider(actor: Actor, **fields: Any) -> EmailProvider | None:
    """Replace the hub's email configuration (``provider="environment"``: drop it and use the
    ``EMAIL_*`` settings again)."""
    _ensure_admin(actor)
    config = build(**fields)
    with transaction.atomic():
        before = EmailProvider.objects.select_for_update().filter(pk=EmailProvider.SINGLETON).first()
        secrets_changed: list[str] = []
        if config is None:
            EmailProvider.objects.filter(pk=EmailProvider.SINGLETON).delete()
        else:
            if before is None or before.provider != config.provider or before.password != config.password:
                secrets_changed += ["password"] if config.password else []
            old = before.secrets if before is not None and before.provider == config.provider else {}
            secrets_changed += sorted(k for k, v in config.secrets.items() if old.get(k) != v)
            config.updated_by = actor.user
            config.save()
        record_audit(
            "email_provider.updated",
            actor=actor,
            target_type="notifications.emailprovider",
            target_id=EmailProvider.SINGLETON,
            # Which secrets changed, by name: never a value.
            details=_details(config, secrets_changed=secrets_changed),
        )
    return config


def validate_email_provider(actor: Actor, *, test_address: str = "", **fields: Any) -> mail_check.Report:
    """Check the configuration given (or, with no ``provider``, the one in use): connect and
    authenticate; send to ``test_address`` only if given and everything else passed."""
    _ensure_admin(actor)
    config = build(**fields) if fields.get("provider") else mail.current()
    report = mail_check.check(config, test_address=test_address)
    failed = report.failed
    record_audit(
        "email_provider.validated",
        actor=actor,
        target_type="notifications.emailprovider",
        target_id=EmailProvider.SINGLETON,
        details=_details(config, ok=report.ok, failed_step=failed.step if failed else "", sent=bool(report.sent_to)),
    )
    return report
