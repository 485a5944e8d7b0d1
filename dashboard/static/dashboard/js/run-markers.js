// Playbook runs on a server's charts: a dashed line where each run that included the server
// started, titled with the playbook, its run number and status (GET /ansible/playbooks?server=).
// Kept apart from charts.js: it only draws into each chart's uPlot overlay.

import { get } from "./api.js";
import { h } from "./util.js";

export class RunMarkers {
  constructor(serverCharts, serverId) {
    this.serverCharts = serverCharts;
    this.serverId = serverId;
    this.runs = [];
  }

  // Reads the runs again after every load of the charts, and moves the lines as time passes.
  start() {
    const load = this.serverCharts.load.bind(this.serverCharts);
    this.serverCharts.load = async (...args) => {
      const result = await load(...args);
      this.load();
      return result;
    };
    setInterval(() => this.draw(), 5000);
    return this;
  }

  async load() {
    const first = this.serverCharts.charts[0];
    if (!first) return;
    const after = new Date(first.window[0] * 1000).toISOString();
    try {
      this.runs = await get(`/ansible/playbooks?server=${this.serverId}&after=${encodeURIComponent(after)}&size=100`);
    } catch {
      this.runs = []; // no automation on this hub, or not allowed: no markers
    }
    this.draw();
  }

  draw() {
    for (const chart of this.serverCharts.charts) {
      const plot = chart.plot;
      plot.over.querySelectorAll(".run-marker").forEach((el) => el.remove());
      const [min, max] = chart.window;
      for (const run of this.runs) {
        const t = Date.parse(run.started_at || run.created_at) / 1000;
        if (!(t >= min && t <= max)) continue;
        const title = `Playbook ${run.playbook} (run #${run.id}, ${run.status})`;
        plot.over.append(h("div", { class: `run-marker run-${run.status}`, style: `left: ${plot.valToPos(t, "x")}px`, title }));
      }
    }
  }
}
