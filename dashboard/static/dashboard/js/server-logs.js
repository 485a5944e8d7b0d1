// A server's log tail: the newest lines from /logs/{id}, then each line from its socket, with a
// level and a text filter (the REST query and the live lines use the same rule).

import { LiveSocket, get, onHubBack } from "./api.js";
import { $, clock, debounce, h } from "./util.js";

const KEEP = 500;
const RANK = { debug: 0, info: 1, notice: 2, warning: 3, error: 4, critical: 5 };

export function startLogs(serverId) {
  const box = $("#logs");
  const level = $("#log-level");
  const search = $("#log-search");
  let generation = 0;

  const matches = (line) =>
    (!level.value || (RANK[line.level] ?? 0) >= RANK[level.value]) &&
    (!search.value.trim() || line.message.toLowerCase().includes(search.value.trim().toLowerCase()));

  const render = (line) =>
    h(
      "div",
      { class: `log-line level-${line.level}` },
      h("time", {}, clock(line.ts)),
      h("span", { class: "level" }, line.level),
      h("span", { class: "source" }, line.source),
      h("span", { class: "message" }, line.message),
    );

  const atBottom = () => box.scrollHeight - box.scrollTop - box.clientHeight < 30;

  function append(lines) {
    if (!lines.length) return; // live lines the filter dropped: what the box says still holds
    const follow = atBottom();
    box.querySelector(".empty")?.remove();
    box.append(...lines.map(render));
    while (box.childElementCount > KEEP) box.firstElementChild.remove();
    if (follow) box.scrollTop = box.scrollHeight;
  }

  async function load() {
    const mine = ++generation;
    const query = new URLSearchParams({ size: "100" });
    if (level.value) query.set("min_level", level.value);
    if (search.value.trim()) query.set("search", search.value.trim());
    let lines;
    try {
      lines = await get(`/logs/${serverId}?${query}`);
    } catch (error) {
      if (mine === generation) box.replaceChildren(h("p", { class: "empty" }, `Logs could not be read: ${error.message}`));
      return;
    }
    if (mine !== generation) return;
    box.replaceChildren();
    const filtered = level.value || search.value.trim();
    if (!lines.length) box.append(h("p", { class: "empty" }, filtered ? "No lines match these filters." : "No log lines yet."));
    append(lines.reverse());
    box.scrollTop = box.scrollHeight;
  }

  const reload = debounce(load, 250);
  level.addEventListener("input", reload);
  search.addEventListener("input", reload);
  $("#log-filters").addEventListener("submit", (event) => event.preventDefault());

  load();
  new LiveSocket(`/ws/logs/${serverId}`, {
    label: "Live logs",
    onEvent: (event) => {
      if (event.type === "logs.lines") append(event.lines.filter(matches));
    },
    // Once subscribed, read again: lines stored before the socket opened are in the answer.
    onOpen: load,
  }).start();
  onHubBack(load);
}
