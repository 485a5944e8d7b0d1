"""``chatops login``, ``logout`` and ``context list|use|delete``."""

from __future__ import annotations

import sys
from typing import Annotated
from urllib.parse import urlsplit

import typer

from chatops_client.cli.common import OutputOption, client, context_name, state
from chatops_client.cli.config import Config
from chatops_client.cli.output import NOT_FOUND, USAGE, Format, emit, fail
from chatops_client.client import ChatOps
from chatops_client.errors import APIError, Forbidden

context_app = typer.Typer(help="Named contexts: one per hub and identity (like kubectl's).", no_args_is_help=True)


def login(
    ctx: typer.Context,
    hub: Annotated[str, typer.Argument(help="The hub's URL, e.g. https://hub.example.com.")],
    username: Annotated[str | None, typer.Option("--username", "-u", help="Prompted for when missing.")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
    api_key_stdin: Annotated[
        bool, typer.Option("--api-key-stdin", help="Sign in with an API key read from stdin instead.")
    ] = False,
    name: Annotated[str | None, typer.Option("--name", help="The context's name (default: the hub's host).")] = None,
) -> None:
    """Sign in to a hub and keep the credentials in a context (which becomes the current one)."""
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise fail(f"{hub!r} is not a hub URL (http:// or https://)", USAGE)
    hub = hub.rstrip("/")
    st = state(ctx)
    name = name or st.context or parts.netloc
    entry: dict[str, str | None] = {"hub": hub}
    if api_key_stdin:
        api = ChatOps(hub, api_key=sys.stdin.readline().strip())
        entry["api-key"] = api.credentials.api_key
        try:
            who = str(api.get("/auth/me")["username"])
        except Forbidden:  # a key without profile:read still works for what it is for
            who = "(API key)"
    else:
        username = username or typer.prompt("Username")
        password = sys.stdin.readline().rstrip("\n") if password_stdin else typer.prompt("Password", hide_input=True)
        api = ChatOps(hub)
        who = str(api.login(username, password)["user"]["username"])
        entry.update({"access-token": api.credentials.access_token, "refresh-token": api.credentials.refresh_token})
    entry["username"] = who
    st.config.contexts[name] = entry
    st.config.current = name
    st.config.save()
    typer.echo(f"Logged in to {hub} as {who} (context {name!r}, saved in {st.config.path}).")


def logout(ctx: typer.Context) -> None:
    """Sign out of the current context's hub (its refresh token stops working) and forget its tokens."""
    st = state(ctx)
    name = context_name(st)
    entry = st.config.contexts[name]
    if entry.get("refresh-token"):
        api = client(ctx)
        try:
            api.post("/auth/logout", {"refresh_token": api.credentials.refresh_token})
        except APIError as exc:  # already expired or revoked: forgetting it is all that is left
            print(f"note: the hub answered {exc.status_code} {exc.error_code}", file=sys.stderr)
        st.config = Config(st.config.path)  # a refresh during the call rewrote the file
        entry = dict(st.config.contexts.get(name, entry))
    for key in ("access-token", "refresh-token", "api-key"):
        entry.pop(key, None)
    st.config.contexts[name] = entry
    st.config.save()
    typer.echo(f"Logged out of {entry['hub']} (context {name!r} kept; chatops login signs in again).")


@context_app.command("list")
def context_list(ctx: typer.Context, output: OutputOption = Format.table) -> None:
    """The contexts; * marks the current one."""
    st = state(ctx)
    rows = [
        {
            "current": "*" if name == st.config.current else "",
            "name": name,
            "hub": entry.get("hub"),
            "user": entry.get("username"),
            "auth": "api-key" if entry.get("api-key") else ("token" if entry.get("refresh-token") else "none"),
        }
        for name, entry in sorted(st.config.contexts.items())
    ]
    emit(rows, output, [("CURRENT", "current"), ("NAME", "name"), ("HUB", "hub"), ("USER", "user"), ("AUTH", "auth")])


@context_app.command("use")
def context_use(ctx: typer.Context, name: Annotated[str, typer.Argument(help="A context's name.")]) -> None:
    """Make a context the current one."""
    st = state(ctx)
    if name not in st.config.contexts:
        raise fail(f"no context named {name!r} (chatops context list)", NOT_FOUND)
    st.config.current = name
    st.config.save()
    typer.echo(f"Switched to context {name!r} ({st.config.contexts[name]['hub']}).")


@context_app.command("delete")
def context_delete(ctx: typer.Context, name: Annotated[str, typer.Argument(help="A context's name.")]) -> None:
    """Forget a context and its credentials (the tokens are not revoked; `chatops logout` does that)."""
    st = state(ctx)
    if st.config.contexts.pop(name, None) is None:
        raise fail(f"no context named {name!r} (chatops context list)", NOT_FOUND)
    if st.config.current == name:
        st.config.current = None
    st.config.save()
    typer.echo(f"Deleted context {name!r}.")
