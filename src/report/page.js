// The script of `chiffre report` (inlined into every page): the tooltip of
// a figure (built from its data attributes, with textContent only), and the
// check rows that outline the figures they involve.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var shown = null;

  function row(dl, name, value) {
    if (value === null || value === undefined || value === "") return;
    var dt = document.createElement("dt");
    dt.textContent = name;
    var dd = document.createElement("dd");
    dd.textContent = value;
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function list(json, each) {
    var items;
    try { items = JSON.parse(json || "[]"); } catch (e) { return json; }
    if (!Array.isArray(items) || items.length === 0) return null;
    return items.map(each).join("; ");
  }

  function fill(fig) {
    var d = fig.dataset;
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    var head = document.createElement("div");
    head.className = "tip-text";
    head.textContent = fig.textContent;
    tip.appendChild(head);
    var dl = document.createElement("dl");
    row(dl, "kind", d.kind);
    if (d.value !== undefined) row(dl, "value", d.value);
    else row(dl, "range", d.min + " – " + d.max);
    row(dl, "currency", d.currency);
    row(dl, "unit", d.unit);
    row(dl, "qualifier", d.qualifier);
    row(dl, "period", d.period);
    row(dl, "scale", d.scale);
    if (d.polarity && d.polarity !== "neutral") row(dl, "polarity", d.polarity);
    row(dl, "interval", d.interval);
    row(dl, "resolution", d.resolution);
    row(dl, "language", d.lang);
    row(dl, "alternatives", list(d.alternatives, function (a) {
      return a.rule + ": " + a.reading;
    }));
    row(dl, "inferred", list(d.inferred, function (x) { return String(x); }));
    row(dl, "bytes", d.start + "–" + d.end);
    if (d.inconsistent === "true") row(dl, "check", "inconsistent (see the checks)");
    tip.appendChild(dl);
  }

  function show(fig) {
    fill(fig);
    tip.hidden = false;
    shown = fig;
    var r = fig.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(4, Math.min(r.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - width - 4));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function hide() {
    tip.hidden = true;
    shown = null;
  }

  function figureOf(node) {
    return node && node.closest ? node.closest(".fig") : null;
  }

  document.addEventListener("focusin", function (e) {
    var fig = figureOf(e.target);
    if (fig) show(fig); else hide();
  });
  document.addEventListener("focusout", function (e) {
    if (figureOf(e.target) === shown && !figureOf(e.relatedTarget)) hide();
  });
  document.addEventListener("mouseover", function (e) {
    var fig = figureOf(e.target);
    if (fig && fig !== shown) show(fig);
  });
  document.addEventListener("mouseout", function (e) {
    var fig = figureOf(e.target);
    if (fig && fig === shown && fig !== document.activeElement && figureOf(e.relatedTarget) !== fig) hide();
  });

  function select(tr) {
    var doc = tr.closest("section");
    document.querySelectorAll(".fig.outlined").forEach(function (f) { f.classList.remove("outlined"); });
    document.querySelectorAll("tr.rel.selected").forEach(function (r) { r.classList.remove("selected"); });
    tr.classList.add("selected");
    var first = null;
    (tr.dataset.figures || "").split(" ").forEach(function (id) {
      var f = id && document.getElementById(id);
      if (f && doc && doc.contains(f)) {
        f.classList.add("outlined");
        if (!first) first = f;
      }
    });
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  document.addEventListener("click", function (e) {
    var tr = e.target.closest ? e.target.closest("tr.rel") : null;
    if (tr) select(tr);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); return; }
    var tr = e.target.closest ? e.target.closest("tr.rel") : null;
    if (tr && e.target === tr && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(tr);
    }
  });
})();
