"""The inventory of a run, built when it is asked for from the servers the caller may see
(``Server.objects.visible_to``): each server by name, reached at its hostname (or address),
in one group per tag; servers whose agent is not online are left out and reported as skipped.
How each host is reached comes from ``ConnectionProfile`` (the server's own, else its tags')."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accounts.actor import Actor
from automation.choices import Connection
from automation.models import ConnectionProfile
from servers.choices import ServerStatus
from servers.models import Server

#: Group names ansible keeps for itself; a tag so named gets a ``tag_`` prefix.
RESERVED_GROUPS = frozenset({"all", "ungrouped"})
OFFLINE = "agent offline"
NEVER_SEEN = "agent never connected"


class UnknownHosts(ValueError):
    """Host patterns that name no server or tag the caller can see."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(names)
        self.names = names


@dataclass
class Selection:
    servers: list[Server] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)


def group_name(tag: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", tag)
    return f"tag_{name}" if name in RESERVED_GROUPS or not name[:1].isalpha() else name


def select(actor: Actor, patterns: list[str]) -> Selection:
    """The servers ``patterns`` name among those ``actor`` sees: ``all``, a server's name or
    hostname, or a tag (every server carrying it). Unknown names raise ``UnknownHosts``;
    servers whose agent is not online are skipped, with the reason."""
    visible = Server.objects.visible_to(actor.user).prefetch_related("tags")  # type: ignore[arg-type]
    servers = list(visible)
    by_name = {s.name.lower(): s for s in servers} | {s.hostname.lower(): s for s in servers}
    chosen: dict[int, Server] = {}
    unknown: list[str] = []
    for pattern in patterns:
        key = pattern.strip().lower()
        if key == "all":
            chosen.update({s.pk: s for s in servers})
        elif key in by_name:
            chosen[by_name[key].pk] = by_name[key]
        else:
            tagged = [s for s in servers if key in {t.name.lower() for t in s.tags.all()}]
            if not tagged:
                unknown.append(pattern)
            chosen.update({s.pk: s for s in tagged})
    if unknown:
        raise UnknownHosts(unknown)
    selection = Selection()
    for server in sorted(chosen.values(), key=lambda s: s.name.lower()):
        if server.status == ServerStatus.ONLINE:
            selection.servers.append(server)
        else:
            reason = OFFLINE if server.status == ServerStatus.OFFLINE else NEVER_SEEN
            selection.skipped.append({"name": server.name, "reason": reason})
    return selection


def profiles_for(servers: list[Server]) -> dict[int, ConnectionProfile | None]:
    """Each server's connection profile: its own, else that of its first tag (by name) with one."""
    ids = [s.pk for s in servers]
    own = {p.server_id: p for p in ConnectionProfile.objects.filter(server_id__in=ids)}
    tag_ids = {t.pk for s in servers for t in s.tags.all()}
    by_tag = {p.tag_id: p for p in ConnectionProfile.objects.filter(tag_id__in=tag_ids)}
    found: dict[int, ConnectionProfile | None] = {}
    for server in servers:
        profile = own.get(server.pk)
        if profile is None:
            tags = sorted(server.tags.all(), key=lambda t: t.name)
            profile = next((by_tag[t.pk] for t in tags if t.pk in by_tag), None)
        found[server.pk] = profile
    return found


def build(servers: list[Server], key_dir: Path) -> dict[str, Any]:
    """The inventory (ansible's JSON form) of these servers. Private keys are written into
    ``key_dir`` (mode 0600, one file per profile) and named by path only; the caller removes
    them when the run ends."""
    profiles = profiles_for(servers)
    hosts: dict[str, dict[str, Any]] = {}
    groups: dict[str, dict[str, Any]] = {}
    key_files: dict[int, str] = {}
    for server in servers:
        profile = profiles[server.pk]
        variables: dict[str, Any] = {"ansible_host": server.hostname or str(server.ip_address or server.name)}
        connection = profile.connection if profile else Connection.SSH
        variables["ansible_connection"] = connection
        if connection == Connection.LOCAL:
            # The worker's own interpreter: no discovery, no warning.
            variables["ansible_python_interpreter"] = "{{ ansible_playbook_python }}"
        if profile is not None:
            if profile.ssh_user:
                variables["ansible_user"] = profile.ssh_user
            if profile.ssh_port:
                variables["ansible_port"] = profile.ssh_port
            if profile.private_key:
                if profile.pk not in key_files:
                    key_files[profile.pk] = _write_key(key_dir, profile)
                variables["ansible_ssh_private_key_file"] = key_files[profile.pk]
        hosts[server.name] = variables
        for tag in server.tags.all():
            groups.setdefault(group_name(tag.name), {"hosts": {}})["hosts"][server.name] = {}
    return {"all": {"hosts": hosts, "children": groups}}


def _write_key(key_dir: Path, profile: ConnectionProfile) -> str:
    key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = key_dir / f"key-{profile.pk}"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        key = profile.private_key.replace("\r\n", "\n")
        handle.write(key if key.endswith("\n") else key + "\n")
    return str(path)
