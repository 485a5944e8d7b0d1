"""What every command needs: the chosen context, a client for it, and a server by name or id."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Annotated, Any

import typer

from chatops_client.auth import Credentials
from chatops_client.cli.config import Config
from chatops_client.cli.output import AUTH, NOT_FOUND, Format, fail
from chatops_client.client import ChatOps

OutputOption = Annotated[Format, typer.Option("--output", "-o", help="table, json or yaml.")]


@dataclass
class State:
    """The global options (``--context``), read by every command."""

    context: str | None = None
    config: Config = field(default_factory=Config)


def state(ctx: typer.Context) -> State:
    found = ctx.find_root().obj
    if not isinstance(found, State):
        found = State()
        ctx.find_root().obj = found
    return found


def context_name(st: State) -> str:
    name = st.context or os.environ.get("CHATOPS_CONTEXT") or st.config.current
    if not name:
        raise fail("no context: sign in first with `chatops login <hub-url>`", AUTH)
    if name not in st.config.contexts:
        raise fail(f"no context named {name!r} (chatops context list)", NOT_FOUND)
    return name


def client(ctx: typer.Context) -> ChatOps:
    """A client for the chosen context; rotated refresh tokens are written back to the config.

    ``CHATOPS_HUB`` with ``CHATOPS_API_KEY`` (or ``CHATOPS_TOKEN``) skips the config file, for CI jobs."""
    hub = os.environ.get("CHATOPS_HUB")
    if hub and (os.environ.get("CHATOPS_API_KEY") or os.environ.get("CHATOPS_TOKEN")):
        return ChatOps(hub, api_key=os.environ.get("CHATOPS_API_KEY"), access_token=os.environ.get("CHATOPS_TOKEN"))
    st = state(ctx)
    name = context_name(st)
    entry = st.config.contexts[name]

    def keep(creds: Credentials) -> None:
        # Re-read first: another chatops process may have written the file meanwhile.
        fresh = Config(st.config.path)
        target = fresh.contexts.setdefault(name, dict(entry))
        target["access-token"], target["refresh-token"] = creds.access_token, creds.refresh_token
        fresh.save()

    return ChatOps(
        entry["hub"],
        access_token=entry.get("access-token"),
        refresh_token=entry.get("refresh-token"),
        api_key=entry.get("api-key"),
        on_tokens=keep,
    )


def server_id(api: ChatOps, ref: str) -> int:
    """A server by id, name or hostname (names and hostnames are unique without regard to case)."""
    if ref.isdigit():
        return int(ref)
    wanted = ref.casefold()
    for server in api.paginate("/servers", {"search": ref}):
        if wanted in (str(server["name"]).casefold(), str(server["hostname"]).casefold()):
            return int(server["id"])
    raise fail(f"no server named {ref!r} that you may see", NOT_FOUND)


def compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}
