"""Secrets at rest: the column holds a token no key-less reader can open; keys rotate."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from accounts.actor import Actor
from chatops import crypto
from notifications.models import NotificationChannel
from notifications.services import Recipients, send


def test_a_secret_round_trips_and_each_encryption_differs():
    token_a, token_b = crypto.encrypt("s3cret"), crypto.encrypt("s3cret")
    assert token_a != token_b and crypto.is_token(token_a)
    assert crypto.decrypt(token_a) == crypto.decrypt(token_b) == "s3cret"


def test_a_token_from_another_key_is_refused(settings):
    token = crypto.encrypt("s3cret")
    settings.CHATOPS_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.DecryptionFailed):
        crypto.decrypt(token)


def test_rotation_keeps_old_tokens_readable_and_writes_with_the_newest(settings):
    old = Fernet.generate_key().decode()
    settings.CHATOPS_ENCRYPTION_KEYS = [old]
    token = crypto.encrypt("s3cret")
    new = Fernet.generate_key().decode()
    settings.CHATOPS_ENCRYPTION_KEYS = [new, old]
    assert crypto.decrypt(token) == "s3cret"
    rotated = crypto.rotate(token)
    settings.CHATOPS_ENCRYPTION_KEYS = [new]
    assert crypto.decrypt(rotated) == "s3cret"


def test_mask_shows_little():
    assert crypto.mask("") == ""
    assert crypto.mask("abc") == "…"
    assert crypto.mask("https://hooks.slack.com/services/T000/B000/XXXX") == "http…"


@pytest.mark.django_db
def test_the_column_holds_no_plain_text(admin):
    channel = NotificationChannel.objects.create(name="ops", kind="apprise", target="json://hook.example/secret-token")
    with connection.cursor() as cursor:
        cursor.execute("SELECT target FROM notifications_notificationchannel WHERE id = %s", [channel.pk])
        (stored,) = cursor.fetchone()
    assert "secret-token" not in stored and crypto.is_token(stored)
    assert NotificationChannel.objects.get(pk=channel.pk).target == "json://hook.example/secret-token"


@pytest.mark.django_db
def test_send_queues_one_delivery_per_place(admin, operator):
    channel = NotificationChannel.objects.create(name="mine", kind="email", target="ops@example.com", user=operator)
    notification = send(
        Actor.system(),
        type="test",
        subject="Hello",
        content="Body",
        recipients=Recipients(users=[operator.pk, operator.pk], addresses=["A@example.com", "a@example.com"]),
    )
    kinds = sorted((d.kind, d.channel_id or 0, d.address) for d in notification.deliveries.all())
    assert kinds == [("email", 0, "a@example.com"), ("email", channel.pk, ""), ("inapp", 0, "")]


@pytest.mark.django_db
def test_rotate_secrets_moves_every_secret_to_the_newest_key(settings):
    from django.core.management import call_command

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.CHATOPS_ENCRYPTION_KEYS = [old]
    channel = NotificationChannel.objects.create(name="ops", kind="email", target="ops@example.com")
    settings.CHATOPS_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_secrets", stdout=__import__("io").StringIO())
    settings.CHATOPS_ENCRYPTION_KEYS = [new]
    assert NotificationChannel.objects.get(pk=channel.pk).target == "ops@example.com"
