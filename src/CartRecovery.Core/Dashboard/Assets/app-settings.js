// The dashboard's settings and privacy pages, and the router (loaded last).
"use strict";
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
