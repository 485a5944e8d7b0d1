"""The roles a client application may act with."""

from __future__ import annotations

from accounts.choices import Role

#: Never admin: a client is an unattended credential with no person behind it, so the powers
#: that manage people, keys, clients, webhooks, approval policies and the audit log stay with
#: people (docs/clients.md, "Roles").
CLIENT_ROLES: tuple[Role, ...] = (Role.VIEWER, Role.OPERATOR)
CLIENT_ROLE_CHOICES = [(role.value, role.label) for role in CLIENT_ROLES]
