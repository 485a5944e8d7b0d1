"""The fleet: ``servers list``, ``metrics``, ``logs``, ``run`` and ``containers``."""

from __future__ import annotations

import shlex
import sys
from datetime import UTC, datetime
from typing import Annotated, Any

import typer

from chatops_client.cli.common import OutputOption, client, server_id
from chatops_client.cli.output import ERROR, TIMED_OUT, Format, cell, emit, fail
from chatops_client.client import ChatOps
from chatops_client.streams import stream

servers_app = typer.Typer(help="The fleet's servers.", no_args_is_help=True)
containers_app = typer.Typer(help="Docker containers on a server (through its agent).", no_args_is_help=True)

ServerArg = Annotated[str, typer.Argument(help="A server's name, hostname or id.", show_default=False)]
FINAL = frozenset({"succeeded", "failed", "timed_out", "rejected", "agent_offline"})


@servers_app.command("list")
def servers_list(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(help="online or offline.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only servers with this tag.")] = None,
    output: OutputOption = Format.table,
) -> None:
    """Every server you may see."""
    rows = list(client(ctx).paginate("/servers", {"status": status, "tag": tag}))
    emit(rows, output, [
        ("ID", "id"), ("NAME", "name"), ("HOSTNAME", "hostname"), ("STATUS", "status"),
        ("LAST SEEN", "last_seen"), ("TAGS", "tags"),
    ])  # fmt: skip


def _when(ts: Any) -> str:
    if isinstance(ts, int | float):
        return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return cell(ts)


def metrics(
    ctx: typer.Context,
    server: ServerArg,
    watch: Annotated[bool, typer.Option("--watch", "-w", help="Follow new samples live (Ctrl-C stops).")] = False,
    output: OutputOption = Format.table,
) -> None:
    """A server's latest sample; with --watch, every new one as it is stored (one line each)."""
    api = client(ctx)
    sid = server_id(api, server)
    latest = api.get(f"/metrics/{sid}")
    if not watch:
        values = latest.get("values") or {}
        if output is not Format.table:
            emit(latest, output)
            return
        typer.echo(f"{_when(latest.get('ts'))} (age {latest.get('age_seconds')} s)")
        emit(
            [{"metric": k, "value": v} for k, v in sorted(values.items())],
            output,
            [("METRIC", "metric"), ("VALUE", "value")],
        )
        return
    try:
        for event in stream(api, f"metrics/{sid}"):
            if event.get("type") != "metrics.sample":
                continue
            if output is Format.table:
                values = event.get("values") or {}
                shown = "  ".join(f"{k}={cell(values[k])}" for k in sorted(values))
                typer.echo(f"{_when(event.get('ts'))}  {shown}")
            else:
                _json_line(event)
    except KeyboardInterrupt:
        pass


def _json_line(event: dict[str, Any]) -> None:
    import json

    typer.echo(json.dumps(event, default=str))


def _log_line(line: dict[str, Any]) -> str:
    level = str(line.get("level") or "-").upper()
    return f"{_when(line.get('ts'))} {level:8} {line.get('source') or '-'}: {line.get('message')}"


def logs(
    ctx: typer.Context,
    server: ServerArg,
    follow: Annotated[bool, typer.Option("--follow", "-f", help="Keep printing new lines (Ctrl-C stops).")] = False,
    tail: Annotated[int, typer.Option(help="How many of the latest lines first.", min=0, max=100)] = 20,
    level: Annotated[str | None, typer.Option(help="That level and worse (info, warning, error…).")] = None,
    output: OutputOption = Format.table,
) -> None:
    """A server's log lines: the latest, then (with -f) new ones over the live stream."""
    api = client(ctx)
    sid = server_id(api, server)
    lines: list[dict[str, Any]] = []
    if tail:
        lines = api.request_envelope("GET", f"/logs/{sid}", params={"size": tail, "min_level": level})["data"]
    for line in reversed(lines):
        typer.echo(_log_line(line) if output is Format.table else _dumps(line))
    if not follow:
        return
    try:
        for event in stream(api, f"logs/{sid}"):
            if event.get("type") == "logs.lines":
                for line in event.get("lines") or []:
                    typer.echo(_log_line(line) if output is Format.table else _dumps(line))
            elif event.get("type") == "server.status" or event.get("type") == "pong":
                continue
            sys.stdout.flush()
    except KeyboardInterrupt:
        pass


def _dumps(data: Any) -> str:
    import json

    return json.dumps(data, default=str)


def run(
    ctx: typer.Context,
    server: ServerArg,
    command: Annotated[list[str], typer.Argument(help="The command, after `--`.", show_default=False)],
    timeout: Annotated[int, typer.Option(help="Seconds before the agent kills it.", min=1, max=300)] = 30,
) -> None:
    """Run a command on a server's agent, stream its output, and exit with its exit code.

    chatops run web-1 -- df -h"""
    api = client(ctx)
    sid = server_id(api, server)
    text = command[0] if len(command) == 1 else shlex.join(command)
    sent = api.post(f"/commands/{sid}", {"command": text, "timeout": timeout, "wait": False})
    if "exit_code" not in sent:  # a pending approval, not an execution
        raise fail(f"held for approval #{sent.get('id')}: a second person must approve it (chatops approvals)", ERROR)
    execution = int(sent["id"])
    printed = {"stdout": 0, "stderr": 0}
    row = _follow(api, sid, execution, printed)
    for name, out in (("stdout", sys.stdout), ("stderr", sys.stderr)):
        full = row.get(name) or ""
        if len(full) > printed[name]:  # what came before the stream was open
            out.write(full[printed[name] :])
            out.flush()
    status = row.get("status")
    if status in ("rejected", "agent_offline"):
        raise fail(f"the command did not run ({status}): {row.get('reason') or 'no reason given'}", ERROR)
    if status == "timed_out":
        raise fail(f"the command timed out after {timeout} s", TIMED_OUT)
    code = row.get("exit_code")
    raise typer.Exit(int(code) if isinstance(code, int) else ERROR)


def _follow(api: ChatOps, sid: int, execution: int, printed: dict[str, int]) -> dict[str, Any]:
    """Print the live output until the execution is final; answers its row."""
    events = stream(api, f"commands/{execution}", idle=1.0)
    try:
        for event in events:
            kind = event.get("type")
            if kind == "command.output":
                name = "stderr" if event.get("stream") == "stderr" else "stdout"
                data = str(event.get("data") or "")
                (sys.stderr if name == "stderr" else sys.stdout).write(data)
                (sys.stderr if name == "stderr" else sys.stdout).flush()
                printed[name] += len(data)
            elif kind in ("command.status", "idle"):
                if kind == "command.status" and not event.get("final"):
                    continue
                row: dict[str, Any] = api.get(f"/commands/{sid}/{execution}")
                if row.get("status") in FINAL:
                    return row
    finally:
        events.close()
    return dict(api.get(f"/commands/{sid}/{execution}"))


@containers_app.command("list")
def containers_list(
    ctx: typer.Context,
    server: ServerArg,
    cached: Annotated[bool, typer.Option(help="The list the agent last reported, without asking it.")] = False,
    output: OutputOption = Format.table,
) -> None:
    """A server's containers (asked of its agent live, else the last report)."""
    api = client(ctx)
    sid = server_id(api, server)
    data = api.get(f"/docker/{sid}/containers", live=None if not cached else "false")
    if not data.get("live") and data.get("reason"):
        print(f"note: not live: {data['reason']}", file=sys.stderr)
    if output is not Format.table:
        emit(data, output)
        return
    emit(data.get("containers") or [], output, [
        ("NAME", "name"), ("IMAGE", "image"), ("STATE", "state"), ("STATUS", "status"),
        ("CPU %", "cpu_percent"), ("MEMORY", "memory_bytes"),
    ])  # fmt: skip


def _container_action(ctx: typer.Context, server: str, container: str, action: str, output: Format) -> None:
    api = client(ctx)
    sid = server_id(api, server)
    data = api.post(f"/docker/{sid}/containers/{container}/{action}")
    if "state" not in data:
        raise fail(f"held for approval #{data.get('id')}: a second person must approve it", ERROR)
    if output is Format.table:
        typer.echo(f"container {data.get('name')} {data.get('state')} ({data.get('status')})")
    else:
        emit(data, output)


ContainerArg = Annotated[str, typer.Argument(help="A container's name or id.", show_default=False)]


@containers_app.command("restart")
def containers_restart(
    ctx: typer.Context, server: ServerArg, container: ContainerArg, output: OutputOption = Format.table
) -> None:
    """Restart a container."""
    _container_action(ctx, server, container, "restart", output)


@containers_app.command("start")
def containers_start(
    ctx: typer.Context, server: ServerArg, container: ContainerArg, output: OutputOption = Format.table
) -> None:
    """Start a container."""
    _container_action(ctx, server, container, "start", output)


@containers_app.command("stop")
def containers_stop(
    ctx: typer.Context, server: ServerArg, container: ContainerArg, output: OutputOption = Format.table
) -> None:
    """Stop a container."""
    _container_action(ctx, server, container, "stop", output)
