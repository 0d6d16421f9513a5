// Cart Recovery merchant dashboard. Plain JS, no CDN: every string from a shop or a shopper enters the DOM as text
// (el() never parses HTML), every API call carries a session token as a Bearer header (App Bridge's shopify.idToken()
// inside Shopify admin, the development login locally), and the page holds no cookie.
// The dashboard's helpers: text-only DOM, formatting, session token and API, SVG charts. Classic scripts loaded in order
// (app-core.js, app-pages.js, app-settings.js): their top-level declarations are shared.
"use strict";
const SVG = "http://www.w3.org/2000/svg";
const TARGETS = { openRate: 0.25, clickRate: 0.05, recoveryRate: null };
const state = { shop: document.querySelector('meta[name="cartrecovery-shop"]').content || "", dev: null, config: null };

// ---------- DOM helpers (text only) ----------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "className") node.className = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}
function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
const main = () => document.getElementById("main");
function render(...children) { const m = main(); m.replaceChildren(); append(m, children); }

// ---------- formatting (the browser's locale; money in the shop's currency) ----------
const locale = navigator.language || "en";
const money = (v, currency) => v === null || v === undefined ? "–" : new Intl.NumberFormat(locale, { style: "currency", currency: currency || "USD" }).format(v);
const pct = (v, digits = 1) => v === null || v === undefined || !isFinite(v) ? "–" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(v);
const num = (v) => v === null || v === undefined ? "–" : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
const when = (v) => v ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(v)) : "–";
const day = (v) => new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }).format(new Date(v + "T00:00:00"));
const isoDay = (d) => d.toISOString().slice(0, 10);

// ---------- session token and API ----------
async function sessionToken() {
  if (window.shopify && typeof window.shopify.idToken === "function") return await window.shopify.idToken();
  if (state.dev && state.dev.expires - Date.now() > 10000) return state.dev.token;
  const r = await fetch("/api/app/dev-session", { method: "POST", headers: { Accept: "application/json" } });
  if (!r.ok) throw new ApiError(r.status, "Open this app from your Shopify admin (no App Bridge here, and the development login is not enabled).");
  const body = await r.json();
  state.dev = { token: body.token, expires: new Date(body.expiresAt).getTime() };
  if (!state.shop) state.shop = body.shop;
  return body.token;
}
class ApiError extends Error { constructor(status, message, problem) { super(message); this.status = status; this.problem = problem; } }
async function api(path, options = {}) {
  const token = await sessionToken();
  const headers = { Accept: "application/json", Authorization: "Bearer " + token };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const r = await fetch(`/api/stores/${encodeURIComponent(state.shop)}/${path}`, {
    method: options.method || "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: "omit",
  });
  const type = r.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await r.json().catch(() => null) : await r.text();
  if (!r.ok) throw new ApiError(r.status, (body && (body.detail || body.title)) || `HTTP ${r.status}`, body);
  return body;
}
/** The route may belong to a part of the product that is not there yet: null on 404/405/501, so the page says so. */
async function optional(path, options) {
  try { return await api(path, options); } catch (e) { if ([404, 405, 501].includes(e.status)) return null; throw e; }
}
const items = (body) => Array.isArray(body) ? body : (body && (body.items || body.experiments || body.requests || body.approvals || body.points || body.days || body.series)) || [];
const notAvailable = (what) => el("p", { className: "notice", role: "status" }, `${what}: not available yet on this server.`);
const failure = (e) => el("p", { className: "error", role: "alert" }, e instanceof ApiError ? `Could not load (${e.status}): ${e.message}` : `Could not load: ${e.message}`);

async function loadConfig() { if (!state.config) state.config = await api("config"); return state.config; }

// ---------- charts ----------
function lineChart(title, points, format) {
  const w = 600, h = 220, pad = { l: 56, r: 12, t: 12, b: 28 };
  const values = points.map((p) => p.value).filter((v) => v !== null && isFinite(v));
  const max = Math.max(...values, 0) || 1;
  const x = (i) => pad.l + (points.length < 2 ? 0 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (v) => h - pad.b - (v / max) * (h - pad.t - pad.b);
  const path = points.map((p, i) => (p.value === null ? null : `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)).filter(Boolean).join(" ");
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  return el("figure", { className: "card chart" },
    el("figcaption", {}, el("h3", {}, title)),
    svg("svg", { viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": `${title}, ${points.length} days, highest ${format(max)}`, preserveAspectRatio: "none" },
      svg("line", { class: "axis", x1: pad.l, y1: h - pad.b, x2: w - pad.r, y2: h - pad.b }),
      svg("line", { class: "axis", x1: pad.l, y1: pad.t, x2: pad.l, y2: h - pad.b }),
      svg("text", { x: 4, y: pad.t + 10 }, format(max)), svg("text", { x: 4, y: h - pad.b }, format(0)),
      points.map((p, i) => i % labelEvery === 0 ? svg("text", { x: x(i) - 14, y: h - 8 }, day(p.date)) : null),
      svg("path", { d: path, fill: "none", stroke: "#005bd3", "stroke-width": 2 }),
      points.map((p, i) => p.value === null ? null : svg("circle", { cx: x(i), cy: y(p.value), r: 2.5, fill: "#005bd3" }, svg("title", {}, `${day(p.date)}: ${format(p.value)}`)))));
}
function sparkline(points) {
  const w = 200, h = 48, vals = points.map((p) => p.value ?? 0), max = Math.max(...vals, 0) || 1;
  const d = vals.map((v, i) => `${i === 0 ? "M" : "L"}${((i * w) / Math.max(1, vals.length - 1)).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(" ");
  return svg("svg", { viewBox: `0 0 ${w} ${h}`, "aria-hidden": "true", preserveAspectRatio: "none" }, svg("path", { d, fill: "none", stroke: "#005bd3", "stroke-width": 1.5 }));
}
function funnel(stages) {
  const w = 600, barH = 30, gap = 8, h = stages.length * (barH + gap), max = Math.max(...stages.map((s) => s.value || 0), 1);
  return el("figure", { className: "card funnel" }, el("figcaption", {}, el("h3", {}, "Funnel")),
    svg("svg", { viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": stages.map((s) => `${s.label} ${num(s.value)}`).join(", ") },
      stages.map((s, i) => {
        const bw = Math.max(2, ((s.value || 0) / max) * (w - 230));
        const yy = i * (barH + gap);
        return svg("g", {},
          svg("text", { x: 0, y: yy + 20 }, s.label),
          svg("rect", { x: 110, y: yy, width: bw, height: barH, fill: ["#5b8def", "#4a7de0", "#386bd0", "#2659c0", "#0a7a3d"][i % 5], rx: 3 }),
          svg("text", { x: 116 + bw, y: yy + 20 }, num(s.value)));
      })));
}

