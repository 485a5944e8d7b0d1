"""Webhooks over REST: admins only, secret shown once, URLs checked, changes audited."""

from __future__ import annotations

import json

import pytest

from accounts.models import AuditLog
from tests.helpers import assert_error, assert_ok
from tests.roles import RoleMatrix, Route, allowed
from webhooks.models import Delivery, DeliveryAttempt, Webhook
from webhooks.services import enqueue

pytestmark = pytest.mark.django_db
URL = "/api/v1/webhooks"
PUBLIC = "https://1.1.1.1/hooks/chatops"
NEW = {"url": PUBLIC, "events": ["alert.created", "command.completed"]}


@pytest.fixture
def webhook(hook_to):
    return hook_to(PUBLIC, ["alert.created"])


def the_webhook_is_untouched(outcome):
    webhook = outcome.objects["webhook"]
    webhook.refresh_from_db()
    assert webhook.events == ["alert.created"]
    assert not Delivery.objects.exists()


def admins_only(method: str, path: str, body: object = None, ok: int = 200) -> Route:
    """Anonymous callers get 401, operators and viewers 403, and the webhook stays as it was."""
    return Route(
        method, path, body=body, expect=allowed("admin", ok=ok), uses=("webhook",), unchanged=the_webhook_is_untouched
    )


def unknown(method: str, path: str, body: object = None) -> Route:
    return Route(method, path, body=body, expect={"admin": 404})


ROLES = RoleMatrix(
    admins_only("GET", URL),
    admins_only("POST", URL, NEW, ok=201),
    admins_only("GET", "/api/v1/webhooks/{webhook.pk}"),
    admins_only("PUT", "/api/v1/webhooks/{webhook.pk}", NEW),
    admins_only("DELETE", "/api/v1/webhooks/{webhook.pk}"),
    admins_only("POST", "/api/v1/webhooks/{webhook.pk}/test", ok=202),
    admins_only("GET", "/api/v1/webhooks/{webhook.pk}/deliveries"),
    unknown("GET", f"{URL}/999999"),
    unknown("PUT", f"{URL}/999999", NEW),
    unknown("DELETE", f"{URL}/999999"),
    unknown("POST", f"{URL}/999999/test"),
    unknown("GET", f"{URL}/999999/deliveries"),
)


@ROLES.parametrize
def test_roles(request, case):
    case.check(request)


class TestCreate:
    def test_admin_creates_and_sees_the_generated_secret_once(self, admin_client, admin):
        data = assert_ok(admin_client.post(URL, NEW, format="json"), 201)
        assert data["secret"].startswith("whsec_") and len(data["secret"]) > 40
        assert data["events"] == ["alert.created", "command.completed"]
        assert data["enabled"] is True
        assert data["created_by"] == {"id": admin.pk, "username": admin.username}
        assert (data["failure_count"], data["last_delivery_status"], data["disabled_at"]) == (0, None, None)
        assert Webhook.objects.get().secret == data["secret"]

        # Never again: not in the list, not in the detail, not in the audit log.
        assert "secret" not in assert_ok(admin_client.get(f"{URL}/{data['id']}"))
        assert all("secret" not in item for item in assert_ok(admin_client.get(URL)))
        entry = AuditLog.objects.get(action="webhook.created")
        assert entry.actor == admin
        assert entry.target_id == str(data["id"])
        assert entry.details == {
            "host": "https://1.1.1.1",
            "events": ["alert.created", "command.completed"],
            "enabled": True,
            "secret_generated": True,
        }
        assert data["secret"] not in json.dumps(entry.details)

    def test_a_given_secret_is_kept(self, admin_client):
        data = assert_ok(admin_client.post(URL, {**NEW, "secret": "my-own-secret-of-some-length"}, format="json"), 201)
        assert Webhook.objects.get().secret == "my-own-secret-of-some-length"
        assert data["secret"] == "my-own-secret-of-some-length"
        assert AuditLog.objects.get(action="webhook.created").details["secret_generated"] is False

    def test_events_are_deduplicated_and_sorted(self, admin_client):
        events = ["server.online", "alert.created", "server.online"]
        data = assert_ok(admin_client.post(URL, {**NEW, "events": events}, format="json"), 201)
        assert data["events"] == ["alert.created", "server.online"]

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"url": "ftp://1.1.1.1/x"}, "url"),
            ({"url": "not a url"}, "url"),
            ({"url": ""}, "url"),
            ({"url": 12}, "url"),
            ({"url": "https://user:password@1.1.1.1/hook"}, "url"),
            ({"url": "https://" + "a" * 2000 + ".com/"}, "url"),
            ({"events": []}, "events"),
            ({"events": ["alert.exploded"]}, "events"),
            ({"events": ["webhook.test"]}, "events"),
            ({"events": "alert.created"}, "events"),
            ({"events": [1]}, "events"),
            ({"secret": "short"}, "secret"),
            ({"secret": 1234567890123456789}, "secret"),
            ({"url": None}, "url"),
            ({"url": "https://1.1.1.1/a b"}, "url"),
            ({"enabled": "yes"}, "enabled"),
        ],
    )
    def test_bad_input_is_400_naming_the_field(self, admin_client, change, field):
        body = assert_error(admin_client.post(URL, {**NEW, **change}, format="json"), 400, "validation_error")
        assert body["errors"][0]["field"].split(".")[0] == field
        assert not Webhook.objects.exists()

    def test_missing_fields_are_400(self, admin_client):
        body = assert_error(admin_client.post(URL, {}, format="json"), 400)
        assert {e["field"] for e in body["errors"]} == {"url", "events"}

    @pytest.mark.parametrize(
        ("url", "words"),
        [
            ("http://127.0.0.1:8080/hook", "loopback"),
            ("http://localhost/hook", "loopback"),
            ("http://10.1.2.3/hook", "private"),
            ("http://192.168.0.10/hook", "private"),
            ("http://169.254.169.254/latest/meta-data/", "metadata"),
            ("http://[fd00:ec2::254]/", "metadata"),
            ("http://[::1]/hook", "loopback"),
            ("http://[::ffff:127.0.0.1]/hook", "IPv4-mapped"),
            ("http://[::ffff:169.254.169.254]/hook", "IPv4-mapped form of a cloud metadata"),
            ("http://0.0.0.0/hook", "unspecified"),
            ("http://224.0.0.1/hook", "multicast"),
            ("http://100.64.0.1/hook", "not a public"),
            ("http://[2002:7f00:1::]/hook", "IPv6 form of a loopback"),
            ("http://[64:ff9b::a00:1]/hook", "IPv6 form of a private"),
        ],
    )
    def test_urls_to_non_public_addresses_are_refused(self, admin_client, url, words):
        body = assert_error(admin_client.post(URL, {**NEW, "url": url}, format="json"), 400, "validation_error")
        assert body["errors"][0]["field"] == "url"
        assert words in body["errors"][0]["message"]
        assert "public addresses" in body["errors"][0]["message"]
        assert not Webhook.objects.exists()

    def test_a_host_that_does_not_resolve_is_refused(self, admin_client):
        body = assert_error(admin_client.post(URL, {**NEW, "url": "https://no-such-host.invalid/"}, format="json"), 400)
        assert "does not resolve" in body["errors"][0]["message"]

    def test_private_addresses_are_allowed_with_the_setting(self, admin_client, allow_private):
        data = assert_ok(admin_client.post(URL, {**NEW, "url": "http://127.0.0.1:9/hook"}, format="json"), 201)
        assert data["url"] == "http://127.0.0.1:9/hook"

    def test_the_setting_does_not_allow_other_schemes(self, admin_client, allow_private):
        assert_error(admin_client.post(URL, {**NEW, "url": "file:///etc/passwd"}, format="json"), 400)


class TestReadUpdateDelete:
    def test_list_and_detail(self, admin_client, webhook, hook_to):
        hook_to("https://8.8.8.8/other", enabled=False)
        assert len(assert_ok(admin_client.get(URL))) == 2
        assert [w["id"] for w in assert_ok(admin_client.get(URL, {"enabled": "true"}))] == [webhook.pk]
        assert assert_ok(admin_client.get(f"{URL}/{webhook.pk}"))["url"] == PUBLIC
        assert_error(admin_client.get(URL, {"enabled": "maybe"}), 400)
        assert_error(admin_client.get(URL, {"sort": "secret"}), 400)

    def test_update_keeps_the_secret_unless_given_and_audits_without_it(self, admin_client, admin, webhook):
        change = {"url": "https://8.8.8.8/new", "events": ["server.offline"]}
        data = assert_ok(admin_client.put(f"{URL}/{webhook.pk}", change, format="json"))
        assert (data["url"], data["events"]) == ("https://8.8.8.8/new", ["server.offline"])
        assert "secret" not in data
        webhook.refresh_from_db()
        assert webhook.secret.startswith("whsec_receiver")
        entry = AuditLog.objects.get(action="webhook.updated")
        assert entry.details["changed"] == ["events", "url"]
        assert entry.details["host_before"] == "https://1.1.1.1"

        rotated = "a-brand-new-secret-value-123"
        data = assert_ok(admin_client.put(f"{URL}/{webhook.pk}", {**change, "secret": rotated}, format="json"))
        assert "secret" not in data
        webhook.refresh_from_db()
        assert webhook.secret == rotated
        entry = AuditLog.objects.filter(action="webhook.updated").first()
        assert entry.details["changed"] == ["secret"]
        assert rotated not in json.dumps(entry.details)

    def test_update_checks_the_url_too(self, admin_client, webhook):
        change = {"url": "http://169.254.169.254/", "events": ["alert.created"]}
        assert_error(admin_client.put(f"{URL}/{webhook.pk}", change, format="json"), 400)
        webhook.refresh_from_db()
        assert webhook.url == PUBLIC

    def test_disabling_drops_pending_deliveries_and_enabling_starts_afresh(self, admin_client, webhook):
        enqueue("alert.created", {"alert": {"id": 1}})
        body = {"url": PUBLIC, "events": ["alert.created"]}
        data = assert_ok(admin_client.put(f"{URL}/{webhook.pk}", {**body, "enabled": False}, format="json"))
        assert data["enabled"] is False and data["disabled_reason"] == "disabled by an admin"
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.last_error) == ("failed", "webhook disabled")

        Webhook.objects.filter(pk=webhook.pk).update(consecutive_failures=7)
        data = assert_ok(admin_client.put(f"{URL}/{webhook.pk}", {**body, "enabled": True}, format="json"))
        assert (data["enabled"], data["failure_count"], data["disabled_at"], data["disabled_reason"]) == (
            True, 0, None, "",
        )  # fmt: skip

    def test_patch_changes_only_what_it_names(self, admin_client, webhook):
        events = list(webhook.events)
        data = assert_ok(admin_client.patch(f"{URL}/{webhook.pk}", {"enabled": False}, format="json"))
        assert (data["enabled"], data["url"], data["events"]) == (False, PUBLIC, events)
        assert AuditLog.objects.get(action="webhook.updated").details["changed"] == ["enabled"]
        assert_error(admin_client.patch(f"{URL}/{webhook.pk}", {"url": "http://169.254.169.254/"}, format="json"), 400)
        webhook.refresh_from_db()
        assert (webhook.url, webhook.enabled) == (PUBLIC, False)

    def test_delete_is_audited(self, admin_client, webhook):
        assert assert_ok(admin_client.delete(f"{URL}/{webhook.pk}")) is None
        assert not Webhook.objects.exists()
        entry = AuditLog.objects.get(action="webhook.deleted")
        assert entry.details == {"host": "https://1.1.1.1", "events": ["alert.created"]}


class TestTestAndDeliveries:
    def test_a_test_ping_is_queued_not_sent(self, admin_client, admin, hook_to, receiver):
        webhook = hook_to(receiver.url())
        response = admin_client.post(f"{URL}/{webhook.pk}/test")
        data = assert_ok(response, 202)
        assert (data["event"], data["status"], data["attempt_count"], data["webhook"]) == (
            "webhook.test", "pending", 0, webhook.pk,
        )  # fmt: skip
        assert data["payload"]["data"] == {
            "webhook_id": webhook.pk,
            "message": "This is a test delivery from ChatOps.",
            "requested_by": admin.username,
        }
        assert receiver.requests == []  # the worker sends it, not the request

    def test_deliveries_are_paged_filtered_and_carry_their_attempts(self, admin_client, webhook):
        for n in range(3):
            enqueue("alert.created", {"alert": {"id": n}})
        first = Delivery.objects.order_by("pk").first()
        Delivery.objects.filter(pk=first.pk).update(status="succeeded", attempt_count=1)
        DeliveryAttempt.objects.create(
            delivery=first, number=1, started_at=first.created_at, duration_ms=12, status_code=200, outcome="succeeded"
        )
        response = admin_client.get(f"{URL}/{webhook.pk}/deliveries", {"size": 2})
        assert response.json()["pagination"]["total"] == 3
        assert len(assert_ok(response)) == 2
        done = assert_ok(admin_client.get(f"{URL}/{webhook.pk}/deliveries", {"status": "succeeded"}))
        assert [d["id"] for d in done] == [first.pk]
        assert done[0]["attempts"][0]["status_code"] == 200
        assert done[0]["payload"]["data"] == {"alert": {"id": 0}}
        assert_error(admin_client.get(f"{URL}/{webhook.pk}/deliveries", {"status": "exploded"}), 400)
