// A scrolling list of messages: a room's main flow, or the replies of one thread. The newest
// page first (GET /messages?room_id=&size=50, with thread_id= for a thread), older pages as the
// user scrolls up (before=<the oldest id shown>). Messages from the socket are put in place by
// id: a new one at the end, an edited one (a streamed command result, a card whose alert or
// approval changed) replaced where it is.

import { request } from "./api.js";
import { messageElement } from "./chat-message.js";
import { h } from "./util.js";

export const PAGE = 50;
const NEAR_TOP = 120; // px from the top that loads the previous page
const NEAR_BOTTOM = 80; // px from the bottom that counts as "following the newest"

export class Timeline {
  // el: the scrolling box. roomId, threadId (null: the main flow). root: the thread's first
  // message, drawn on top (threads only). onThread(message): open a message's thread.
  constructor(el, { roomId, threadId = null, root = null, onThread = null } = {}) {
    this.el = el;
    this.roomId = roomId;
    this.threadId = threadId;
    this.root = root;
    this.onThread = onThread;
    this.messages = new Map();
    this.elements = new Map();
    this.versions = new Map(); // message id → the last event id applied to it
    this.hasOlder = false;
    this.loading = null;
    this.during = null; // messages heard while a page is read: newer than what it says
    this.closed = false;
    this.onScroll = () => {
      if (this.el.scrollTop < NEAR_TOP && this.hasOlder && !this.loading) this.loadOlder();
    };
    el.addEventListener("scroll", this.onScroll);
    el.replaceChildren(h("p", { class: "empty" }, "Loading…"));
  }

  close() {
    this.closed = true;
    this.el.removeEventListener("scroll", this.onScroll);
  }

  query(extra) {
    const params = new URLSearchParams({ room_id: this.roomId, size: PAGE, ...extra });
    if (this.threadId) params.set("thread_id", this.threadId);
    return `/messages?${params}`;
  }

  belongs(message) {
    if (message.room_id !== this.roomId) return false;
    if (this.threadId) return message.thread_id === this.threadId;
    return !message.thread_id;
  }

  // The newest page, replacing what is shown (opening the room, and after a resync).
  async loadNewest() {
    this.during = new Map();
    let body;
    try {
      body = await (this.loading = request(this.query({})));
    } catch (error) {
      this.loading = null;
      this.during = null;
      this.el.replaceChildren(h("p", { class: "error" }, `Messages could not be read: ${error.message}`));
      throw error;
    } finally {
      this.loading = null;
    }
    if (this.closed) return;
    const during = this.during;
    this.during = null;
    this.messages = new Map();
    this.elements = new Map();
    this.el.replaceChildren();
    this.hasOlder = hasMore(body);
    this.place(body.data);
    this.versions = new Map();
    during.forEach(([message, eventId]) => this.upsert(message, eventId));
    this.paintEdges();
    this.toBottom();
  }

  // The page before the oldest message shown, keeping what the user looks at in place.
  async loadOlder() {
    const oldest = Math.min(...this.messages.keys());
    if (!Number.isFinite(oldest)) return;
    let body;
    try {
      body = await (this.loading = request(this.query({ before: oldest })));
    } catch {
      return; // the banner says why; scrolling up again retries
    } finally {
      this.loading = null;
    }
    if (this.closed) return;
    const from = this.el.scrollHeight - this.el.scrollTop;
    this.hasOlder = hasMore(body);
    this.place(body.data);
    this.paintEdges();
    this.el.scrollTop = this.el.scrollHeight - from;
  }

  place(messages) {
    for (const message of messages) this.put(message);
  }

  // A message from the socket or from a send: placed, or redrawn where it is. Answers true when
  // it is new at the end (the page may mark it read).
  // eventId: the room event that carried it; an older event never undoes a newer one (a
  // replay that interleaves with the live stream).
  upsert(message, eventId = 0) {
    if ((this.versions.get(message.id) || 0) > eventId) return false;
    if (eventId) this.versions.set(message.id, eventId);
    if (!this.belongs(message)) {
      if (this.threadId && message.id === this.threadId) this.setRoot(message);
      return false;
    }
    if (this.during) this.during.set(message.id, [message, eventId]);
    if (this.loading && !this.messages.size) return false; // the first page is on its way
    const oldest = Math.min(...this.messages.keys());
    if (this.hasOlder && message.id < oldest) return false; // in a page not read yet
    const following = this.atBottom();
    const isNew = !this.messages.has(message.id) && message.id > (this.newestId() ?? 0);
    this.put(message);
    this.paintEdges();
    if (following) this.toBottom();
    return isNew;
  }

  put(message) {
    const el = messageElement(message, {
      onThread: this.onThread,
      inThread: Boolean(this.threadId),
      onChanged: (changed) => this.upsert(changed),
    });
    const old = this.elements.get(message.id);
    this.messages.set(message.id, message);
    this.elements.set(message.id, el);
    if (old) {
      old.replaceWith(el);
      return;
    }
    // In id order: the first shown message with a larger id comes after it.
    const next = [...this.elements.entries()].filter(([id]) => id > message.id).sort((a, b) => a[0] - b[0])[0];
    if (next) next[1].before(el);
    else this.el.append(el);
  }

  setRoot(message) {
    this.root = message;
    this.paintEdges();
  }

  // The thread's first message on top; "no messages" or "beginning of the room" markers.
  paintEdges() {
    this.el.querySelectorAll(":scope > .timeline-edge, :scope > .empty").forEach((el) => el.remove());
    if (this.hasOlder) {
      this.el.prepend(h("p", { class: "timeline-edge muted small" }, "Scroll up for older messages…"));
      return;
    }
    if (this.threadId && this.root) {
      const root = messageElement(this.root, { inThread: true });
      root.classList.add("thread-root");
      this.el.prepend(h("div", { class: "timeline-edge" }, root));
    } else if (!this.threadId) {
      const text = this.messages.size ? "The beginning of the room." : "No messages yet. Say hello.";
      this.el.prepend(h("p", { class: "timeline-edge muted small" }, text));
    }
  }

  newestId() {
    return this.messages.size ? Math.max(...this.messages.keys()) : null;
  }

  atBottom() {
    return this.el.scrollHeight - this.el.scrollTop - this.el.clientHeight < NEAR_BOTTOM;
  }

  toBottom() {
    this.el.scrollTop = this.el.scrollHeight;
  }
}

function hasMore(body) {
  if (body.pagination && "has_next" in body.pagination) return Boolean(body.pagination.has_next);
  return body.data.length >= PAGE;
}
