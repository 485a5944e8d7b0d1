// The delivery page: DORA's four metrics (GET /dora) over 7, 30 or 90 days, each against the
// period before, their trend by day or week, the figures by service, and the diagnostics that
// say why a figure is empty or partial.

import { get } from "./api.js";
import { align, Chart } from "./charts.js";
import { startPage } from "./page.js";
import { $, debounce, duration, h, number } from "./util.js";

await startPage();

const note = $("#dora-note");
let days = 30;
let generation = 0;

const hours = (seconds) => (seconds === null || seconds === undefined ? "–" : duration(seconds));
const rate = (v) => (v === null || v === undefined ? "–" : `${number(v * 100, 1)} %`);
const perDay = (v) => (v === null || v === undefined ? "–" : `${number(v, 2)} / day`);

const METRICS = [
  { key: "deployment_frequency", title: "Deployment frequency", format: perDay, better: "up", color: "#3b82f6" },
  { key: "lead_time", title: "Lead time for changes", format: hours, better: "down", color: "#a855f7" },
  { key: "change_failure_rate", title: "Change failure rate", format: rate, better: "down", color: "#f43f5e" },
  { key: "time_to_restore", title: "Time to restore", format: hours, better: "down", color: "#f59e0b" },
];

function say(text, cls = "empty") {
  note.className = cls;
  note.textContent = text;
  note.hidden = !text;
}

function change(metric, now, before) {
  if (now === null || before === null || now === undefined || before === undefined) return "no earlier figure";
  if (now === before) return "same as the period before";
  const up = now > before;
  const good = (metric.better === "up") === up;
  return h("span", { class: good ? "trend-good" : "trend-bad" }, `${up ? "▲" : "▼"} from ${metric.format(before)}`);
}

function tiles(report) {
  $("#dora-tiles").replaceChildren(
    ...METRICS.map((metric) =>
      h(
        "div",
        { class: "tile", dataset: { metric: metric.key } },
        h("div", { class: "tile-label" }, metric.title),
        h("div", { class: "tile-value" }, metric.format(report[metric.key])),
        h("div", { class: "muted small" }, change(metric, report[metric.key], report.previous[metric.key])),
      ),
    ),
    h("div", { class: "tile" }, h("div", { class: "tile-label" }, "Deployments"),
      h("div", { class: "tile-value" }, `${report.deployments} finished · ${report.failures} failed`)),
  );
}

function diagnostics(report) {
  $("#dora-diagnostics-panel").hidden = report.diagnostics.length === 0;
  $("#dora-diagnostics").replaceChildren(
    ...report.diagnostics.map((d) =>
      h("li", { dataset: { code: d.code } }, h("strong", {}, d.metrics.map((m) => m.replaceAll("_", " ")).join(", ")), ": ", d.message),
    ),
  );
}

function charts(report) {
  const box = $("#dora-charts");
  box.replaceChildren();
  const from = Date.parse(report.start) / 1000;
  const to = Date.parse(report.end) / 1000;
  $("#dora-bucket").textContent = days > 14 ? "by week" : "by day";
  for (const metric of METRICS) {
    const points = report.trend.filter((b) => b[metric.key] !== null).map((b) => [Date.parse(b.start) / 1000, b[metric.key]]);
    const chart = new Chart({ id: metric.key, title: metric.title, format: metric.format, series: [{ metric: metric.key, label: metric.title, color: metric.color }] }, box);
    chart.set(align([points], 0), [from, to]);
  }
}

function services(report) {
  if (!report.by_service.length) {
    $("#dora-services").replaceChildren(h("p", { class: "empty" }, "No deployment finished in this range."));
    return;
  }
  const head = h("tr", {}, h("th", {}, "Service"), ...METRICS.map((m) => h("th", {}, m.title)), h("th", {}, "Deployments"));
  const rows = report.by_service.map((s) =>
    h("tr", {}, h("td", {}, s.service), ...METRICS.map((m) => h("td", {}, m.format(s[m.key]))), h("td", {}, `${s.deployments}`)),
  );
  $("#dora-services").replaceChildren(h("table", { class: "table" }, h("thead", {}, head), h("tbody", {}, rows)));
}

async function show() {
  const mine = ++generation;
  const end = new Date();
  const start = new Date(end.getTime() - days * 86400 * 1000);
  const params = new URLSearchParams({ start: start.toISOString(), end: end.toISOString(), bucket: days > 14 ? "week" : "day" });
  const environment = $("#dora-environment").value.trim();
  const service = $("#dora-service").value.trim();
  if (environment) params.set("environment", environment);
  if (service) params.set("service", service);
  say("Loading…");
  let report;
  try {
    report = await get(`/dora?${params}`);
  } catch (error) {
    if (mine === generation) say(`The metrics could not be read: ${error.message}`, "error");
    return;
  }
  if (mine !== generation) return;
  say(report.deployments ? "" : "No deployment finished in this range: see below why.");
  tiles(report);
  diagnostics(report);
  charts(report);
  services(report);
}

$("#dora-ranges").addEventListener("click", (event) => {
  const tab = event.target.closest("[data-days]");
  if (!tab) return;
  days = Number(tab.dataset.days);
  $("#dora-ranges").querySelectorAll("[data-days]").forEach((t) => t.setAttribute("aria-selected", String(t === tab)));
  show();
});
$("#dora-filters").addEventListener("input", debounce(show, 400));
$("#dora-filters").addEventListener("submit", (event) => event.preventDefault());
show();
