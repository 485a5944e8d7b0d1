// A server's page: its facts, latest values, charts, logs, containers, console and alerts.

import { LiveSocket, get, onHubBack, trouble } from "./api.js";
import { alertFeed, alertRow, replaceAlertRows } from "./alert-feed.js";
import { ServerCharts } from "./charts.js";
import { RunMarkers } from "./run-markers.js";
import { startPage } from "./page.js";
import { startConsole, startContainers } from "./server-actions.js";
import { showConnect } from "./server-connect.js";
import { startLogs } from "./server-logs.js";
import { $, ago, bytes, duration, h, number, percent, rate } from "./util.js";

const serverId = Number(document.body.dataset.serverId);
await startPage();

let server = null;
let latest = { ts: null, values: {}, top: null };
// Counts what the socket said of the status (server.status, a sample). A read of the server
// that was asked before the socket last spoke is older than what the page shows: its status
// must not paint over the socket's (an agent going away while the read was on its way).
let liveStatus = 0;

async function loadServer() {
  const asked = liveStatus;
  try {
    const fresh = await get(`/servers/${serverId}`);
    server = server && liveStatus !== asked ? { ...fresh, status: server.status, last_seen: server.last_seen } : fresh;
  } catch (error) {
    if (error.status === 404) {
      $("#server-name").textContent = "No such server";
      trouble("server", "This server does not exist, or you may not see it.");
    }
    return;
  }
  document.title = `${server.name} · ChatOps`;
  $("#server-name").textContent = server.name;
  paintStatus();
  const facts = [server.hostname, server.ip_address, server.os, server.agent_version && `agent ${server.agent_version}`];
  $("#server-facts").replaceChildren(
    facts.filter(Boolean).join(" · "),
    ...server.tags.map((tag) => h("a", { class: "tag", href: `/?tag=${encodeURIComponent(tag)}` }, tag)),
  );
}

function paintStatus() {
  if (!server) return;
  const el = $("#server-status");
  el.className = `status status-${server.status}`;
  if (server.status === "online") el.textContent = "online";
  else el.textContent = server.last_seen ? `offline · last seen ${ago(server.last_seen)}` : "not yet seen";
}

// ---- The latest values ------------------------------------------------------------------------

const TILES = [
  ["CPU", (v) => percent(v.cpu_percent)],
  ["Memory", (v) => `${percent(v.memory_percent)} · ${bytes(v.memory_used_bytes)} used`],
  ["Disk /", (v) => percent(v.disk_percent)],
  ["Load", (v) => `${number(v.load_1)} · ${number(v.load_5)} · ${number(v.load_15)}`],
  ["Network", (v) => `in ${rate(v.net_rx_bytes_per_s)} · out ${rate(v.net_tx_bytes_per_s)}`],
  ["Disk I/O", (v) => `read ${rate(v.disk_read_bytes_per_s)} · write ${rate(v.disk_write_bytes_per_s)}`],
  ["Swap", (v) => percent(v.swap_percent)],
  ["Processes", (v) => (v.process_count ?? "–").toString()],
  ["Uptime", (v) => duration(v.uptime_seconds)],
];

function paintLatest() {
  const values = latest.values || {};
  $("#latest").replaceChildren(
    ...TILES.map(([label, show]) => h("div", { class: "tile" }, h("div", { class: "tile-label" }, label), h("div", { class: "tile-value" }, show(values)))),
  );
  const top = latest.top?.cpu;
  if (top?.length) {
    $("#latest").append(
      h(
        "div",
        { class: "tile tile-wide" },
        h("div", { class: "tile-label" }, "Top processes by CPU"),
        h("ol", { class: "top" }, top.slice(0, 5).map((p) => h("li", {}, `${p.name} (${p.pid}) ${percent(p.cpu_percent)}`))),
      ),
    );
  }
  paintAge();
}

function paintAge() {
  $("#latest-age").textContent = latest.ts ? `sample from ${ago(latest.ts)}` : "no sample received yet";
}

async function loadLatest() {
  try {
    latest = await get(`/metrics/${serverId}`);
  } catch {
    return;
  }
  paintLatest();
}

// ---- Charts ---------------------------------------------------------------------------------

const charts = new ServerCharts($("#charts"), serverId);
new RunMarkers(charts, serverId).start();
$("#ranges").addEventListener("click", (event) => {
  const button = event.target.closest("[data-range]");
  if (!button) return;
  $("#ranges").querySelectorAll("[data-range]").forEach((b) => b.setAttribute("aria-selected", String(b === button)));
  charts.load(button.dataset.range);
});

// ---- This server's alerts -------------------------------------------------------------------

const feed = alertFeed();
feed.subscribe(() => {
  const mine = feed.forServer(serverId);
  const strip = $("#server-alerts");
  strip.hidden = mine.length === 0;
  replaceAlertRows(strip, h("h2", {}, "Alerts"), ...mine.map((alert) => alertRow(alert, { showServer: false })));
});

// ---- Go -------------------------------------------------------------------------------------

await loadServer();
if (server && !server.last_seen) {
  // No agent has ever reported: say how to connect one; its first sample brings the full page.
  document.querySelectorAll(".needs-agent").forEach((el) => (el.hidden = true));
  showConnect(server);
  new LiveSocket(`/ws/metrics/${serverId}`, {
    label: "Live metrics",
    onEvent: (event) => {
      if (event.type === "metrics.sample" || (event.type === "server.status" && event.status === "online")) location.reload();
    },
  }).start();
} else {
  watch();
}

async function watch() {
  await Promise.all([loadLatest(), charts.load()]); // the range picked meanwhile, if one was
  let opened = false;
  new LiveSocket(`/ws/metrics/${serverId}`, {
    label: "Live metrics",
    onEvent: (event) => {
      if (event.type === "server.status" && server) {
        const seen = event.last_seen ? new Date(event.last_seen * 1000).toISOString() : server.last_seen;
        server = { ...server, status: event.status, last_seen: seen };
        liveStatus += 1;
        paintStatus();
      }
      if (event.type !== "metrics.sample") return;
      latest = { ...latest, ts: new Date(event.ts * 1000).toISOString(), values: event.values };
      if (server) server = { ...server, status: "online", last_seen: latest.ts }; // a sample says so
      liveStatus += 1;
      paintLatest();
      charts.push(event.ts, event.values);
    },
    onOpen: () => {
      loadServer(); // a status change published before the socket joined is not lost
      if (!opened) {
        opened = true;
        return;
      }
      loadLatest();
      charts.load();
    },
    onGiveUp: () => trouble("server", "This server does not exist, or you may not see it."),
  }).start();
  startLogs(serverId);
  startContainers(serverId);
  startConsole(serverId);
  onHubBack(() => {
    loadServer();
    loadLatest();
    charts.load();
  });
  // The hub marks a silent server offline; the page reads that every 30 s.
  setInterval(loadServer, 30_000);
}
// "ago" stays current.
setInterval(() => {
  paintStatus();
  paintAge();
}, 1000);
