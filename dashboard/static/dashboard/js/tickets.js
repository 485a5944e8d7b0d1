// The ticket queue: filters, a new ticket, the list (live: any change of a ticket the user may
// see reloads it), and for support staff the analytics with its charts.

import { LiveSocket, currentUser, get, onHubBack, post, request } from "./api.js";
import { startPage } from "./page.js";
import {
  CATEGORIES, PRIORITIES, SLA_STATES, STATUSES, isStaff, label, options, priorityBadge, showStaffControls, slaBadge,
} from "./ticket-vocab.js";
import { $, ago, debounce, h } from "./util.js";

await startPage();
const staff = showStaffControls();
const filters = $("#ticket-filters");
const list = $("#tickets-list");
options(filters.elements.status, STATUSES);
options(filters.elements.priority, PRIORITIES);
options(filters.elements.category, CATEGORIES);
options(filters.elements.sla_state, SLA_STATES);
const form = $("#new-ticket-form");
options(form.elements.category, CATEGORIES);
options(form.elements.priority, PRIORITIES);

function query() {
  const params = new URLSearchParams();
  for (const name of ["status", "priority", "category", "sla_state", "search"]) {
    const value = filters.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  if (staff && filters.elements.mine.checked) params.set("assigned_to", String(currentUser().id));
  return params;
}

function row(ticket) {
  return h(
    "div",
    { class: "alert-row ticket-row", dataset: { ticketId: String(ticket.id), status: ticket.status } },
    h("a", { href: `/tickets/${ticket.id}` }, `#${ticket.id} ${ticket.title}`),
    " ",
    priorityBadge(ticket.priority),
    " ",
    h("span", { class: "badge" }, label(ticket.status)),
    " ",
    h("span", { class: "muted small" }, label(ticket.category), ticket.needs_review ? " (for review)" : ""),
    " ",
    ticket.sla_state !== "none" ? slaBadge(ticket.sla_state) : "",
    " ",
    h("span", { class: "muted small" }, `opened ${ago(ticket.created_at)}`, ticket.assigned_to ? "" : ", unassigned"),
  );
}

async function load() {
  const params = query();
  params.set("size", "100");
  let body;
  try {
    body = await request(`/tickets?${params}`);
  } catch (error) {
    list.replaceChildren(h("p", { class: "empty" }, `Tickets could not be read: ${error.message}`));
    return;
  }
  list.replaceChildren(...body.data.map(row));
  if (!body.data.length) list.append(h("p", { class: "empty" }, "No tickets."));
  $("#tickets-count").textContent = `${body.pagination.total} ticket${body.pagination.total === 1 ? "" : "s"}`;
  if (staff) loadAnalytics(params);
}

function bars(title, counts, unit) {
  const max = Math.max(1, ...Object.values(counts));
  return h(
    "figure",
    { class: "bar-chart", dataset: { chart: title } },
    h("figcaption", {}, `${title} (${unit})`),
    ...Object.entries(counts).map(([key, n]) =>
      h(
        "div",
        { class: "bar-line" },
        h("span", { class: "bar-label" }, label(key)),
        h("span", { class: "bar", style: `width: ${(100 * n) / max}%` }),
        h("span", { class: "bar-value" }, String(n)),
      ),
    ),
  );
}

function trend(days) {
  const max = Math.max(1, ...days.map((d) => Math.max(d.opened, d.resolved)));
  return h(
    "figure",
    { class: "trend-chart", dataset: { chart: "trend" } },
    h("figcaption", {}, "Opened (blue) and resolved (green) per day (tickets; UTC days)"),
    h(
      "div",
      { class: "trend" },
      ...days.map((d) =>
        h(
          "div",
          { class: "trend-day", title: `${d.day}: ${d.opened} opened, ${d.resolved} resolved` },
          h("span", { class: "trend-opened", style: `height: ${(100 * d.opened) / max}%` }),
          h("span", { class: "trend-resolved", style: `height: ${(100 * d.resolved) / max}%` }),
        ),
      ),
    ),
    h("p", { class: "muted small" }, `${days[0]?.day ?? ""} … ${days.at(-1)?.day ?? ""}; max ${max} tickets a day`),
  );
}

async function loadAnalytics(params) {
  const box = $("#analytics-body");
  params.delete("size");
  let data;
  try {
    data = await get(`/tickets/analytics/summary?${params}`);
  } catch (error) {
    box.replaceChildren(h("p", { class: "empty" }, `Analytics could not be read: ${error.message}`));
    return;
  }
  const hours = (v) => (v === null ? "–" : `${v} h`);
  const sla = data.sla;
  box.replaceChildren(
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Tickets"), h("dd", {}, String(data.total_tickets)),
      h("dt", {}, "Mean time to first response"), h("dd", {}, hours(data.avg_first_response_time_hours)),
      h("dt", {}, "Mean time to resolution"), h("dd", {}, hours(data.avg_resolution_time_hours)),
      h("dt", {}, "SLA compliance"), h("dd", {}, sla.compliance_percent === null ? "–" : `${sla.compliance_percent} %`),
      h("dt", {}, "SLA breaches"), h("dd", {}, `${sla.first_response_breached} first response, ${sla.resolution_breached} resolution`),
      h("dt", {}, "Filed by the classifier"), h("dd", {}, `${data.auto_categorized} (${data.needs_review} for review)`),
    ),
    h(
      "div",
      { class: "charts" },
      bars("By status", data.status_counts, "tickets"),
      bars("By priority", data.priority_counts, "tickets"),
      bars("By category", data.category_counts, "tickets"),
    ),
    trend(data.trend),
  );
}

const reload = debounce(load, 250);
filters.addEventListener("input", reload);
filters.addEventListener("submit", (event) => event.preventDefault());
$("#new-ticket-toggle").addEventListener("click", () => {
  $("#new-ticket").hidden = !$("#new-ticket").hidden;
});
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = { title: form.elements.title.value, description: form.elements.description.value };
  for (const name of ["category", "priority"]) if (form.elements[name].value) body[name] = form.elements[name].value;
  try {
    const ticket = await post("/tickets", body);
    location.assign(`/tickets/${ticket.id}`);
  } catch (error) {
    form.querySelector(".form-error").textContent = error.message;
  }
});

// Staff hear every ticket; others reload on their own page's socket only (the list is theirs).
if (isStaff()) new LiveSocket("/ws/tickets", { label: "Tickets", onEvent: reload, onOpen: reload }).start();
onHubBack(load);
load();
