// The playbooks page: the playbooks of the hub with their variables, a run form (operators and
// admins), a run's live output (/ws/ansible/{id}) with its per-host stats, and the history.

import { ApiError, LiveSocket, canOperate, get, onHubBack, post, request } from "./api.js";
import { startPage } from "./page.js";
import { $, ago, duration, h } from "./util.js";

await startPage();

const form = $("#run-form");
let chosen = null;
let socket = null;
let shownRun = null;

// ---- Playbooks and the run form --------------------------------------------------------------

async function loadPlaybooks() {
  const note = $("#playbooks-note");
  let playbooks;
  try {
    playbooks = await get("/ansible/playbooks/available");
  } catch (error) {
    note.textContent = `Playbooks could not be read: ${error.message}`;
    return;
  }
  note.hidden = playbooks.length > 0;
  note.textContent = "No playbooks in the hub's playbook directory (ANSIBLE_PLAYBOOK_DIR).";
  $("#playbooks-list").hidden = playbooks.length === 0;
  $("#playbooks-list tbody").replaceChildren(
    ...playbooks.map((playbook) =>
      h(
        "tr",
        {},
        h("td", {}, h("code", {}, playbook.name)),
        h("td", {}, playbook.description || "–", playbook.error ? h("div", { class: "muted small" }, playbook.error) : null),
        h("td", {}, playbook.variables.map((v) => `${v.name}${v.required ? "*" : ""} (${v.type})`).join(", ") || "none"),
        h(
          "td",
          { class: "buttons" },
          canOperate() && playbook.runnable
            ? h("button", { type: "button", class: "small-button", onclick: () => openForm(playbook) }, "Run…")
            : null,
        ),
      ),
    ),
  );
}

function variableInput(variable) {
  const attrs = { name: `var:${variable.name}`, dataset: { type: variable.type } };
  if (variable.type === "boolean") {
    return h("label", { class: "check" }, h("input", { ...attrs, type: "checkbox", checked: variable.default === true }), variable.name);
  }
  let input;
  if (variable.choices) {
    input = h(
      "select",
      attrs,
      variable.required && variable.default === null ? h("option", { value: "" }, "—") : null,
      variable.choices.map((c) => h("option", { value: String(c), selected: c === variable.default }, String(c))),
    );
  } else {
    const value = Array.isArray(variable.default) ? variable.default.join(",") : variable.default ?? "";
    input = h("input", { ...attrs, value, required: variable.required, autocomplete: "off" });
  }
  return h("label", { class: "field" }, `${variable.name}${variable.required ? " (required)" : ""}`, input,
    variable.description ? h("span", { class: "unit" }, variable.description) : null);
}

function openForm(playbook) {
  chosen = playbook;
  $("#run-form-title").textContent = `Run ${playbook.name}`;
  $("#run-variables").replaceChildren(...playbook.variables.map(variableInput));
  $("#run-form-status").textContent = "";
  form.hidden = false;
  form.elements.hosts.focus();
}

function formVariables() {
  const variables = {};
  for (const variable of chosen.variables) {
    const input = form.elements[`var:${variable.name}`];
    if (variable.type === "boolean") variables[variable.name] = input.checked;
    else if (input.value !== "") variables[variable.name] = variable.type === "integer" || variable.type === "float" ? Number(input.value) : input.value;
  }
  return variables;
}

const words = (text) => text.split(",").map((s) => s.trim()).filter(Boolean);

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = $("#run-form-status");
  status.textContent = "Starting…";
  const body = {
    hosts: words(form.elements.hosts.value),
    variables: formVariables(),
    check: form.elements.check.checked,
    limit: form.elements.limit.value.trim(),
    tags: words(form.elements.tags.value),
  };
  try {
    const answer = await request(`/ansible/playbooks/${encodeURIComponent(chosen.name)}/execute`, { method: "POST", body });
    if (answer.data.execution_id) {
      const skipped = answer.data.skipped_hosts.map((s) => `${s.name} (${s.reason})`).join(", ");
      status.textContent = `Started run #${answer.data.execution_id}.${skipped ? ` Skipped: ${skipped}.` : ""}`;
      showRun(answer.data.execution_id);
      loadHistory();
    } else {
      status.textContent = `${answer.message} (approval #${answer.data.id}).`;
    }
  } catch (error) {
    const fields = (error.body?.errors || []).map((e) => `${e.field}: ${e.message}`).join("; ");
    status.textContent = error instanceof ApiError ? `${error.message}${fields ? ` ${fields}` : ""}` : "Not started.";
  }
});
$("#run-form-close").addEventListener("click", () => (form.hidden = true));

// ---- One run, live ---------------------------------------------------------------------------

function renderRun(run) {
  $("#run-title").textContent = `Run #${run.id}: ${run.playbook}${run.check ? " (check mode)" : ""}`;
  renderStatus(run.status, run.reason);
  const stats = Object.entries(run.host_stats || {});
  $("#run-hosts").hidden = stats.length === 0;
  $("#run-hosts tbody").replaceChildren(
    ...stats.map(([host, s]) => h("tr", {}, h("td", {}, host), ...["ok", "changed", "failed", "unreachable", "skipped"].map((k) => h("td", {}, s[k])))),
  );
  $("#run-output").textContent = run.output || "";
}

function renderStatus(status, reason) {
  const badge = $("#run-status");
  badge.textContent = status;
  badge.className = `badge ${status === "successful" ? "badge-info" : status === "running" ? "" : "badge-critical"}`;
  $("#run-reason").textContent = reason || "";
  $("#run-cancel").hidden = !(canOperate() && status === "running");
}

async function showRun(id) {
  socket?.stop();
  shownRun = id;
  $("#run").hidden = false;
  let counter = 0;
  const output = $("#run-output");
  const refresh = async () => {
    const run = await get(`/ansible/executions/${id}`);
    if (shownRun === id) renderRun(run);
    return run;
  };
  const run = await refresh().catch((error) => {
    output.textContent = `The run could not be read: ${error.message}`;
    return null;
  });
  if (!run || run.status !== "running") return;
  socket = new LiveSocket(`/ws/ansible/${id}`, {
    label: `Run #${id}`,
    onEvent(event) {
      if (event.type === "ansible.snapshot") {
        counter = event.counter;
        output.textContent = event.output;
        renderStatus(event.status, event.reason);
      } else if (event.type === "ansible.output" && event.counter > counter) {
        counter = event.counter;
        output.textContent += `${event.stdout}\n`;
        output.scrollTop = output.scrollHeight;
      } else if (event.type === "ansible.status" && event.status !== "running") {
        socket.stop();
        refresh();
        loadHistory();
      }
    },
  }).start();
}

$("#run-cancel").addEventListener("click", async () => {
  try {
    await post(`/ansible/executions/${shownRun}/cancel`);
    $("#run-reason").textContent = "Cancel requested…";
  } catch (error) {
    $("#run-reason").textContent = error.message;
  }
});

// ---- History -----------------------------------------------------------------------------------

async function loadHistory() {
  const note = $("#history-note");
  let runs;
  try {
    runs = await get("/ansible/playbooks?size=25");
  } catch (error) {
    note.textContent = `The history could not be read: ${error.message}`;
    return;
  }
  note.hidden = runs.length > 0;
  note.textContent = "No playbook has been run yet.";
  $("#history-list").hidden = runs.length === 0;
  $("#history-list tbody").replaceChildren(
    ...runs.map((run) =>
      h(
        "tr",
        {},
        h("td", {}, h("button", { type: "button", class: "link-button", onclick: () => showRun(run.id) }, `#${run.id}`)),
        h("td", {}, h("code", {}, run.playbook), run.check ? " (check)" : ""),
        h("td", {}, h("span", { class: `badge ${run.status === "successful" ? "badge-info" : run.status === "running" ? "" : "badge-critical"}` }, run.status)),
        h("td", {}, run.hosts.join(", "), run.skipped_hosts.length ? h("span", { class: "muted small" }, ` (+${run.skipped_hosts.length} skipped)`) : null),
        h("td", {}, `${run.tasks_successful} / ${run.tasks_failed} / ${run.tasks_total}`),
        h("td", {}, run.duration === null ? "–" : duration(run.duration)),
        h("td", {}, ago(run.created_at)),
        h("td", {}, run.requested_by || "–"),
      ),
    ),
  );
}

onHubBack(() => {
  loadPlaybooks();
  loadHistory();
});
loadPlaybooks();
loadHistory();
const asked = Number(new URLSearchParams(location.search).get("run"));
if (asked) showRun(asked);
