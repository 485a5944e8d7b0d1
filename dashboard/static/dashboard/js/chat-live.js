// The chat socket (/api/v1/ws/chat): one for the page, subscribed to every room the page
// follows. Each room's events carry the room's monotonic event_id; the page remembers the
// last one it saw per room, and every (re)connect subscribes with it, so the hub replays what
// was sent while the socket was away (the channel layer alone is at most once). A gap too long
// to replay answers `resync`: the page reloads that room by REST. Protocol: docs/chat.md.

import { LiveSocket } from "./api.js";

// Stored in the room's log, so they move the room's last event id (typing and presence carry
// the current id but are not replayed: they never move it).
const STORED = new Set(["message.created", "message.updated", "message.deleted", "room.updated", "member.joined", "member.left"]);

export class ChatLive {
  // onEvent(event): a room event (or read.updated, typing, presence). onResync(roomId): reload
  // the room by REST. onGone(roomId): the hub says the user may not see the room.
  constructor({ onEvent, onResync, onGone } = {}) {
    this.onEvent = onEvent || (() => {});
    this.onResync = onResync || (() => {});
    this.onGone = onGone || (() => {});
    this.last = new Map(); // room id → the last event id seen (null: from now on)
    this.ready = new Set(); // rooms the hub confirmed (replay done)
    this.seen = new Map(); // room id → the stored event ids already passed on
    this.socket = new LiveSocket("/ws/chat", {
      label: "Live chat",
      onEvent: (event) => this.heard(event),
      onOpen: () => this.subscribeAll(),
    });
  }

  start() {
    this.socket.start();
    return this;
  }

  // Follow a room from `eventId` on (the room's last_event_id when its messages were read);
  // a room already followed keeps the later of the two.
  follow(roomId, eventId = null) {
    const known = this.last.get(roomId);
    if (known === undefined || (eventId !== null && (known === null || eventId > known))) this.last.set(roomId, eventId);
    if (known !== undefined) return;
    this.socket.send({ type: "subscribe", rooms: [{ room_id: roomId, last_event_id: this.last.get(roomId) }] });
  }

  unfollow(roomId) {
    if (!this.last.delete(roomId)) return;
    this.ready.delete(roomId);
    this.socket.send({ type: "unsubscribe", room_ids: [roomId] });
  }

  following(roomId) {
    return this.last.has(roomId);
  }

  subscribeAll() {
    this.ready.clear();
    const rooms = [...this.last.entries()].map(([room_id, last_event_id]) => ({ room_id, last_event_id }));
    if (rooms.length) this.socket.send({ type: "subscribe", rooms });
  }

  presence(state) {
    this.socket.send({ type: "presence", state });
  }

  typing(roomId) {
    this.socket.send({ type: "typing", room_id: roomId });
  }

  heard(event) {
    const roomId = event.room_id;
    if (event.type === "subscribed") {
      this.ready.add(roomId);
      this.advance(roomId, event.event_id);
      return;
    }
    if (event.type === "resync") {
      this.last.set(roomId, event.event_id);
      this.ready.add(roomId);
      this.onResync(roomId);
      return;
    }
    if (event.type === "error") {
      if (event.code === "not_found" && roomId !== undefined) {
        this.last.delete(roomId);
        this.onGone(roomId);
      }
      return;
    }
    if (STORED.has(event.type)) {
      if (!this.last.has(roomId)) return; // unfollowed meanwhile
      if (this.seenBefore(roomId, event.event_id)) return; // a replay overlapping the live stream
      this.advance(roomId, event.event_id);
    }
    this.onEvent(event);
  }

  // Each stored event once, whatever order replay and live stream interleave in.
  seenBefore(roomId, eventId) {
    let seen = this.seen.get(roomId);
    if (!seen) this.seen.set(roomId, (seen = new Set()));
    if (seen.has(eventId)) return true;
    seen.add(eventId);
    if (seen.size > 2000) [...seen].slice(0, 1000).forEach((id) => seen.delete(id));
    return false;
  }

  advance(roomId, eventId) {
    if (!this.last.has(roomId) || typeof eventId !== "number") return;
    const known = this.last.get(roomId);
    if (known === null || eventId > known) this.last.set(roomId, eventId);
  }
}
