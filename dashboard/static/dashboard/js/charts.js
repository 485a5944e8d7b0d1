// A server's charts (uPlot, vendored in static/dashboard/vendor/uplot). History comes from
// /metrics/{id}/history, which downsamples on the hub; "live" starts from the last minutes of
// history and then appends each sample from the server's socket. The x-axis is always the range
// asked for, [now - range, now], whatever the data covers: an empty stretch is a stretch without
// samples, not a zoom.

import { get } from "./api.js";
import { h, number, percent, rate } from "./util.js";

const LIVE_WINDOW_S = 10 * 60;

export const RANGES = {
  live: { seconds: LIVE_WINDOW_S, points: 300 },
  "1h": { seconds: 3600, points: 360 },
  "24h": { seconds: 86400, points: 288 },
  "7d": { seconds: 7 * 86400, points: 336 },
};

const CHARTS = [
  { id: "cpu", title: "CPU", max: 100, format: percent, series: [{ metric: "cpu_percent", label: "CPU", color: "#3b82f6" }] },
  { id: "memory", title: "Memory", max: 100, format: percent, series: [{ metric: "memory_percent", label: "Memory", color: "#a855f7" }] },
  { id: "disk", title: "Disk", max: 100, format: percent, series: [{ metric: "disk_percent", label: "Disk /", color: "#f59e0b" }] },
  { id: "load", title: "Load", format: (v) => number(v), series: [{ metric: "load_1", label: "1 min", color: "#10b981" }] },
  {
    id: "network",
    title: "Network",
    format: rate,
    floor: 1024, // an idle link still gets a readable axis (0 B/s to 1 KiB/s), not "1 B, 1 B, 0 B"
    series: [
      { metric: "net_rx_bytes_per_s", label: "in", color: "#0ea5e9" },
      { metric: "net_tx_bytes_per_s", label: "out", color: "#f43f5e" },
    ],
  },
];

// Where a bucket's point is drawn: the middle of the time it covers, of the part already passed
// for the bucket now running, and never before the range's start. The API gives each bucket's
// start; drawn there, a week's 30-minute buckets began before the first sample and stopped
// well before now.
function placed(start, bucket, from, now) {
  if (bucket <= 1) return start;
  const lo = Math.max(start, from);
  const hi = Math.min(start + bucket, now);
  return hi > lo ? (lo + hi) / 2 : lo;
}

// Several series sampled at (mostly) the same instants, as uPlot's aligned columns; a gap
// longer than `gap` seconds gets a null, so missing data shows as a break, not a slope.
function align(seriesPoints, gap) {
  const times = [...new Set(seriesPoints.flatMap((points) => points.map((p) => p[0])))].sort((a, b) => a - b);
  const columns = seriesPoints.map((points) => {
    const byTime = new Map(points);
    return times.map((t) => (byTime.has(t) ? byTime.get(t) : null));
  });
  const xs = [];
  const ys = columns.map(() => []);
  times.forEach((t, i) => {
    if (gap && i > 0 && t - times[i - 1] > gap) {
      xs.push((t + times[i - 1]) / 2);
      ys.forEach((column) => column.push(null));
    }
    xs.push(t);
    ys.forEach((column, s) => column.push(columns[s][i]));
  });
  return [xs, ...ys];
}

// Time labels on one line: hours and minutes, with the day when the range spans days.
function tick(t, u) {
  const d = new Date(t * 1000);
  const span = u.scales.x.max - u.scales.x.min;
  const seconds = span < 15 * 60 ? { second: "2-digit" } : {};
  const time = d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", ...seconds });
  return span > 36 * 3600 ? `${d.toLocaleDateString([], { weekday: "short" })} ${time}` : time;
}

// Deployments on a server's charts (GET /deployments?server=): a dashed vertical line at each
// deploy's end (its start while it runs), green when it succeeded, red when it failed or was
// rolled back, grey otherwise. Drawn on uPlot's canvas after the series.
const MARKER_COLORS = { success: "#16a34a", failed: "#dc2626", rolled_back: "#dc2626" };

function drawMarkers(u, markers) {
  const { ctx } = u;
  const { top, height } = u.bbox;
  ctx.save();
  ctx.setLineDash([4, 3]);
  ctx.lineWidth = 1.5 * devicePixelRatio;
  for (const marker of markers) {
    if (marker.ts < u.scales.x.min || marker.ts > u.scales.x.max) continue;
    const x = Math.round(u.valToPos(marker.ts, "x", true));
    ctx.strokeStyle = MARKER_COLORS[marker.status] || "#6b7280";
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
  }
  ctx.restore();
}

class Chart {
  constructor(spec, parent) {
    this.spec = spec;
    this.markers = [];
    this.empty = h("div", { class: "chart-empty" }, "no data yet");
    this.el = h("figure", { class: "chart", dataset: { chart: spec.id, points: "0" } }, h("figcaption", {}, spec.title), this.empty);
    parent.append(this.el);
    this.data = [[], ...spec.series.map(() => [])];
    this.window = [Date.now() / 1000 - LIVE_WINDOW_S, Date.now() / 1000];
    const axisFormat = spec.axis || spec.format;
    const floor = spec.floor || 1;
    const ink = getComputedStyle(document.body).color;
    this.plot = new uPlot( // eslint-disable-line no-undef
      {
        width: this.width(),
        height: 170,
        cursor: { drag: { x: false, y: false } },
        hooks: { draw: [(u) => drawMarkers(u, this.markers)] },
        scales: {
          x: { time: true, range: () => this.window },
          y: spec.max ? { range: [0, spec.max] } : { range: (u, min, max) => [0, Math.max(max * 1.1, floor)] },
        },
        series: [
          {},
          ...spec.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: `${s.color}22`,
            width: 1.5,
            value: (u, v) => (v === null || v === undefined ? "–" : spec.format(v)),
          })),
        ],
        axes: [
          { stroke: ink, space: 100, grid: { stroke: "#8884", width: 1 }, values: (u, splits) => splits.map((t) => tick(t, u)) },
          { stroke: ink, size: 70, grid: { stroke: "#8884", width: 1 }, values: (u, splits) => splits.map((v) => axisFormat(v)) },
        ],
      },
      this.data,
      this.el,
    );
    this.el.plot = this.plot; // its scales and data, for the browser tests
    new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: 170 })).observe(this.el);
  }

  width() {
    return Math.max(200, this.el.clientWidth - 2);
  }

  mark(markers) {
    this.markers = markers;
    this.el.dataset.markers = String(markers.length);
    this.plot.redraw(false);
  }

  set(data, window) {
    this.data = data;
    if (window) this.window = window;
    this.plot.setData(data);
    this.el.dataset.points = String(data[0].length);
    this.empty.hidden = data.slice(1).some((column) => column.some((v) => v !== null && v !== undefined));
  }

  push(ts, values, since, now) {
    if (!this.spec.series.some((s) => values[s.metric] !== undefined)) return;
    const [xs, ...ys] = this.data;
    if (xs.length && ts <= xs[xs.length - 1]) return; // already there (history and socket overlap)
    xs.push(ts);
    this.spec.series.forEach((s, i) => ys[i].push(values[s.metric] ?? null));
    while (xs.length && xs[0] < since) {
      xs.shift();
      ys.forEach((column) => column.shift());
    }
    this.set([xs, ...ys], [since, Math.max(now, ts)]);
  }
}

export class ServerCharts {
  constructor(root, serverId) {
    this.serverId = serverId;
    this.range = "live";
    this.generation = 0;
    this.charts = CHARTS.map((spec) => new Chart(spec, root));
    this.legend = h("ul", { class: "deploy-markers muted small", hidden: true });
    root.after(this.legend);
  }

  // The deployments that touched this server in the range, as markers and a list under the charts.
  async deployments(start, generation) {
    const found = await get(`/deployments?server=${this.serverId}&start_date=${encodeURIComponent(start)}&size=100`).catch(() => []);
    if (generation !== this.generation) return;
    const markers = found.map((d) => ({
      ts: Date.parse(d.finished_at || d.started_at) / 1000,
      status: d.status,
      label: `${d.service} → ${d.environment}: ${d.status.replace("_", " ")}`,
    }));
    this.charts.forEach((chart) => chart.mark(markers));
    this.legend.hidden = markers.length === 0;
    this.legend.replaceChildren(
      ...markers.map((m) => h("li", { class: `deploy-marker deploy-${m.status}` }, `${new Date(m.ts * 1000).toLocaleString()} · deploy ${m.label}`)),
    );
  }

  async load(range = this.range) {
    this.range = range;
    const generation = ++this.generation;
    const { seconds, points } = RANGES[range];
    const now = Date.now() / 1000;
    const from = now - seconds;
    const start = new Date(from * 1000).toISOString();
    this.deployments(start, generation);
    const metrics = this.charts.flatMap((chart) => chart.spec.series.map((s) => s.metric));
    const answers = await Promise.all(
      metrics.map((metric) =>
        get(`/metrics/${this.serverId}/history?metric=${encodeURIComponent(metric)}&start=${encodeURIComponent(start)}&points=${points}`).catch(
          () => null,
        ),
      ),
    );
    if (generation !== this.generation) return; // another range was chosen meanwhile
    const end = Date.now() / 1000;
    const byMetric = new Map(metrics.map((metric, i) => [metric, answers[i]]));
    for (const chart of this.charts) {
      const found = chart.spec.series.map((s) => byMetric.get(s.metric));
      const bucket = Math.max(...found.map((f) => f?.bucket_seconds || 0));
      const series = found.map((f) =>
        (f?.points || []).map((p) => [placed(Date.parse(p.ts) / 1000, f.bucket_seconds, from, end), p.avg]),
      );
      chart.set(align(series, range === "live" ? Math.max(bucket * 3, 30) : bucket * 2.5), [from, end]);
    }
  }

  push(ts, values) {
    if (this.range !== "live") return;
    const now = Date.now() / 1000;
    this.charts.forEach((chart) => chart.push(ts, values, now - LIVE_WINDOW_S, now));
  }
}

// For other pages' charts (custom-metric.js): the same chart and the same alignment of points.
export { align, Chart };
