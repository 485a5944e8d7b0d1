"""Writes to the inventory, each with its audit entry, and the one lookup of a server by id
that every app's views and services use."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from rest_framework.exceptions import NotFound

from accounts.actor import Actor
from accounts.services import announce_revocation, record_audit
from chatops.db import conflicts_as_409
from servers.models import Server, Tag


def visible_servers(actor: Actor) -> QuerySet[Server]:
    """The servers ``actor`` may see. The hub itself sees all; an anonymous caller nothing."""
    if actor.user is not None:
        return Server.objects.visible_to(actor.user)
    return Server.objects.all() if actor.is_system else Server.objects.none()


def visible_server(actor: Actor, server_id: int) -> Server:
    """The server ``server_id`` if ``actor`` may see it, else 404 (the same answer as for a
    server that does not exist)."""
    return get_object_or_404(visible_servers(actor), pk=server_id)


def server_named(actor: Actor, name: str) -> Server:
    """The server called ``name`` (its name, else its hostname; case-insensitive) among those
    ``actor`` may see, as chat commands name them; 404 otherwise."""
    servers = visible_servers(actor)
    found = servers.filter(name__iexact=name).order_by("pk").first()
    found = found or servers.filter(hostname__iexact=name).order_by("pk").first()
    if found is None:
        raise NotFound(f"No server named {name!r}.")
    return found


def _set_tags(server: Server, names: list[str]) -> None:
    tags = []
    for name in sorted(set(names)):
        tag, _ = Tag.objects.get_or_create(name=name)
        tags.append(tag)
    server.tags.set(tags)


def _audit_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {key: (str(value) if value is not None else None) for key, value in sorted(data.items())}


def _unique_values(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: fields[key] for key in ("name", "hostname") if key in fields}


def create_server(actor: Actor, *, tags: list[str] | None = None, **fields: Any) -> Server:
    with conflicts_as_409(Server.objects.all(), _unique_values(fields), "server"):
        server = Server.objects.create(created_by=actor.user, **fields)
        _set_tags(server, tags or [])
        record_audit(
            "server.created",
            actor=actor,
            target=server,
            details={**_audit_fields(fields), "tags": sorted(set(tags or []))},
        )
    return server


def update_server(actor: Actor, server: Server, *, tags: list[str] | None = None, **fields: Any) -> Server:
    with conflicts_as_409(Server.objects.all(), _unique_values(fields), "server", exclude_pk=server.pk):
        changed = {k: v for k, v in fields.items() if getattr(server, k) != v}
        for key, value in fields.items():
            setattr(server, key, value)
        server.save()
        details: dict[str, Any] = {"changed": _audit_fields(changed)}
        if tags is not None:
            before = server.tag_names
            _set_tags(server, tags)
            if sorted(set(tags)) != before:
                details["tags"] = {"before": before, "after": sorted(set(tags))}
        record_audit("server.updated", actor=actor, target=server, details=details)
    return server


def delete_server(actor: Actor, server: Server) -> None:
    """Delete a server; its agent keys go with it, and their open sockets are told to close."""
    with transaction.atomic():
        announce_revocation(list(server.api_keys.values_list("pk", flat=True)))
        record_audit(
            "server.deleted",
            actor=actor,
            target=server,
            details={"name": server.name, "hostname": server.hostname},
        )
        server.delete()
