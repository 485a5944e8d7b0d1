"""THE way a delivery leaves the hub for kinds email, webhook and apprise: ``deliver(delivery)``
sends it once, now, or raises ``DeliveryError`` (``permanent`` when retrying cannot help: a
bad URL, refused credentials, a 4xx answer, a private address; else a timeout, a 5xx, a
connection error, which the worker retries). The worker's job calls it for each claimed
delivery, a channel's test endpoint for a test message; neither holds a database transaction
open meanwhile.

Every request goes through the private-address guard (``chatops.net``): webhook channels by
``net.post`` (checked, pinned address, no redirects), Apprise services and email providers
configured through the API under ``net.guarded()``. Targets are secrets: no message here or
in a ``DeliveryError`` repeats one (addresses and URLs are masked).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from chatops import net
from notifications import apprise_urls, channel_targets, mail
from notifications.choices import ChannelKind, Severity
from notifications.models import Delivery, Notification, NotificationChannel
from notifications.targets import DeliveryError

logger = logging.getLogger(__name__)

KINDS = (ChannelKind.EMAIL, ChannelKind.WEBHOOK, ChannelKind.APPRISE)
RESPONSE_BODY_LIMIT = 1024


def deliver(delivery: Delivery) -> None:
    """Send ``delivery`` once; ``DeliveryError`` when it did not arrive."""
    notification = delivery.notification
    kind = delivery.kind
    target = _target(delivery)
    if kind == ChannelKind.EMAIL:
        mail.send(target, notification.subject, notification.content, provider=mail.current())
    elif kind == ChannelKind.WEBHOOK:
        _webhook(target, notification)
    elif kind == ChannelKind.APPRISE:
        _apprise(target, notification)
    else:
        raise DeliveryError(f"No transport for deliveries of kind {kind!r}.", permanent=True)


def _target(delivery: Delivery) -> str:
    channel = delivery.channel
    if channel is not None:
        if channel.kind != delivery.kind:
            raise DeliveryError(f"The channel is now of kind {channel.kind}, not {delivery.kind}.", permanent=True)
        return channel.target
    if delivery.kind == ChannelKind.EMAIL and delivery.address:
        return delivery.address
    raise DeliveryError("Nothing to send to: the channel was deleted.", permanent=True)


def _timeout() -> float:
    return float(settings.NOTIFICATION_TIMEOUT_SECONDS)


def payload(notification: Notification) -> dict[str, object]:
    """The JSON a webhook channel is sent."""
    return {
        "notification": notification.pk,
        "type": notification.type,
        "severity": notification.severity,
        "subject": notification.subject,
        "content": notification.content,
        "data": notification.data,
        "created_at": notification.created_at,
    }


def _webhook(url: str, notification: Notification) -> None:
    body = json.dumps(payload(notification), cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"ChatOps-Notifications/{settings.VERSION}",
        "Connection": "close",
    }
    answer = net.post(
        url, body, headers, timeout=_timeout(), allow_private=net.private_allowed(), body_limit=RESPONSE_BODY_LIMIT
    )
    shown = channel_targets.masked(ChannelKind.WEBHOOK, url)
    code = answer.status_code
    if code is not None and 200 <= code < 300:
        return
    if code is None:
        error = apprise_urls.redact(answer.error, url, keep_host=_host(url))
        raise DeliveryError(f"{shown}: {error}"[:500], permanent=answer.refused)
    retry = code in (408, 425, 429) or code >= 500
    extra = f" ({answer.error})" if answer.error else ""
    raise DeliveryError(f"{shown} answered HTTP {code}{extra}"[:500], permanent=not retry)


def _host(url: str) -> str:
    try:
        return net.parse(url)[1]
    except net.UnsafeURL:
        return ""


def _apprise(url: str, notification: Notification) -> None:
    outcome = apprise_urls.notify(
        url,
        title=notification.subject,
        body=notification.content,
        severity=notification.severity,
        timeout=_timeout(),
    )
    if not outcome.ok:
        raise DeliveryError(outcome.error, permanent=outcome.permanent)


@dataclass(frozen=True)
class ChannelCheck:
    ok: bool
    error: str
    permanent: bool
    duration_ms: int


TEST_SUBJECT = "ChatOps: test notification"


def send_test(channel: NotificationChannel) -> ChannelCheck:
    """Send a test message through ``channel`` now (nothing is stored) and say how it went."""
    notification = Notification(
        type="channel.test",
        severity=Severity.INFO,
        subject=TEST_SUBJECT,
        content=f"This is a test of the notification channel “{channel.name}”. If you read it, it works.",
    )
    delivery = Delivery(notification=notification, kind=channel.kind, channel=channel)
    started = time.monotonic()
    try:
        deliver(delivery)
    except DeliveryError as exc:
        result = ChannelCheck(False, str(exc), exc.permanent, int((time.monotonic() - started) * 1000))
    else:
        result = ChannelCheck(True, "", False, int((time.monotonic() - started) * 1000))
    logger.info(
        "Channel %s (%s) test: %s in %d ms",
        channel.pk,
        channel.kind,
        "ok" if result.ok else "failed",
        result.duration_ms,
    )
    return result
