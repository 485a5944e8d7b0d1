// The dashboard's link to the hub: tokens, REST calls, websockets, and the banner that says
// when the hub or a stream is out of reach. See docs/dashboard.md for the choices.

import { h, safeNext } from "./util.js";

const STORE = "chatops.auth";
// Refresh the access token a minute before it expires, or a fifth of its life for short ones.
const REFRESH_MARGIN_MS = 60_000;
const margin = (current) => Math.min(REFRESH_MARGIN_MS, (current.lifetime || 0) / 5);
const channel = "BroadcastChannel" in window ? new BroadcastChannel("chatops.auth") : null;

// ---- Tokens ---------------------------------------------------------------------------------
// Kept in sessionStorage: gone when the tab closes, never sent by the browser on its own (so no
// CSRF), readable only by scripts of this origin (the pages allow no other, see views.py).

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE));
  } catch {
    return null;
  }
}

export function save(pair) {
  const value = {
    access: pair.access_token,
    refresh: pair.refresh_token,
    expiresAt: Date.now() + pair.expires_in * 1000,
    lifetime: pair.expires_in * 1000,
    user: pair.user,
  };
  sessionStorage.setItem(STORE, JSON.stringify(value));
  scheduleRefresh();
  return value;
}

export function currentUser() {
  return session()?.user || null;
}

export function canOperate() {
  const role = currentUser()?.role;
  return role === "operator" || role === "admin";
}

let leaving = false; // signing out: nothing else may send the page elsewhere

export function toLogin(reason) {
  if (leaving) return new Promise(() => {});
  leaving = true;
  sessionStorage.removeItem(STORE);
  const next = location.pathname + location.search;
  const query = new URLSearchParams({ next });
  if (reason) query.set("reason", reason);
  location.assign(`/login?${query}`);
  return new Promise(() => {}); // the page is going away; nothing after this should run
}

export async function login(username, password) {
  const response = await fetch("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body);
  return save(body.data);
}

export async function logout() {
  const current = session();
  if (current) {
    try {
      await request("/auth/logout", { method: "POST", body: { refresh_token: current.refresh } });
    } catch {
      // Signing out locally still works when the hub is away; the refresh token expires.
    }
  }
  leaving = true;
  sessionStorage.removeItem(STORE);
  location.assign("/login");
}

let refreshing = null;

// Refresh tokens rotate: one use each. Tabs opened from this one start with a copy of its
// tokens, so refreshes are taken one at a time across tabs (Web Locks, where the browser has
// them) and the new pair is passed to every tab that held the old one.
async function refreshTokens() {
  const run = async () => {
    const before = session();
    if (!before) return toLogin();
    if (before.expiresAt - Date.now() > margin(before)) return before; // another tab did it
    let response;
    try {
      response = await fetch("/api/v1/auth/refresh", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ refresh_token: before.refresh }),
      });
    } catch {
      hubDown();
      throw new ApiError(0, { detail: "The hub cannot be reached." });
    }
    if (response.status === 401) return toLogin("expired");
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, body);
    const after = save(body.data);
    channel?.postMessage({ old: before.refresh, pair: body.data });
    return after;
  };
  if (!refreshing) {
    const locked = navigator.locks ? navigator.locks.request("chatops.refresh", run) : run();
    refreshing = locked.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

if (channel) {
  channel.onmessage = (event) => {
    const { old, pair } = event.data || {};
    if (old && session()?.refresh === old) save(pair);
  };
}

let refreshTimer = null;
function scheduleRefresh(wait = null) {
  clearTimeout(refreshTimer);
  const current = session();
  if (!current) return;
  const due = wait ?? Math.max(1000, current.expiresAt - Date.now() - margin(current));
  // A failed refresh (the hub away) is tried again every 5 s; a refused one signs out.
  refreshTimer = setTimeout(() => refreshTokens().catch(() => scheduleRefresh(5000)), due);
}
scheduleRefresh(); // a page opened with a session already there

export async function accessToken() {
  const current = session();
  if (!current) return toLogin();
  if (current.expiresAt - Date.now() > margin(current) / 2) return current.access;
  return (await refreshTokens()).access;
}

// ---- REST -----------------------------------------------------------------------------------

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || `The hub answered ${status}.`);
    this.status = status;
    this.code = body?.error_code || (status === 0 ? "unreachable" : "error");
    this.body = body;
  }
}

// Calls /api/v1<path>; answers the whole envelope ({data, message, pagination}).
export async function request(path, { method = "GET", body, retry = true } = {}) {
  const token = await accessToken();
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    hubDown();
    throw new ApiError(0, { detail: "The hub cannot be reached." });
  }
  if (response.status === 401 && retry) {
    await refreshTokens();
    return request(path, { method, body, retry: false });
  }
  if (response.status === 401) return toLogin("expired");
  const parsed = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

export async function get(path) {
  return (await request(path)).data;
}

export async function post(path, body = {}) {
  return (await request(path, { method: "POST", body })).data;
}

// Every page of a list (size 100, the most the API gives at once).
export async function getAll(path) {
  const sep = path.includes("?") ? "&" : "?";
  const items = [];
  for (let page = 1; page < 1000; page += 1) {
    const body = await request(`${path}${sep}size=100&page=${page}`);
    items.push(...body.data);
    if (!body.pagination?.has_next) break;
  }
  return items;
}

// ---- The banner and the hub's health --------------------------------------------------------

const problems = new Map();

function renderBanner() {
  const banner = document.getElementById("banner");
  if (!banner) return;
  // With the hub away, its streams are away too: one message says it all.
  const shown = problems.has("hub") ? [problems.get("hub")] : [...problems.values()];
  banner.replaceChildren(...shown.map((text) => h("div", {}, text)));
  banner.hidden = shown.length === 0;
}

export function trouble(key, text) {
  problems.set(key, text);
  renderBanner();
}

export function resolved(key) {
  if (problems.delete(key)) renderBanner();
}

const hubListeners = new Set();
// fn() runs when the hub answers again after being unreachable: reload what may have been missed.
export function onHubBack(fn) {
  hubListeners.add(fn);
}

// Probe /api/v1/health with backoff until the hub answers. `failed`: a request already failed,
// so the page reloads its data when the hub is back even if the first probe succeeds.
let probing = false;
export function hubDown(failed = true) {
  if (probing) return;
  probing = true;
  let delay = 1000;
  let away = failed;
  const probe = async () => {
    try {
      const response = await fetch("/api/v1/health", { cache: "no-store" });
      if (response.ok) {
        probing = false;
        resolved("hub");
        if (away) hubListeners.forEach((fn) => fn());
        return;
      }
      trouble("hub", "The hub answers but reports a problem (database or channel layer). Retrying…");
    } catch {
      trouble("hub", `The hub cannot be reached. Retrying in ${Math.round(delay / 1000)} s…`);
    }
    away = true;
    setTimeout(probe, delay);
    delay = Math.min(delay * 2, 15_000);
  };
  if (failed) trouble("hub", "The hub cannot be reached. Retrying…");
  probe();
}

// ---- Websockets -----------------------------------------------------------------------------

// A browser stream that reconnects by itself with backoff (1 s doubling to 30 s, with jitter)
// and says so in the banner. onOpen runs on every (re)connect: streams are at most once, so a
// page reloads from REST what it may have missed while away.
export class LiveSocket {
  constructor(path, { label, onEvent, onOpen, onGiveUp } = {}) {
    this.path = path;
    this.label = label || "Live updates";
    this.onEvent = onEvent || (() => {});
    this.onOpen = onOpen || (() => {});
    this.onGiveUp = onGiveUp || (() => {});
    this.attempts = 0;
    this.stopped = false;
    this.key = `socket:${path}`;
    this.ws = null;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    resolved(this.key);
    if (this.ws) this.ws.close(1000);
  }

  // A JSON frame to the hub; false when the socket is not open (onOpen sends again).
  send(message) {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  async connect() {
    let token;
    try {
      token = await accessToken();
    } catch {
      this.retry();
      return;
    }
    if (this.stopped) return;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const ws = new WebSocket(`${scheme}://${location.host}/api/v1${this.path}`, ["bearer", token]);
    this.ws = ws;
    ws.onopen = () => {
      this.attempts = 0;
      this.openedAt = Date.now();
      resolved(this.key);
      this.onOpen();
    };
    ws.onmessage = (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      this.onEvent(event);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws || this.stopped) return;
      if (event.code === 4403 || event.code === 4404) {
        this.stopped = true;
        this.onGiveUp(event.code);
        return;
      }
      if (event.code === 4401) refreshTokens().catch(() => {});
      this.retry();
    };
  }

  retry() {
    if (this.stopped) return;
    hubDown(false); // is it the stream, or the whole hub?
    const delay = Math.min(30_000, 1000 * 2 ** this.attempts) * (0.8 + Math.random() * 0.4);
    this.attempts += 1;
    trouble(this.key, `${this.label}: disconnected. Reconnecting in ${Math.max(1, Math.round(delay / 1000))} s…`);
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
