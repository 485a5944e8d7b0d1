// The bell in the top bar: the signed-in user's unread in-app notifications, counted live over
// /api/v1/ws/notifications, with a dropdown of the latest to read and mark read.
// The inbox is read from REST on start and on every (re)connect; the socket says what changed.

import { ApiError, LiveSocket, onHubBack, post, request } from "./api.js";
import { $, ago, h } from "./util.js";

const LATEST = 10;
const PREVIEW = 160;

class Bell {
  constructor(root) {
    this.root = root;
    this.button = $("#bell-button", root);
    this.count = $("#bell-count", root);
    this.menu = $("#bell-menu", root);
    this.items = [];
    this.unread = 0;
    this.loaded = false;
    this.error = null;
  }

  start() {
    this.root.hidden = false;
    this.button.addEventListener("click", () => (this.menu.hidden ? this.open() : this.close()));
    document.addEventListener("click", (event) => {
      if (!this.root.contains(event.target)) this.close();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !this.menu.hidden) {
        this.close();
        this.button.focus();
      }
    });
    this.load().then((available) => {
      if (!available) return;
      this.socket = new LiveSocket("/ws/notifications", {
        label: "Live notifications",
        onEvent: (event) => this.apply(event),
        onOpen: () => this.load(),
      }).start();
    });
    onHubBack(() => this.load());
    return this;
  }

  async load() {
    try {
      const body = await request(`/notifications/inbox?size=${LATEST}`);
      this.items = body.data;
      this.unread = body.unread_count;
      this.error = null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        // A hub without notifications: no bell.
        this.root.hidden = true;
        return false;
      }
      this.error = error.message;
    }
    this.loaded = true;
    this.render();
    return true;
  }

  apply(event) {
    if (event.type === "notification.created" && event.item) {
      this.items = [event.item, ...this.items.filter((item) => item.id !== event.item.id)].slice(0, LATEST);
      this.unread = event.unread;
    } else if (event.type === "notification.read") {
      this.markedRead(event.all ? null : event.ids);
      this.unread = event.unread;
    } else {
      return;
    }
    this.render();
  }

  // ids: the items now read (null: all of them).
  markedRead(ids) {
    const now = new Date().toISOString();
    this.items = this.items.map((item) =>
      !item.read && (ids === null || ids.includes(item.id)) ? { ...item, read: true, read_at: now } : item,
    );
  }

  async read(item) {
    if (item.read) return;
    try {
      await post(`/notifications/inbox/${item.id}/read`);
      // The socket may have said so already, with the hub's count: count it once.
      if (this.items.some((shown) => shown.id === item.id && !shown.read)) {
        this.markedRead([item.id]);
        this.unread = Math.max(0, this.unread - 1);
      }
      this.error = null;
    } catch (error) {
      this.error = error.message;
    }
    this.render();
  }

  async readAll() {
    try {
      const result = await post("/notifications/inbox/read-all");
      this.markedRead(null);
      this.unread = result.unread_count;
      this.error = null;
    } catch (error) {
      this.error = error.message;
    }
    this.render();
  }

  open() {
    this.menu.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    this.render();
  }

  close() {
    if (this.menu.hidden) return;
    this.menu.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
  }

  render() {
    const shown = this.unread > 99 ? "99+" : String(this.unread);
    this.count.textContent = shown;
    this.count.hidden = this.unread === 0;
    this.button.setAttribute("aria-label", this.unread ? `Notifications, ${this.unread} unread` : "Notifications");
    if (this.menu.hidden) return;
    const head = h(
      "div",
      { class: "bell-head" },
      h("strong", {}, "Notifications"),
      this.unread
        ? h("button", { type: "button", class: "link-button", id: "bell-read-all", onclick: () => this.readAll() }, "Mark all read")
        : null,
    );
    let body;
    if (!this.loaded) body = h("p", { class: "empty" }, "Loading…");
    else if (!this.items.length) body = h("p", { class: "empty" }, "No notifications yet.");
    else body = h("ul", { class: "bell-list" }, this.items.map((item) => this.row(item)));
    const error = this.error ? [h("p", { class: "error small" }, this.error)] : [];
    this.menu.replaceChildren(head, ...error, body);
  }

  row(item) {
    const n = item.notification;
    const text = n.content_text.length > PREVIEW ? `${n.content_text.slice(0, PREVIEW)}…` : n.content_text;
    return h(
      "li",
      { class: item.read ? "bell-item" : "bell-item unread", dataset: { itemId: item.id } },
      h(
        "div",
        { class: "bell-item-head" },
        h("span", { class: `badge badge-${n.severity}` }, n.severity),
        h("strong", {}, n.subject),
      ),
      text ? h("div", { class: "bell-text" }, text) : null,
      h(
        "div",
        { class: "muted small" },
        ago(item.delivered_at || n.created_at),
        item.read
          ? " · read"
          : h("button", { type: "button", class: "link-button bell-mark", onclick: () => this.read(item) }, "Mark read"),
      ),
    );
  }
}

let bell = null;
export function startBell() {
  const root = document.getElementById("bell");
  if (!root || bell) return bell;
  bell = new Bell(root).start();
  return bell;
}
