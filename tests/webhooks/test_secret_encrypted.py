"""Webhook secrets at rest: the column holds a token, never the secret, and deliveries are
still signed with the secret itself (webhooks 0002 encrypts the rows written before it)."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from chatops import crypto
from tests.helpers import assert_ok
from webhooks.jobs import deliver_due
from webhooks.models import Webhook
from webhooks.services import enqueue

BEFORE = [("webhooks", "0001_webhooks_deliveries_attempts")]
AFTER = [("webhooks", "0002_secret_encrypted")]
PLAIN = "whsec_written-in-clear-before-0002"


def stored_secret(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM webhooks_webhook WHERE id = %s", [pk])
        return str(cursor.fetchone()[0])


@pytest.mark.django_db
def test_a_created_webhook_keeps_no_plain_secret_and_still_signs(admin_client, receiver, allow_private):
    secret = "my-own-secret-of-some-length-42"
    created = admin_client.post(
        "/api/v1/webhooks",
        {"url": receiver.url(), "events": ["command.completed"], "secret": secret},
        format="json",
    )
    pk = assert_ok(created, 201)["id"]
    column = stored_secret(pk)
    assert secret not in column and crypto.is_token(column)
    assert Webhook.objects.get(pk=pk).secret == secret

    enqueue("command.completed", {"history_id": 1, "server_id": 2, "server_name": "web-1", "status": "succeeded"})
    assert deliver_due() == 1
    [request] = receiver.requests
    expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Webhook-Signature"] == expected


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_existing_secrets_and_decrypts_them_going_back(back_to_the_latest):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("webhooks", "Webhook")
    hook = old.objects.create(url="https://hooks.example.com/x", events=["command.completed"], secret=PLAIN)
    assert stored_secret(hook.pk) == PLAIN

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    column = stored_secret(hook.pk)
    assert PLAIN not in column and crypto.decrypt(column) == PLAIN
    new = executor.loader.project_state(AFTER).apps.get_model("webhooks", "Webhook")
    assert new.objects.get(pk=hook.pk).secret == PLAIN

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    assert stored_secret(hook.pk) == PLAIN
