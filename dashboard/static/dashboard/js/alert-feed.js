// The open alerts (firing and acknowledged), loaded once and kept live by /api/v1/ws/alerts;
// one feed per page, shared by the top bar, the overview and the server page.

import { ApiError, LiveSocket, canOperate, getAll, onHubBack, post, request } from "./api.js";
import { metricLabel, withUnit } from "./metric-format.js";
import { ago, h } from "./util.js";

class AlertFeed {
  constructor() {
    this.alerts = new Map();
    this.listeners = new Set();
    this.available = true;
    this.started = false;
  }

  start() {
    if (this.started) return this;
    this.started = true;
    this.load().then(() => {
      if (!this.available) return;
      this.socket = new LiveSocket("/ws/alerts", {
        label: "Live alerts",
        onEvent: (event) => this.apply(event),
        // Read the list again once subscribed: what changed before (also between the first
        // read and the socket opening) is in it, what changes after comes on the socket.
        onOpen: () => this.load(),
      }).start();
    });
    onHubBack(() => this.load());
    return this;
  }

  async load() {
    // Events that arrive while the lists are read may be newer than what the lists say.
    const during = new Map();
    this.during = during;
    try {
      const [firing, acknowledged] = await Promise.all([
        getAll("/alerts?status=firing"),
        getAll("/alerts?status=acknowledged"),
      ]);
      const alerts = new Map([...firing, ...acknowledged].map((alert) => [alert.id, alert]));
      during.forEach((alert, id) => (alert.status === "resolved" ? alerts.delete(id) : alerts.set(id, alert)));
      this.alerts = alerts;
    } catch (error) {
      // A hub without the alerts API yet: the pages work without them.
      if (error instanceof ApiError && error.status === 404) this.available = false;
    }
    this.notify();
  }

  apply(event) {
    const alert = event.alert;
    if (!alert || !String(event.type || "").startsWith("alert.")) return;
    this.during?.set(alert.id, alert);
    if (alert.status === "resolved") this.alerts.delete(alert.id);
    else this.alerts.set(alert.id, alert);
    this.notify(event);
  }

  subscribe(fn) {
    this.listeners.add(fn);
    fn();
  }

  notify(event) {
    this.listeners.forEach((fn) => fn(event));
  }

  open() {
    return [...this.alerts.values()].sort((a, b) => severityRank(b) - severityRank(a) || b.id - a.id);
  }

  firing() {
    return this.open().filter((alert) => alert.status === "firing");
  }

  forServer(serverId) {
    return this.open().filter((alert) => alert.server === serverId);
  }
}

let feed = null;
export function alertFeed() {
  feed = feed || new AlertFeed();
  return feed;
}

const SEVERITY = { info: 0, warning: 1, critical: 2 };
export function severityRank(alert) {
  return SEVERITY[alert.severity] ?? 0;
}

// A threshold alert from its fields, with the metric's label and unit and rounded values
// ("CPU ≥ 90 %: fired at 93.2 %, peak 97.55 %"); the stored message names the raw metric.
export function describe(alert) {
  if (alert.kind !== "threshold" || !alert.metric) {
    return alert.message || (alert.kind === "server.offline" ? `${alert.server_name} is offline` : alert.name);
  }
  const unit = alert.metric_unit || "";
  const condition = `${metricLabel(alert.metric_label, alert.metric)} ${OPERATORS[alert.operator] || alert.operator} ${withUnit(alert.threshold_value, unit)}`;
  const seen = [];
  if (alert.value !== null && alert.value !== undefined) seen.push(`fired at ${withUnit(alert.value, unit)}`);
  if (alert.peak_value !== null && alert.peak_value !== undefined && alert.peak_value !== alert.value) {
    seen.push(`peak ${withUnit(alert.peak_value, unit)}`);
  }
  return seen.length ? `${condition}: ${seen.join(", ")}` : condition;
}

export const OPERATORS = { ">": ">", ">=": "≥", "<": "<", "<=": "≤" };

// How long the Silence button silences an alert for (seconds).
const SILENCE_FOR = [
  ["1 h", 3600],
  ["4 h", 4 * 3600],
  ["1 day", 86400],
  ["1 week", 7 * 86400],
];

// Put `rows` (alertRow's) in `container` in place of what it shows, keeping what the operator
// typed in a row's comment box, and the cursor: the rows are drawn again on every live change
// (any alert's event, the feed's read once its socket opens), and a comment half typed when
// one comes must still be there when Acknowledge is clicked.
export function replaceAlertRows(container, ...rows) {
  const boxes = () => container.querySelectorAll("article.alert[data-alert-id] input.comment");
  const idOf = (input) => input.closest("article.alert").dataset.alertId;
  const typed = new Map([...boxes()].filter((input) => input.value).map((input) => [idOf(input), input.value]));
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && [...boxes()].includes(active) ? idOf(active) : null;
  const caret = focused ? [active.selectionStart, active.selectionEnd] : null;
  container.replaceChildren(...rows);
  boxes().forEach((input) => {
    const id = idOf(input);
    if (typed.has(id)) input.value = typed.get(id);
    if (id === focused) {
      input.focus();
      input.setSelectionRange(...caret);
    }
  });
}

// One alert as a row: what, where, since when, its state, and the buttons its state allows.
export function alertRow(alert, { onChange, showServer = true } = {}) {
  const actions = h("div", { class: "actions" });
  const attempt = async (call) => {
    try {
      onChange?.(await call());
    } catch (error) {
      actions.append(h("span", { class: "error small" }, error.message));
    }
  };
  const comment = () => actions.querySelector("input")?.value.trim();
  const act = (verb) => attempt(() => post(`/alerts/${alert.id}/${verb}`, comment() ? { comment: comment() } : {}));
  // A silence on this alert's name on its server: its next episodes are held too while it lasts.
  const silence = () =>
    attempt(() => {
      const seconds = Number(actions.querySelector("select.silence-for").value);
      return post("/silences", {
        matchers: [
          { label: "alert_name", op: "=", value: alert.name },
          { label: "server", op: "=", value: alert.server_name },
        ],
        ends_at: new Date(Date.now() + seconds * 1000).toISOString(),
        comment: comment() || `silenced from the alerts page (alert #${alert.id})`,
      });
    });
  const unsilence = () => attempt(() => request(`/silences/${alert.silence}`, { method: "DELETE" }));
  if (canOperate() && alert.status !== "resolved") {
    actions.append(h("input", { class: "comment", placeholder: "comment (optional)", "aria-label": "Comment" }));
    if (alert.status === "firing") {
      actions.append(h("button", { type: "button", class: "small-button", onclick: () => act("acknowledge") }, "Acknowledge"));
    }
    actions.append(h("button", { type: "button", class: "small-button", onclick: () => act("resolve") }, "Resolve"));
    if (alert.silenced) {
      actions.append(h("button", { type: "button", class: "small-button", onclick: unsilence }, "Unsilence"));
    } else {
      actions.append(
        h(
          "select",
          { class: "silence-for", "aria-label": "Silence for" },
          ...SILENCE_FOR.map(([label, seconds]) => h("option", { value: String(seconds) }, label)),
        ),
        h("button", { type: "button", class: "small-button", onclick: silence }, "Silence"),
      );
    }
  }
  const who = [];
  if (alert.acknowledged_at) {
    who.push(`acknowledged ${ago(alert.acknowledged_at)} by ${alert.acknowledged_by || "?"}`);
    if (alert.ack_comment) who.push(`“${alert.ack_comment}”`);
  }
  if (alert.resolved_at) {
    who.push(`resolved ${ago(alert.resolved_at)} by ${alert.resolved_by || "the hub"}`);
    if (alert.resolve_comment) who.push(`“${alert.resolve_comment}”`);
  }
  return h(
    "article",
    { class: `alert alert-${alert.severity} alert-${alert.status}`, dataset: { alertId: alert.id } },
    h(
      "div",
      { class: "alert-main" },
      h("span", { class: `badge badge-${alert.severity}` }, alert.severity),
      h("strong", {}, alert.name || alert.kind),
      showServer ? h("a", { href: `/servers/${alert.server}` }, alert.server_name) : null,
      alert.silenced && alert.status !== "resolved"
        ? h("span", { class: "badge badge-silenced", title: `silence #${alert.silence}: not sent while it lasts` }, "silenced")
        : null,
      h("span", { class: "alert-state" }, alert.status),
    ),
    h("div", { class: "alert-text", title: alert.message || "" }, describe(alert)),
    h("div", { class: "muted small" }, `started ${ago(alert.started_at)}`, who.length ? ` · ${who.join(" ")}` : ""),
    actions,
  );
}
