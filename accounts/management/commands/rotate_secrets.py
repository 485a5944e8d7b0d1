"""Re-encrypt every stored secret with the newest key of ``CHATOPS_ENCRYPTION_KEYS``."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from chatops import crypto


class Command(BaseCommand):
    help = "Re-encrypt every stored secret (EncryptedTextField columns) with the newest encryption key."

    def handle(self, *args: Any, **options: Any) -> None:
        quote = connection.ops.quote_name
        total = 0
        for model in apps.get_models():
            fields = [f for f in model._meta.concrete_fields if isinstance(f, crypto.EncryptedTextField)]
            if not fields:
                continue
            table = quote(model._meta.db_table)
            pk = quote(model._meta.pk.column or "id")
            for field in fields:
                column = quote(field.column or field.name)
                changed = 0
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(f"SELECT {pk}, {column} FROM {table} WHERE {column} <> ''")  # noqa: S608 - names quoted
                    for row_id, stored in cursor.fetchall():
                        token = crypto.rotate(stored) if crypto.is_token(stored) else crypto.encrypt(stored)
                        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s", [token, row_id])  # noqa: S608
                        changed += 1
                total += changed
                self.stdout.write(f"{model._meta.label}.{field.name}: {changed} re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"{total} secrets now under the newest key"))
