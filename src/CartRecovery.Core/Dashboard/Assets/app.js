// Cart Recovery merchant dashboard. Plain JS, no CDN: every string from a shop or a shopper enters the DOM as text
// (el() never parses HTML), every API call carries a session token as a Bearer header (App Bridge's shopify.idToken()
// inside Shopify admin, the development login locally), and the page holds no cookie.
"use strict";
(function () {
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

  // ---------- pages ----------
  async function overview() {
    const to = new Date(), from = new Date(Date.now() - 29 * 86400000);
    const range = `from=${isoDay(from)}&to=${isoDay(to)}`;
    const [analytics, active] = await Promise.all([optional(`analytics?${range}`), api("sequences?status=active&pageSize=200")]);
    const activeCount = items(active).length + (active.continuationToken ? "+" : "");
    const head = [el("h1", {}, "Overview"), el("p", { className: "muted" }, `Last 30 days (${isoDay(from)} to ${isoDay(to)}). Active recoveries now: `, el("strong", { id: "active-count" }, String(activeCount)))];
    if (!analytics) { render(head, notAvailable("Analytics (recovery rate, revenue, ROI, lift)")); return; }
    const cur = analytics.currency;
    const sent = analytics.messagesSent, delivered = analytics.messagesDelivered ?? sent;
    const openRate = analytics.openRate ?? (delivered ? (analytics.messagesOpened ?? 0) / delivered : null);
    const clickRate = analytics.clickRate ?? (delivered ? (analytics.messagesClicked ?? 0) / delivered : null);
    const lift = analytics.incrementalLift;
    const metrics = ["started", "sent", "opened", "clicked", "orders", "revenue"];
    const daily = {};
    await Promise.all(metrics.map(async (m) => { daily[m] = items(await optional(`analytics/daily?metric=${m}&${range}`)).map((p) => ({ date: String(p.date || p.day).slice(0, 10), value: Number(p.value ?? p.count ?? 0) })); }));
    const series = (fn) => (daily.started || []).map((p, i) => ({ date: p.date, value: fn(i) }));
    const ratio = (a, b) => (i) => { const d = daily[b]?.[i]?.value; return d ? (daily[a]?.[i]?.value ?? 0) / d : null; };
    const figure = (id, label, value, note, points, target) => el("div", { className: "card figure", id: `figure-${id}` },
      el("div", { className: "label" }, label), el("div", { className: "value" }, value),
      target ? el("div", { className: `note ${target.met ? "target-met" : "target-missed"}` }, target.text) : null,
      note ? el("div", { className: "note" }, note) : null, points && points.length ? sparkline(points) : null);
    const target = (v, t) => v === null || v === undefined ? null : { met: v >= t, text: `target ${pct(t, 0)}: ${v >= t ? "met" : "not met"}` };
    render(head,
      el("section", { className: "figures", "aria-label": "Figures" },
        figure("recovery-rate", "Recovery rate", pct(analytics.recoveryRate), `${num(analytics.recoveredOrders)} of ${num(analytics.recoveriesStarted)} recoveries ended in an order`, series(ratio("orders", "started"))),
        figure("recovered-revenue", "Recovered revenue", money(analytics.recoveredRevenue, cur), "orders attributed to a recovery", daily.revenue),
        figure("roi", "ROI", analytics.roi === null || analytics.roi === undefined ? "–" : `${num(analytics.roi)}×`, "recovered revenue ÷ (messaging cost + discounts)"),
        figure("lift", "Incremental lift", lift ? pct(lift.rate) : "–", lift ? `95 % interval ${pct(lift.low)} to ${pct(lift.high)}` : "no holdout running"),
        figure("open-rate", "Open rate", pct(openRate), null, series(ratio("opened", "sent")), target(openRate, TARGETS.openRate)),
        figure("click-rate", "Click rate", pct(clickRate), null, series(ratio("clicked", "sent")), target(clickRate, TARGETS.clickRate))),
      daily.revenue && daily.revenue.length ? lineChart("Recovered revenue per day", daily.revenue, (v) => money(v, cur)) : null,
      daily.orders && daily.orders.length ? lineChart("Recovery rate per day", series(ratio("orders", "started")), (v) => pct(v)) : null,
      funnel([
        { label: "Abandoned", value: analytics.abandonedCheckouts ?? analytics.recoveriesStarted },
        // Recoveries that got a message when the API counts them; otherwise the messages sent, labelled as such.
        analytics.recoveriesMessaged !== undefined ? { label: "Messaged", value: analytics.recoveriesMessaged } : { label: "Messages", value: sent },
        { label: "Opened", value: analytics.messagesOpened },
        { label: "Clicked", value: analytics.messagesClicked },
        { label: "Recovered", value: analytics.recoveredOrders },
      ]));
  }

  /** Steps of the recovery's sequence as done / current / to come: from its history when it has one (detail), else from how far it got (list). */
  function sequenceSteps(summary, config) {
    const defs = (config && config.sequences && (config.sequences[summary.segment] || config.sequences.default)) || [];
    const stepId = (executionId) => executionId ? executionId.split(".r")[0] : null;
    if (!summary.steps) {
      const next = defs.findIndex((d) => d.id === stepId(summary.nextStep));
      const reached = defs.findIndex((d) => d.id === stepId(summary.stepReached));
      return defs.map((d, i) => ({ def: d, kind: next >= 0 ? (i < next ? "done" : i === next ? "current" : "tocome") : (i <= reached ? "done" : "tocome") }));
    }
    const generation = Math.max(0, ...summary.steps.map((s) => s.generation));
    const done = new Map(summary.steps.filter((s) => s.generation === generation).map((s) => [s.stepIndex, s]));
    let currentMarked = false;
    return defs.map((d, i) => {
      const record = done.get(i);
      if (record) return { def: d, record, kind: record.status === "sent" ? "done" : record.status };
      if (summary.status === "active" && !currentMarked) { currentMarked = true; return { def: d, kind: "current" }; }
      return { def: d, kind: "tocome" };
    });
  }
  function progress(steps) {
    const words = { done: "done", skipped: "skipped", failed: "failed", current: "next", tocome: "to come" };
    return el("span", { className: "progress", role: "img", "aria-label": steps.map((s) => `${s.def.id} ${words[s.kind]}`).join(", ") },
      steps.map((s) => el("span", { className: `dot ${s.kind}`, title: `${s.def.id}: ${words[s.kind]}` })));
  }

  async function recoveries(status) {
    const [config, page] = await Promise.all([loadConfig(), api(`sequences?pageSize=100${status ? "&status=" + status : ""}`)]);
    const filter = el("select", { id: "status-filter", onchange: (e) => { location.hash = "#/recoveries" + (e.target.value ? "?status=" + e.target.value : ""); } },
      ["", "active", "completed", "stopped"].map((s) => el("option", { value: s, selected: s === (status || "") }, s || "all")));
    const rows = items(page).map((s) => {
      const steps = sequenceSteps(s, config);
      return el("tr", { "data-id": s.id },
        el("td", {}, el("a", { href: `#/recoveries/${encodeURIComponent(s.id)}` }, s.cartKey)),
        el("td", {}, s.customerKey || "–"), el("td", {}, s.segment), el("td", {}, money(s.cartValue, s.currency)),
        el("td", {}, when(s.abandonedAt)), el("td", {}, progress(steps)),
        el("td", {}, el("span", { className: `badge ${s.status}` }, s.status), s.stopReason ? el("div", { className: "muted" }, s.stopReason) : null),
        el("td", {}, actionButton(s)));
    });
    render(el("h1", {}, "Recoveries"),
      el("div", { className: "toolbar" }, el("label", { for: "status-filter" }, "Status"), filter),
      rows.length ? el("div", { className: "table-wrap" }, el("table", { id: "recoveries" },
        el("thead", {}, el("tr", {}, ["Cart", "Customer", "Segment", "Value", "Abandoned", "Progress", "Status", ""].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, rows))) : el("p", { className: "muted" }, "No recoveries yet."),
      page.continuationToken ? el("p", { className: "muted" }, "Showing the first 100.") : null);
  }
  function actionButton(s) {
    if (s.status === "active") return el("button", { className: "danger stop", onclick: (e) => act(e.target, s.id, "stop") }, "Stop");
    if (s.status === "completed" || (s.status === "stopped" && ["merchantStopped", "expired", "stepFailed"].includes(s.stopReason))) return el("button", { className: "restart", onclick: (e) => act(e.target, s.id, "restart") }, "Restart");
    return null;
  }
  async function act(button, id, what) {
    button.disabled = true;
    try {
      await api(`sequences/${encodeURIComponent(id)}/${what}`, { method: "POST", body: what === "stop" ? { reason: "Stopped from the dashboard" } : {} });
      const wanted = what === "stop" ? "stopped" : "active";
      for (let i = 0; i < 40; i++) { // the engine applies the signal within a second or so
        const s = await api(`sequences/${encodeURIComponent(id)}`);
        if (s.status === wanted) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      await route();
    } catch (e) { button.disabled = false; button.after(failure(e)); }
  }

  async function recoveryDetail(id) {
    const [config, s] = await Promise.all([loadConfig(), api(`sequences/${encodeURIComponent(id)}`)]);
    const steps = sequenceSteps(s, config);
    const history = [...s.steps].sort((a, b) => new Date(a.at) - new Date(b.at));
    const preview = el("div", { id: "preview" });
    const showPreview = async (messageId) => {
      preview.replaceChildren(el("p", { className: "muted" }, "Loading preview…"));
      try {
        const html = await api(`messages/${encodeURIComponent(messageId)}/preview`);
        // Sandboxed without scripts: the message is shown as the shopper saw it and can run nothing here.
        const frame = el("iframe", { className: "preview", sandbox: "", title: "Message preview", referrerpolicy: "no-referrer" });
        frame.srcdoc = typeof html === "string" ? html : JSON.stringify(html);
        preview.replaceChildren(el("h2", {}, "Message preview"), frame);
      } catch (e) { preview.replaceChildren(failure(e)); }
    };
    render(el("p", {}, el("a", { href: "#/recoveries" }, "← Recoveries")),
      el("h1", {}, "Recovery of cart ", s.cartKey),
      el("div", { className: "card" },
        el("p", {}, el("span", { className: `badge ${s.status}` }, s.status), " ", s.stopReason ? `(${s.stopReason}${s.stopNote ? ": " + s.stopNote : ""})` : ""),
        el("p", {}, `Customer ${s.customerKey || "unknown"} · segment ${s.segment} · cart ${money(s.cartValue, s.currency)} · abandoned ${when(s.abandonedAt)}`),
        progress(steps), " ", actionButton(s)),
      el("h2", {}, "Timeline"),
      el("ol", { className: "timeline", id: "timeline" },
        history.map((h) => el("li", { className: h.status },
          el("strong", {}, h.stepId), ` · ${h.channel} · ${h.status}${h.generation ? " (run " + (h.generation + 1) + ")" : ""} · ${when(h.at)}`,
          h.reason ? el("div", { className: "muted" }, "Reason: ", h.reason) : null,
          h.messageId ? el("div", {}, el("button", { className: "show-preview", onclick: () => showPreview(h.messageId) }, "Preview message")) : null)),
        steps.filter((x) => x.kind === "current" || x.kind === "tocome").map((x) => el("li", { className: "tocome" },
          el("strong", {}, x.def.id), ` · ${x.def.channel} · ${x.kind === "current" ? "next" + (s.nextStepAt ? ", due " + when(s.nextStepAt) : "") : "to come"}`))),
      preview);
  }

  async function experiments() {
    const list = await optional("experiments");
    const heading = el("h1", {}, "Experiments");
    if (list === null) { render(heading, notAvailable("Experiments")); return; }
    const name = el("input", { id: "exp-name", required: true }), kind = el("select", { id: "exp-kind" }, ["subject", "copy", "timing", "channel", "incentive", "holdout"].map((k) => el("option", { value: k }, k)));
    const arms = el("input", { id: "exp-arms", value: "control,variant" });
    const create = el("form", { className: "card grid-form", onsubmit: async (e) => {
      e.preventDefault();
      const names = arms.value.split(",").map((a) => a.trim()).filter(Boolean);
      try { await api("experiments", { method: "POST", body: { name: name.value, kind: kind.value, control: names[0], arms: names.map((n) => ({ name: n, weight: 1 })) } }); await route(); }
      catch (err) { create.append(failure(err)); }
    } },
      el("div", { className: "field" }, el("label", { for: "exp-name" }, "Name"), name),
      el("div", { className: "field" }, el("label", { for: "exp-kind" }, "Varies"), kind),
      el("div", { className: "field" }, el("label", { for: "exp-arms" }, "Arms (comma separated, first is control)"), arms),
      el("div", { className: "field" }, el("span", { "aria-hidden": "true" }, " "), el("button", { className: "primary", type: "submit" }, "Create")));
    const patch = (x, status) => async (e) => { e.target.disabled = true; try { await api(`experiments/${encodeURIComponent(x.id)}`, { method: "PATCH", body: { status } }); await route(); } catch (err) { e.target.after(failure(err)); } };
    render(heading, items(list).length ? items(list).map((x) => el("section", { className: "card experiment", "aria-label": x.name },
      el("h2", {}, x.name, " ", el("span", { className: "badge" }, x.status)),
      el("p", { className: "muted" }, `Varies ${x.kind} · metric ${x.metric || "placed-order rate"} · control ${x.control}`),
      x.winner ? el("p", { className: "winner" }, "Winner: ", x.winner) : null,
      x.sampleRatioMismatch || x.srm ? el("p", { className: "error" }, "Sample ratio mismatch: the split looks broken, no winner is declared.") : null,
      el("div", { className: "arms" }, (x.results?.arms || x.arms || []).map((a) => el("div", { className: "card" },
        el("strong", {}, a.name || a.arm), a.name === "holdout" ? " (no messages)" : "",
        el("div", {}, `Recipients ${num(a.recipients)} · conversions ${num(a.conversions ?? a.orders)}`),
        el("div", {}, `Rate ${pct(a.rate ?? a.conversionRate)}`),
        a.probabilityToBeatAll !== undefined || a.probabilityToBeatControl !== undefined ? el("div", {}, `P(best) ${pct(a.probabilityToBeatAll ?? a.probabilityToBeatControl)}`) : null,
        a.pValue !== undefined ? el("div", {}, `p = ${num(a.pValue)}`) : null))),
      el("div", { className: "toolbar" },
        x.status !== "running" && x.status !== "ended" ? el("button", { onclick: patch(x, "running") }, "Start") : null,
        x.status === "running" ? el("button", { onclick: patch(x, "paused") }, "Pause") : null,
        x.status !== "ended" ? el("button", { className: "danger", onclick: patch(x, "ended") }, "End") : null))) : el("p", { className: "muted" }, "No experiments yet."),
    el("h2", {}, "New experiment"), create);
  }

  async function incentives() {
    const queue = await optional("incentives/approvals");
    const heading = el("h1", {}, "Incentives");
    if (queue === null) { render(heading, notAvailable("The incentive approval queue")); return; }
    const decide = (x, what) => async (e) => { e.target.disabled = true; try { await api(`incentives/approvals/${encodeURIComponent(x.id)}/${what}`, { method: "POST", body: {} }); await route(); } catch (err) { e.target.after(failure(err)); } };
    const rows = items(queue).map((x) => el("tr", {},
      el("td", {}, x.recoveryId || x.workflowId || x.id), el("td", {}, x.customerKey || x.customer || "–"),
      el("td", {}, x.cartValue !== undefined ? money(x.cartValue, x.currency) : "–"),
      el("td", {}, x.percent !== undefined ? `${num(x.percent)} %` : x.description || x.kind || "–"),
      el("td", {}, when(x.deadline || x.decideBy)), el("td", {}, x.status || "pending"),
      el("td", {}, el("button", { className: "primary", onclick: decide(x, "approve") }, "Approve"), " ", el("button", { className: "danger", onclick: decide(x, "reject") }, "Reject"))));
    render(heading, el("p", { className: "muted" }, "Offers waiting for your approval before their step is sent."),
      rows.length ? el("div", { className: "table-wrap" }, el("table", {}, el("thead", {}, el("tr", {}, ["Recovery", "Customer", "Cart", "Offer", "Decide by", "Status", ""].map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows)))
        : el("p", { className: "muted" }, "Nothing waiting for approval."));
  }

  // ---------- settings: the sequence editor; PUT config errors appear beside their field ----------
  const CHANNELS = ["popup", "email", "sms", "push"];
  const INTENTS = ["helpfulReminder", "socialProof", "scarcity", "finalOffer"];
  async function settings() {
    const config = structuredClone(await api("config"));
    let segment = "default";
    const form = el("form", { id: "settings-form", className: "card", novalidate: true });
    const messages = el("div", { id: "settings-messages", "aria-live": "polite" });
    const field = (path, label, input) => {
      input.setAttribute("data-field", path); input.id = input.id || "f-" + path.replace(/[^a-zA-Z0-9]+/g, "-");
      return el("div", { className: "field" }, el("label", { for: input.id }, label), input);
    };
    const general = () => el("div", { className: "grid-form" },
      field("abandonmentThreshold", "Abandoned after (hh:mm:ss)", el("input", { value: config.abandonmentThreshold, oninput: (e) => (config.abandonmentThreshold = e.target.value) })),
      field("highValueAmount", "High-value cart from", el("input", { type: "number", step: "any", value: config.highValueAmount, oninput: (e) => (config.highValueAmount = Number(e.target.value)) })),
      field("expiry", "Expires after ([d.]hh:mm:ss)", el("input", { value: config.expiry, oninput: (e) => (config.expiry = e.target.value) })),
      field("onStepFailure", "When a step fails", el("select", { onchange: (e) => (config.onStepFailure = e.target.value) }, ["continueWithNextStep", "stopSequence"].map((v) => el("option", { value: v, selected: config.onStepFailure === v }, v)))),
      field("incentivesEnabled", "Incentives enabled", el("input", { type: "checkbox", checked: !!config.incentivesEnabled, onchange: (e) => (config.incentivesEnabled = e.target.checked) })),
      field("restartOnCartChange", "Restart when the cart changes", el("input", { type: "checkbox", checked: !!config.restartOnCartChange, onchange: (e) => (config.restartOnCartChange = e.target.checked) })));
    const stepsTable = () => {
      const steps = config.sequences[segment] || [];
      const base = `sequences.${segment}`;
      return el("div", { className: "table-wrap" }, el("table", { id: "steps" },
        el("caption", { className: "muted" }, `Sequence for ${segment}`),
        el("thead", {}, el("tr", {}, ["Step id", "Delay", "Channel", "Intent", "Min cart value", "Only if previous opened", ""].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, steps.map((s, i) => {
          const p = `${base}[${i}]`;
          s.conditions = s.conditions || null;
          const cond = (k, v) => { s.conditions = Object.assign({}, s.conditions || {}, { [k]: v }); };
          return el("tr", { className: "step-row" },
            el("td", {}, field(`${p}.id`, "Id", el("input", { value: s.id, size: 12, oninput: (e) => (s.id = e.target.value) }))),
            el("td", {}, field(`${p}.delay`, "Delay", el("input", { value: s.delay, size: 10, oninput: (e) => (s.delay = e.target.value) }))),
            el("td", {}, field(`${p}.channel`, "Channel", el("select", { onchange: (e) => (s.channel = e.target.value) }, CHANNELS.map((c) => el("option", { value: c, selected: s.channel === c }, c))))),
            el("td", {}, field(`${p}.intent`, "Intent", el("select", { onchange: (e) => (s.intent = e.target.value) }, INTENTS.map((c) => el("option", { value: c, selected: s.intent === c }, c))))),
            el("td", {}, field(`${p}.conditions.minCartValue`, "Min value", el("input", { type: "number", step: "any", size: 6, value: s.conditions?.minCartValue ?? "", oninput: (e) => cond("minCartValue", e.target.value === "" ? null : Number(e.target.value)) }))),
            el("td", {}, field(`${p}.conditions.requiresPreviousOpened`, "Previous opened", el("input", { type: "checkbox", checked: !!s.conditions?.requiresPreviousOpened, onchange: (e) => cond("requiresPreviousOpened", e.target.checked) }))),
            el("td", {}, el("button", { type: "button", className: "danger", "aria-label": `Remove step ${i + 1}`, onclick: () => { steps.splice(i, 1); draw(); } }, "Remove")));
        }))));
    };
    const segmentPicker = () => el("div", { className: "toolbar" },
      el("label", { for: "segment" }, "Segment"),
      el("select", { id: "segment", onchange: (e) => { segment = e.target.value; draw(); } },
        ["default", "firstTime", "returning", "highValue", "lowStock"].map((s) => el("option", { value: s, selected: s === segment }, s + (config.sequences[s] ? "" : " (uses default)")))),
      config.sequences[segment] ? null : el("button", { type: "button", onclick: () => { config.sequences[segment] = structuredClone(config.sequences.default || []); draw(); } }, "Give this segment its own sequence"),
      el("button", { type: "button", onclick: () => { (config.sequences[segment] = config.sequences[segment] || []).push({ id: `step-${(config.sequences[segment] || []).length + 1}`, delay: "01:00:00", channel: "email", intent: "helpfulReminder", conditions: null }); draw(); } }, "Add step"));
    const draw = () => {
      form.replaceChildren(el("h2", {}, "Recovery"), general(), el("h2", {}, "Sequence"), segmentPicker(), config.sequences[segment] ? stepsTable() : el("p", { className: "muted" }, "This segment uses the default sequence."),
        el("div", { className: "toolbar" }, el("button", { className: "primary", type: "submit", id: "save-settings" }, "Save")), messages);
    };
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      form.querySelectorAll(".field-error").forEach((n) => n.remove());
      form.querySelectorAll("[aria-invalid]").forEach((n) => { n.removeAttribute("aria-invalid"); n.removeAttribute("aria-describedby"); });
      messages.replaceChildren();
      try {
        state.config = await api("config", { method: "PUT", body: config });
        messages.replaceChildren(el("p", { className: "notice", role: "status" }, "Saved."));
      } catch (err) {
        const errors = (err.problem && err.problem.errors) || [];
        const unplaced = [];
        errors.forEach((x, i) => {
          const input = [...form.querySelectorAll("[data-field]")].find((n) => n.getAttribute("data-field") === x.field);
          if (!input) { unplaced.push(x); return; }
          const id = `error-${i}`;
          input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", id);
          input.after(el("span", { className: "field-error", id }, x.message));
        });
        messages.replaceChildren(el("div", { className: "error", role: "alert" }, err.message,
          unplaced.length ? el("ul", {}, unplaced.map((x) => el("li", {}, `${x.field}: ${x.message}`))) : null));
      }
    });
    draw();
    const extras = await Promise.all([["contact-rules", "Caps and quiet hours"], ["integrations", "Integrations"]].map(async ([path, title]) => {
      const value = await optional(path).catch((e) => e);
      if (value === null) return el("section", { className: "card" }, el("h2", {}, title), notAvailable(title));
      if (value instanceof Error) return el("section", { className: "card" }, el("h2", {}, title), failure(value));
      return jsonSection(path, title, value);
    }));
    render(el("h1", {}, "Settings"), form, extras);
  }
  function jsonSection(path, title, value) {
    const area = el("textarea", { id: `json-${path}`, rows: 8, cols: 60, spellcheck: "false" }); area.value = JSON.stringify(value, null, 2);
    const out = el("div", { "aria-live": "polite" });
    return el("section", { className: "card" }, el("h2", {}, title), el("label", { for: area.id }, `${title} (JSON)`), el("div", {}, area),
      el("button", { type: "button", onclick: async () => {
        out.replaceChildren();
        try { await api(path, { method: "PUT", body: JSON.parse(area.value) }); out.append(el("p", { className: "notice" }, "Saved.")); }
        catch (e) { out.append(el("div", { className: "error", role: "alert" }, e.message, el("ul", {}, ((e.problem && e.problem.errors) || []).map((x) => el("li", {}, `${x.field}: ${x.message}`))))); }
      } }, "Save"), out);
  }

  async function privacy() {
    const list = await api("privacy/requests");
    const rows = items(list).map((r) => el("tr", {},
      el("td", {}, when(r.receivedAt)), el("td", {}, r.customerId ?? "–"), el("td", {}, (r.ordersRequested || []).join(", ") || "–"), el("td", {}, num(r.records)),
      el("td", {}, el("button", { onclick: async (e) => {
        try {
          const body = await api(`privacy/requests/${encodeURIComponent(r.id)}`);
          const link = el("a", { download: `data-request-${r.id}.json`, href: URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" })) }, "Save the export");
          e.target.replaceWith(link);
        } catch (err) { e.target.after(failure(err)); }
      } }, "Prepare export"))));
    render(el("h1", {}, "Privacy"), el("p", { className: "muted" }, "Customers' data requests (customers/data_request): hand each export to the customer."),
      rows.length ? el("div", { className: "table-wrap" }, el("table", {}, el("thead", {}, el("tr", {}, ["Received", "Customer", "Orders", "Records", ""].map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, rows)))
        : el("p", { className: "muted" }, "No data requests."));
  }

  // ---------- router ----------
  async function route() {
    const [path, query] = (location.hash.replace(/^#\/?/, "") || "overview").split("?");
    const [page, id] = path.split("/");
    const params = new URLSearchParams(query || "");
    document.querySelectorAll(".nav a").forEach((a) => a.toggleAttribute("aria-current", false) || (a.dataset.page === page && a.setAttribute("aria-current", "page")));
    try {
      await sessionToken();
      document.getElementById("shop-name").textContent = state.shop;
      if (page === "recoveries" && id) await recoveryDetail(decodeURIComponent(id));
      else if (page === "recoveries") await recoveries(params.get("status"));
      else if (page === "experiments") await experiments();
      else if (page === "incentives") await incentives();
      else if (page === "settings") await settings();
      else if (page === "privacy") await privacy();
      else await overview();
      document.body.setAttribute("data-loaded", page || "overview");
    } catch (e) {
      render(el("h1", {}, "Cart Recovery"), failure(e));
      document.body.setAttribute("data-loaded", "error");
    }
  }
  window.addEventListener("hashchange", () => { document.body.removeAttribute("data-loaded"); route(); });
  route();
})();
