// A server's charts (uPlot, vendored in static/dashboard/vendor/uplot). History comes from
// /metrics/{id}/history, which downsamples on the hub; "live" starts from the last minutes of
// history and then appends each sample from the server's socket.

import { get } from "./api.js";
import { bytes, h, number, percent, rate } from "./util.js";

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
    axis: bytes,
    series: [
      { metric: "net_rx_bytes_per_s", label: "in", color: "#0ea5e9" },
      { metric: "net_tx_bytes_per_s", label: "out", color: "#f43f5e" },
    ],
  },
];

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

class Chart {
  constructor(spec, parent) {
    this.spec = spec;
    this.el = h("figure", { class: "chart", dataset: { chart: spec.id, points: "0" } }, h("figcaption", {}, spec.title));
    parent.append(this.el);
    this.data = [[], ...spec.series.map(() => [])];
    const axisFormat = spec.axis || spec.format;
    const ink = getComputedStyle(document.body).color;
    this.plot = new uPlot( // eslint-disable-line no-undef
      {
        width: this.width(),
        height: 170,
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: spec.max ? { range: [0, spec.max] } : { range: (u, min, max) => [0, Math.max(max * 1.1, 1)] } },
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
    new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: 170 })).observe(this.el);
  }

  width() {
    return Math.max(200, this.el.clientWidth - 2);
  }

  set(data) {
    this.data = data;
    this.plot.setData(data);
    this.el.dataset.points = String(data[0].length);
  }

  push(ts, values, since) {
    if (!this.spec.series.some((s) => values[s.metric] !== undefined)) return;
    const [xs, ...ys] = this.data;
    if (xs.length && ts <= xs[xs.length - 1]) return; // already there (history and socket overlap)
    xs.push(ts);
    this.spec.series.forEach((s, i) => ys[i].push(values[s.metric] ?? null));
    while (xs.length && xs[0] < since) {
      xs.shift();
      ys.forEach((column) => column.shift());
    }
    this.set([xs, ...ys]);
  }
}

export class ServerCharts {
  constructor(root, serverId) {
    this.serverId = serverId;
    this.range = "live";
    this.generation = 0;
    this.charts = CHARTS.map((spec) => new Chart(spec, root));
  }

  async load(range = this.range) {
    this.range = range;
    const generation = ++this.generation;
    const { seconds, points } = RANGES[range];
    const start = new Date(Date.now() - seconds * 1000).toISOString();
    const metrics = this.charts.flatMap((chart) => chart.spec.series.map((s) => s.metric));
    const answers = await Promise.all(
      metrics.map((metric) =>
        get(`/metrics/${this.serverId}/history?metric=${encodeURIComponent(metric)}&start=${encodeURIComponent(start)}&points=${points}`).catch(
          () => null,
        ),
      ),
    );
    if (generation !== this.generation) return; // another range was chosen meanwhile
    const byMetric = new Map(metrics.map((metric, i) => [metric, answers[i]]));
    for (const chart of this.charts) {
      const found = chart.spec.series.map((s) => byMetric.get(s.metric));
      const bucket = Math.max(...found.map((f) => f?.bucket_seconds || 0));
      const series = found.map((f) => (f?.points || []).map((p) => [Date.parse(p.ts) / 1000, p.avg]));
      chart.set(align(series, range === "live" ? Math.max(bucket * 3, 30) : bucket * 2.5));
    }
  }

  push(ts, values) {
    if (this.range !== "live") return;
    const since = Date.now() / 1000 - LIVE_WINDOW_S;
    this.charts.forEach((chart) => chart.push(ts, values, since));
  }
}

// For other pages' charts (custom-metric.js): the same chart and the same alignment of points.
export { align, Chart };
