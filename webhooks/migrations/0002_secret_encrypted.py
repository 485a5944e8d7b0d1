"""Webhook secrets at rest: the column becomes a Fernet token (``chatops.crypto``); the rows
written before are encrypted here, and decrypted again when migrating back."""

from typing import Any

from django.db import migrations

import chatops.crypto


def encrypt_secrets(apps: Any, schema_editor: Any) -> None:
    Webhook = apps.get_model("webhooks", "Webhook")
    # The field reads a plain (older) value as it is and writes every value encrypted.
    for pk, secret in Webhook.objects.values_list("pk", "secret"):
        Webhook.objects.filter(pk=pk).update(secret=secret)


def decrypt_secrets(apps: Any, schema_editor: Any) -> None:
    Webhook = apps.get_model("webhooks", "Webhook")
    table = schema_editor.quote_name(Webhook._meta.db_table)
    with schema_editor.connection.cursor() as cursor:
        for pk, secret in Webhook.objects.values_list("pk", "secret"):
            # Around the field, which would encrypt it again.
            cursor.execute(f"UPDATE {table} SET secret = %s WHERE id = %s", [secret, pk])  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_webhooks_deliveries_attempts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="webhook",
            name="secret",
            field=chatops.crypto.EncryptedTextField(),
        ),
        migrations.RunPython(encrypt_secrets, decrypt_secrets, elidable=False),
    ]
