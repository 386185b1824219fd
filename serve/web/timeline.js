// eventgraph timeline page: fetches /api/timeline (schema
// eventgraph/timeline/v1) and draws the events in the order the server
// gives, grouped by month and day. No network beyond this server.
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var QUAD_CLASSES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  var KNOWN_MODALITIES = { asserted: 1, planned: 1, threatened: 1, negated: 1 };
  var seenActors = {};
  var seenTypes = {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function $(id) { return document.getElementById(id); }

  // ---- dates ----

  function parts(s) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s || "");
    if (!m) { return null; }
    return { y: m[1], m: m[2] ? parseInt(m[2], 10) : 0, d: m[3] ? parseInt(m[3], 10) : 0 };
  }

  function pretty(s) {
    var p = parts(s);
    if (!p) { return s || ""; }
    if (!p.m) { return p.y; }
    if (!p.d) { return MONTHS[p.m - 1] + " " + p.y; }
    return p.d + " " + MONTHS[p.m - 1].slice(0, 3) + " " + p.y;
  }

  // prettyRange writes day bounds compactly: "1–25 Mar 2024",
  // "25 Mar – 2 Apr 2024", "30 Dec 2023 – 2 Jan 2024".
  function prettyRange(a, b) {
    var p = parts(a), q = parts(b);
    if (!p || !q || !p.d || !q.d) { return pretty(a) + " – " + pretty(b); }
    var mon = function (x) { return MONTHS[x.m - 1].slice(0, 3); };
    if (p.y === q.y && p.m === q.m) { return p.d + "–" + q.d + " " + mon(q) + " " + q.y; }
    if (p.y === q.y) { return p.d + " " + mon(p) + " – " + q.d + " " + mon(q) + " " + q.y; }
    return pretty(a) + " – " + pretty(b);
  }

  // The date an event is filed under: its value, else its earliest bound.
  function anchor(when) {
    if (!when) { return null; }
    return parts(when.value) || parts(when.earliest) || parts(when.latest);
  }

  function monthKey(when) {
    var p = anchor(when);
    if (!p) { return "undated"; }
    return p.m ? p.y + "-" + String(p.m).padStart(2, "0") : p.y;
  }

  function monthTitle(key) {
    if (key === "undated") { return "Undated"; }
    var p = parts(key);
    return p.m ? MONTHS[p.m - 1] + " " + p.y : p.y + " (month unknown)";
  }

  function dayKey(when) {
    var p = anchor(when);
    var g = (when && when.granularity) || "";
    // Coarser than a day: filed under the month, not under a day heading.
    if (!p || !p.d || /^(week|month|quarter|season|year|decade|century)$/.test(g)) { return "nodate"; }
    return p.y + "-" + String(p.m).padStart(2, "0") + "-" + String(p.d).padStart(2, "0");
  }

  function dayTitle(key, month) {
    if (key === "nodate") { return month === "undated" ? "date unknown" : "day unknown"; }
    var dt = new Date(key + "T00:00:00Z");
    if (isNaN(dt)) { return key; }
    return dt.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  }

  // ---- links into cayley's UI ----

  // Timeline IDs are eventgraph's canonical IDs ("event/…"), stored as the
  // prefixed IRIs <eg:event/…>; full or prefixed IRIs pass through.
  function iri(id) {
    id = String(id || "");
    if (id.charAt(0) === "<") { return id; }
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(id)) { return "<" + id + ">"; }
    return "<eg:" + id + ">";
  }

  // Edges drawn for an event: only node-valued predicates (cayley's
  // visualizer needs string ids, and numeric literals are not).
  var EVENT_OUT = ["<rdf:type>", "<sem:eventType>", "<eg:agent>", "<eg:target>", "<sem:hasActor>",
    "<eg:participant>", "<sem:hasPlace>", "<eg:after>", "<eg:before>", "<eg:action>"];
  var ACTOR_PREDS = ["<eg:agent>", "<eg:target>", "<sem:hasActor>", "<eg:participant>"];

  function gizmoFor(id) {
    var v = JSON.stringify(iri(id));
    return [
      "// event " + id + ": its actors, type, neighbours and source articles",
      "var ev = " + v + ";",
      "g.V(ev).Tag(\"source\").Out(" + JSON.stringify(EVENT_OUT) + ").Tag(\"target\").All();",
      "g.V(ev).Out(" + JSON.stringify(ACTOR_PREDS) + ").Tag(\"source\").Out(\"<rdfs:label>\").Tag(\"target\").All();",
      "g.V(ev).In(\"<eg:mentionOf>\").Out(\"<prov:wasDerivedFrom>\").Tag(\"target\").In(\"<prov:wasDerivedFrom>\").Out(\"<eg:mentionOf>\").Is(ev).Tag(\"source\").All();"
    ].join("\n");
  }

  function uiLink(page, id) {
    var q = new URLSearchParams({ lang: "gizmo", q: gizmoFor(id), run: "1" });
    return (page === "query" ? "/" : "/ui/" + page) + "?" + q.toString();
  }

  // ---- drawing ----

  function modalityOf(ev) {
    var m = String(ev.modality || "asserted").toLowerCase();
    return m;
  }

  function highlight(li, sentence, trigger) {
    var q = el("q");
    var s = sentence || "";
    var i = trigger ? s.toLowerCase().indexOf(String(trigger).toLowerCase()) : -1;
    if (i < 0) {
      q.textContent = s;
    } else {
      q.appendChild(document.createTextNode(s.slice(0, i)));
      q.appendChild(el("mark", null, s.slice(i, i + trigger.length)));
      q.appendChild(document.createTextNode(s.slice(i + trigger.length)));
    }
    li.appendChild(q);
  }

  function drawWhen(w) {
    var box = el("div", "when");
    if (!w || (!w.value && !w.earliest && !w.latest)) {
      box.appendChild(el("div", "date", "date unknown"));
      return box;
    }
    var ranged = w.earliest && w.latest && w.earliest !== w.latest;
    box.appendChild(el("div", "date", w.value ? pretty(w.value) : ranged ? prettyRange(w.earliest, w.latest) : pretty(w.earliest || w.latest)));
    var bar = el("div", ranged ? "bar range" : "bar");
    bar.title = ranged ? "known only between " + w.earliest + " and " + w.latest : "exact";
    box.appendChild(bar);
    if (ranged && w.value) {
      // The headline is the value; show the bounds it is known within.
      box.appendChild(el("div", "bounds", "between " + pretty(w.earliest) + " and " + pretty(w.latest)));
    } else if (ranged) {
      box.appendChild(el("div", "bounds", "date uncertain within these bounds"));
    }
    var info = [];
    if (w.granularity) { info.push(w.granularity); }
    if (w.basis) { info.push(w.basis); }
    if (info.length) { box.appendChild(el("div", "basis", info.join(" · "))); }
    if (w.text) { box.appendChild(el("div", "text", "“" + w.text + "”")); }
    return box;
  }

  function drawEvent(ev) {
    var mod = modalityOf(ev);
    var modCls = KNOWN_MODALITIES[mod] ? "m-" + mod : "m-other";
    var t = ev.type || {};
    var qc = t.quad_class ? "qc-" + t.quad_class : "";
    var card = el("article", ["event", modCls, qc].join(" ").trim());
    card.id = "ev-" + String(ev.id || "").replace(/[^A-Za-z0-9_-]+/g, "_");
    card.setAttribute("data-modality", mod);
    card.setAttribute("data-action", ev.action || "");
    card.setAttribute("data-type", t.code || "");
    card.appendChild(drawWhen(ev.when));

    var body = el("div", "body");
    body.appendChild(el("h4", "title", ev.summary || ev.action || ev.id));
    var meta = el("div", "meta");
    meta.appendChild(el("span", "badge modality " + modCls, mod));
    if (t.code || t.label) {
      var tb = el("span", "badge " + qc, [t.code, t.label].filter(Boolean).join(" · "));
      if (t.quad_class && QUAD_CLASSES[t.quad_class]) { tb.title = QUAD_CLASSES[t.quad_class]; }
      meta.appendChild(tb);
      if (t.code) { seenTypes[t.code] = t.label || ""; }
    }
    if (ev.action && ev.summary && ev.action !== ev.summary) {
      meta.appendChild(el("span", "badge", ev.action));
    }
    body.appendChild(meta);

    var actors = ev.actors || [];
    if (actors.length) {
      var box = el("div", "actors");
      actors.forEach(function (a) {
        var b = el("button", "actor");
        b.type = "button";
        if (a.role) { b.appendChild(el("span", "role", a.role)); }
        b.appendChild(document.createTextNode(a.name || a.id));
        b.title = "Show events of " + (a.name || a.id);
        b.addEventListener("click", function () {
          $("f-actor").value = a.name || a.id;
          apply();
        });
        box.appendChild(b);
        if (a.name) { seenActors[a.name] = 1; }
      });
      body.appendChild(box);
    }

    var ms = ev.mentions || [];
    if (ms.length) {
      var ul = el("ul", "sources");
      ms.forEach(function (m) {
        var li = el("li");
        highlight(li, m.sentence, m.trigger);
        var cite = [m.source, m.article, m.published ? "published " + m.published : ""].filter(Boolean).join(" · ");
        li.appendChild(el("span", "cite", cite));
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }

    var links = el("div", "links");
    var viz = el("a", "viz", "Visualize in cayley");
    viz.href = uiLink("visualize", ev.id);
    links.appendChild(viz);
    var qry = el("a", "query", "Query");
    qry.href = uiLink("query", ev.id);
    links.appendChild(qry);
    var self = el("a", "permalink", "#");
    self.href = "#" + card.id;
    self.title = "link to this event";
    links.appendChild(self);
    body.appendChild(links);

    card.appendChild(body);
    return card;
  }

  function draw(doc) {
    var root = $("timeline");
    root.textContent = "";
    var events = (doc && doc.events) || [];
    var month = null, day = null, mBox = null, dBox = null;
    events.forEach(function (ev) {
      var mk = monthKey(ev.when), dk = dayKey(ev.when);
      if (mk !== month) {
        month = mk; day = null;
        mBox = el("section", "month");
        mBox.setAttribute("data-month", mk);
        mBox.appendChild(el("h2", null, monthTitle(mk)));
        root.appendChild(mBox);
      }
      if (dk !== day) {
        day = dk;
        dBox = el("div", "day");
        dBox.appendChild(el("h3", null, dayTitle(dk, mk)));
        mBox.appendChild(dBox);
      }
      dBox.appendChild(drawEvent(ev));
    });
    fillList("actors", Object.keys(seenActors).sort(), function (k) { return k; });
    fillList("types", Object.keys(seenTypes).sort(), function (k) { return seenTypes[k]; });
    return events.length;
  }

  function fillList(id, keys, label) {
    var dl = $(id);
    dl.textContent = "";
    keys.forEach(function (k) {
      var o = el("option");
      o.value = k;
      if (label(k)) { o.label = label(k); }
      dl.appendChild(o);
    });
  }

  // ---- filters and loading ----

  var FIELDS = ["actor", "from", "to", "type"];

  function currentFilter() {
    var f = {};
    FIELDS.forEach(function (k) {
      var v = $("f-" + k).value.trim();
      if (v) { f[k] = v; }
    });
    return f;
  }

  function describe(f) {
    var bits = [];
    if (f.actor) { bits.push("actor “" + f.actor + "”"); }
    if (f.from) { bits.push("from " + f.from); }
    if (f.to) { bits.push("to " + f.to); }
    if (f.type) { bits.push("type " + f.type); }
    return bits.length ? " for " + bits.join(", ") : "";
  }

  function load(f) {
    var status = $("status");
    status.className = "status";
    status.textContent = "Loading…";
    var qs = new URLSearchParams(f).toString();
    return fetch("/api/timeline" + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) { throw new Error(body.error || (r.status + " " + r.statusText)); }
          return body;
        });
      })
      .then(function (doc) {
        var n = draw(doc);
        status.textContent = n + (n === 1 ? " event" : " events") + describe(f) +
          (doc.schema && doc.schema !== "eventgraph/timeline/v1" ? " (unexpected schema " + doc.schema + ")" : "");
        document.body.setAttribute("data-loaded", "1");
        if (window.location.hash) {
          var t = document.getElementById(window.location.hash.slice(1));
          if (t) { t.scrollIntoView(); }
        }
      })
      .catch(function (err) {
        status.className = "status error";
        status.textContent = "Could not load the timeline: " + err.message;
        document.body.setAttribute("data-loaded", "error");
      });
  }

  function apply() {
    var f = currentFilter();
    var qs = new URLSearchParams(f).toString();
    history.replaceState(null, "", "/timeline" + (qs ? "?" + qs : ""));
    return load(f);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (k) { $("f-" + k).value = params.get(k) || ""; });
    $("filters").addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    $("f-reset").addEventListener("click", function () {
      FIELDS.forEach(function (k) { $("f-" + k).value = ""; });
      apply();
    });
    load(currentFilter());
  });
})();
