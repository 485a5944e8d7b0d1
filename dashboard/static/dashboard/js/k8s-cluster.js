// One Kubernetes cluster: its status, nodes, and pods filtered by namespace and status (the hub
// filters; the page asks for 100 pods at a time).

import { ApiError, get, request } from "./api.js";
import { startPage } from "./page.js";
import { $, ago, debounce, h, percent } from "./util.js";

await startPage();

const name = decodeURIComponent(location.pathname.split("/").pop() || "");
const base = `/kubernetes/clusters/${encodeURIComponent(name)}`;
let page = 1;

function fixed(value) {
  return value === null || value === undefined ? "–" : value.toFixed(value < 10 ? 1 : 0);
}

function showError(error) {
  const box = $("#cluster-error");
  box.hidden = false;
  box.textContent = error instanceof ApiError && error.status === 404 ? "No such cluster, or not one you may see." : "The cluster could not be loaded.";
}

async function loadCluster() {
  const c = await get(base);
  $("#cluster-name").textContent = c.name;
  document.title = `${c.name} · ChatOps`;
  const status = $("#cluster-status");
  status.textContent = c.status;
  status.className = `badge status-${c.status}`;
  const metrics = c.metrics_note ? ` · ${c.metrics_note}` : "";
  $("#cluster-summary").textContent =
    `${c.version || ""} · ${c.nodes} nodes · ${c.pods} pods · ${c.namespaces} namespaces · snapshot ${ago(c.last_snapshot_at)}${metrics}`;
  const select = $("#filter-namespace");
  const chosen = select.value;
  select.replaceChildren(h("option", { value: "" }, "All"), ...c.namespace_names.map((ns) => h("option", { value: ns }, ns)));
  select.value = chosen;
}

async function loadNodes() {
  const nodes = await get(`${base}/nodes?size=100`);
  $("#node-rows").replaceChildren(
    ...nodes.map((n) =>
      h("tr", { dataset: { node: n.name } },
        h("td", {}, n.name),
        h("td", {}, h("span", { class: `badge ${n.ready ? "status-healthy" : "status-unreachable"}` }, n.status)),
        h("td", {}, percent(n.cpu_usage)),
        h("td", {}, percent(n.memory_usage)),
        h("td", {}, String(n.pods)),
      ),
    ),
  );
  $("#nodes-empty").hidden = nodes.length > 0;
}

function podQuery() {
  const params = new URLSearchParams({ size: "100", page: String(page) });
  const ns = $("#filter-namespace").value;
  const status = $("#filter-status").value.trim();
  if (ns) params.set("namespace", ns);
  if (status) params.set("status", status);
  return `${base}/pods?${params}`;
}

async function loadPods(append = false) {
  const body = await request(podQuery());
  const rows = body.data.map((p) =>
    h("tr", { dataset: { pod: `${p.namespace}/${p.name}` } },
      h("td", {}, p.name),
      h("td", {}, p.namespace),
      h("td", {}, p.status),
      h("td", {}, p.ready ? "yes" : "no"),
      h("td", {}, String(p.restarts)),
      h("td", {}, fixed(p.cpu_usage)),
      h("td", {}, fixed(p.memory_usage)),
      h("td", { class: "muted small" }, p.node),
    ),
  );
  if (append) $("#pod-rows").append(...rows);
  else $("#pod-rows").replaceChildren(...rows);
  $("#pod-count").textContent = `(${body.pagination.total})`;
  $("#pods-empty").hidden = body.pagination.total > 0;
  $("#pods-more").hidden = !body.pagination.has_next;
}

const refilter = debounce(() => {
  page = 1;
  loadPods().catch(showError);
}, 250);
$("#filter-namespace").addEventListener("change", refilter);
$("#filter-status").addEventListener("input", refilter);
$("#pod-filters").addEventListener("submit", (event) => event.preventDefault());
$("#pods-more").addEventListener("click", () => {
  page += 1;
  loadPods(true).catch(showError);
});

try {
  await loadCluster();
  await Promise.all([loadNodes(), loadPods()]);
} catch (error) {
  showError(error);
}
