"""Fixtures of the notifications tests. Real receivers on 127.0.0.1: an HTTP server (the
webhooks tests' scripted receiver) for webhook channels, Apprise services and API email
providers, and an SMTP server (aiosmtpd) that signs users in and keeps every message it is
given; a delivery target registered by the test, and helpers to send and deliver."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from accounts.actor import Actor
from notifications import targets
from notifications.models import Delivery, Notification, NotificationChannel
from notifications.services import Recipients, send
from notifications.targets import DeliveryError, Target
from tests.webhooks.conftest import Receiver

SMTP_USER = "hub-mailer"
SMTP_PASSWORD = "smtp-Pa55word-never-shown"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    receiver.thread.start()
    try:
        yield receiver
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()


@pytest.fixture
def allow_private(settings):
    """The receivers are on loopback, which outgoing requests reach only with the switch on."""
    settings.OUTGOING_ALLOW_PRIVATE = True


@pytest.fixture
def forbid_private(settings):
    """The hub's default, whatever the environment running the tests says."""
    settings.OUTGOING_ALLOW_PRIVATE = None
    settings.WEBHOOK_ALLOW_PRIVATE = False


@dataclass
class Inbox:
    """What the SMTP server was given: (envelope sender, recipients, raw message) per message."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class SMTPServer:
    host: str
    port: int
    inbox: Inbox


@pytest.fixture
def smtp_server() -> Iterator[SMTPServer]:
    inbox = Inbox()

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == SMTP_USER.encode()
            and auth_data.password == SMTP_PASSWORD.encode()
        )
        if ok:
            inbox.logins.append(SMTP_USER)
        return AuthResult(success=ok, handled=False)

    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=authenticator, auth_require_tls=False)
    controller.start()
    try:
        yield SMTPServer("127.0.0.1", port, inbox)
    finally:
        controller.stop()


@pytest.fixture
def channel_of(db):
    """A channel row made directly (the API refuses private targets unless allowed); an
    email channel of its owner's address unless told otherwise."""

    def make(owner=None, kind: str = "email", target: str | None = None, **fields) -> NotificationChannel:
        if target is None:
            target = f"{owner.username}@example.com" if owner is not None else "ops@example.com"
        return NotificationChannel.objects.create(
            name=fields.pop("name", f"{kind} channel"), kind=kind, target=target, user=owner, **fields
        )

    return make


SINK = "test_sink"


@dataclass
class Sink:
    """A place deliveries go to: it keeps what it got, and fails when told to."""

    got: list[tuple[int, str, int | None]] = field(default_factory=list)
    #: Fail the next this many calls (retryable), or every call with ``permanent``.
    failures: int = 0
    permanent: bool = False
    known: set[int] = field(default_factory=lambda: {1, 2, 3})

    def deliver(self, delivery: Delivery) -> None:
        if self.permanent:
            raise DeliveryError("the sink refuses this for good", permanent=True)
        if self.failures:
            self.failures -= 1
            raise DeliveryError("the sink is down")
        self.got.append((delivery.pk, delivery.notification.subject, delivery.target_id))

    def exists(self, target_id: int) -> bool:
        return target_id in self.known


@pytest.fixture
def sink() -> Iterator[Sink]:
    made = Sink()
    targets.register_target(Target(SINK, "test sink", made.deliver, made.exists))
    yield made
    targets.unregister_target(SINK)


def notify(
    *, users: tuple[int, ...] = (), sinks: tuple[int, ...] = (), channels: tuple[int, ...] = (), **extra: Any
) -> Notification:
    """Send as the system, as alerts and other apps do."""
    fields: dict[str, Any] = {"type": "test", "subject": "Disk full", "content": "**/var** is at 97 %", **extra}
    recipients = Recipients(users=users, channels=channels, targets={SINK: sinks} if sinks else {})
    return send(Actor.system(), recipients=recipients, **fields)
