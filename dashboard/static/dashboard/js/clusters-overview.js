// The overview's Kubernetes clusters, beside the servers: one request, refreshed every 30 s.
// Shown only when the user may see at least one cluster.

import { getAll, onHubBack } from "./api.js";
import { $, ago, h } from "./util.js";

const REFRESH_MS = 30_000;

export function clusterRow(c) {
  return h(
    "tr",
    { dataset: { cluster: c.name } },
    h("td", {}, h("a", { href: `/kubernetes/${encodeURIComponent(c.name)}` }, c.name), " ", h("span", { class: "muted small" }, c.version || "")),
    h("td", {}, h("span", { class: `badge status-${c.status}` }, c.status)),
    h("td", {}, `${c.nodes}`, c.nodes_not_ready ? h("span", { class: "muted small" }, ` (${c.nodes_not_ready} not Ready)`) : ""),
    h("td", {}, `${c.pods}`, c.pods_failing ? h("span", { class: "muted small" }, ` (${c.pods_failing} failing)`) : ""),
    h("td", {}, `${c.namespaces}`),
    h("td", { class: "muted small" }, c.metrics_note || "", c.metrics_note ? " · " : "", `snapshot ${ago(c.last_snapshot_at)}`),
  );
}

export async function showClusters() {
  const section = $("#clusters");
  if (!section) return;
  const load = async () => {
    let clusters;
    try {
      clusters = await getAll("/kubernetes/clusters");
    } catch {
      return;
    }
    section.hidden = clusters.length === 0;
    $("#cluster-rows").replaceChildren(...clusters.map(clusterRow));
  };
  await load();
  setInterval(load, REFRESH_MS);
  onHubBack(load);
}
