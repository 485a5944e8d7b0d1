// The chat page (/chat, /chat/{room}): the user's rooms with unread and mention badges, the
// room's messages (older pages as one scrolls up), a thread panel, the composer with slash
// command completion, and everything live over one socket (chat-live.js) that reconnects
// without losing an event. See docs/dashboard.md ("Chat").

import { ApiError, get, getAll, onHubBack, post, trouble, resolved } from "./api.js";
import { ChatLive } from "./chat-live.js";
import { Composer, slashCommands } from "./chat-composer.js";
import { Timeline } from "./chat-timeline.js";
import { startPage } from "./page.js";
import { $, debounce, h } from "./util.js";

const me = await startPage();

const rooms = new Map(); // the user's rooms (GET /rooms), with their badges
let room = null; // the room shown (maybe one the user has not joined: a public room)
let timeline = null;
let composer = null;
let thread = null; // { root, timeline, composer }
const typing = new Map(); // user id → { username, until }

// ---- Rooms ----------------------------------------------------------------------------------

async function loadRooms() {
  let mine;
  try {
    mine = await getAll("/rooms");
  } catch (error) {
    $("#room-list").replaceChildren(h("p", { class: "error small" }, roomsError(error)));
    return;
  }
  rooms.clear();
  for (const r of mine) rooms.set(r.id, r);
  for (const r of mine) live.follow(r.id, r.last_event_id);
  paintRooms();
  if (me?.role === "admin") loadOtherRooms();
}

function roomsError(error) {
  return error.status === 404 ? "Chat is not available on this hub." : `Rooms could not be read: ${error.message}`;
}

// Admins see every room (GET /rooms/all); the ones they are not in are listed apart.
async function loadOtherRooms() {
  let all;
  try {
    all = await getAll("/rooms/all?archived=false");
  } catch {
    return;
  }
  const others = all.filter((r) => !rooms.has(r.id));
  $("#other-rooms").hidden = others.length === 0;
  $("#other-room-list").replaceChildren(...others.map((r) => roomLink(r)));
}

function roomLink(r) {
  const unread = r.unread_count || 0;
  const mentions = r.mention_count || 0;
  return h(
    "a",
    {
      class: `room-link${unread ? " room-unread" : ""}`,
      href: `/chat/${r.id}`,
      dataset: { roomId: r.id },
      "aria-current": room && room.id === r.id ? "page" : null,
    },
    h("span", { class: "room-link-name" }, r.private ? "🔒 " : "# ", r.name),
    mentions ? h("span", { class: "badge badge-mention", title: `${mentions} mentioning you` }, `@${mentions}`) : null,
    unread ? h("span", { class: "badge badge-unread", title: `${unread} unread` }, String(unread)) : null,
  );
}

function paintRooms() {
  const list = [...rooms.values()].sort((a, b) => a.name.localeCompare(b.name));
  $("#room-list").replaceChildren(...list.map((r) => roomLink(r)));
  if (!list.length) $("#room-list").append(h("p", { class: "empty" }, "You are in no room yet. Create one."));
  const unread = list.reduce((n, r) => n + (r.unread_count || 0), 0);
  document.title = `${unread ? `(${unread}) ` : ""}${room ? room.name : "Chat"} · ChatOps`;
}

const reloadRooms = debounce(loadRooms, 300);

function clickRoom(event) {
  const link = event.target.closest("a[data-room-id]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  openRoom(Number(link.dataset.roomId), { push: true });
}
$("#room-list").addEventListener("click", clickRoom);
$("#other-room-list").addEventListener("click", clickRoom);

// ---- New room -------------------------------------------------------------------------------

$("#room-new").addEventListener("click", () => {
  $("#room-form").hidden = false;
  $("#room-form-name").focus();
});
$("#room-form-cancel").addEventListener("click", () => ($("#room-form").hidden = true));
$("#room-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = $("#room-form-error");
  error.hidden = true;
  try {
    const made = await post("/rooms", {
      name: $("#room-form-name").value.trim(),
      topic: $("#room-form-topic").value.trim(),
      private: $("#room-form-private").checked,
    });
    $("#room-form").reset();
    $("#room-form").hidden = true;
    await loadRooms();
    openRoom(made.id, { push: true });
  } catch (failure) {
    const errors = failure instanceof ApiError ? failure.body?.errors : null;
    error.textContent = errors?.length ? errors.map((e) => e.message).join(" ") : failure.message;
    error.hidden = false;
  }
});

// ---- The room shown -------------------------------------------------------------------------

async function openRoom(roomId, { push = false, replace = false } = {}) {
  if (location.pathname !== `/chat/${roomId}`) {
    if (push) history.pushState(null, "", `/chat/${roomId}`);
    else if (replace) history.replaceState(null, "", `/chat/${roomId}`);
  }
  closeThread();
  timeline?.close();
  timeline = null;
  typing.clear();
  paintTyping();
  if (room && !rooms.has(room.id) && room.id !== roomId) live.unfollow(room.id); // a room only looked at
  try {
    room = rooms.get(roomId) || (await get(`/rooms/${roomId}`));
  } catch (error) {
    room = null;
    showNoRoom(error.status === 404 ? "No such room, or you may not see it." : `The room could not be read: ${error.message}`);
    return;
  }
  resolved("chat-room");
  paintRooms();
  paintHead();
  live.follow(room.id, room.last_event_id);
  timeline = new Timeline($("#timeline"), { roomId: room.id, onThread: openThread });
  const member = rooms.has(room.id);
  composer = member
    ? new Composer($("#composer-box"), {
        roomId: room.id,
        onSent: (message) => {
          timeline?.upsert(message);
          // A command's answers come in a thread under it: follow them there.
          if (message.message_type === "command") openThread(message);
        },
        onTyping: () => live.typing(room.id),
      })
    : null;
  if (!member) {
    $("#composer-box").replaceChildren(
      h("p", { class: "muted" }, room.private ? "You are not a member of this room." : "Join the room to write in it."),
    );
  }
  try {
    await timeline.loadNewest();
  } catch {
    return;
  }
  markReadNow(); // the room opens on its newest message
  composer?.focus();
  loadMembers();
}

function showNoRoom(text) {
  $("#room-name").textContent = "Chat";
  $("#room-topic").textContent = "";
  members = [];
  paintMembers();
  $("#room-join").hidden = true;
  $("#room-leave").hidden = true;
  $("#timeline").replaceChildren(h("p", { class: "empty" }, text));
  $("#composer-box").replaceChildren();
  paintRooms();
}

function paintHead() {
  if (!room) return;
  $("#room-name").textContent = `${room.private ? "🔒 " : "# "}${room.name}`;
  $("#room-topic").textContent = room.archived ? `${room.topic} (archived)` : room.topic;
  const member = rooms.has(room.id);
  $("#room-join").hidden = member || room.archived;
  $("#room-leave").hidden = !member;
}

let members = []; // the room shown's members: { user: {id, username}, role }
const presence = new Map(); // user id → "online" | "away" | "offline", as the hub says

async function loadMembers() {
  if (!room) return;
  const roomId = room.id;
  try {
    const list = await getAll(`/rooms/${roomId}/members`);
    if (room?.id !== roomId) return;
    members = list;
  } catch {
    members = [];
  }
  paintMembers();
}

// "4 members: ● olga, ● otto, ops …": who is here now first.
function paintMembers() {
  const box = $("#room-members");
  if (!members.length) {
    box.replaceChildren();
    return;
  }
  const rank = { online: 0, away: 1 };
  // This page is the user here, whatever the hub has said of their other sessions.
  const state = (m) => (m.user.id === me?.id ? "online" : presence.get(m.user.id) || "offline");
  const sorted = [...members].sort(
    (a, b) => (rank[state(a)] ?? 2) - (rank[state(b)] ?? 2) || a.user.username.localeCompare(b.user.username),
  );
  const shown = sorted.slice(0, 8).flatMap((m, i) => [
    i ? ", " : "",
    h("span", { class: `member member-${state(m)}`, title: state(m), dataset: { userId: m.user.id } }, m.user.username),
  ]);
  box.replaceChildren(
    `${members.length} ${members.length === 1 ? "member" : "members"}: `,
    ...shown,
    members.length > 8 ? ` and ${members.length - 8} more` : "",
  );
}

function heardPresence(event) {
  if (!event.user) return;
  presence.set(event.user.id, event.state);
  paintMembers();
}

// This tab's state: away while hidden.
document.addEventListener("visibilitychange", () => {
  live.presence(document.visibilityState === "visible" ? "online" : "away");
});

// Join or leave the room shown, then read the list again and show the room as it now is.
async function joinOrLeave(verb) {
  const roomId = room.id;
  try {
    await post(`/rooms/${roomId}/${verb}`);
  } catch (error) {
    trouble("chat-room", `Could not ${verb}: ${error.message}`);
    return;
  }
  rooms.delete(roomId);
  await loadRooms();
  openRoom(roomId);
}
$("#room-join").addEventListener("click", () => joinOrLeave("join"));
$("#room-leave").addEventListener("click", () => joinOrLeave("leave"));

// Move the read marker when the newest message of the room shown is on screen.
async function markReadNow() {
  if (!room || !rooms.has(room.id) || document.visibilityState !== "visible" || !timeline) return;
  const mine = rooms.get(room.id);
  const newest = timeline.newestId();
  if (!newest || !timeline.atBottom()) return;
  if (mine.read_up_to >= newest) return;
  mine.read_up_to = newest;
  try {
    await post(`/rooms/${room.id}/read`, { message_id: newest });
  } catch {
    return;
  }
  mine.unread_count = 0;
  mine.mention_count = 0;
  paintRooms();
}
const markRead = debounce(markReadNow, 400);
document.addEventListener("visibilitychange", markRead);
$("#timeline").addEventListener("scroll", markRead);

// ---- Threads --------------------------------------------------------------------------------

function openThread(root) {
  if (!room) return;
  if (thread?.root.id === root.id) {
    thread.composer?.focus();
    return;
  }
  closeThread();
  $("#thread").hidden = false;
  document.body.classList.add("thread-open");
  const t = new Timeline($("#thread-timeline"), { roomId: room.id, threadId: root.id, root });
  const c = rooms.has(room.id)
    ? new Composer($("#thread-composer-box"), {
        roomId: room.id,
        threadId: root.id,
        label: "Reply",
        onSent: (message) => t.upsert(message),
        onTyping: () => live.typing(room.id),
      })
    : null;
  if (!c) $("#thread-composer-box").replaceChildren();
  thread = { root, timeline: t, composer: c };
  t.loadNewest().catch(() => {});
  c?.focus();
}

function closeThread() {
  if (!thread) return;
  thread.timeline.close();
  thread = null;
  $("#thread").hidden = true;
  document.body.classList.remove("thread-open");
}
$("#thread-close").addEventListener("click", closeThread);

// ---- Live -----------------------------------------------------------------------------------

function heard(event) {
  const roomId = event.room_id;
  switch (event.type) {
    case "message.created":
    case "message.updated":
    case "message.deleted":
      return heardMessage(event);
    case "room.updated":
      if (rooms.has(roomId)) rooms.set(roomId, { ...rooms.get(roomId), ...event.data });
      if (room?.id === roomId) room = { ...room, ...event.data };
      paintRooms();
      return paintHead();
    case "member.joined":
    case "member.left":
      if (event.data?.user?.id === me?.id) reloadRooms(); // this user, from another session
      if (room?.id === roomId) loadMembers();
      return;
    case "read.updated": {
      const mine = rooms.get(roomId);
      if (mine && timelineNewest(roomId) !== null && event.last_read_id >= timelineNewest(roomId)) {
        mine.unread_count = 0;
        mine.mention_count = 0;
        paintRooms();
      } else reloadRooms();
      return;
    }
    case "typing":
      return heardTyping(event);
    case "presence":
      return heardPresence(event);
    default:
      return;
  }
}

function timelineNewest(roomId) {
  return room?.id === roomId && timeline ? timeline.newestId() : null;
}

function heardMessage(event) {
  const message = event.data;
  const roomId = event.room_id;
  let fresh = false;
  if (room?.id === roomId && timeline) fresh = timeline.upsert(message, event.event_id);
  if (thread && room?.id === roomId) thread.timeline.upsert(message, event.event_id);
  if (message.author && typing.delete(message.author.id)) paintTyping();
  const mine = rooms.get(roomId);
  if (!mine || event.type !== "message.created") return;
  if (!message.thread_id) mine.last_message = message;
  const fromOthers = message.author?.id !== me?.id && message.message_type !== "system";
  const seen = room?.id === roomId && document.visibilityState === "visible" && fresh && timeline.atBottom();
  if (fromOthers && !seen) {
    if (!message.thread_id) mine.unread_count = (mine.unread_count || 0) + 1;
    if (message.mentions?.includes(me?.username)) mine.mention_count = (mine.mention_count || 0) + 1;
    paintRooms();
  }
  if (room?.id === roomId) markRead();
}

function heardTyping(event) {
  if (event.user?.id === me?.id || room?.id !== event.room_id) return;
  typing.set(event.user.id, { username: event.user.username, until: Date.now() + 6000 });
  paintTyping();
}

function paintTyping() {
  const now = Date.now();
  for (const [id, who] of typing) if (who.until < now) typing.delete(id);
  const names = [...typing.values()].map((who) => who.username);
  $("#typing").textContent = names.length
    ? `${names.join(", ")} ${names.length === 1 ? "is" : "are"} typing…`
    : "";
}
setInterval(paintTyping, 1000);

// A room too far behind to replay: read it again.
function resync(roomId) {
  reloadRooms();
  if (room?.id !== roomId) return;
  timeline?.loadNewest().catch(() => {});
  thread?.timeline.loadNewest().catch(() => {});
}

const live = new ChatLive({
  onEvent: heard,
  onResync: resync,
  onGone: (roomId) => {
    rooms.delete(roomId);
    paintRooms();
    if (room?.id === roomId) showNoRoom("No such room, or you may not see it any more.");
  },
});

// ---- Go -------------------------------------------------------------------------------------

window.addEventListener("popstate", () => {
  const match = /^\/chat\/(\d+)$/.exec(location.pathname);
  if (match) openRoom(Number(match[1]));
});
onHubBack(() => {
  // The socket replays what was missed; the badges are read again.
  reloadRooms();
});

await loadRooms();
live.start();
slashCommands(); // read once, before the first "/"
const wanted = Number(document.body.dataset.roomId) || null;
const first = wanted || [...rooms.values()].sort((a, b) => a.name.localeCompare(b.name))[0]?.id;
if (first) openRoom(first, { replace: true });
else showNoRoom(rooms.size ? "Pick a room." : "No room yet: create one on the left.");
