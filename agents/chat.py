"""The agents app's chat commands: ``/run``, ``/containers``, ``/restart``, ``/logs``.

Each calls the service the REST route calls, as the chat ``Actor`` of whoever typed it, so the
role checks, the audit entries and the agent's own refusals are the same. A server is named
by its name or hostname (``servers.services.server_named``: only those the caller may see).
"""

from __future__ import annotations

import shlex

from accounts.actor import Actor
from agents import services
from agents.remote import dispatch
from chatops.registry import ChatCommand, ChatReply, ChatUsageError
from monitoring.models import LogLine
from servers.services import server_named

LOG_LINES_DEFAULT = 20
LOG_LINES_MAX = 200


def _code(text: str) -> str:
    fence = "````" if "```" in text else "```"
    return f"{fence}\n{text}\n{fence}"


def run(actor: Actor, arguments: list[str]) -> ChatReply:
    server = server_named(actor, arguments[0])
    rest = arguments[1:]
    # One argument is the command as typed ("df -h /"); several are words, re-quoted.
    command = rest[0] if len(rest) == 1 else shlex.join(rest)
    if not command.strip():
        raise ChatUsageError("The command is empty")
    history = services.run_command(actor, server, command, wait=False, send=False)
    return ChatReply(
        f"Sent to **{server.name}**; waiting for the agent…", history_id=history.pk, start=lambda: dispatch(history)
    )


def containers(actor: Actor, arguments: list[str]) -> ChatReply:
    server = server_named(actor, arguments[0])
    found = services.list_containers(actor, server)
    if not found.live:
        age = f"{found.age_seconds:.0f} s ago" if found.age_seconds is not None else "never"
        head = f"Containers on **{server.name}** as last reported ({age}; {found.reason}):"
    else:
        head = f"Containers on **{server.name}**:"
    if not found.containers:
        return ChatReply(f"{head} none.")
    rows = [f"{c['name']}  {c['image']}  {c['state']}  {c['status'] or ''}".rstrip() for c in found.containers]
    return ChatReply(f"{head}\n\n{_code(chr(10).join(rows))}")


def restart(actor: Actor, arguments: list[str]) -> ChatReply:
    server = server_named(actor, arguments[0])
    history = services.run_docker(actor, server, "restart", arguments[1])
    state = services.container_fields(history.result).get("state") or "unknown"
    return ChatReply(f"Restarted **{arguments[1]}** on **{server.name}** (now {state}; request #{history.pk}).")


def logs(actor: Actor, arguments: list[str]) -> ChatReply:
    """The server's newest log lines, as ``GET /logs/{id}`` reads them."""
    server = server_named(actor, arguments[0])
    count = LOG_LINES_DEFAULT
    if len(arguments) > 1:
        if not arguments[1].isdigit() or not 1 <= int(arguments[1]) <= LOG_LINES_MAX:
            raise ChatUsageError(f"The count is a whole number from 1 to {LOG_LINES_MAX}")
        count = int(arguments[1])
    lines = list(LogLine.objects.filter(server=server).order_by("-ts", "-id")[:count])
    if not lines:
        return ChatReply(f"No log lines from **{server.name}** yet.")
    text = "\n".join(f"{line.ts:%Y-%m-%d %H:%M:%S} {line.level:<8} {line.message}" for line in reversed(lines))
    return ChatReply(f"The last {len(lines)} log lines of **{server.name}**:\n\n{_code(text)}")


COMMANDS = (
    ChatCommand(
        "run",
        "Run a command on a server through its agent; its output streams into the thread.",
        run,
        usage="<server> <command…>",
        least_role="operator",
        min_args=2,
        description="Quote the command to keep it as typed (`/run web-1 \"df -h /\"`). It runs as the REST "
        "route runs it: only if the server's agent was started with `--allow-commands` and its allow and "
        "deny patterns let it through, with a timeout of 30 s and its output capped as the agent caps it. "
        "The answer is updated in place until the command ends, with its exit code, duration and history row.",
    ),
    ChatCommand(
        "containers", "List a server's Docker containers.", containers, usage="<server>", min_args=1, max_args=1,
        description="Asked of the agent (it must allow Docker), else the list it last reported.",
    ),
    ChatCommand(
        "restart", "Restart a container on a server.", restart, usage="<server> <container>",
        least_role="operator", min_args=2, max_args=2,
        description="Through the server's agent, which must have been started with `--allow-docker`.",
    ),
    ChatCommand(
        "logs", "Show a server's newest log lines.", logs, usage=f"<server> [count, default {LOG_LINES_DEFAULT}]",
        min_args=1, max_args=2, description=f"The lines its agent tailed, oldest first, at most {LOG_LINES_MAX}.",
    ),
)  # fmt: skip
