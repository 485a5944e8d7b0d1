// The fleet overview. One request for the server list (a page per 100 servers), one for every
// server's last minutes of CPU (the sparklines) and one socket for every server's newest
// samples: nothing is asked per server, so 200 servers cost what 2 do.
// Rows are built once and updated in place, at most once per animation frame.

import { LiveSocket, get, getAll, onHubBack } from "./api.js";
import { alertFeed, alertRow, replaceAlertRows, severityRank } from "./alert-feed.js";
import { showClusters } from "./clusters-overview.js";
import { startPage } from "./page.js";
import { $, ago, h, perFrame, percent } from "./util.js";

const SPARK_POINTS = 90;
const SPARK_SECONDS = 15 * 60; // the sparkline's width in time
const SPARK_GAP_S = 150; // a longer silence is drawn as a break
const RELOAD_LIST_MS = 60_000; // new servers, and offline marks the hub made while we watched

const rows = new Map(); // server id → {server, values, spark, el, cells}
const dirty = new Set();
const feed = alertFeed();
let loaded = false;

await startPage();
showClusters();

const flush = perFrame(() => {
  for (const id of dirty) {
    const row = rows.get(id);
    if (row) paint(row);
  }
  dirty.clear();
});

function touch(id) {
  dirty.add(id);
  flush();
}

async function loadServers() {
  let servers;
  try {
    servers = await getAll("/servers?sort=name");
  } catch {
    return; // the banner says why; the hub coming back calls this again
  }
  const seen = new Set();
  for (const server of servers) {
    seen.add(server.id);
    const row = rows.get(server.id);
    if (row) {
      // The list is older than a sample that just arrived: keep the fresher "online".
      const fresher = row.sampleAt && row.sampleAt > Date.parse(server.last_seen || 0);
      row.server = fresher ? { ...server, status: "online", last_seen: row.server.last_seen } : server;
    } else {
      rows.set(server.id, build(server));
    }
    dirty.add(server.id);
  }
  for (const id of [...rows.keys()]) {
    if (!seen.has(id)) {
      rows.get(id).el.remove();
      rows.delete(id);
    }
  }
  const body = $("#fleet-rows");
  const ordered = [...rows.values()].sort((a, b) => a.server.name.localeCompare(b.server.name));
  body.append(...ordered.map((row) => row.el)); // re-appending moves, it does not copy
  fillTags();
  loaded = true;
  applyFilters();
  flush();
}

function meter(kind) {
  const bar = h("span", { class: "meter-bar" });
  const text = h("span", { class: "meter-text" }, "–");
  return { el: h("td", { class: `metric ${kind}`, "data-label": kind }, h("span", { class: "meter" }, bar), text), bar, text };
}

function build(server) {
  const cells = {
    link: h("a", { href: `/servers/${server.id}`, class: "server-link" }),
    host: h("span", { class: "muted small" }),
    tags: h("span", { class: "tags" }),
    alert: h("span", { class: "badge", hidden: true }),
    dot: h("span", { class: "dot" }),
    status: h("span", { class: "status-text" }),
    seen: h("span", { class: "muted small seen" }),
    cpu: meter("CPU"),
    memory: meter("Memory"),
    disk: meter("Disk"),
    spark: h("canvas", { class: "spark", width: 180, height: 36, "aria-hidden": "true" }),
  };
  const el = h(
    "tr",
    { dataset: { serverId: server.id } },
    h("td", { class: "name" }, h("div", {}, cells.link, " ", cells.alert), h("div", {}, cells.host, " ", cells.tags)),
    h("td", { class: "state" }, cells.dot, cells.status, h("br"), cells.seen),
    cells.cpu.el,
    cells.memory.el,
    cells.disk.el,
    h("td", { class: "spark-col" }, cells.spark),
  );
  // spark: [unix s, cpu %] of the samples seen; minutes: the 1-minute averages read at load.
  return { server, values: {}, spark: [], minutes: [], el, cells, sampleAt: null };
}

function paint(row) {
  const { server, values, cells } = row;
  cells.link.textContent = server.name;
  cells.host.textContent = server.hostname;
  cells.tags.replaceChildren(...server.tags.map((tag) => h("span", { class: "tag" }, tag)));
  const online = server.status === "online";
  row.el.classList.toggle("offline", !online);
  cells.dot.className = `dot dot-${server.status}`;
  cells.status.textContent = server.status === "unknown" ? "not yet seen" : server.status;
  cells.seen.textContent = server.last_seen ? `seen ${ago(server.last_seen)}` : "";
  for (const [key, metric] of [["cpu", "cpu_percent"], ["memory", "memory_percent"], ["disk", "disk_percent"]]) {
    const value = values[metric];
    cells[key].text.textContent = percent(value);
    cells[key].bar.style.width = `${Math.min(100, Math.max(0, value || 0))}%`;
    cells[key].bar.className = `meter-bar ${value >= 90 ? "hot" : value >= 75 ? "warm" : ""}`;
  }
  const alerts = feed.forServer(server.id).filter((alert) => alert.status === "firing");
  row.el.classList.toggle("alerting", alerts.length > 0);
  cells.alert.hidden = alerts.length === 0;
  if (alerts.length) {
    const worst = alerts.reduce((a, b) => (severityRank(b) > severityRank(a) ? b : a));
    cells.alert.className = `badge badge-${worst.severity}`;
    cells.alert.textContent = `${alerts.length} firing`;
  }
  const firstSample = row.spark.length ? row.spark[0][0] : Infinity;
  const since = Date.now() / 1000 - SPARK_SECONDS;
  const points = [...row.minutes.filter(([t]) => t < firstSample), ...row.spark].filter(([t]) => t >= since);
  cells.spark.dataset.points = String(points.length);
  cells.spark.hidden = points.length < 2;
  if (!cells.spark.hidden) drawSpark(cells.spark, points, since);
}

// The last minutes of CPU of every server at once (GET /metrics/recent): without it a sparkline
// stayed empty until two samples had come on the socket after the page opened.
async function loadSparks() {
  let recent;
  try {
    recent = await get("/metrics/recent?metric=cpu_percent&minutes=15");
  } catch {
    return;
  }
  for (const { server_id: id, points } of recent) {
    const row = rows.get(id);
    if (!row) continue;
    row.minutes = points.map((p) => [Date.parse(p.ts) / 1000 + 30, p.avg]); // the minute's middle
    dirty.add(id);
  }
  flush();
}

let sparkSize = null; // canvas pixels, measured once per layout (reading it per row per frame would thrash)
addEventListener("resize", () => {
  sparkSize = null;
  rows.forEach((row) => dirty.add(row.server.id));
  flush();
});

function drawSpark(canvas, points, since) {
  if (!sparkSize && canvas.clientWidth) {
    sparkSize = [Math.round(canvas.clientWidth * devicePixelRatio), Math.round(canvas.clientHeight * devicePixelRatio)];
  }
  if (sparkSize && (canvas.width !== sparkSize[0] || canvas.height !== sparkSize[1])) [canvas.width, canvas.height] = sparkSize;
  const ctx = canvas.getContext("2d");
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  if (points.length < 2) return;
  ctx.strokeStyle = getComputedStyle(canvas).color;
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.beginPath();
  points.forEach(([t, value], i) => {
    const x = ((t - since) / SPARK_SECONDS) * width; // now at the right edge
    const y = height - 2 - (Math.min(100, Math.max(0, value)) / 100) * (height - 4);
    if (i === 0 || t - points[i - 1][0] > SPARK_GAP_S) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}

function onEvent(event) {
  const row = rows.get(event.server_id);
  if (!row) return; // a server added since the list was read: the next reload brings it
  if (event.type === "metrics.sample") {
    row.values = event.values;
    row.sampleAt = Date.now();
    row.server = { ...row.server, status: "online", last_seen: new Date(event.ts * 1000).toISOString() };
    row.spark.push([event.ts, event.values.cpu_percent ?? 0]);
    if (row.spark.length > SPARK_POINTS) row.spark.shift();
    touch(row.server.id);
  } else if (event.type === "server.status") {
    row.server = { ...row.server, status: event.status, last_seen: event.last_seen ? new Date(event.last_seen * 1000).toISOString() : row.server.last_seen };
    touch(row.server.id);
  }
}

// ---- Filters --------------------------------------------------------------------------------

const filters = { status: $("#filter-status"), tag: $("#filter-tag"), search: $("#filter-search") };
const initial = new URLSearchParams(location.search);
for (const [name, el] of Object.entries(filters)) {
  if (initial.get(name)) el.value = initial.get(name);
  el.addEventListener("input", () => {
    applyFilters();
    const query = new URLSearchParams();
    for (const [key, input] of Object.entries(filters)) if (input.value) query.set(key, input.value);
    history.replaceState(null, "", query.toString() ? `?${query}` : location.pathname);
  });
}
$("#filters").addEventListener("submit", (event) => event.preventDefault());

function fillTags() {
  const tags = new Set([...rows.values()].flatMap((row) => row.server.tags));
  const wanted = filters.tag.value || initial.get("tag") || "";
  filters.tag.replaceChildren(h("option", { value: "" }, "All"), ...[...tags].sort().map((tag) => h("option", { value: tag }, tag)));
  filters.tag.value = tags.has(wanted) ? wanted : "";
}

function applyFilters() {
  const status = filters.status.value;
  const tag = filters.tag.value;
  const search = filters.search.value.trim().toLowerCase();
  let shown = 0;
  let online = 0;
  for (const row of rows.values()) {
    const { server } = row;
    if (server.status === "online") online += 1;
    const alerting = row.el.classList.contains("alerting");
    const visible =
      (!status || (status === "alerting" ? alerting : (server.status === "online") === (status === "online"))) &&
      (!tag || server.tags.includes(tag)) &&
      (!search || server.name.toLowerCase().includes(search) || server.hostname.toLowerCase().includes(search));
    row.el.hidden = !visible;
    if (visible) shown += 1;
  }
  $("#fleet-summary").textContent = `${online} of ${rows.size} online`;
  const empty = $("#fleet-empty");
  empty.hidden = !loaded || shown > 0;
  empty.textContent = rows.size
    ? "No server matches these filters."
    : "No servers yet. Start an agent (docs/agent.md) or add one in the admin.";
}

// ---- Alerts that fire stand out ---------------------------------------------------------------

feed.subscribe(() => {
  const firing = feed.firing();
  const strip = $("#firing-alerts");
  strip.hidden = firing.length === 0;
  replaceAlertRows(
    strip,
    h("h2", {}, `${firing.length} alert${firing.length === 1 ? "" : "s"} firing `, h("a", { href: "/alerts", class: "small" }, "all alerts")),
    ...firing.slice(0, 5).map((alert) => alertRow(alert)),
  );
  rows.forEach((row) => dirty.add(row.server.id));
  flush();
  if (loaded) requestAnimationFrame(applyFilters);
});

// ---- Go -------------------------------------------------------------------------------------

await loadServers();
loadSparks();
let opened = false;
new LiveSocket("/ws/metrics", {
  label: "Live metrics",
  onEvent,
  onOpen: () => (opened ? loadServers().then(loadSparks) : (opened = true)),
}).start();
onHubBack(() => loadServers().then(loadSparks));
setInterval(loadServers, RELOAD_LIST_MS);
// "seen 4 s ago" keeps counting between samples.
setInterval(() => {
  for (const row of rows.values()) {
    if (!row.el.hidden && row.server.last_seen) row.cells.seen.textContent = `seen ${ago(row.server.last_seen)}`;
  }
}, 1000);
