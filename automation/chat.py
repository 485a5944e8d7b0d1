"""``/playbook <name> hosts=<server|tag,…> [check=yes] [limit=…] [tags=a,b] [key=value…]`` in a
chat room, and the post of a run's end in the room (and thread) it was asked from. The command
calls the service the REST route calls, as the chat ``Actor`` of whoever typed it, so roles,
validation, approvals and the audit entry are the same."""

from __future__ import annotations

from accounts.actor import Actor
from automation.choices import RunStatus
from automation.models import PlaybookRun
from automation.services import RunRequest, execute_playbook
from chat.models import Message, Room
from chat.services.messages import post_bot_message
from chatops.registry import ChatCommand, ChatReply, ChatUsageError

OPTIONS = ("hosts", "check", "limit", "tags")
YES, NO = ("yes", "true", "on", "1"), ("no", "false", "off", "0")


def parse(arguments: list[str]) -> RunRequest:
    """``deploy.yml hosts=web,db-1 check=yes app_version=1.2`` as a run request."""
    name, *pairs = arguments
    options: dict[str, str] = {}
    variables: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ChatUsageError(f"Expected key=value, got {pair!r}")
        (options if key in OPTIONS else variables)[key] = value
    hosts = [h for h in options.get("hosts", "").split(",") if h]
    if not hosts:
        raise ChatUsageError("Name the hosts: hosts=<server or tag>[,…]")
    check = options.get("check", "no").lower()
    if check not in YES + NO:
        raise ChatUsageError("check is yes or no")
    tags = [t for t in options.get("tags", "").split(",") if t]
    return RunRequest(name, hosts, dict(variables), check in YES, options.get("limit", ""), tags)


def playbook(actor: Actor, arguments: list[str]) -> ChatReply:
    run = execute_playbook(actor, parse(arguments))
    skipped = (
        f" Skipped: {', '.join(s['name'] + ' (' + s['reason'] + ')' for s in run.skipped_hosts)}."
        if run.skipped_hosts
        else ""
    )
    mode = " in check mode" if run.check_mode else ""
    return ChatReply(
        f"Started **{run.playbook}**{mode} on {', '.join(run.hosts)} (run #{run.pk}); "
        f"the result will be posted here.{skipped}"
    )


def announce(run_id: int) -> Message | None:
    """Post how the run ended in the room it was asked from (in the command's thread)."""
    run = PlaybookRun.objects.filter(pk=run_id).first()
    origin = run.origin if run is not None else {}
    room_id, message_id = origin.get("room"), origin.get("message")
    if run is None or not isinstance(room_id, int):
        return None
    room = Room.objects.active().filter(pk=room_id).first()
    if room is None:
        return None
    command = Message.objects.filter(pk=message_id, room=room).first() if isinstance(message_id, int) else None
    root = command.thread if command is not None and command.thread_id is not None else command
    return post_bot_message(room, summary(run), data={"playbook_run": run.pk, "status": run.status}, thread=root)


def summary(run: PlaybookRun) -> str:
    head = "succeeded" if run.status == RunStatus.SUCCESSFUL else run.status
    lines = [
        f"**Playbook {run.playbook}** (run #{run.pk}) {head}: {run.tasks_successful} of {run.tasks_total} "
        f"task results ok, {run.tasks_failed} failed, in {run.duration or 0:.1f} s."
    ]
    if run.reason:
        lines.append(run.reason)
    for host, stats in sorted(run.host_stats.items()):
        counts = ", ".join(f"{k} {stats.get(k, 0)}" for k in ("ok", "changed", "failed", "unreachable", "skipped"))
        lines.append(f"- {host}: {counts}")
    return "\n".join(lines)


COMMANDS = (
    ChatCommand(
        "playbook",
        "Run an Ansible playbook on servers you can see; the result is posted in the thread.",
        playbook,
        usage="<playbook.yml> hosts=<server|tag>[,…] [check=yes] [limit=…] [tags=a,b] [variable=value…]",
        least_role="operator",
        min_args=2,
        description="As `POST /api/v1/ansible/playbooks/{name}/execute`: only the variables the playbook's "
        "schema declares are accepted; hosts whose agent is offline are skipped; when the `playbook` approval "
        "policy is on, an operator's run waits for a second person.",
    ),
)
