"""Search in a room's messages (PostgreSQL only): a trigram GIN index on UPPER(content).

``?search=`` is Django's ``icontains``, which PostgreSQL runs as ``UPPER(content::text) LIKE
UPPER('%…%')``: a B-tree cannot serve a substring, a ``pg_trgm`` index on the same expression
can. SQLite keeps a scan of the room's rows (its tests and small installs do not need more).
"""

from django.db import migrations

from chatops.db import PostgreSQLOnly


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
