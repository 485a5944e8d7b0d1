"""Alerts, tickets, pipelines and playbooks."""

from __future__ import annotations

import sys
import time
from typing import Annotated, Any

import typer

from chatops_client.cli.common import OutputOption, client, compact
from chatops_client.cli.output import ERROR, USAGE, Format, emit, fail

alerts_app = typer.Typer(help="Alerts: list, acknowledge, resolve.", no_args_is_help=True)
tickets_app = typer.Typer(help="Helpdesk tickets.", no_args_is_help=True)
pipelines_app = typer.Typer(help="CI/CD pipelines.", no_args_is_help=True)
playbook_app = typer.Typer(help="Ansible playbooks.", no_args_is_help=True)

IdArg = Annotated[int, typer.Argument(help="The id.", show_default=False, min=1)]
CommentOption = Annotated[str | None, typer.Option("--comment", "-m", help="A note kept on the alert.")]
ALERT_COLUMNS = [
    ("ID", "id"), ("STATUS", "status"), ("SEVERITY", "severity"), ("SERVER", "server_name"),
    ("NAME", "name"), ("VALUE", "value"), ("FIRED", "fired_at"),
]  # fmt: skip


@alerts_app.command("list")
def alerts_list(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(help="firing, acknowledged or resolved.")] = None,
    severity: Annotated[str | None, typer.Option(help="info, warning or critical.")] = None,
    output: OutputOption = Format.table,
) -> None:
    """Alerts, newest first."""
    emit(list(client(ctx).paginate("/alerts", {"status": status, "severity": severity})), output, ALERT_COLUMNS)


@alerts_app.command("ack")
def alerts_ack(
    ctx: typer.Context, alert: IdArg, comment: CommentOption = None, output: OutputOption = Format.table
) -> None:
    """Acknowledge an alert: someone is on it."""
    _alert_done(client(ctx).post(f"/alerts/{alert}/acknowledge", compact({"comment": comment})), output)


@alerts_app.command("resolve")
def alerts_resolve(
    ctx: typer.Context, alert: IdArg, comment: CommentOption = None, output: OutputOption = Format.table
) -> None:
    """Resolve an alert."""
    _alert_done(client(ctx).post(f"/alerts/{alert}/resolve", compact({"comment": comment})), output)


def _alert_done(alert: dict[str, Any], output: Format) -> None:
    """One line in table mode, as gh says what it did; the whole alert in json and yaml."""
    if output is not Format.table:
        emit(alert, output)
        return
    who = alert.get("acknowledged_by") if alert.get("status") == "acknowledged" else alert.get("resolved_by")
    typer.echo(f"alert {alert['id']} ({alert.get('name')}) {alert.get('status')} by {who or '-'}")


@tickets_app.command("list")
def tickets_list(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(help="open, in_progress, waiting, resolved, closed…")] = None,
    search: Annotated[str | None, typer.Option(help="Words in the title or description.")] = None,
    output: OutputOption = Format.table,
) -> None:
    """Tickets you may see."""
    rows = list(client(ctx).paginate("/tickets", {"status": status, "search": search}))
    emit(rows, output, [
        ("ID", "id"), ("STATUS", "status"), ("PRIORITY", "priority"), ("CATEGORY", "category"),
        ("TITLE", "title"), ("SLA", "sla_state"), ("CREATED", "created_at"),
    ])  # fmt: skip


@tickets_app.command("show")
def tickets_show(ctx: typer.Context, ticket: IdArg, output: OutputOption = Format.table) -> None:
    """One ticket."""
    emit(client(ctx).get(f"/tickets/{ticket}"), output)


@tickets_app.command("create")
def tickets_create(
    ctx: typer.Context,
    title: Annotated[str, typer.Option("--title", "-t", help="One line.", show_default=False)],
    description: Annotated[str, typer.Option("--description", "-d", help="What happened.")] = "",
    priority: Annotated[str | None, typer.Option(help="low, medium, high or urgent.")] = None,
    output: OutputOption = Format.table,
) -> None:
    """Open a ticket."""
    body = compact({"title": title, "description": description, "priority": priority})
    emit(client(ctx).post("/tickets", body), output)


@pipelines_app.command("list")
def pipelines_list(
    ctx: typer.Context,
    repository: Annotated[str | None, typer.Option(help="owner/name.")] = None,
    branch: Annotated[str | None, typer.Option()] = None,
    status: Annotated[str | None, typer.Option(help="success, failed, running…")] = None,
    output: OutputOption = Format.table,
) -> None:
    """CI/CD pipeline runs, newest first."""
    rows = list(client(ctx).paginate("/pipelines", {"repository": repository, "branch": branch, "status": status}))
    emit(rows, output, [
        ("ID", "id"), ("PROVIDER", "provider"), ("REPOSITORY", "repository"), ("BRANCH", "branch"),
        ("NAME", "name"), ("STATUS", "status"), ("DURATION", "duration"), ("STARTED", "started_at"),
    ])  # fmt: skip


@playbook_app.command("list")
def playbook_list(ctx: typer.Context, output: OutputOption = Format.table) -> None:
    """The playbooks the hub offers (GET /ansible/playbooks is the seed's name for the runs)."""
    data = client(ctx).get("/ansible/playbooks/available")
    emit(data, output, [("NAME", "name"), ("DESCRIPTION", "description")])


def _variables(pairs: list[str]) -> dict[str, Any]:
    import yaml

    found: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise fail(f"--var takes key=value, not {pair!r}", USAGE)
        found[key] = yaml.safe_load(value) if value else ""  # 3 → int, true → bool, as Ansible's -e does
    return found


@playbook_app.command("run")
def playbook_run(
    ctx: typer.Context,
    playbook: Annotated[str, typer.Argument(help="The playbook's name (chatops playbook list).", show_default=False)],
    hosts: Annotated[list[str], typer.Option("--host", help="A server, tag or `all` (repeatable).")],
    var: Annotated[list[str] | None, typer.Option("--var", "-e", help="key=value (repeatable).")] = None,
    check: Annotated[bool, typer.Option(help="Ansible's check mode.")] = False,
    wait: Annotated[bool, typer.Option(help="Wait for the end, print its output, exit 0 only if it succeeded.")] = True,
    output: OutputOption = Format.table,
) -> None:
    """Run a playbook on servers."""
    api = client(ctx)
    body = {"hosts": hosts, "variables": _variables(var or []), "check": check}
    started = api.post(f"/ansible/playbooks/{playbook}/execute", body)
    if "execution_id" not in started:
        raise fail(f"held for approval #{started.get('id')}: a second person must approve it", ERROR)
    execution = int(started["execution_id"])
    if not wait:
        emit(started, output)
        return
    print(f"execution {execution} started", file=sys.stderr)
    while True:
        detail: dict[str, Any] = api.get(f"/ansible/executions/{execution}")
        if detail.get("finished_at"):
            break
        time.sleep(1)
    if output is Format.table:
        typer.echo(detail.get("output") or "")
        typer.echo(f"{detail.get('status')} (rc {detail.get('rc')})")
    else:
        emit(detail, output)
    raise typer.Exit(0 if detail.get("rc") == 0 else ERROR)
