/* CartRecovery storefront popup. Add to the theme (before </body>):
   <script src="https://YOUR-APP/api/storefront/recovery.js" data-shop="{{ shop.permanent_domain }}" defer></script>
   Optional: data-frequency-hours="24" (how often the popup may appear), data-delay-seconds="0".
   Every value from the server is put in with textContent or as a checked URL, never as HTML. */
(function () {
  "use strict";
  if (window.__cartRecoveryLoaded) { return; }
  window.__cartRecoveryLoaded = true;

  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var apiBase = new URL(script.src).origin;
  var shop = script.getAttribute("data-shop") || (window.Shopify && window.Shopify.shop) || "";
  var hours = parseFloat(script.getAttribute("data-frequency-hours") || "24");
  var delay = parseFloat(script.getAttribute("data-delay-seconds") || "0");
  var capKey = "cartrecovery:lastShown:" + shop;

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split(";") : [];
    for (var i = 0; i < parts.length; i++) {
      var pair = parts[i].trim();
      var eq = pair.indexOf("=");
      if (eq > 0 && pair.slice(0, eq) === name) {
        try { return decodeURIComponent(pair.slice(eq + 1)); } catch (e) { return null; }
      }
    }
    return null;
  }

  function capped() {
    try {
      var last = parseInt(window.localStorage.getItem(capKey) || "0", 10);
      return last > 0 && Date.now() - last < hours * 3600 * 1000;
    } catch (e) { return false; }
  }

  function remember() {
    try { window.localStorage.setItem(capKey, String(Date.now())); } catch (e) { /* private mode: no cap storage */ }
  }

  function report(token, kind) {
    try {
      fetch(apiBase + "/api/storefront/events", {
        method: "POST", mode: "cors", credentials: "omit", keepalive: true,
        headers: { "Content-Type": "text/plain" },
        body: JSON.stringify({ token: token, kind: kind })
      }).catch(function () { });
    } catch (e) { /* reporting never breaks the page */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function isHttpUrl(value) {
    try { var u = new URL(value); return u.protocol === "https:" || u.protocol === "http:"; } catch (e) { return false; }
  }

  var css = ".cr-overlay{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483000;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}" +
    ".cr-popup{background:#fff;color:#18181b;border-radius:10px;max-width:420px;width:calc(100% - 32px);padding:24px;position:relative;box-shadow:0 10px 30px rgba(0,0,0,.25)}" +
    ".cr-close{position:absolute;top:8px;right:12px;border:0;background:none;font-size:24px;cursor:pointer;color:#52525b}" +
    ".cr-heading{margin:0 0 8px;font-size:20px}.cr-body{margin:0 0 16px;font-size:15px;line-height:1.4}" +
    ".cr-items{list-style:none;margin:0 0 16px;padding:0}.cr-item{display:flex;gap:12px;align-items:center;margin:0 0 10px}" +
    ".cr-item img{width:56px;height:56px;object-fit:cover;border-radius:6px}.cr-item-text{flex:1;font-size:14px}" +
    ".cr-item-title{font-weight:600}.cr-item-meta{color:#52525b}.cr-item-price{font-size:14px;white-space:nowrap}" +
    ".cr-cta{display:block;text-align:center;background:#18181b;color:#fff;text-decoration:none;padding:12px;border-radius:6px;font-weight:600}" +
    ".cr-dismiss{display:block;margin:10px auto 0;border:0;background:none;color:#52525b;text-decoration:underline;cursor:pointer}";

  function show(content) {
    if (!content || typeof content.actionUrl !== "string" || content.actionUrl.indexOf(apiBase + "/api/t/c/") !== 0) { return; }
    var style = el("style");
    style.textContent = css;
    document.head.appendChild(style);

    var overlay = el("div", "cr-overlay");
    overlay.id = "cartrecovery-popup";
    var popup = el("div", "cr-popup");
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-modal", "true");
    popup.setAttribute("aria-labelledby", "cr-heading");
    if (content.locale) { popup.setAttribute("lang", content.locale); }

    var close = el("button", "cr-close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", content.closeLabel || "Close");
    var heading = el("h2", "cr-heading", content.heading);
    heading.id = "cr-heading";
    popup.appendChild(close);
    popup.appendChild(heading);
    popup.appendChild(el("p", "cr-body", content.body));

    var list = el("ul", "cr-items");
    var items = Array.isArray(content.items) ? content.items.slice(0, 3) : [];
    items.forEach(function (item) {
      var row = el("li", "cr-item");
      if (item.imageUrl && isHttpUrl(item.imageUrl)) {
        var img = el("img");
        img.src = item.imageUrl;
        img.alt = "";
        row.appendChild(img);
      }
      var text = el("div", "cr-item-text");
      text.appendChild(el("div", "cr-item-title", item.title));
      var meta = (item.variant ? item.variant + " \u00b7 " : "") + "\u00d7" + item.quantity;
      text.appendChild(el("div", "cr-item-meta", meta));
      row.appendChild(text);
      row.appendChild(el("div", "cr-item-price", item.price));
      list.appendChild(row);
    });
    popup.appendChild(list);

    var cta = el("a", "cr-cta", content.callToAction);
    cta.href = content.actionUrl;
    popup.appendChild(cta);
    var dismiss = el("button", "cr-dismiss", content.dismissLabel);
    dismiss.type = "button";
    popup.appendChild(dismiss);

    function hide() {
      if (overlay.parentNode) { overlay.parentNode.removeChild(overlay); }
      report(content.eventToken, "dismissed");
    }
    close.addEventListener("click", hide);
    dismiss.addEventListener("click", hide);
    overlay.addEventListener("click", function (event) { if (event.target === overlay) { hide(); } });
    document.addEventListener("keydown", function onKey(event) {
      if (event.key === "Escape" && overlay.parentNode) { document.removeEventListener("keydown", onKey); hide(); }
    });

    overlay.appendChild(popup);
    document.body.appendChild(overlay);
    remember();
    report(content.eventToken, "shown");
  }

  function run() {
    var cart = readCookie("cart");
    if (!shop || !cart || capped()) { return; }
    var url = apiBase + "/api/storefront/popup?shop=" + encodeURIComponent(shop) + "&cart=" + encodeURIComponent(cart.split("?")[0]);
    fetch(url, { mode: "cors", credentials: "omit" })
      .then(function (response) { return response.status === 200 ? response.json() : null; })
      .then(function (content) { if (content && !capped()) { show(content); } })
      .catch(function () { });
  }

  var start = function () { window.setTimeout(run, Math.max(0, delay) * 1000); };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
