// One ticket: its facts, the controls support staff may use (status, priority, category,
// assignee), the conversation (internal notes marked, and only staff see them: the API leaves
// them out for others) and the timeline, kept live by the ticket's socket.

import { LiveSocket, get, getAll, onHubBack, request } from "./api.js";
import { startPage } from "./page.js";
import { CATEGORIES, PRIORITIES, STATUSES, label, options, priorityBadge, showStaffControls, slaBadge } from "./ticket-vocab.js";
import { $, clock, debounce, duration, h } from "./util.js";

await startPage();
const id = document.body.dataset.ticketId;
const staff = showStaffControls();
const facts = $("#ticket-facts");
let people = new Map();

function due(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  return seconds < 0 ? `overdue by ${duration(-seconds)}` : `in ${duration(seconds)}`;
}

function who(userId) {
  if (!userId) return "–";
  return people.get(userId)?.username || `user ${userId}`;
}

function showFacts(t) {
  $("#ticket-title").textContent = `#${t.id} ${t.title}`;
  facts.replaceChildren(
    h("p", {}, priorityBadge(t.priority), " ", h("span", { class: "badge", id: "ticket-status" }, label(t.status)), " ",
      t.sla_state !== "none" ? slaBadge(t.sla_state) : ""),
    h("p", { class: "ticket-description" }, t.description || h("span", { class: "muted" }, "No description.")),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Category"),
      h("dd", {}, label(t.category), t.auto_categorized ? ` (classifier, ${Math.round(100 * t.confidence_score)} % sure)` : "",
        t.needs_review ? ", for review" : ""),
      h("dt", {}, "Requester"), h("dd", {}, t.created_by ? who(t.created_by) : "the hub (incident)"),
      h("dt", {}, "Assigned to"), h("dd", {}, who(t.assigned_to)),
      h("dt", {}, "Opened"), h("dd", {}, clock(t.created_at)),
      h("dt", {}, "Resolved"), h("dd", {}, t.resolved_at ? clock(t.resolved_at) : "–"),
      h("dt", {}, "First response due"), h("dd", {}, t.first_response_at ? `answered ${clock(t.first_response_at)}` : due(t.first_response_due_in)),
      h("dt", {}, "Resolution due"), h("dd", {}, due(t.resolution_due_in)),
      h("dt", {}, "Paused so far"), h("dd", {}, duration(t.paused_seconds)),
      ...(t.alert ? [h("dt", {}, "Alert"), h("dd", {}, h("a", { href: "/alerts" }, `#${t.alert}`), ` (${t.alert_count} alerts merged)`)] : []),
    ),
  );
}

function select(name, values, current) {
  const el = h("select", { name, "aria-label": label(name) });
  options(el, values);
  el.value = current;
  return el;
}

function showControls(t) {
  const box = $("#ticket-controls");
  if (!staff) return;
  const assignee = h("select", { name: "assigned_to", "aria-label": "assignee" }, h("option", { value: "" }, "unassigned"));
  for (const user of people.values()) {
    if (["support", "operator", "admin"].includes(user.role)) assignee.append(h("option", { value: String(user.id) }, user.username));
  }
  assignee.value = t.assigned_to ? String(t.assigned_to) : "";
  const controls = [
    select("status", STATUSES, t.status),
    select("priority", PRIORITIES, t.priority),
    select("category", CATEGORIES, t.category),
    assignee,
  ];
  const error = h("span", { class: "form-error", role: "alert" });
  for (const el of controls) {
    el.addEventListener("change", async () => {
      const value = el.name === "assigned_to" ? (el.value ? Number(el.value) : null) : el.value;
      try {
        await request(`/tickets/${id}`, { method: "PATCH", body: { [el.name]: value } });
        error.textContent = "";
      } catch (err) {
        error.textContent = err.message;
      }
      load();
    });
  }
  box.replaceChildren(h("div", { class: "panel-head" }, h("h2", {}, "Work it"), ...controls.map((c) => h("label", { class: "field" }, label(c.name), " ", c)), error));
  box.hidden = false;
}

function showComments(comments) {
  const box = $("#ticket-comments");
  box.replaceChildren(
    ...comments.map((c) =>
      h(
        "article",
        { class: `comment${c.internal ? " comment-internal" : ""}`, dataset: { internal: String(c.internal) } },
        h("p", { class: "muted small" }, `${who(c.author)}, ${clock(c.created_at)}`, c.internal ? " — internal note" : ""),
        h("p", {}, c.body),
      ),
    ),
  );
  if (!comments.length) box.append(h("p", { class: "empty" }, "No replies yet."));
}

function describe(e) {
  const d = e.details || {};
  if (d.from !== undefined && d.to !== undefined && e.kind !== "assigned") return `${e.kind}: ${label(String(d.from))} → ${label(String(d.to))}`;
  if (e.kind === "assigned") return `assigned to ${who(d.to)}${d.reason ? ` (${d.reason})` : ""}`;
  if (e.kind === "alert") return `alert #${d.alert_id} ${d.event}`;
  if (e.kind === "sla_breached") return `SLA breached: ${(d.targets || []).map(label).join(", ")}`;
  return label(e.kind);
}

function showTimeline(events) {
  $("#ticket-timeline").replaceChildren(
    ...events.map((e) => h("li", { dataset: { kind: e.kind } }, h("span", { class: "muted small" }, `${clock(e.created_at)} ${who(e.actor)}: `), describe(e))),
  );
}

async function load() {
  let ticket;
  try {
    ticket = await get(`/tickets/${id}`);
  } catch (error) {
    facts.replaceChildren(h("p", { class: "empty" }, error.status === 404 ? "No such ticket." : `The ticket could not be read: ${error.message}`));
    return;
  }
  if (!people.size) {
    try {
      people = new Map((await getAll("/users")).map((u) => [u.id, u]));
    } catch {
      people = new Map();
    }
  }
  showFacts(ticket);
  showControls(ticket);
  const [comments, events] = await Promise.all([get(`/tickets/${id}/comments`), get(`/tickets/${id}/timeline`)]);
  showComments(comments);
  showTimeline(events);
}

const form = $("#comment-form");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = { body: form.elements.body.value, internal: staff && form.elements.internal.checked };
  try {
    await request(`/tickets/${id}/comments`, { method: "POST", body });
    form.reset();
    form.querySelector(".form-error").textContent = "";
  } catch (error) {
    form.querySelector(".form-error").textContent = error.message;
  }
  load();
});

const reload = debounce(load, 200);
new LiveSocket(`/ws/tickets/${id}`, { label: "This ticket", onEvent: reload, onOpen: reload }).start();
onHubBack(load);
load();
