(function () {
  "use strict";
  // Every string from the data is set with textContent: nothing is parsed as HTML.
  var T0 = performance.now();
  var D = JSON.parse(document.getElementById("ck-data").textContent);
  var docs = D.docs, typeIndex = {}, docIndex = new Map(), ROW = 48;
  D.types.forEach(function (t, i) { typeIndex[t] = i; });
  docs.forEach(function (d, i) { docIndex.set(d.id, i); });
  var findings = D.findings || [];
  var docKinds = docs.map(function () { return new Set(); });
  findings.forEach(function (f) {
    (f.docs || []).forEach(function (id) {
      var i = docIndex.get(id);
      if (i !== undefined) docKinds[i].add(f.kind);
    });
  });
  var state = { list: [], current: -1, claim: -1, types: new Set(D.types), doc: "", actor: "", country: "",
    lang: "", from: "", to: "", kind: "" };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function actorLabel(a) { return a[1] || a[0]; }
  function dateBounds(v) {
    // "2025", "2025-03" or "2025-03-02" as the first and last day it covers
    var lo = v.length === 4 ? v + "-01-01" : v.length === 7 ? v + "-01" : v.slice(0, 10);
    var hi = v.length === 4 ? v + "-12-31" : v.length === 7 ? v + "-31" : v.slice(0, 10);
    return [lo, hi];
  }

  // ---------------------------------------------------------------- filter options
  function fillOptions() {
    var countries = new Set(), langs = new Set(), actors = new Map(), kinds = new Set();
    docs.forEach(function (d) {
      if (d.lang) langs.add(d.lang);
      d.claims.forEach(function (c) {
        c.a.forEach(function (a) {
          if (a[2]) countries.add(a[2]);
          var k = actorLabel(a);
          actors.set(k, (actors.get(k) || 0) + 1);
        });
      });
    });
    findings.forEach(function (f) { kinds.add(f.kind); });
    addOptions($("f-country"), Array.from(countries).sort());
    addOptions($("f-lang"), Array.from(langs).sort());
    addOptions($("f-kind"), Array.from(kinds).sort());
    var top = Array.from(actors.entries()).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 300);
    var dl = $("actor-list");
    top.forEach(function (e) { var o = el("option"); o.value = e[0]; dl.appendChild(o); });
  }
  function addOptions(select, values) {
    values.forEach(function (v) { var o = el("option", "", v); o.value = v; select.appendChild(o); });
  }

  // ---------------------------------------------------------------- filtering
  function claimFiltersOn() {
    return state.types.size !== D.types.length || state.actor || state.country || state.from || state.to;
  }
  function claimMatches(c) {
    if (!state.types.has(c.t)) return false;
    if (state.actor) {
      var q = state.actor;
      if (!c.a.some(function (a) { return (a[0] + " " + (a[1] || "")).toLowerCase().indexOf(q) >= 0; })) return false;
    }
    if (state.country && !c.a.some(function (a) { return a[2] === state.country; })) return false;
    if (state.from || state.to) {
      if (!c.d || !c.d.v) return false;
      var b = dateBounds(c.d.v);
      if (state.from && b[1] < state.from) return false;
      if (state.to && b[0] > state.to) return false;
    }
    return true;
  }
  function docMatches(i) {
    var d = docs[i];
    if (state.lang && d.lang !== state.lang) return false;
    if (state.doc && (d.id + " " + (d.title || "")).toLowerCase().indexOf(state.doc) < 0) return false;
    if (state.kind && !docKinds[i].has(state.kind)) return false;
    if (!claimFiltersOn()) return true;
    return d.claims.some(claimMatches);
  }
  function applyFilters() {
    var list = [];
    for (var i = 0; i < docs.length; i++) if (docMatches(i)) list.push(i);
    state.list = list;
    var n = 0;
    list.forEach(function (i) { docs[i].claims.forEach(function (c) { if (claimMatches(c)) n++; }); });
    $("doc-count").textContent = "(" + list.length + " of " + docs.length + ", " + n + " claims)";
    $("doclist-inner").style.height = (list.length * ROW) + "px";
    $("doclist").scrollTop = 0;
    drawList();
    drawTimeline();
    if (state.current >= 0) drawClaims();
    if (!$("findings").hidden) drawFindings();
  }
  var lastKey = "";
  function readFilters() {
    state.types = new Set(Array.from(document.querySelectorAll("#f-types input:checked")).map(function (x) { return x.value; }));
    state.doc = $("f-doc").value.trim().toLowerCase();
    state.actor = $("f-actor").value.trim().toLowerCase();
    state.country = $("f-country").value;
    state.lang = $("f-lang").value;
    state.from = $("f-from").value;
    state.to = $("f-to").value;
    state.kind = $("f-kind").value;
    // "change" follows "input" when a field loses focus: redrawing the same list
    // then would replace the row under the mouse and swallow the click
    var key = JSON.stringify([Array.from(state.types), state.doc, state.actor, state.country,
      state.lang, state.from, state.to, state.kind]);
    if (key === lastKey) return;
    lastKey = key;
    applyFilters();
  }

  // ---------------------------------------------------------------- virtual document list
  function drawList() {
    var box = $("doclist"), inner = $("doclist-inner");
    var first = Math.max(0, Math.floor(box.scrollTop / ROW) - 5);
    var last = Math.min(state.list.length, first + Math.ceil((box.clientHeight || 600) / ROW) + 10);
    var frag = document.createDocumentFragment();
    for (var k = first; k < last; k++) frag.appendChild(listRow(state.list[k], k));
    inner.replaceChildren(frag);
  }
  function listRow(i, k) {
    var d = docs[i], row = el("div", "row" + (i === state.current ? " on" : ""));
    row.style.top = (k * ROW) + "px";
    row.dataset.doc = d.id;
    row.appendChild(el("div", "t", d.title || d.id));
    var meta = [d.pub, d.lang, d.outlet, d.claims.length + " claim" + (d.claims.length === 1 ? "" : "s")];
    row.appendChild(el("div", "m", meta.filter(Boolean).join(" · ")));
    row.title = d.id;
    row.addEventListener("click", function () { openDoc(i); });
    return row;
  }

  // ---------------------------------------------------------------- timeline
  function drawTimeline() {
    var months = new Map();
    state.list.forEach(function (i) {
      docs[i].claims.forEach(function (c) {
        if (c.d && c.d.v && c.d.v.length >= 7 && claimMatches(c)) {
          var m = c.d.v.slice(0, 7);
          months.set(m, (months.get(m) || 0) + 1);
        }
      });
    });
    var keys = Array.from(months.keys()).sort(), box = $("timeline");
    box.replaceChildren();
    $("tl-range").textContent = keys.length ? keys[0] + " – " + keys[keys.length - 1] : "no dated claims";
    var max = 1;
    months.forEach(function (v) { if (v > max) max = v; });
    keys.slice(-120).forEach(function (m) {
      var bar = el("div", "bar" + (state.from === m + "-01" ? " on" : ""));
      bar.style.height = Math.max(3, Math.round(60 * months.get(m) / max)) + "px";
      bar.title = m + ": " + months.get(m) + " claim(s)";
      bar.addEventListener("click", function () {
        $("f-from").value = m + "-01"; $("f-to").value = m + "-31"; readFilters();
      });
      box.appendChild(bar);
    });
  }

  // ---------------------------------------------------------------- one document
  function segments(d) {
    // cut the text at every span boundary; each piece knows the claims covering it
    var spans = [];
    d.claims.forEach(function (c, ci) {
      c.sp.forEach(function (s) { if (s.length === 3 && s[1] > s[0]) spans.push([s[0], s[1], ci]); });
    });
    var cuts = new Set([0, d.text.length]);
    spans.forEach(function (s) { cuts.add(s[0]); cuts.add(s[1]); });
    var pts = Array.from(cuts).sort(function (a, b) { return a - b; }), out = [];
    for (var k = 0; k + 1 < pts.length; k++) {
      var a = pts[k], b = pts[k + 1], cov = [];
      spans.forEach(function (s) { if (s[0] <= a && s[1] >= b && cov.indexOf(s[2]) < 0) cov.push(s[2]); });
      out.push([a, b, cov]);
    }
    return out;
  }
  function openDoc(i, then) {
    state.current = i; state.claim = -1;
    var d = docs[i], box = $("doc");
    box.replaceChildren();
    box.appendChild(el("h2", "", d.title || d.id));
    var meta = [d.id, d.pub && "published " + d.pub, d.lang, d.outlet, d.url, d.backend];
    box.appendChild(el("div", "meta", meta.filter(Boolean).join(" · ")));
    var text = el("div", "text"), frag = document.createDocumentFragment();
    segments(d).forEach(function (seg) {
      var piece = d.text.slice(seg[0], seg[1]);
      if (!seg[2].length) { frag.appendChild(document.createTextNode(piece)); return; }
      var m = el("mark", "t-" + typeIndex[d.claims[seg[2][0]].t], piece);
      if (seg[2].length > 1) m.classList.add("multi");
      m.dataset.c = seg[2].join(",");
      m.dataset.s = seg[0]; m.dataset.e = seg[1];
      m.title = seg[2].map(function (ci) { return d.claims[ci].t; }).join(" + ");
      frag.appendChild(m);
    });
    text.appendChild(frag);
    text.addEventListener("click", onMarkClick);
    box.appendChild(text);
    box.scrollTop = 0;
    drawList();
    drawClaims();
    if (then) then();
  }
  function onMarkClick(ev) {
    var m = ev.target.closest("mark");
    if (!m) return;
    var cs = m.dataset.c.split(",").map(Number);
    // a piece covered by several claims selects them in turn
    var next = cs[(cs.indexOf(state.claim) + 1) % cs.length];
    showTab("claims");
    selectClaim(next, false);
  }
  function marksOf(ci) {
    return Array.from(document.querySelectorAll("#doc mark")).filter(function (m) {
      return m.dataset.c.split(",").indexOf(String(ci)) >= 0;
    });
  }
  function selectClaim(ci, scrollText) {
    state.claim = ci;
    document.querySelectorAll("#doc mark.sel, .card.sel").forEach(function (x) { x.classList.remove("sel"); });
    var marks = marksOf(ci);
    marks.forEach(function (m) { m.classList.add("sel"); });
    var card = document.querySelector('.card[data-ci="' + ci + '"]');
    if (card) { card.classList.add("sel"); if (!scrollText) card.scrollIntoView({ block: "nearest" }); }
    if (scrollText && marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  // ---------------------------------------------------------------- claim cards
  function drawClaims() {
    var box = $("claims"), d = docs[state.current];
    box.replaceChildren();
    if (!d) return;
    var shown = 0;
    d.claims.forEach(function (c, ci) {
      if (!claimMatches(c)) return;
      box.appendChild(card(c, ci, d));
      shown++;
    });
    if (shown < d.claims.length) box.appendChild(el("p", "muted", (d.claims.length - shown) + " claim(s) hidden by the filters"));
    if (!d.claims.length) box.appendChild(el("p", "muted", "No claims in this document."));
    document.querySelectorAll("#doc mark").forEach(function (m) {
      var any = m.dataset.c.split(",").some(function (ci) { return claimMatches(d.claims[+ci]); });
      m.classList.toggle("dim", !any);
    });
  }
  function row(dl, name, value, cls) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", "", name));
    dl.appendChild(el("dd", cls || "", value));
  }
  function card(c, ci, d) {
    var box = el("div", "card");
    box.dataset.ci = ci; box.dataset.claim = c.id;
    box.style.borderLeftColor = D.colors[typeIndex[c.t]];
    var h = el("div", "h");
    h.appendChild(el("span", "badge t-" + typeIndex[c.t], c.t));
    if (c.m) h.appendChild(el("span", "muted", c.m));
    box.appendChild(h);
    var dl = el("dl");
    c.a.forEach(function (a) {
      var canon = (a[1] || a[0]) + (a[2] ? " (" + a[2] + ")" : "") + (a[3] ? " · " + a[3] : "");
      row(dl, "actor", canon + (a[1] && a[1] !== a[0] ? " — as written “" + a[0] + "”" : ""));
    });
    if (c.d) {
      var dv = c.d.v ? c.d.v : "unresolved";
      var extra = (c.d.raw ? " — “" + c.d.raw + "”" : "") + (c.d.res ? " (" + c.d.res + ")" : "");
      row(dl, "date", dv + extra, c.d.v && c.d.res !== "unresolved" ? "" : "warn");
    }
    c.f.forEach(function (f) { row(dl, f[0].replace(/_/g, " "), f[1]); });
    box.appendChild(dl);
    if (c.s) box.appendChild(el("div", "sum", c.s));
    var ul = el("ul", "spans");
    c.sp.forEach(function (s) {
      if (s.length === 3) ul.appendChild(el("li", "", "“" + d.text.slice(s[0], s[1]) + "” — " + s[2]));
      else ul.appendChild(el("li", "bad", "“" + s[3] + "” — does not match the text at " + s[0] + "–" + s[1]));
    });
    c.u.forEach(function (q) { ul.appendChild(el("li", "bad", "“" + q + "” — not found in the text (ungrounded)")); });
    box.appendChild(ul);
    box.appendChild(el("div", "muted", c.id));
    box.addEventListener("click", function () { selectClaim(ci, true); });
    return box;
  }

  // ---------------------------------------------------------------- findings
  var FINDINGS_PAGE = 300;
  function findingVisible(f, listed) {
    if (state.kind && f.kind !== state.kind) return false;
    if (!f.docs || !f.docs.length) return true;
    return f.docs.some(function (id) { return listed.has(docIndex.get(id)); });
  }
  function drawFindings(limit) {
    var box = $("findings"), n = 0, max = limit || FINDINGS_PAGE;
    box.replaceChildren();
    if (!D.findings) { box.appendChild(el("p", "muted", "This report was built without validation.")); return; }
    var listed = new Set(state.list);
    var shown = findings.filter(function (f) { return findingVisible(f, listed); });
    if (!shown.length) box.appendChild(el("p", "muted", "No findings."));
    shown.forEach(function (f) {
      if (n++ >= max) return;
      box.appendChild(f.fold ? folded(f) : finding(f));
    });
    if (shown.length > max) {
      var more = el("button", "", "Show " + Math.min(FINDINGS_PAGE, shown.length - max) + " more of " + (shown.length - max));
      more.type = "button";
      more.addEventListener("click", function () { drawFindings(max + FINDINGS_PAGE); });
      box.appendChild(more);
    }
  }
  function finding(f) {
    var box = el("div", "find");
    box.dataset.kind = f.kind;
    box.appendChild(el("span", "sev " + f.sev, f.sev));
    box.appendChild(document.createTextNode(" "));
    box.appendChild(el("b", "", f.kind.replace(/_/g, " ")));
    box.appendChild(el("div", "", f.msg));
    var g = f.group && D.groups[f.group];
    if (g) {
      var line = g.label + " · " + g.docs.length + " document(s)";
      if (g.outlets.length) line += " · outlets: " + g.outlets.join(", ");
      if (g.langs.length) line += " · languages: " + g.langs.join(", ");
      box.appendChild(el("div", "muted", line));
    }
    var links = el("div", "links");
    f.spans.forEach(function (s) {
      var b = el("button", "", s[0] + ": “" + (s[3].length > 110 ? s[3].slice(0, 110) + "…" : s[3]) + "”");
      b.type = "button";
      b.dataset.doc = s[0]; b.dataset.s = s[1]; b.dataset.e = s[2];
      b.addEventListener("click", function () { goToSpan(s[0], s[1], s[2]); });
      links.appendChild(b);
    });
    box.appendChild(links);
    return box;
  }
  function folded(f) {
    var box = el("div", "find fold"), det = el("details"), sum = el("summary");
    box.dataset.kind = f.kind;
    sum.appendChild(el("span", "sev " + f.sev, f.sev));
    sum.appendChild(document.createTextNode(" " + f.doc + ": " + f.fold + " × " + f.kind.replace(/_/g, " ")));
    det.appendChild(sum);
    f.items.forEach(function (x) { det.appendChild(finding(x)); });
    box.appendChild(det);
    return box;
  }
  function goToSpan(id, s, e) {
    var i = docIndex.get(id);
    if (i === undefined) return;
    openDoc(i, function () {
      var hits = Array.from(document.querySelectorAll("#doc mark")).filter(function (m) {
        return +m.dataset.s >= s && +m.dataset.e <= e;
      });
      hits.forEach(function (m) { m.classList.add("flash"); });
      if (hits.length) hits[0].scrollIntoView({ block: "center" });
    });
  }

  // ---------------------------------------------------------------- wiring
  function showTab(name) {
    document.querySelectorAll("#tabs button").forEach(function (b) { b.classList.toggle("on", b.dataset.tab === name); });
    $("claims").hidden = name !== "claims";
    $("findings").hidden = name !== "findings";
    if (name === "findings") drawFindings();
  }
  document.querySelectorAll("#tabs button").forEach(function (b) {
    b.addEventListener("click", function () { showTab(b.dataset.tab); });
  });
  $("n-findings").textContent = D.findings ? "(" + findings.reduce(function (n, f) { return n + (f.fold || 1); }, 0) + ")" : "";
  $("filters").addEventListener("change", readFilters);
  $("f-actor").addEventListener("input", readFilters);
  $("f-doc").addEventListener("input", readFilters);
  $("f-reset").addEventListener("click", function () {
    document.querySelectorAll("#f-types input").forEach(function (x) { x.checked = true; });
    ["f-doc", "f-actor", "f-country", "f-lang", "f-from", "f-to", "f-kind"].forEach(function (id) { $(id).value = ""; });
    readFilters();
  });
  var pending = false;
  $("doclist").addEventListener("scroll", function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; drawList(); });
  });
  fillOptions();
  applyFilters();
  if (docs.length) openDoc(state.list.length ? state.list[0] : 0);
  // milliseconds the script took (JSON.parse included): bench/report.py reads it
  document.documentElement.dataset.ready = String(Math.round(performance.now() - T0));
})();
