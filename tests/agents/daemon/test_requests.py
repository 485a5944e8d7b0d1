"""Requests of the hub through the real link: dispatch, answers beside the data, reconnects."""

from __future__ import annotations

import asyncio
import json
import logging

from chatops_agent.outbox import Outbox
from tests.agents.daemon.conftest import FakeHub, make_agent, make_settings, running, until


def command(request_id: str, text: str, timeout: float = 10) -> dict[str, object]:
    return {"type": "command", "id": request_id, "command": text, "timeout": timeout, "max_output_bytes": 65536}


async def final(hub: FakeHub, request_id: str, timeout: float = 5.0) -> dict[str, object]:
    await until(lambda: hub.final(request_id) is not None, timeout, what=f"the end of request {request_id}")
    answer = hub.final(request_id)
    assert answer is not None
    return answer


async def test_an_agent_without_allow_commands_rejects_them_through_the_hub(hub, tmp_path):
    async with running(make_agent(make_settings(tmp_path, hub.url))):
        await until(lambda: hub.received, what="a first frame")
        await hub.send(command("c1", "echo hi"))
        await hub.send({"type": "docker", "id": "d1", "action": "list"})
        assert (await final(hub, "c1"))["reason"] == "remote commands are disabled on this agent"
        assert (await final(hub, "d1"))["reason"] == "Docker control is disabled on this agent"
    assert [frame["type"] for frame in hub.answers("c1")] == ["command.rejected"]


async def test_metrics_keep_flowing_while_a_command_runs(hub, tmp_path):
    agent = make_agent(make_settings(tmp_path, hub.url, allow_commands=True))
    async with running(agent):
        await until(lambda: hub.received, what="a first frame")
        await hub.send(command("c1", "sh -c 'echo started; sleep 1; echo done'"))
        await until(lambda: hub.answers("c1"), what="the acceptance")
        frames_at_start = len(hub.received)
        result = await final(hub, "c1")
        during = len(hub.received) - frames_at_start
    assert result["status"] == "succeeded" and result["stdout"] == "started\ndone\n"
    assert during >= 10, f"only {during} data frames in the second the command ran (interval 0.05 s)"
    types = [frame["type"] for frame in hub.answers("c1")]
    assert types[0] == "command.accepted" and types[-1] == "command.result" and "command.output" in types
    # The answers carry no seq: the data frames still count up one by one.
    assert hub.seqs() == list(range(1, len(hub.seqs()) + 1))


async def test_answers_do_not_wait_for_room_in_the_window(hub, tmp_path):
    hub.window = 2
    hub.ack = False  # a slow hub: the data window fills and stays full
    agent = make_agent(make_settings(tmp_path, hub.url, allow_commands=True))
    async with running(agent):
        await until(lambda: len(hub.received) >= 2, what="a full window")
        await hub.send(command("c1", "echo through"))
        assert (await final(hub, "c1"))["stdout"] == "through\n"
        await asyncio.sleep(0.1)
        assert hub.seqs() == [1, 2]  # and the window still holds the data back
        await hub.send({"type": "ack", "seq": 2})
        await until(lambda: len(hub.received) >= 4, what="data after the ack")


async def test_a_result_ready_while_the_hub_is_away_is_sent_after_the_reconnect(hub, tmp_path):
    agent = make_agent(make_settings(tmp_path, hub.url, allow_commands=True))
    async with running(agent):
        await until(lambda: hub.received, what="a first frame")
        await hub.send(command("c1", "sh -c 'echo early; sleep 0.4; echo done'"))
        await until(lambda: hub.answers("c1"), what="the acceptance")
        await hub.stop()
        await asyncio.sleep(0.7)  # the command ends while the hub is away
        assert hub.final("c1") is None
        await hub.start()
        result = await final(hub, "c1")
    assert result["status"] == "succeeded" and result["stdout"] == "early\ndone\n"
    connection_of_result = next(number for number, frame in hub.replies if frame["type"] == "command.result")
    assert connection_of_result == 2
    # Live output of the gone connection is not replayed on the new one.
    assert all(number == 1 for number, frame in hub.replies if frame["type"] == "command.output")


async def test_frames_of_unknown_types_are_still_ignored(hub, tmp_path, caplog):
    hub.after_welcome = [json.dumps({"type": "reboot", "id": "x"}), json.dumps({"type": "command", "id": 1})]
    caplog.set_level(logging.DEBUG, logger="chatops_agent")
    async with running(make_agent(make_settings(tmp_path, hub.url, allow_commands=True))) as task:
        await until(lambda: len(hub.received) >= 3, what="frames")
        assert not task.done()
    assert "ignoring a 'reboot' frame from the hub" in caplog.text
    assert "without a usable id" in caplog.text
    assert hub.replies == []


def test_the_outbox_keeps_answers_for_a_while_then_drops_them_with_a_log_line(caplog):
    now = [100.0]
    outbox = Outbox(keep_for=60.0, clock=lambda: now[0])
    outbox.put({"type": "command.result", "id": "old"})
    now[0] += 30
    outbox.put({"type": "command.output", "id": "new", "data": "x"}, live=True)
    outbox.put({"type": "command.result", "id": "new"})
    outbox.drop_live()  # the connection ended
    now[0] += 31  # "old" is 61 s old, "new" 31 s
    reply = outbox.pop()
    assert reply is not None and json.loads(reply.text) == {"type": "command.result", "id": "new"}
    assert outbox.pop() is None
    assert "dropping command.result old: not sent within 60 s" in caplog.text


def test_the_outbox_is_bounded_and_gives_a_failed_send_another_try():
    outbox = Outbox(max_bytes=200)
    for number in range(10):
        outbox.put({"type": "docker.result", "id": f"d{number}", "data": "x" * 40})
    assert 1 <= len(outbox) <= 3  # only the newest fit
    first = outbox.pop()
    assert first is not None
    outbox.push_back(first)
    assert outbox.pop() == first
