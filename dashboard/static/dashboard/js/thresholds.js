// The alerts page's thresholds: every role reads them; admins create, edit, enable or disable and
// delete them, with a metric picker fed by GET /metrics/catalog. The API decides anyway (a
// viewer's write is a 403); the page only leaves out what the role may not use.

import { currentUser, get, getAll, request } from "./api.js";
import { OPERATORS } from "./alert-feed.js";
import { metricLabel, withUnit } from "./metric-format.js";
import { $, duration, h } from "./util.js";

const OTHER = "__other__"; // the picker's "not reported yet" choice
const CONDITIONS = [[">", "above (>)"], [">=", "at or above (≥)"], ["<", "below (<)"], ["<=", "at or below (≤)"]];
const isAdmin = () => currentUser()?.role === "admin";

export class Thresholds {
  constructor(root) {
    this.root = root;
    this.list = $("#thresholds-list", root);
    this.formBox = $("#threshold-form-box", root);
    this.catalog = null; // loaded once the form is first opened
    this.servers = null;
    this.editing = null;
    if (isAdmin()) {
      const add = h("button", { type: "button", class: "primary", id: "threshold-new" }, "New threshold");
      add.addEventListener("click", () => this.open(null));
      $(".panel-head", root).append(add);
    }
  }

  async load() {
    if (!this.loaded) this.list.replaceChildren(h("p", { class: "empty" }, "Loading thresholds…"));
    let thresholds;
    try {
      thresholds = await getAll("/alerts/thresholds");
    } catch (error) {
      this.list.replaceChildren(h("p", { class: "error" }, `Thresholds could not be read: ${error.message}`));
      return;
    }
    this.loaded = true;
    if (!thresholds.length) {
      const hint = isAdmin() ? " Add one with “New threshold”." : " An admin can add them.";
      this.list.replaceChildren(h("p", { class: "empty" }, `No thresholds yet: nothing raises alerts but silent servers.${hint}`));
      return;
    }
    const admin = isAdmin();
    this.list.replaceChildren(
      h(
        "table",
        { class: "thresholds" },
        h("thead", {}, h("tr", {}, ["Name", "Condition", "Watches", "Severity", "State", admin ? "" : null].filter((x) => x !== null).map((t) => h("th", {}, t)))),
        h("tbody", {}, thresholds.map((t) => this.row(t, admin))),
      ),
    );
  }

  row(t, admin) {
    const unit = t.metric_unit || "";
    const condition = [
      `${metricLabel(t.metric_label, t.metric)} ${OPERATORS[t.operator] || t.operator} ${withUnit(t.value, unit)}`,
      t.duration_seconds ? ` for ${duration(t.duration_seconds)}` : "",
      t.clear_value !== null ? ` · clears past ${withUnit(t.clear_value, unit)}` : "",
    ].join("");
    const watches = t.scope === "server" ? `server ${this.serverName(t.server)}` : t.scope === "tag" ? `tag ${t.tag}` : "every server";
    const cells = [
      h("td", { class: "name" }, h("strong", {}, t.name)),
      h(
        "td",
        { class: "condition" },
        condition,
        t.metric_label !== t.metric || t.metric_expected
          ? h("div", { class: "muted small" }, h("code", {}, t.metric), t.metric_expected ? " · expected later" : "")
          : null,
      ),
      h("td", {}, watches),
      h("td", {}, h("span", { class: `badge badge-${t.severity}` }, t.severity)),
      h("td", { class: "state" }, t.enabled ? "enabled" : "disabled"),
    ];
    if (admin) {
      const buttons = h("div", { class: "buttons" });
      const button = (label, fn) => h("button", { type: "button", class: "small-button", onclick: fn }, label);
      const ask = () =>
        buttons.replaceChildren(
          h("span", { class: "small" }, "Delete it? "),
          button("Yes, delete", () => this.act(buttons, () => request(`/alerts/thresholds/${t.id}`, { method: "DELETE" }))),
          button("Keep", () => this.load()),
        );
      buttons.append(
        button("Edit", () => this.open(t)),
        button(t.enabled ? "Disable" : "Enable", () =>
          this.act(buttons, () => request(`/alerts/thresholds/${t.id}`, { method: "PATCH", body: { enabled: !t.enabled } })),
        ),
        button("Delete", ask),
      );
      cells.push(h("td", { class: "actions" }, buttons));
    }
    return h("tr", { class: t.enabled ? "" : "disabled", dataset: { thresholdId: t.id } }, cells);
  }

  serverName(id) {
    return this.servers?.find((s) => s.id === id)?.name || `#${id}`;
  }

  async act(where, call) {
    try {
      await call();
      await this.load();
    } catch (error) {
      where.append(h("span", { class: "error small" }, error.message));
    }
  }

  // ---- The form ---------------------------------------------------------------------------

  async open(threshold) {
    this.editing = threshold;
    this.formBox.hidden = false;
    this.formBox.replaceChildren(h("p", { class: "empty" }, "Loading the metrics…"));
    try {
      [this.catalog, this.servers] = await Promise.all([
        this.catalog || get("/metrics/catalog"),
        this.servers || getAll("/servers"),
      ]);
    } catch (error) {
      this.formBox.replaceChildren(h("p", { class: "error" }, `The metrics could not be read: ${error.message}`));
      return;
    }
    this.formBox.replaceChildren(this.form(threshold || {}));
    $("#threshold-name", this.formBox).focus();
  }

  close() {
    this.editing = null;
    this.formBox.hidden = true;
    this.formBox.replaceChildren();
  }

  form(t) {
    const field = (name, label, control, extra = null) =>
      h("label", { class: "field" }, h("span", {}, label), control, extra, h("span", { class: "error small", dataset: { errorFor: name } }));
    const option = (value, text, selected) => h("option", { value, selected: selected || null }, text);
    const known = this.catalog.some((m) => m.name === t.metric);
    const picker = h(
      "select",
      { id: "threshold-metric", required: true },
      option("", "Choose a metric…", !t.metric),
      ["server", "custom"].map((kind) => {
        const metrics = this.catalog.filter((m) => m.kind === kind);
        if (!metrics.length) return null;
        return h(
          "optgroup",
          { label: kind === "server" ? "Server metrics (agents)" : "Custom metrics (POST /metrics)" },
          metrics.map((m) => {
            const unit = m.unit ? ` (${m.unit})` : "";
            const note = kind === "custom" && !m.servers ? " · names no server" : "";
            return option(m.name, `${m.label === m.name ? m.name : `${m.label} — ${m.name}`}${unit}${note}`, m.name === t.metric);
          }),
        );
      }),
      h("optgroup", { label: "Not reported yet" }, option(OTHER, "Another metric, expected later…", Boolean(t.metric) && !known)),
    );
    const other = h("input", { id: "threshold-metric-other", placeholder: "e.g. backup_age_seconds", value: known ? "" : t.metric || "", maxlength: 100 });
    const unit = h("span", { class: "unit muted", id: "threshold-unit" });
    const unitAgain = h("span", { class: "unit muted" });
    const showMetric = () => {
      other.closest("label").hidden = picker.value !== OTHER;
      const chosen = this.catalog.find((m) => m.name === picker.value);
      unit.textContent = unitAgain.textContent = chosen?.unit || "";
    };
    picker.addEventListener("change", showMetric);
    const number = (id, value, attrs = {}) => h("input", { id, type: "number", step: "any", value: value ?? "", ...attrs });
    const select = (id, choices, value) => h("select", { id }, choices.map(([v, text]) => option(v, text, v === value)));
    const scope = select("threshold-scope", [["all", "Every server"], ["server", "One server"], ["tag", "Servers with a tag"]], t.scope || "all");
    const server = select("threshold-server", this.servers.map((s) => [String(s.id), s.name]), String(t.server ?? ""));
    const tag = h("input", { id: "threshold-tag", value: t.tag || "", placeholder: "e.g. web" });
    const showScope = () => {
      server.closest("label").hidden = scope.value !== "server";
      tag.closest("label").hidden = scope.value !== "tag";
    };
    scope.addEventListener("change", showScope);
    const enabled = h("input", { id: "threshold-enabled", type: "checkbox", checked: t.enabled ?? true });
    const status = h("p", { class: "error small", id: "threshold-form-error" });
    const form = h(
      "form",
      { class: "threshold-form", id: "threshold-form", novalidate: true },
      h("h3", {}, t.id ? `Edit “${t.name}”` : "New threshold"),
      h(
        "div",
        { class: "form-grid" },
        field("name", "Name", h("input", { id: "threshold-name", value: t.name || "", maxlength: 100, required: true })),
        field("metric", "Metric", picker),
        field("metric_expected", "Metric name (nothing reports it yet)", other),
        field("operator", "Fires when the value is", select("threshold-operator", CONDITIONS, t.operator || ">")),
        field("value", "Value", number("threshold-value", t.value), unit),
        field("duration_seconds", "For at least (seconds)", number("threshold-duration", t.duration_seconds ?? 0, { min: 0, step: 1 })),
        field("clear_value", "Clears past (optional)", number("threshold-clear", t.clear_value), unitAgain),
        field("severity", "Severity", select("threshold-severity", [["info", "info"], ["warning", "warning"], ["critical", "critical"]], t.severity || "warning")),
        field("scope", "Watches", scope),
        field("server", "Server", server),
        field("tag", "Tag", tag),
        field("repeat_interval_seconds", "Notify again every (seconds, 0: once)", number("threshold-repeat", t.repeat_interval_seconds ?? 0, { min: 0, step: 1 })),
        h("label", { class: "check" }, enabled, " Enabled"),
      ),
      status,
      h(
        "div",
        { class: "form-buttons" },
        h("button", { type: "submit", class: "primary" }, t.id ? "Save" : "Create"),
        h("button", { type: "button", class: "small-button", onclick: () => this.close() }, "Cancel"),
      ),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save(form, t);
    });
    showMetric();
    showScope();
    return form;
  }

  async save(form, t) {
    const value = (id) => $(`#${id}`, form).value;
    const numberOrNull = (id) => (value(id).trim() === "" ? null : Number(value(id)));
    const expected = value("threshold-metric") === OTHER;
    const scope = value("threshold-scope");
    const body = {
      name: value("threshold-name").trim(),
      metric: expected ? value("threshold-metric-other").trim() : value("threshold-metric"),
      metric_expected: expected,
      operator: value("threshold-operator"),
      value: numberOrNull("threshold-value"),
      duration_seconds: numberOrNull("threshold-duration") ?? 0,
      clear_value: numberOrNull("threshold-clear"),
      severity: value("threshold-severity"),
      scope,
      server: scope === "server" ? Number(value("threshold-server")) : null,
      tag: scope === "tag" ? value("threshold-tag").trim() : null,
      enabled: $("#threshold-enabled", form).checked,
      repeat_interval_seconds: numberOrNull("threshold-repeat") ?? 0,
    };
    form.querySelectorAll("[data-error-for]").forEach((el) => (el.textContent = ""));
    $("#threshold-form-error", form).textContent = "";
    try {
      const path = t.id ? `/alerts/thresholds/${t.id}` : "/alerts/thresholds";
      await request(path, { method: t.id ? "PUT" : "POST", body });
    } catch (error) {
      const errors = error.body?.errors || [];
      let placed = false;
      for (const { field, message } of errors) {
        const slot = field && form.querySelector(`[data-error-for="${field === "metric" && expected ? "metric_expected" : field}"]`);
        if (slot && !slot.closest("[hidden]")) {
          slot.textContent = message;
          placed = true;
        }
      }
      if (!placed) $("#threshold-form-error", form).textContent = error.message;
      return;
    }
    this.close();
    await this.load();
  }
}
