// Metric values for people: rounded, with the unit the hub gives (GET /metrics/catalog,
// metric_unit on thresholds and alerts). The API keeps full precision; only the page rounds.

import { bytes, duration, rate } from "./util.js";

// At most two decimals, none when they are zeros: 86.55000000000001 → "86.55", 27 → "27".
export function rounded(value) {
  if (value === undefined || value === null || !Number.isFinite(value)) return "–";
  const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

export function withUnit(value, unit = "") {
  if (value === undefined || value === null) return "–";
  if (unit === "bytes") return bytes(value);
  if (unit === "bytes/s") return rate(value);
  if (unit === "s" && Math.abs(value) >= 60) return duration(value);
  return unit ? `${rounded(value)} ${unit}` : rounded(value);
}

// "Disk used (/home)" with the name as written when the hub gives no label.
export function metricLabel(label, name) {
  return label || name || "";
}
