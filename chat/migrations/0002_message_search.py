"""Search in a room's messages (PostgreSQL only): a trigram GIN index on UPPER(content).

``?search=`` is Django's ``icontains``, which PostgreSQL runs as ``UPPER(content::text) LIKE
UPPER('%…%')``: a B-tree cannot serve a substring, a ``pg_trgm`` index on the same expression
can. SQLite keeps a scan of the room's rows (its tests and small installs do not need more).
"""

from typing import Any

from django.db import migrations


class PostgreSQLOnly(migrations.RunSQL):
    """RunSQL that does nothing on other databases."""

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_initial")]

    operations = [
        PostgreSQLOnly(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                "CREATE INDEX IF NOT EXISTS chat_msg_content_trgm ON chat_message USING gin (UPPER(content) gin_trgm_ops)",
            ],
            reverse_sql="DROP INDEX IF EXISTS chat_msg_content_trgm",
        )
    ]
