"""chatops.net: the one switch, and guarded(), which judges every connection a library opens
(requests, smtplib, a bare socket) at the moment it connects."""

from __future__ import annotations

import contextvars
import smtplib
import socket
import threading
from collections.abc import Iterator

import pytest
import requests

from chatops import net


@pytest.fixture
def listener() -> Iterator[int]:
    """A TCP port on 127.0.0.1 that accepts connections (and answers nothing)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield int(server.getsockname()[1])


def connect(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


class TestTheSwitch:
    def test_unset_it_follows_webhook_allow_private(self, settings):
        settings.OUTGOING_ALLOW_PRIVATE = None
        settings.WEBHOOK_ALLOW_PRIVATE = True
        assert net.private_allowed() is True
        settings.WEBHOOK_ALLOW_PRIVATE = False
        assert net.private_allowed() is False

    @pytest.mark.parametrize("webhook", [True, False])
    def test_set_it_decides_alone(self, settings, webhook):
        settings.WEBHOOK_ALLOW_PRIVATE = webhook
        settings.OUTGOING_ALLOW_PRIVATE = False
        assert net.private_allowed() is False
        settings.OUTGOING_ALLOW_PRIVATE = True
        assert net.private_allowed() is True

    @pytest.mark.django_db
    def test_webhooks_obey_it_too(self, settings, admin_client):
        settings.WEBHOOK_ALLOW_PRIVATE = False
        settings.OUTGOING_ALLOW_PRIVATE = True
        body = {"url": "http://127.0.0.1:9/hook", "events": ["command.completed"]}
        assert admin_client.post("/api/v1/webhooks", body, format="json").status_code == 201


class TestRefusal:
    @pytest.mark.parametrize(
        ("address", "words"),
        [
            (("127.0.0.1", 80), "a loopback address"),
            (("10.1.2.3", 25), "a private address"),
            (("169.254.169.254", 80), "a cloud metadata address"),
            (("::ffff:127.0.0.1", 80, 0, 0), "an IPv4-mapped form of a loopback address"),
            (("localhost", 80), "a loopback address"),
            ("/run/docker.sock", "a local socket"),
        ],
    )
    def test_non_public_destinations_are_refused_with_the_reason(self, address, words):
        reason = net.refusal(address)
        assert reason is not None and words in reason and "OUTGOING_ALLOW_PRIVATE" in reason

    def test_public_addresses_pass(self):
        assert net.refusal(("1.1.1.1", 443)) is None
        assert net.refusal(("2606:4700:4700::1111", 443, 0, 0)) is None


class TestGuarded:
    def test_a_socket_to_loopback_is_refused_inside_and_recorded(self, listener, settings):
        settings.OUTGOING_ALLOW_PRIVATE = False
        with net.guarded() as guard, pytest.raises(net.RefusedAddress):
            connect(listener)
        assert len(guard.refused) == 1 and "127.0.0.1, a loopback address" in guard.refused[0]

    def test_outside_or_with_private_allowed_it_connects(self, listener, settings):
        settings.OUTGOING_ALLOW_PRIVATE = False
        connect(listener)
        with net.guarded(allow_private=True) as guard:
            connect(listener)
        assert guard.refused == []

    def test_requests_meets_it(self, listener, settings):
        settings.OUTGOING_ALLOW_PRIVATE = False
        with net.guarded() as guard, pytest.raises(requests.ConnectionError):
            requests.get(f"http://127.0.0.1:{listener}/", timeout=2)
        assert guard.refused

    def test_smtplib_meets_it(self, listener, settings):
        settings.OUTGOING_ALLOW_PRIVATE = False
        with net.guarded() as guard, pytest.raises(net.RefusedAddress):
            smtplib.SMTP("127.0.0.1", listener, timeout=2)
        assert guard.refused

    def test_threads_given_a_copy_of_the_context_are_guarded_and_others_are_not(self, listener, settings):
        """What Apprise does (contextvars.copy_context().run) keeps the guard; a bare thread
        escapes it, which is why only libraries that do not connect from threads of their own
        are used inside (docs/notification-channels.md)."""
        settings.OUTGOING_ALLOW_PRIVATE = False
        outcomes: dict[str, str] = {}

        def attempt(name: str) -> None:
            try:
                connect(listener)
                outcomes[name] = "connected"
            except net.RefusedAddress:
                outcomes[name] = "refused"

        with net.guarded():
            copied = contextvars.copy_context()
            threads = [
                threading.Thread(target=copied.run, args=(attempt, "copied")),
                threading.Thread(target=attempt, args=("bare",)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(5)
        assert outcomes == {"copied": "refused", "bare": "connected"}
