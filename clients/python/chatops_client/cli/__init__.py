"""``chatops``: the hub from a terminal, in the habits of ``gh`` and ``kubectl``.

See ``docs/sdk.md`` for the reference; ``chatops --install-completion`` for shell completion.
"""

from __future__ import annotations

import sys
from typing import Annotated

import httpx
import typer

from chatops_client._base import __version__
from chatops_client.cli import auth_cmds, fleet, work
from chatops_client.cli.common import State
from chatops_client.cli.output import AUTH, ERROR, NOT_FOUND
from chatops_client.errors import APIError, ChatOpsError, NotSignedIn

app = typer.Typer(
    name="chatops",
    help="Watch and operate a fleet through a ChatOps hub.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chatops {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    context: Annotated[
        str | None,
        typer.Option("--context", "-c", envvar="CHATOPS_CONTEXT", help="Use this context, not the current one."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    ctx.obj = State(context=context)


app.command()(auth_cmds.login)
app.command()(auth_cmds.logout)
app.add_typer(auth_cmds.context_app, name="context")
app.add_typer(fleet.servers_app, name="servers")
app.command()(fleet.metrics)
app.command()(fleet.logs)
app.command()(fleet.run)
app.add_typer(fleet.containers_app, name="containers")
app.add_typer(work.alerts_app, name="alerts")
app.add_typer(work.tickets_app, name="tickets")
app.add_typer(work.pipelines_app, name="pipelines")
app.add_typer(work.playbook_app, name="playbook")


def exit_code(error: APIError) -> int:
    if error.status_code == 401:
        return AUTH
    if error.status_code in (403, 404):
        return NOT_FOUND
    return ERROR


def main() -> None:
    try:
        app(prog_name="chatops")
    except APIError as exc:
        print(
            f"error: {exc.detail} ({exc.status_code} {exc.error_code}, request {exc.request_id or '-'})",
            file=sys.stderr,
        )
        if exc.status_code == 401:
            print("hint: sign in again with `chatops login <hub-url>`", file=sys.stderr)
        sys.exit(exit_code(exc))
    except NotSignedIn as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(AUTH)
    except ChatOpsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(ERROR)
    except httpx.HTTPError as exc:
        print(f"error: cannot reach the hub: {exc}", file=sys.stderr)
        sys.exit(ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
