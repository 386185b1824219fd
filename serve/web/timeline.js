// eventgraph timeline page: reads /api/timeline (schema
// eventgraph/timeline/v1) a page at a time and draws the page's events on a
// vis-timeline axis (zoom with the wheel or the buttons, drag to pan), in
// lanes per quad class or per actor, with the list of cards beside it and
// the selected event's sources in the detail pane. No network beyond this
// server.
(function () {
  "use strict";

  var QUAD_CLASSES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  var KNOWN_MODALITIES = { asserted: 1, planned: 1, threatened: 1, negated: 1, reported: 1, hypothetical: 1 };
  var MAX_ACTOR_LANES = 12;
  var FIELDS = ["actor", "from", "to", "type"];
  var DAY = 86400000;

  var seenActors = {};
  var seenTypes = {};
  var state = { events: [], byId: {}, cursor: "", next: "", prev: "", selected: "" };
  var tl = null;
  var items = null;
  var groups = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function $(id) { return document.getElementById(id); }

  // ---- dates ----

  // dateLabel writes an event's time as the CLI does (timeline.DateLabel):
  // the day, "≈ day" for the day it was reported, "lo..hi" for bounds,
  // "≤ hi" and "≥ lo" for one bound, "undated".
  function dateLabel(w) {
    w = w || {};
    var lo = w.earliest || "", hi = w.latest || "";
    if (w.value && lo && lo === hi) { return lo; }
    if (w.value && w.value.length === 10) { return "≈ " + w.value; }
    if (w.value) { return w.value; }
    if (lo && lo === hi) { return lo; }
    if (lo && hi) { return lo + ".." + hi; }
    if (hi) { return "≤ " + hi; }
    if (lo) { return "≥ " + lo; }
    return "undated";
  }

  // dateSense says in words what dateLabel's form means.
  function dateSense(w) {
    w = w || {};
    var lo = w.earliest || "", hi = w.latest || "";
    if (w.value && lo && lo === hi) { return "on this day"; }
    if (w.value && w.value.length === 10) { return "placed on the day its article was published: the text gives no date"; }
    if (w.value) { return "within " + (w.granularity || "this period") + (lo && hi ? ", between " + lo + " and " + hi : ""); }
    if (lo && lo === hi) { return "on this day"; }
    if (lo && hi) { return "known only between these days"; }
    if (hi) { return "on or before this day"; }
    if (lo) { return "on or after this day (not placed)"; }
    return "no date known";
  }

  function day(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }

  // placement is where the axis draws an event: a point for a day, a range
  // for bounds, an open-ended mark for one bound; null when undated.
  function placement(w) {
    w = w || {};
    var lo = day(w.earliest), hi = day(w.latest), v = day(w.value);
    if (lo && hi && lo.getTime() !== hi.getTime()) {
      return { type: "range", start: lo, end: new Date(hi.getTime() + DAY), cls: "bounded" };
    }
    if (v) { return { type: "point", start: v, cls: w.value && lo && lo.getTime() === v.getTime() ? "exact" : "approx" }; }
    if (lo && hi) { return { type: "point", start: lo, cls: "exact" }; }
    // One bound: a box that stands on the side the event may be on.
    if (hi) { return { type: "box", start: hi, cls: "open-before", align: "right" }; }
    if (lo) { return { type: "box", start: lo, cls: "open-after", align: "left" }; }
    return null;
  }

  // ---- links into cayley's UI ----

  // Timeline IDs are eventgraph's canonical IDs ("event/…"), stored as the
  // prefixed IRIs <eg:event/…>.
  function iri(id) {
    id = String(id || "");
    if (id.charAt(0) === "<") { return id; }
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(id)) { return "<" + id + ">"; }
    return "<eg:" + id + ">";
  }

  var EVENT_OUT = ["<rdf:type>", "<eg:agent>", "<eg:target>", "<sem:hasActor>",
    "<eg:participant>", "<sem:hasPlace>", "<eg:after>", "<eg:before>"];
  var ACTOR_PREDS = ["<eg:agent>", "<eg:target>", "<sem:hasActor>", "<eg:participant>"];

  function gizmoFor(id) {
    var v = JSON.stringify(iri(id));
    return [
      "// event " + id + ": its actors, type, neighbours and source articles",
      "var ev = " + v + ";",
      "g.V(ev).Tag(\"source\").Out(" + JSON.stringify(EVENT_OUT) + ").Tag(\"target\").All();",
      "g.V(ev).Out(" + JSON.stringify(ACTOR_PREDS) + ").Tag(\"source\").Out(\"<rdfs:label>\").Tag(\"target\").All();",
      "// a mention <eg:mention/ID/N> is of the article <eg:article/ID>",
      "g.V(ev).In(\"<eg:mentionOf>\").ForEach(function(m) { g.Emit({source: ev, target: \"<eg:article/\" + m.id.split(\"/\")[1] + \">\"}); });"
    ].join("\n");
  }

  // visualizeFor draws the event by name: cayley's visualizer names a node
  // by its value, so the query tags labels, not IRIs (an event by its
  // summary, actors, types and places by their label, articles by their
  // headline). Nodes with the same name are drawn as one.
  function visualizeFor(id) {
    var acts = JSON.stringify(ACTOR_PREDS);
    return [
      "// event " + id + " by name: its actors, type, place, related events and the articles that report it,",
      "// and its actors' other events",
      "var ev = " + JSON.stringify(iri(id)) + ";",
      "function link(path) {",
      "  path.Tag(\"target\").Back(\"ev\").Out(\"<schema:description>\").Tag(\"source\").All();",
      "}",
      "link(g.V(ev).Tag(\"ev\").Out(" + acts + ").Out(\"<rdfs:label>\"));",
      "link(g.V(ev).Tag(\"ev\").Out(\"<rdf:type>\").Out(\"<rdfs:subClassOf>\").Out(\"<rdfs:label>\"));",
      "link(g.V(ev).Tag(\"ev\").Out(\"<sem:hasPlace>\").Out(\"<rdfs:label>\"));",
      "link(g.V(ev).Tag(\"ev\").Out([\"<eg:after>\", \"<eg:before>\", \"<eg:simultaneous>\"]).Out(\"<schema:description>\"));",
      "g.V(ev).Out(\"<schema:description>\").ForEach(function(d) { g.V(ev).In(\"<eg:mentionOf>\").ForEach(function(m) {",
      "  g.V(\"<eg:article/\" + m.id.split(\"/\")[1] + \">\").Out(\"<schema:headline>\").ForEach(function(h) { g.Emit({source: d.id, target: h.id}); });",
      "}); });",
      "g.V(ev).Out(" + acts + ").Tag(\"a\").In(" + acts + ").Out(\"<schema:description>\").Tag(\"target\")",
      "  .Back(\"a\").Out(\"<rdfs:label>\").Tag(\"source\").Limit(40).All();"
    ].join("\n");
  }

  function uiLink(page, id) {
    var q = new URLSearchParams({ lang: "gizmo", q: page === "visualize" ? visualizeFor(id) : gizmoFor(id), run: "1" });
    return (page === "query" ? "/" : "/ui/" + page) + "?" + q.toString();
  }

  // ---- pieces of an event ----

  function modalityOf(ev) { return String(ev.modality || "asserted").toLowerCase(); }

  function modClass(ev) {
    var m = modalityOf(ev);
    return KNOWN_MODALITIES[m] ? "m-" + m : "m-other";
  }

  function qcOf(ev) { return (ev.type && ev.type.quad_class) || 0; }

  function domId(id) { return "ev-" + String(id || "").replace(/[^A-Za-z0-9_-]+/g, "_"); }

  function highlight(sentence, trigger) {
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
    return q;
  }

  function typeBadge(ev) {
    var t = ev.type || {};
    if (!t.code && !t.label) { return null; }
    var b = el("span", "badge qc-" + qcOf(ev), [t.code, t.label].filter(Boolean).join(" · "));
    if (QUAD_CLASSES[qcOf(ev)]) { b.title = QUAD_CLASSES[qcOf(ev)]; }
    if (t.code) { seenTypes[t.code] = t.label || ""; }
    return b;
  }

  function actorButton(a) {
    var b = el("button", "actor");
    b.type = "button";
    if (a.role) { b.appendChild(el("span", "role", a.role)); }
    b.appendChild(document.createTextNode(a.name || a.id));
    b.title = "Show the events of " + (a.name || a.id);
    b.setAttribute("data-actor", a.name || a.id);
    b.addEventListener("click", function (e) {
      e.stopPropagation();
      $("f-actor").value = a.name || a.id;
      apply();
    });
    return b;
  }

  // ---- the list of cards ----

  function drawCard(ev) {
    var mod = modalityOf(ev);
    var card = el("article", ["event", modClass(ev), "qc-" + qcOf(ev)].join(" "));
    card.id = domId(ev.id);
    card.tabIndex = 0;
    card.setAttribute("data-id", ev.id);
    card.setAttribute("data-modality", mod);
    card.setAttribute("data-action", ev.action || "");
    card.setAttribute("data-type", (ev.type && ev.type.code) || "");
    card.setAttribute("data-when", dateLabel(ev.when));
    var when = el("div", "when", dateLabel(ev.when));
    when.title = dateSense(ev.when);
    card.appendChild(when);
    card.appendChild(el("h4", "title", ev.summary || ev.action || ev.id));
    var meta = el("div", "meta");
    meta.appendChild(el("span", "badge modality " + modClass(ev), mod));
    var tb = typeBadge(ev);
    if (tb) { meta.appendChild(tb); }
    var n = (ev.mentions || []).length;
    meta.appendChild(el("span", "count", n + (n === 1 ? " source" : " sources")));
    card.appendChild(meta);
    (ev.actors || []).forEach(function (a) { if (a.name) { seenActors[a.name] = 1; } });
    card.addEventListener("click", function () { select(ev.id, true); });
    card.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { select(ev.id, true); }
    });
    return card;
  }

  // ---- the detail pane ----

  function drawDetail(ev) {
    var box = $("detail");
    box.textContent = "";
    box.setAttribute("data-id", ev.id);
    box.appendChild(el("h2", "title", ev.summary || ev.action || ev.id));

    var when = el("div", "when-detail");
    when.appendChild(el("span", "date", dateLabel(ev.when)));
    when.appendChild(el("span", "sense", " " + dateSense(ev.when)));
    var w = ev.when || {};
    var info = [];
    if (w.granularity) { info.push("granularity " + w.granularity); }
    if (w.basis) { info.push("basis " + w.basis); }
    if (info.length) { when.appendChild(el("div", "basis", info.join(" · "))); }
    if (w.text) { when.appendChild(el("div", "text", "“" + w.text + "”")); }
    box.appendChild(when);

    var meta = el("div", "meta");
    meta.appendChild(el("span", "badge modality " + modClass(ev), modalityOf(ev)));
    var tb = typeBadge(ev);
    if (tb) { meta.appendChild(tb); }
    if (ev.action) { meta.appendChild(el("span", "badge", ev.action)); }
    if (typeof ev.salience === "number") { meta.appendChild(el("span", "badge", "salience " + ev.salience.toFixed(2))); }
    box.appendChild(meta);

    var actors = (ev.actors || []).concat(ev.places || []);
    if (actors.length) {
      var ab = el("div", "actors");
      actors.forEach(function (a) { ab.appendChild(actorButton(a)); });
      box.appendChild(ab);
    }

    var ms = ev.mentions || [];
    box.appendChild(el("h3", null, ms.length === 1 ? "Source" : ms.length + " sources"));
    var ul = el("ul", "sources");
    ms.forEach(function (m) {
      var li = el("li");
      li.appendChild(highlight(m.sentence, m.trigger));
      var cite = el("div", "cite");
      // Without a headline: the source's file or page name, not its path.
      var head = m.headline || String(m.source || m.article || "").replace(/[?#].*$/, "").split("/").filter(Boolean).pop() || "untitled article";
      if (m.url) {
        var a = el("a", "headline", head);
        a.href = m.url;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        cite.appendChild(a);
      } else {
        cite.appendChild(el("span", "headline", head));
      }
      var bits = [];
      if (m.site) { bits.push(m.site); }
      if (m.published) { bits.push(m.published); }
      if (m.authors && m.authors.length) { bits.push(m.authors.join(", ")); }
      if (bits.length) { cite.appendChild(el("span", "where", " · " + bits.join(" · "))); }
      li.appendChild(cite);
      ul.appendChild(li);
    });
    box.appendChild(ul);

    var links = el("div", "links");
    var viz = el("a", "viz", "Visualize in cayley");
    viz.href = uiLink("visualize", ev.id);
    links.appendChild(viz);
    var qry = el("a", "query", "Query");
    qry.href = uiLink("query", ev.id);
    links.appendChild(qry);
    box.appendChild(links);
  }

  // select shows an event in the detail pane, marks its card, and selects
  // it on the axis (focus moves the axis to it).
  function select(id, focus) {
    var ev = state.byId[id];
    if (!ev) { return; }
    state.selected = id;
    drawDetail(ev);
    history.replaceState(null, "", window.location.pathname + window.location.search + "#" + encodeURIComponent(id));
    Array.prototype.forEach.call(document.querySelectorAll("article.event.selected"), function (c) {
      c.classList.remove("selected");
    });
    var card = $(domId(id));
    if (card) {
      card.classList.add("selected");
      card.scrollIntoView({ block: "nearest" });
    }
    if (tl) {
      var ids = items.getIds({ filter: function (it) { return it.event === id; } });
      tl.setSelection(ids);
      if (focus && ids.length) { tl.focus(ids, { animation: false, zoom: false }); }
    }
  }

  // ---- the axis ----

  function laneMode() { return $("lanes-actor").checked ? "actor" : "class"; }

  function itemContent(ev, pl) {
    var c = el("span", "item");
    var label = dateLabel(ev.when);
    if (pl.cls === "open-before" || pl.cls === "open-after" || pl.cls === "approx") {
      c.appendChild(el("span", "mark", label.charAt(0)));
    }
    var s = ev.summary || ev.action || ev.id;
    c.appendChild(document.createTextNode(s.length > 48 ? s.slice(0, 47) + "…" : s));
    return c;
  }

  // drawAxis puts the page's events on the axis, in lanes per quad class
  // or per actor (the page's most frequent actors, the others together).
  function drawAxis(events) {
    var mode = laneMode();
    var gs = [], its = [];
    var laneOf;
    if (mode === "class") {
      [1, 2, 3, 4, 0].forEach(function (q) {
        gs.push({ id: "qc-" + q, content: q ? QUAD_CLASSES[q] : "no CAMEO class", className: "lane qc-" + q, order: q || 9 });
      });
      laneOf = function (ev) { return ["qc-" + qcOf(ev)]; };
    } else {
      var count = {};
      events.forEach(function (ev) {
        (ev.actors || []).forEach(function (a) { count[a.id] = (count[a.id] || 0) + 1; });
      });
      var names = {};
      events.forEach(function (ev) { (ev.actors || []).forEach(function (a) { names[a.id] = a.name || a.id; }); });
      var top = Object.keys(count).sort(function (a, b) { return count[b] - count[a] || names[a].localeCompare(names[b]); })
        .slice(0, MAX_ACTOR_LANES);
      var inTop = {};
      top.forEach(function (id, i) {
        inTop[id] = 1;
        gs.push({ id: "a-" + id, content: names[id], className: "lane actor-lane", order: i, title: count[id] + " events on this page" });
      });
      gs.push({ id: "a-other", content: "other actors", className: "lane actor-lane", order: 998 });
      gs.push({ id: "a-none", content: "no actor", className: "lane actor-lane", order: 999 });
      laneOf = function (ev) {
        var out = [], other = false;
        (ev.actors || []).forEach(function (a) {
          if (inTop[a.id]) { out.push("a-" + a.id); } else { other = true; }
        });
        if (other) { out.push("a-other"); }
        return out.length ? out : ["a-none"];
      };
    }
    var used = {};
    var undated = 0;
    events.forEach(function (ev) {
      var pl = placement(ev.when);
      if (!pl) { undated++; return; }
      laneOf(ev).forEach(function (g) {
        used[g] = 1;
        var it = {
          id: ev.id + "|" + g, event: ev.id, group: g, type: pl.type, start: pl.start,
          content: itemContent(ev, pl),
          className: ["ev", pl.cls, modClass(ev), "qc-" + qcOf(ev)].join(" "),
          title: dateLabel(ev.when) + " · " + (ev.summary || ev.action || ev.id)
        };
        if (pl.end) { it.end = pl.end; }
        if (pl.align) { it.align = pl.align; }
        its.push(it);
      });
    });
    gs = gs.filter(function (g) { return used[g.id]; });
    groups.clear();
    items.clear();
    groups.add(gs);
    items.add(its);
    $("axis").setAttribute("data-lanes", mode);
    $("axis").setAttribute("data-items", String(its.length));
    if (its.length) { fit(); }
    return undated;
  }

  function makeAxis() {
    items = new vis.DataSet();
    groups = new vis.DataSet();
    tl = new vis.Timeline($("axis"), items, groups, {
      // Dates are days: draw them in UTC whatever the browser's zone.
      moment: function (d) { return vis.moment(d).utc(); },
      stack: true,
      minHeight: "260px",
      maxHeight: "420px",
      verticalScroll: true,
      zoomMin: 14 * DAY, // dates are days: the axis never shows hours
      zoomMax: 200 * 365 * DAY,
      orientation: { axis: "top", item: "top" },
      groupOrder: "order",
      selectable: true,
      showCurrentTime: false,
      tooltip: { followMouse: true },
      margin: { item: { horizontal: 4, vertical: 4 } }
    });
    tl.on("select", function (p) {
      if (p.items && p.items.length) {
        var it = items.get(p.items[0]);
        if (it) { select(it.event, false); }
      }
    });
    window.egTimeline = tl; // for the browser tests
    window.egItems = items;
  }

  // fit shows every event of the page, with room for the labels of the
  // last ones.
  function fit() {
    tl.fit({ animation: false });
    tl.zoomOut(0.15, { animation: false });
  }

  function zoom(factor) {
    if (!tl) { return; }
    if (factor < 1) { tl.zoomIn(1 - factor, { animation: false }); } else { tl.zoomOut(factor - 1, { animation: false }); }
  }

  // ---- filters, paging and loading ----

  function currentFilter() {
    var f = {};
    FIELDS.forEach(function (k) {
      var v = $("f-" + k).value.trim();
      if (v) { f[k] = v; }
    });
    if ($("f-all").checked) { f.all = "1"; }
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

  function fmt(n) { return Number(n).toLocaleString("en"); }

  // request asks the server for the page at cursor of the form's filter.
  // While the server builds the timeline of a new filter (a large store
  // takes a while) it answers 503 with Retry-After: ask again then, unless
  // another request was made meanwhile.
  var seq = 0;
  function request(cursor) {
    var f = currentFilter();
    var params = new URLSearchParams(f);
    params.set("limit", $("f-limit").value);
    if (cursor) { params.set("cursor", cursor); }
    var t0 = performance.now();
    var mine = ++seq;
    var attempt = function () {
      return fetch("/api/timeline?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            if (mine !== seq) { return { seq: mine }; } // superseded
            var retry = parseInt(r.headers.get("Retry-After") || "", 10);
            if (r.status === 503 && retry > 0) {
              $("status").textContent = "Building the timeline of this filter (a while on a large store): " +
                (body.error || "") + " (asking again every " + retry + " s)";
              return new Promise(function (res) { setTimeout(res, retry * 1000); }).then(attempt);
            }
            if (!r.ok) {
              var err = new Error(body.error || (r.status + " " + r.statusText));
              err.seq = mine;
              throw err;
            }
            return { doc: body, headers: r.headers, filter: f, cursor: cursor, t0: t0, seq: mine };
          });
        });
    };
    return attempt();
  }

  function load(cursor) {
    return show(request(cursor));
  }

  // show draws a requested page when it comes.
  function show(pending) {
    var status = $("status");
    status.className = "status";
    status.textContent = "Loading…";
    document.body.setAttribute("data-loaded", "");
    return pending
      .then(function (res) {
        if (res.seq !== seq) { return; } // a later request draws
        var f = res.filter, cursor = res.cursor, t0 = res.t0;
        performance.mark("eg:fetched");
        var doc = res.doc, h = res.headers;
        var events = doc.events || [];
        var total = parseInt(h.get("X-Total-Count") || String(events.length), 10);
        var start = parseInt(h.get("X-Page-Start") || "0", 10);
        state.events = events;
        state.byId = {};
        events.forEach(function (ev) { state.byId[ev.id] = ev; });
        state.cursor = cursor || "";
        state.next = h.get("X-Next-Cursor") || "";
        state.prev = h.get("X-Prev-Cursor") || "";

        var list = $("list");
        list.textContent = "";
        events.forEach(function (ev) { list.appendChild(drawCard(ev)); });
        performance.mark("eg:cards");
        var undated = drawAxis(events);
        performance.mark("eg:axis");
        fillList("actors", Object.keys(seenActors).sort(), function (k) { return k; });
        fillList("types", Object.keys(seenTypes).sort(), function (k) { return seenTypes[k]; });

        $("prev").disabled = !state.prev;
        $("next").disabled = !state.next;
        $("range").textContent = events.length ? fmt(start + 1) + "–" + fmt(start + events.length) + " of " + fmt(total) : "";
        status.textContent = fmt(total) + (total === 1 ? " event" : " events") + describe(f) +
          (undated ? " · " + undated + " undated on this page, in the list only" : "") +
          (doc.schema && doc.schema !== "eventgraph/timeline/v1" ? " (unexpected schema " + doc.schema + ")" : "");
        document.body.setAttribute("data-total", String(total));
        document.body.setAttribute("data-start", String(start));
        document.body.setAttribute("data-ms", String(Math.round(performance.now() - t0)));
        document.body.setAttribute("data-drawn", String(Math.round(performance.now())));
        document.body.setAttribute("data-loaded", "1");
        var want = window.location.hash.slice(1);
        if (want && state.byId[decodeURIComponent(want)]) {
          select(decodeURIComponent(want), true);
        } else if (events.length) {
          $("detail").textContent = "";
          $("detail").appendChild(el("p", "hint", "Select an event on the axis or in the list to read its sources."));
        }
      })
      .catch(function (err) {
        if (err.seq && err.seq !== seq) { return; }
        status.className = "status error";
        status.textContent = "Could not load the timeline: " + err.message;
        document.body.setAttribute("data-loaded", "error");
      });
  }

  function syncURL() {
    var f = currentFilter();
    if (laneMode() === "actor") { f.lanes = "actor"; }
    var qs = new URLSearchParams(f).toString();
    history.replaceState(null, "", "/timeline" + (qs ? "?" + qs : "") + window.location.hash);
  }

  function apply() {
    syncURL();
    return load("");
  }

  // This script runs before vis-timeline (both deferred, the document
  // parsed): the first page is asked for while the library loads.
  var params = new URLSearchParams(window.location.search);
  FIELDS.forEach(function (k) { $("f-" + k).value = params.get(k) || ""; });
  $("f-all").checked = params.get("all") === "1";
  if (params.get("lanes") === "actor") { $("lanes-actor").checked = true; }
  var first = request("");
  first.catch(function () { /* shown by show() */ });

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.vis || !window.vis.Timeline) {
      $("status").className = "status error";
      $("status").textContent = "The timeline library did not load.";
      document.body.setAttribute("data-loaded", "error");
      return;
    }
    makeAxis();
    $("filters").addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    $("f-reset").addEventListener("click", function () {
      FIELDS.forEach(function (k) { $("f-" + k).value = ""; });
      $("f-all").checked = false;
      $("lanes-class").checked = true;
      apply();
    });
    Array.prototype.forEach.call(document.querySelectorAll("input[name=lanes]"), function (r) {
      r.addEventListener("change", function () {
        syncURL();
        drawAxis(state.events);
        if (state.selected) { select(state.selected, false); }
      });
    });
    $("f-limit").addEventListener("change", apply);
    $("next").addEventListener("click", function () { if (state.next) { load(state.next); } });
    $("prev").addEventListener("click", function () { if (state.prev) { load(state.prev); } });
    $("zoom-in").addEventListener("click", function () { zoom(0.5); });
    $("zoom-out").addEventListener("click", function () { zoom(2); });
    $("zoom-fit").addEventListener("click", fit);
    show(first);
  });
})();
