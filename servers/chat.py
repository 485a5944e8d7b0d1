"""The servers app's chat commands: ``/servers`` and ``/status``, reading what the caller may
see (``servers.services``), as the REST routes do."""

from __future__ import annotations

from accounts.actor import Actor
from chatops.registry import ChatCommand, ChatReply
from servers.models import Server
from servers.services import server_named, visible_servers

SHOWN = 50


def _seen(server: Server) -> str:
    return f"{server.last_seen:%Y-%m-%d %H:%M:%S} UTC" if server.last_seen else "never"


def servers(actor: Actor, arguments: list[str]) -> ChatReply:
    found = visible_servers(actor).order_by("name")
    shown = list(found[:SHOWN])
    if not shown:
        return ChatReply("No servers yet.")
    lines = [f"- **{s.name}** ({s.hostname}): {s.status}, last seen {_seen(s)}" for s in shown]
    more = found.count() - len(shown)
    tail = f"\n\n… and {more} more." if more > 0 else ""
    return ChatReply("Servers:\n\n" + "\n".join(lines) + tail)


def status(actor: Actor, arguments: list[str]) -> ChatReply:
    server = server_named(actor, arguments[0])
    facts = [
        ("Status", server.status),
        ("Last seen", _seen(server)),
        ("Hostname", server.hostname),
        ("Address", server.ip_address or "unknown"),
        ("OS", server.os or "unknown"),
        ("Agent", server.agent_version or "unknown"),
        ("Tags", ", ".join(server.tag_names) or "none"),
    ]
    lines = [f"- {label}: {value}" for label, value in facts]
    return ChatReply(f"**{server.name}**\n\n" + "\n".join(lines))


COMMANDS = (
    ChatCommand("servers", "List the servers and their status.", servers, max_args=0),
    ChatCommand("status", "Show one server's status.", status, usage="<server>", min_args=1, max_args=1),
)
