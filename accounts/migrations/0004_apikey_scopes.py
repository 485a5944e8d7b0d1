"""Keys get scopes. Existing keys get the narrowest ones that keep their documented uses:

- a key bound to a server was that server's agent's key: ``agent`` (no REST any more);
- an admin's unbound key that an agent has connected with was enrolling agents: ``enrol``;
- any other unbound key was a script's, "with the rights of its owner": every script scope
  the owner's role reaches today (managing credentials is no longer one of them).

A non-admin's unbound key never could enrol; an agent that joined an existing server with one
is refused from now on, as docs/agent.md always said it would be.
"""

from typing import Any

from django.db import migrations, models

ROLE_RANK = {"viewer": 0, "operator": 1, "admin": 2}
# accounts.scopes.SCRIPT_SCOPES as of this migration: scope -> least role.
SCRIPT_SCOPES = {
    "servers:read": "viewer",
    "servers:write": "admin",
    "metrics:read": "viewer",
    "metrics:write": "operator",
    "logs:read": "viewer",
    "alerts:read": "viewer",
    "alerts:write": "operator",
    "commands:read": "operator",
    "commands:write": "operator",
    "docker:read": "viewer",
    "docker:write": "operator",
    "webhooks:read": "admin",
    "webhooks:write": "admin",
    "audit:read": "admin",
    "profile:read": "viewer",
}


def give_scopes(apps: Any, schema_editor: Any) -> None:
    APIKey = apps.get_model("accounts", "APIKey")
    ConnectionEvent = apps.get_model("agents", "ConnectionEvent")
    used_by_agents = set(
        ConnectionEvent.objects.filter(api_key__isnull=False).values_list("api_key_id", flat=True).distinct()
    )
    for key in APIKey.objects.select_related("user").iterator():
        if key.server_id is not None:
            scopes = ["agent"]
        elif key.user.role == "admin" and key.pk in used_by_agents:
            scopes = ["enrol"]
        else:
            rank = ROLE_RANK.get(key.user.role, 0)
            scopes = [scope for scope, role in SCRIPT_SCOPES.items() if rank >= ROLE_RANK[role]]
        APIKey.objects.filter(pk=key.pk).update(scopes=scopes)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_alert_emails"),
        ("agents", "0001_connection_events"),
    ]

    operations = [
        migrations.AddField(
            model_name="apikey",
            name="scopes",
            field=models.JSONField(blank=True, default=list, help_text="What the key is for (see accounts.scopes)."),
        ),
        migrations.RunPython(give_scopes, migrations.RunPython.noop),
    ]
