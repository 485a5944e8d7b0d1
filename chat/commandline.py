"""A slash command as typed: its name and its arguments (quoted as a shell quotes them), the
help a caller gets (only the commands their role may run), and how a refusal reads in a room.

Nothing here runs a command or touches the database: ``chat.commands`` does that.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from rest_framework.exceptions import APIException, NotFound, PermissionDenied, ValidationError

from accounts.actor import Actor
from accounts.choices import Role
from chatops.registry import ChatCommand, ChatReply, ChatUsageError, chat_command, chat_commands

_LINE = re.compile(r"/(?P<name>\S*)\s*(?P<rest>.*)\Z", re.DOTALL)


class BadCommandLine(ValueError):
    """The arguments cannot be split (an unclosed quote, a trailing backslash)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(reason)
        self.name = name


@dataclass(frozen=True)
class CommandLine:
    name: str
    arguments: list[str]


def parse(content: str) -> CommandLine:
    """``/run web-1 "df -h /"`` -> ``CommandLine("run", ["web-1", "df -h /"])``. The name is
    lower-cased; the arguments are split as a POSIX shell splits words (quotes, backslashes),
    without expanding anything."""
    found = _LINE.match(content.strip())
    if found is None:
        raise BadCommandLine("", "a command starts with '/'")
    name = found["name"].lower()
    command = chat_command(name) if name else None
    if command is not None and command.raw_text:
        rest = found["rest"].strip()
        return CommandLine(name, [rest] if rest else [])
    try:
        arguments = shlex.split(found["rest"])
    except ValueError as exc:
        raise BadCommandLine(name, str(exc).lower()) from None
    return CommandLine(name, arguments)


def may_run(actor: Actor, command: ChatCommand) -> bool:
    """The caller's role reaches the command's ``least_role`` (what /help lists; the command's
    service still decides)."""
    return actor.has_role(Role(command.least_role))


def commands_for(actor: Actor) -> list[ChatCommand]:
    """The commands ``actor`` may run, by name."""
    return sorted((c for c in chat_commands.entries() if may_run(actor, c)), key=lambda c: c.name)


def usage(command: ChatCommand, problem: str = "") -> ChatReply:
    text = f"Usage: `{command.synopsis}`"
    if problem:
        text = f"{problem.rstrip('.')}. {text}"
    return ChatReply(text, ok=False)


def unknown(name: str) -> ChatReply:
    shown = f"/{name}" if name else "/"
    return ChatReply(f"Unknown command `{shown}`. Type `/help` for the commands you may run.", ok=False)


def check_arguments(command: ChatCommand, line: CommandLine) -> ChatReply | None:
    """The usage answer when the count of arguments does not fit, else None."""
    if command.accepts(len(line.arguments)):
        return None
    few = len(line.arguments) < command.min_args
    return usage(command, "Missing arguments" if few else "Too many arguments")


def refusal(exc: Exception, command: ChatCommand) -> ChatReply | None:
    """What a service's refusal reads as in the room; None for an exception that is not one
    (a bug: the caller logs it)."""
    if isinstance(exc, ChatUsageError):
        return usage(command, str(exc))
    if isinstance(exc, PermissionDenied):
        return ChatReply(f"Refused: {_detail(exc)}", ok=False)
    if isinstance(exc, ValidationError | NotFound | APIException):
        return ChatReply(_detail(exc), ok=False)
    return None


def _detail(exc: APIException) -> str:
    detail = exc.detail
    if isinstance(detail, dict):
        return " ".join(f"{key}: {_flat(value)}" for key, value in detail.items())
    return _flat(detail)


def _flat(value: object) -> str:
    if isinstance(value, list):
        return " ".join(_flat(item) for item in value)
    return str(value)


# --- /help ------------------------------------------------------------------------------------------


def help_reply(actor: Actor, arguments: list[str]) -> ChatReply:
    """``/help``: the caller's commands, each with its usage; ``/help <name>``: one explained.
    A command the caller may not run is not listed, nor explained."""
    if arguments:
        name = arguments[0].lstrip("/").lower()
        command = chat_command(name)
        if command is None or not may_run(actor, command):
            return ChatReply(f"No command `/{name}` that you may run. Type `/help` for yours.", ok=False)
        text = f"`{command.synopsis}`: {command.help}"
        if command.description:
            text += f"\n\n{command.description}"
        return ChatReply(text)
    lines = [f"- `{c.synopsis}`: {c.help}" for c in commands_for(actor)]
    return ChatReply("Commands you may run:\n\n" + "\n".join(lines) + "\n\n`/help <command>` explains one.")


HELP = ChatCommand(
    "help",
    "List the commands you may run, or explain one.",
    help_reply,
    usage="[command]",
    max_args=1,
    description="Only the commands your role may run are listed. Arguments are split as a shell splits words: "
    'quote one that holds spaces (`/run web-1 "df -h /"`).',
)
