// What an operator does to a server from its page: containers (start, stop, restart, logs) and
// the command console with streamed output and history. Viewers see the container list only;
// the API refuses them the rest anyway.

import { ApiError, LiveSocket, canOperate, get, post } from "./api.js";
import { $, ago, bytes, clock, h, percent } from "./util.js";

// ---- Containers -----------------------------------------------------------------------------

export function startContainers(serverId) {
  const box = $("#containers");
  const note = $("#containers-note");
  const base = `/docker/${serverId}/containers`;

  // Asked on opening the page and on Refresh, never on a timer: every list is a call to the
  // agent, with a history row and an audit entry (docs/api.md, Docker). The hub does not ask an
  // agent that offers no Docker control (docker_control false): it answers what was reported.
  async function load() {
    note.textContent = "asking the agent…";
    try {
      const answer = await get(base);
      const off = answer.docker_control === false;
      note.textContent = answer.live ? "live" : off ? "" : `as reported ${ago(answer.reported_at)} (${answer.reason})`;
      if (off && !answer.containers.length) {
        box.replaceChildren(h("p", { class: "empty" }, "Docker control is off on this server's agent. Start the agent with --allow-docker to use it."));
        return;
      }
      if (off) note.textContent = `as reported ${ago(answer.reported_at)}; Docker control is off on this server's agent`;
      render(answer.containers, !off);
    } catch (error) {
      note.textContent = "";
      const why =
        error.code === "docker_unavailable"
          ? `Docker control is off on this server's agent (${error.message}). Start the agent with --allow-docker to use it.`
          : error.message;
      box.replaceChildren(h("p", { class: "empty" }, why));
    }
  }

  function render(containers, controls) {
    if (!containers.length) {
      box.replaceChildren(h("p", { class: "empty" }, "No containers."));
      return;
    }
    const rows = containers.map((c) => row(c, controls));
    box.replaceChildren(
      h(
        "table",
        { class: "containers" },
        h("thead", {}, h("tr", {}, ["Name", "Image", "State", "CPU", "Memory", ""].map((t) => h("th", {}, t)))),
        h("tbody", {}, rows),
      ),
    );
  }

  function row(c, controls) {
    const tr = h("tr", { dataset: { container: c.name } });
    const fill = (container) => {
      const running = container.state === "running";
      const actions = h("div", { class: "buttons" });
      if (controls && canOperate()) {
        const button = (verb, label, enabled) =>
          h("button", { type: "button", class: "small-button", disabled: !enabled, onclick: () => act(verb, actions) }, label);
        actions.append(
          button("start", "Start", !running),
          button("stop", "Stop", running),
          button("restart", "Restart", true),
          h("button", { type: "button", class: "small-button", onclick: () => showLogs(container.name) }, "Logs"),
        );
      }
      tr.replaceChildren(
        h("td", { "data-label": "Name" }, h("strong", {}, container.name), h("div", { class: "muted small" }, container.status || "")),
        h("td", { "data-label": "Image", class: "image" }, container.image),
        h("td", { "data-label": "State" }, h("span", { class: `badge state-${container.state}` }, container.state)),
        h("td", { "data-label": "CPU" }, percent(container.cpu_percent)),
        h("td", { "data-label": "Memory" }, bytes(container.memory_bytes)),
        h("td", { class: "actions" }, actions),
      );
    };
    const act = async (verb, actions) => {
      actions.querySelectorAll("button").forEach((b) => (b.disabled = true));
      actions.append(h("span", { class: "muted small" }, `${verb}…`));
      try {
        fill(await post(`${base}/${encodeURIComponent(c.name)}/${verb}`));
      } catch (error) {
        fill(c);
        tr.lastElementChild.append(h("div", { class: "error small" }, error.message));
      }
    };
    fill(c);
    return tr;
  }

  async function showLogs(name) {
    const panel = $("#container-logs");
    const text = $("#container-logs-text");
    $("#container-logs-title").textContent = `Logs of ${name}`;
    text.textContent = "loading…";
    panel.hidden = false;
    try {
      const answer = await get(`${base}/${encodeURIComponent(name)}/logs?tail=200`);
      text.textContent = answer.lines.join("\n") || "(no output)";
      text.scrollTop = text.scrollHeight;
    } catch (error) {
      text.textContent = error.message;
    }
  }

  $("#container-logs-close").addEventListener("click", () => ($("#container-logs").hidden = true));
  $("#containers-refresh").addEventListener("click", load);
  load();
}

// ---- The command console --------------------------------------------------------------------

const FINAL = new Set(["succeeded", "failed", "timed_out", "rejected", "agent_offline"]);

export function startConsole(serverId) {
  if (!canOperate()) return;
  $("#console-panel").hidden = false;
  const input = $("#console-input");
  const output = $("#console-output");
  const status = $("#console-status");
  const list = $("#console-history");
  let stream = null;

  const summary = (run) => {
    const parts = [run.status];
    if (run.exit_code !== null && run.exit_code !== undefined) parts.push(`exit ${run.exit_code}`);
    if (run.duration_ms !== null && run.duration_ms !== undefined) parts.push(`${run.duration_ms} ms`);
    if (run.reason) parts.push(run.reason);
    if (run.truncated) parts.push("output truncated");
    return `$ ${run.command} — ${parts.join(" · ")}`;
  };

  function show(run) {
    status.textContent = summary(run);
    status.dataset.status = run.status;
    output.replaceChildren(run.stdout || "", run.stderr ? h("span", { class: "stderr" }, run.stderr) : "");
  }

  async function loadHistory() {
    try {
      const runs = await get(`/commands/${serverId}?kind=command&size=15`);
      list.replaceChildren(
        ...runs.map((run) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "link-button", onclick: () => ((input.value = run.command), show(run)) },
              h("span", { class: `badge run-${run.status}` }, run.status),
              " ",
              h("code", {}, run.command),
              " ",
              h("span", { class: "muted small" }, clock(run.created_at)),
            ),
          ),
        ),
      );
    } catch {
      // the history is a convenience; the banner covers an unreachable hub
    }
  }

  async function settle(id) {
    const run = await get(`/commands/${serverId}/${id}`);
    if (FINAL.has(run.status)) {
      stream?.stop();
      show(run); // the stored output is the whole of it, whatever the socket missed
      loadHistory();
    }
    return run;
  }

  $("#console-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const command = input.value.trim();
    if (!command) return;
    stream?.stop();
    output.replaceChildren();
    status.textContent = `$ ${command} — sending…`;
    let run;
    try {
      run = await post(`/commands/${serverId}`, { command, wait: false });
    } catch (error) {
      status.textContent = `$ ${command} — ${error instanceof ApiError ? error.message : "not sent"}`;
      return;
    }
    status.textContent = summary(run);
    if (FINAL.has(run.status)) return show(run);
    stream = new LiveSocket(`/ws/commands/${run.id}`, {
      label: "Command output",
      onEvent: (event) => {
        if (event.type === "command.output") {
          output.append(event.stream === "stderr" ? h("span", { class: "stderr" }, event.data) : event.data);
          output.scrollTop = output.scrollHeight;
        } else if (event.type === "command.status") {
          status.textContent = `$ ${command} — ${event.status}…`;
          if (event.final) settle(run.id);
        }
      },
      // The command may have finished before the socket opened.
      onOpen: () => settle(run.id),
    }).start();
  });
  loadHistory();
}
