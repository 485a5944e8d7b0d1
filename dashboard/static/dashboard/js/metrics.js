// The custom metrics page: every metric scripts and CI sent (GET /metrics/catalog), one chart of
// the chosen one by its tags, bucketed on the hub (GET /metrics/custom/history).

import { get } from "./api.js";
import { align, Chart } from "./charts.js";
import { withUnit } from "./metric-format.js";
import { startPage } from "./page.js";
import { $, h } from "./util.js";

await startPage();

const RANGES = { "1h": [3600, 360], "24h": [86400, 288], "7d": [7 * 86400, 336], "30d": [30 * 86400, 360] };
const picker = $("#custom-picker");
const names = $("#custom-name");
const tagSets = $("#custom-tags");
const ranges = $("#custom-ranges");
const note = $("#custom-note");
const box = $("#custom-chart");
const query = new URLSearchParams(location.search);
let metrics = [];
let range = "24h";
let generation = 0;

const tagsText = (tags) => Object.entries(tags).map(([k, v]) => `${k}:${v}`).join(",");

function say(text, cls = "empty") {
  note.className = cls;
  note.textContent = text;
  note.hidden = !text;
}

async function start() {
  try {
    metrics = (await get("/metrics/catalog")).filter((m) => m.kind === "custom");
  } catch (error) {
    say(`Custom metrics could not be read: ${error.message}`, "error");
    return;
  }
  if (!metrics.length) {
    say("No custom metrics yet. A script or CI job sends them with POST /api/v1/metrics (see API docs); they show here.");
    return;
  }
  names.replaceChildren(...metrics.map((m) => h("option", { value: m.name, selected: m.name === query.get("name") || null }, m.unit ? `${m.name} (${m.unit})` : m.name)));
  picker.hidden = false;
  pickTags(query.get("tags") || "");
  show();
}

function pickTags(selected = "") {
  const metric = metrics.find((m) => m.name === names.value);
  const sets = metric?.tag_sets.map(tagsText).filter(Boolean) || [];
  tagSets.replaceChildren(
    h("option", { value: "" }, "every point"),
    ...sets.map((text) => h("option", { value: text, selected: text === selected || null }, text)),
  );
}

async function show() {
  const mine = ++generation;
  const metric = metrics.find((m) => m.name === names.value);
  if (!metric) return;
  const [seconds, points] = RANGES[range];
  const start = new Date(Date.now() - seconds * 1000).toISOString();
  const tags = tagSets.value;
  history.replaceState(null, "", `?${new URLSearchParams({ name: metric.name, ...(tags ? { tags } : {}) })}`);
  say("Loading…");
  let found;
  try {
    const params = new URLSearchParams({ name: metric.name, start, points: String(points), ...(tags ? { tags } : {}) });
    found = await get(`/metrics/custom/history?${params}`);
  } catch (error) {
    if (mine === generation) say(`The history could not be read: ${error.message}`, "error");
    return;
  }
  if (mine !== generation) return; // another choice was made meanwhile
  const unit = found.unit || "";
  const format = (v) => withUnit(v, unit);
  const title = `${metric.name}${tags ? ` {${tags}}` : ""}${unit ? ` (${unit})` : ""}`;
  box.replaceChildren();
  const chart = new Chart({ id: "custom", title, format, series: [{ metric: metric.name, label: metric.name, color: "#3b82f6" }] }, box);
  // No breaks for gaps: a script may send a point a day, and the line joins them.
  chart.set(align([found.points.map((p) => [Date.parse(p.ts) / 1000, p.avg])], 0));
  say(found.points.length ? "" : "No points in this range: try a longer one.");
}

names.addEventListener("change", () => {
  pickTags();
  show();
});
tagSets.addEventListener("change", show);
ranges.addEventListener("click", (event) => {
  const tab = event.target.closest("[data-range]");
  if (!tab) return;
  range = tab.dataset.range;
  ranges.querySelectorAll("[data-range]").forEach((t) => t.setAttribute("aria-selected", String(t === tab)));
  show();
});
start();
