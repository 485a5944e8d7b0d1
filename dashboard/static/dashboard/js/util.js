// Small helpers: building DOM without innerHTML (data from agents is never parsed as HTML),
// and formatting numbers, sizes and times for people.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

export function percent(value) {
  return value === undefined || value === null ? "–" : `${value.toFixed(value < 10 ? 1 : 0)} %`;
}

export function bytes(value) {
  if (value === undefined || value === null) return "–";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(v < 10 && i > 0 ? 1 : 0)} ${units[i]}`;
}

export function rate(value) {
  return value === undefined || value === null ? "–" : `${bytes(value)}/s`;
}

export function number(value, digits = 2) {
  return value === undefined || value === null ? "–" : value.toFixed(digits);
}

export function duration(seconds) {
  if (seconds === undefined || seconds === null) return "–";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

// "12 s ago" from an ISO string or unix seconds.
export function ago(when) {
  const ms = toMillis(when);
  if (ms === null) return "never";
  return `${duration((Date.now() - ms) / 1000)} ago`;
}

export function toMillis(when) {
  if (when === undefined || when === null || when === "") return null;
  return typeof when === "number" ? when * 1000 : Date.parse(when);
}

export function clock(when) {
  const ms = toMillis(when);
  if (ms === null) return "–";
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString() : d.toLocaleString();
}

// Call fn at most once per animation frame, with the latest arguments.
export function perFrame(fn) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  };
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// A same-origin path to go back to after signing in; anything else becomes "/".
export function safeNext(raw) {
  return raw && raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\") ? raw : "/";
}
