// The helpdesk's words, as the API spells them (helpdesk/choices.py), and who is support staff.

import { currentUser } from "./api.js";
import { h } from "./util.js";

export const STATUSES = ["open", "in_progress", "pending", "resolved", "closed", "cancelled"];
export const PRIORITIES = ["low", "medium", "high", "critical"];
export const CATEGORIES = [
  "system_down", "performance_issue", "password_reset", "software_installation", "hardware_issue", "network_issue", "other",
];
export const SLA_STATES = ["none", "running", "paused", "met", "breached"];
const STAFF = ["support", "operator", "admin"];

export const label = (word) => word.replaceAll("_", " ");

export function isStaff(user = currentUser()) {
  return Boolean(user && STAFF.includes(user.role));
}

export function options(select, values) {
  select.append(...values.map((value) => h("option", { value }, label(value))));
}

// Show the elements only support staff may use (the API refuses the others anyway).
export function showStaffControls(root = document) {
  const staff = isStaff();
  root.querySelectorAll("[data-staff]").forEach((el) => {
    el.hidden = !staff;
  });
  return staff;
}

const PRIORITY_BADGE = { critical: "badge-critical", high: "badge-warning", medium: "badge-info", low: "" };

export function priorityBadge(priority) {
  return h("span", { class: `badge ${PRIORITY_BADGE[priority] || ""}` }, priority);
}

export function slaBadge(state) {
  const cls = state === "breached" ? "badge-critical" : state === "paused" ? "badge-warning" : "";
  return h("span", { class: `badge ${cls}`, title: "SLA" }, `SLA ${state}`);
}
