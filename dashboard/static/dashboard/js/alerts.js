// The alerts page: firing, acknowledged and resolved, each a tab with its count; acknowledge
// and resolve where the role allows. Kept live by the page's alert feed. Below, the thresholds
// (thresholds.js).

import { onHubBack, request } from "./api.js";
import { alertFeed, alertRow, replaceAlertRows } from "./alert-feed.js";
import { startPage } from "./page.js";
import { Thresholds } from "./thresholds.js";
import { $, debounce, h } from "./util.js";

await startPage();

const tabs = $("#alert-tabs");
const list = $("#alerts-list");
let status = new URLSearchParams(location.search).get("status") || "firing";

async function load() {
  let answers;
  try {
    answers = await Promise.all(
      ["firing", "acknowledged", "resolved"].map((s) => request(`/alerts?status=${s}&size=${s === status ? 100 : 1}`)),
    );
  } catch (error) {
    list.replaceChildren(
      h("p", { class: "empty" }, error.status === 404 ? "Alerts are not available on this hub." : `Alerts could not be read: ${error.message}`),
    );
    return;
  }
  tabs.querySelectorAll("[data-status]").forEach((tab, i) => {
    tab.setAttribute("aria-selected", String(tab.dataset.status === status));
    tab.querySelector(".count").textContent = String(answers[i].pagination?.total ?? answers[i].data.length);
  });
  const shown = answers[["firing", "acknowledged", "resolved"].indexOf(status)].data;
  replaceAlertRows(list, ...shown.map((alert) => alertRow(alert, { onChange: reload })));
  if (!shown.length) list.append(h("p", { class: "empty" }, `No ${status} alerts.`));
}

const reload = debounce(load, 200);

tabs.addEventListener("click", (event) => {
  const tab = event.target.closest("[data-status]");
  if (!tab) return;
  status = tab.dataset.status;
  history.replaceState(null, "", `?status=${status}`);
  load();
});

// Any change the feed sees, an event or a fresh read of the lists (it reads them again once its
// socket is subscribed, which catches an alert that fired between this page's first read and
// the subscription), reads the page's lists again. The first, synchronous call is skipped:
// load() below reads them.
let subscribed = false;
alertFeed().subscribe(() => {
  if (subscribed) reload();
});
subscribed = true;
const thresholds = new Thresholds($("#thresholds"));
onHubBack(() => {
  load();
  thresholds.load();
});
load();
thresholds.load();
