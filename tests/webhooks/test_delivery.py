"""Deliveries to a real HTTP receiver on localhost, sent by the worker's job."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from accounts.models import AuditLog
from tests.webhooks.conftest import SECRET, Reply
from webhooks.jobs import claim_one, deliver_due
from webhooks.models import Delivery, Webhook
from webhooks.services import RETRY_BASE_SECONDS, RETRY_CAP_SECONDS, enqueue

pytestmark = pytest.mark.django_db
DATA = {"history_id": 1, "server_id": 2, "server_name": "web-1", "status": "succeeded"}


def hmac_hex(message: bytes) -> str:
    return "sha256=" + hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()


def make_due(delivery: Delivery) -> None:
    """Time passes: the retry is due now."""
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TestSuccess:
    def test_a_delivery_arrives_signed_and_is_recorded(self, receiver, allow_private, hook_to):
        webhook = hook_to(receiver.url("/hook?team=ops"))
        assert enqueue("command.completed", DATA) == 1
        delivery = Delivery.objects.get()

        before = int(timezone.now().timestamp())
        assert deliver_due() == 1
        after = int(timezone.now().timestamp())

        [request] = receiver.requests
        assert (request.method, request.path) == ("POST", "/hook?team=ops")
        headers = request.headers
        assert headers["Content-Type"] == "application/json"
        assert headers["User-Agent"].startswith("ChatOps-Webhooks/")
        assert headers["X-Webhook-Event"] == "command.completed"
        assert headers["X-Webhook-Delivery"] == str(delivery.pk)
        assert before <= int(headers["X-Webhook-Timestamp"]) <= after
        assert headers["X-Webhook-Signature"] == hmac_hex(request.body)
        assert headers["X-Webhook-Signature-V2"] == hmac_hex(
            headers["X-Webhook-Timestamp"].encode() + b"." + request.body
        )
        payload = json.loads(request.body)
        assert payload["event"] == "command.completed"
        assert payload["data"] == DATA
        assert payload["timestamp"].endswith("Z")

        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempt_count, delivery.next_attempt_at) == ("succeeded", 1, None)
        [attempt] = delivery.attempts.all()
        assert (attempt.number, attempt.status_code, attempt.outcome, attempt.response_body) == (
            1, 200, "succeeded", "ok",
        )  # fmt: skip
        webhook.refresh_from_db()
        assert (webhook.last_delivery_status, webhook.consecutive_failures) == ("succeeded", 0)
        assert deliver_due() == 0

    def test_the_host_name_is_kept_while_the_checked_address_is_used(self, receiver, allow_private, hook_to):
        # localhost may resolve to ::1 first, where nothing listens: the next address is tried.
        hook_to(receiver.url(host="localhost"))
        enqueue("command.completed", DATA)
        assert deliver_due() == 1
        assert receiver.requests[0].headers["Host"] == f"localhost:{receiver.port}"
        assert Delivery.objects.get().status == "succeeded"

    def test_only_subscribed_enabled_webhooks_get_an_event(self, receiver, allow_private, hook_to):
        wanted = hook_to(receiver.url("/a"), ["command.completed", "alert.created"])
        hook_to(receiver.url("/b"), ["alert.created"])
        hook_to(receiver.url("/c"), ["command.completed"], enabled=False)
        assert enqueue("command.completed", DATA) == 1
        assert Delivery.objects.get().webhook == wanted
        deliver_due()
        assert [r.path for r in receiver.requests] == ["/a"]

    def test_the_subscribers_are_read_in_id_order_without_their_secret(self, hook_to, django_assert_num_queries):
        second = hook_to("https://1.1.1.1/b", ["alert.created", "command.completed"])
        first = hook_to("https://1.1.1.1/a", ["command.completed"])
        hook_to("https://1.1.1.1/c", ["alert.created"])
        with django_assert_num_queries(1):
            hooks = Webhook.objects.subscribed_to("command.completed")
        assert [hook.pk for hook in hooks] == sorted([first.pk, second.pk])
        assert all("secret" in hook.get_deferred_fields() for hook in hooks)  # never decrypted to queue

    def test_nothing_is_queued_when_the_caller_rolls_back(self, hook_to):
        hook_to("https://1.1.1.1/hook")

        def change_that_fails() -> None:
            with transaction.atomic():
                enqueue("command.completed", DATA)
                raise RuntimeError("the change failed")

        with pytest.raises(RuntimeError):
            change_that_fails()
        assert not Delivery.objects.exists()

    def test_unknown_events_are_a_programming_error(self):
        with pytest.raises(ValueError, match=r"alert\.exploded"):
            enqueue("alert.exploded", {})

    def test_a_test_ping_reaches_a_disabled_webhook(self, receiver, allow_private, hook_to, admin_client):
        webhook = hook_to(receiver.url(), enabled=False)
        admin_client.post(f"/api/v1/webhooks/{webhook.pk}/test")
        assert deliver_due() == 1
        assert receiver.requests[0].headers["X-Webhook-Event"] == "webhook.test"
        assert json.loads(receiver.requests[0].body)["data"]["webhook_id"] == webhook.pk

    def test_a_claimed_delivery_is_leased_not_claimed_twice(self, hook_to):
        hook_to("https://1.1.1.1/hook")
        enqueue("command.completed", DATA)
        claimed = claim_one()
        assert claimed is not None and claimed.attempt_count == 1
        assert claimed.next_attempt_at > timezone.now() + timedelta(seconds=60)
        assert claim_one() is None


class TestRefused:
    def test_loopback_is_refused_at_delivery_time_without_the_setting(self, receiver, hook_to):
        webhook = hook_to(receiver.url())  # made directly: the API would have refused it
        enqueue("command.completed", DATA)
        assert deliver_due() == 1
        assert receiver.requests == []
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.last_status_code) == ("failed", None)
        assert "127.0.0.1, a loopback address" in delivery.last_error
        assert delivery.attempts.get().outcome == "failed"
        webhook.refresh_from_db()
        assert (webhook.last_delivery_status, webhook.consecutive_failures) == ("failed", 1)

    def test_a_url_http_cannot_send_fails_for_good(self, receiver, allow_private, hook_to):
        hook_to(receiver.url("/a b"))  # made directly: the API refuses it
        enqueue("command.completed", DATA)
        assert deliver_due() == 1
        assert receiver.requests == []
        delivery = Delivery.objects.get()
        assert delivery.status == "failed"
        assert delivery.last_error.startswith("The URL contains spaces")

    def test_redirects_are_not_followed(self, receiver, allow_private, hook_to):
        hook_to(receiver.url())
        receiver.reply(Reply(302, b"", {"Location": "/elsewhere"}))
        enqueue("command.completed", DATA)
        deliver_due()
        assert [(r.method, r.path) for r in receiver.requests] == [("POST", "/hook")]
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.last_status_code) == ("failed", 302)
        assert delivery.last_error == "redirect to /elsewhere not followed"

    def test_other_4xx_fail_for_good(self, receiver, allow_private, hook_to):
        hook_to(receiver.url())
        receiver.reply(Reply(404, b"no such hook"))
        enqueue("command.completed", DATA)
        deliver_due()
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.last_error, delivery.next_attempt_at) == ("failed", "HTTP 404", None)
        assert delivery.attempts.get().response_body == "no such hook"

    def test_the_answer_is_kept_up_to_1_kb(self, receiver, allow_private, hook_to):
        hook_to(receiver.url())
        receiver.reply(Reply(200, "é".encode() * 3000))
        enqueue("command.completed", DATA)
        deliver_due()
        body = Delivery.objects.get().attempts.get().response_body
        assert len(body.encode()) <= 1024 + 2  # a cut character becomes one U+FFFD
        assert body.startswith("é" * 511)


class TestRetries:
    def test_failures_back_off_honour_retry_after_and_finally_disable(
        self, receiver, allow_private, hook_to, settings, mailoutbox, django_capture_on_commit_callbacks, admin
    ):
        settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
        settings.WEBHOOK_DISABLE_AFTER_HOURS = 0
        webhook = hook_to(receiver.url())
        receiver.reply(
            Reply(500, b"boom"),
            Reply(429, b"slow down", {"Retry-After": "120"}),
            Reply(503, b"maintenance", {"Retry-After": "999999"}),
        )
        enqueue("command.completed", DATA)
        delivery = Delivery.objects.get()

        # 1: a 500 is retried after full jitter within the first step of the backoff.
        start = timezone.now()
        assert deliver_due() == 1
        delivery.refresh_from_db()
        assert delivery.status == "pending"
        assert (
            start + timedelta(seconds=1)
            <= delivery.next_attempt_at
            <= timezone.now() + timedelta(seconds=RETRY_BASE_SECONDS)
        )
        assert deliver_due() == 0  # not due yet

        # 2: a 429 waits what Retry-After asks.
        make_due(delivery)
        start = timezone.now()
        assert deliver_due() == 1
        delivery.refresh_from_db()
        assert start + timedelta(seconds=120) <= delivery.next_attempt_at <= timezone.now() + timedelta(seconds=120)

        # 3: a 503 asking for days waits at most the cap; the third failure in a row disables.
        make_due(delivery)
        enqueue("command.completed", {**DATA, "history_id": 2})  # queued behind it
        start = timezone.now()
        with django_capture_on_commit_callbacks(execute=True):
            assert deliver_due() == 1
        assert len(receiver.requests) == 3
        attempts = list(Delivery.objects.get(pk=delivery.pk).attempts.values_list("number", "status_code", "outcome"))
        assert attempts == [(1, 500, "retry"), (2, 429, "retry"), (3, 503, "retry")]

        webhook.refresh_from_db()
        assert (webhook.enabled, webhook.consecutive_failures, webhook.last_delivery_status) == (False, 3, "failed")
        assert webhook.disabled_at is not None
        assert webhook.disabled_reason.startswith("3 failed attempts in a row since")
        assert "HTTP 503" in webhook.disabled_reason
        # Its pending deliveries are dropped, the one in flight included.
        assert set(Delivery.objects.values_list("status", "last_error")) == {("failed", "webhook disabled")}
        entry = AuditLog.objects.get(action="webhook.disabled")
        assert (entry.actor_label, entry.target_id) == ("system", str(webhook.pk))
        assert SECRET not in json.dumps(entry.details)
        [mail] = mailoutbox
        assert mail.to == [admin.email]
        assert f"Webhook #{webhook.pk}" in mail.subject and "disabled" in mail.subject
        assert webhook.disabled_reason in mail.body
        assert SECRET not in mail.body
        assert deliver_due() == 0

    def test_retry_after_is_capped(self, receiver, allow_private, hook_to):
        hook_to(receiver.url())
        receiver.reply(Reply(503, b"", {"Retry-After": "999999"}))
        enqueue("command.completed", DATA)
        start = timezone.now()
        deliver_due()
        delivery = Delivery.objects.get()
        cap = timedelta(seconds=RETRY_CAP_SECONDS)
        assert start + cap <= delivery.next_attempt_at <= timezone.now() + cap

    def test_a_delivery_is_given_up_after_the_last_attempt(self, receiver, allow_private, hook_to, settings):
        settings.WEBHOOK_MAX_ATTEMPTS = 2
        webhook = hook_to(receiver.url())
        receiver.reply(Reply(500), Reply(502))
        enqueue("command.completed", DATA)
        deliver_due()
        make_due(Delivery.objects.get())
        deliver_due()
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempt_count, delivery.next_attempt_at) == ("failed", 2, None)
        assert list(delivery.attempts.values_list("outcome", flat=True)) == ["retry", "failed"]
        webhook.refresh_from_db()
        assert webhook.enabled  # 2 failures: far from the threshold

    def test_a_success_resets_the_failure_count(self, receiver, allow_private, hook_to):
        webhook = hook_to(receiver.url())
        receiver.reply(Reply(500))
        enqueue("command.completed", DATA)
        deliver_due()
        webhook.refresh_from_db()
        assert (webhook.consecutive_failures, webhook.failing_since is not None) == (1, True)
        make_due(Delivery.objects.get())
        deliver_due()
        webhook.refresh_from_db()
        assert (webhook.consecutive_failures, webhook.failing_since, webhook.last_delivery_status) == (
            0, None, "succeeded",
        )  # fmt: skip

    def test_failing_for_too_short_a_time_does_not_disable(self, receiver, allow_private, hook_to, settings):
        settings.WEBHOOK_DISABLE_AFTER_FAILURES = 1
        settings.WEBHOOK_DISABLE_AFTER_HOURS = 24
        webhook = hook_to(receiver.url())
        receiver.reply(Reply(500), Reply(500))
        enqueue("command.completed", DATA)
        deliver_due()
        webhook.refresh_from_db()
        assert webhook.enabled
        Webhook.objects.filter(pk=webhook.pk).update(failing_since=timezone.now() - timedelta(hours=25))
        make_due(Delivery.objects.get())
        deliver_due()
        webhook.refresh_from_db()
        assert not webhook.enabled

    def test_timeouts_and_refused_connections_are_retried(self, receiver, allow_private, hook_to, settings):
        settings.WEBHOOK_TIMEOUT_SECONDS = 1
        slow = hook_to(receiver.url())
        receiver.reply(Reply(200, delay=2.5))
        hook_to(f"http://127.0.0.1:{closed_port()}/hook")
        enqueue("command.completed", DATA)
        assert deliver_due() == 2
        errors = {d.webhook_id: (d.status, d.last_error) for d in Delivery.objects.all()}
        assert errors[slow.pk] == ("pending", "timed out")
        assert sorted(errors.values())[0] == ("pending", "127.0.0.1: connection refused")
