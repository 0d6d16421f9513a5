// The dashboard's pages: overview, recoveries (list, detail, stop and restart), experiments, incentives.
"use strict";
// ---------- pages ----------
async function overview() {
  const to = new Date(), from = new Date(Date.now() - 29 * 86400000);
  const range = `from=${isoDay(from)}&to=${isoDay(to)}`;
  const [analytics, active] = await Promise.all([optional(`analytics?${range}`), api("sequences?status=active&pageSize=200")]);
  const activeCount = items(active).length + (active.continuationToken ? "+" : "");
  const head = [el("h1", {}, "Overview"), el("p", { className: "muted" }, `Last 30 days (${isoDay(from)} to ${isoDay(to)}). Active recoveries now: `, el("strong", { id: "active-count" }, String(activeCount)))];
  if (!analytics) { render(head, notAvailable("Analytics (recovery rate, revenue, ROI, lift)")); return; }
  const cur = analytics.currency;
  const sent = analytics.messagesSent, openRate = analytics.openRate, clickRate = analytics.clickRate;
  const lift = analytics.incrementalLift;
  // The API's daily metric names (README "Measurement"), keyed by the short names the charts use.
  const metrics = { started: "recoveriesStarted", sent: "messagesSent", opened: "messagesOpened", clicked: "messagesClicked", orders: "recoveredOrders", revenue: "recoveredRevenue" };
  const daily = {};
  await Promise.all(Object.entries(metrics).map(async ([k, m]) => { daily[k] = items(await optional(`analytics/daily?metric=${m}&${range}`)).map((p) => ({ date: String(p.date).slice(0, 10), value: Number(p.value ?? 0) })); }));
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
      { label: "Abandoned", value: analytics.recoveriesStarted },
      // The API counts messages, not recoveries that got one: labelled as such.
      { label: "Messages", value: sent },
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
    // A holdout takes only its share (arms "treated" and "holdout" are the server's); other kinds name their arms.
    const body = kind.value === "holdout" ? { name: name.value, kind: "holdout", holdoutShare: 0.1 } : { name: name.value, kind: kind.value, control: names[0], arms: names.map((n) => ({ name: n, weight: 1 })) };
    try { await api("experiments", { method: "POST", body }); await route(); }
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
    x.results?.sampleRatioMismatch ? el("p", { className: "error" }, "Sample ratio mismatch: the split looks broken, no winner is declared.") : null,
    el("div", { className: "arms" }, (x.results?.arms || []).map((a) => el("div", { className: "card" },
      el("strong", {}, a.arm), a.isControl ? " (control)" : "", a.isHoldout ? " (no messages)" : "",
      el("div", {}, `Recipients ${num(a.recipients)} · conversions ${num(a.conversions)}`),
      el("div", {}, `Rate ${pct(a.rate)}`),
      el("div", {}, `P(best) ${pct(a.probabilityBest)}`),
      a.probabilityBeatsControl !== null && a.probabilityBeatsControl !== undefined ? el("div", {}, `P(beats control) ${pct(a.probabilityBeatsControl)}`) : null,
      a.vsControl ? el("div", {}, `p = ${num(a.vsControl.pValue)}`) : null))),
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

