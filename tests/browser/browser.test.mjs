// End-to-end test of `eventgraph serve` in headless Debian chromium.
// Run through tests/browser/run.sh, which builds the binary and the store and
// passes them in EG_BIN and EG_DB.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run tests/browser/run.sh`);
  return v;
};

const BIN = env("EG_BIN");
const DB = env("EG_DB");
const ARTIFACTS = process.env.EG_ARTIFACTS || path.resolve("../../artifacts/browser");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(ARTIFACTS, { recursive: true });

const LARGE_DB = env("EG_LARGE_DB");

let base, large, browser;
const servers = [];

// startServer runs `eventgraph serve` on db from an empty folder, with an
// empty module cache, on a free loopback port, and resolves to its base URL
// and a function that tells whether its log has a line matching a pattern.
function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ["serve", "--dbpath", db, "--host", "127.0.0.1:0"], {
      cwd: process.env.EG_EMPTY_DIR || undefined,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.EG_EMPTY_DIR || process.env.HOME,
        GOMODCACHE: process.env.EG_GOMODCACHE || "/nonexistent",
        GOPATH: process.env.EG_GOPATH || "/nonexistent",
        GOFLAGS: "-mod=mod",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    servers.push(child);
    let log = "";
    const timer = setTimeout(() => reject(new Error("server did not start in 30s:\n" + log)), 30000);
    const onData = (buf) => {
      log += buf.toString();
      const m = /cayley UI at (http:\/\/[^\s/]+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], logged: (re) => re.test(log), log: () => log });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
}

before(async () => {
  base = (await startServer(DB)).url;
  // The large store's server starts now: it builds its default timeline
  // while the other tests run.
  large = await startServer(LARGE_DB);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  for (const server of servers) {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
  }
});

// newPage opens a page that records every request and fails the test on
// dialogs (cayley's visualize page alerts on JS errors) and page errors.
async function newPage(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push("console: " + m.text());
  });
  page.on("dialog", async (d) => {
    problems.push("dialog: " + d.message());
    await d.dismiss();
  });
  t.after(() => context.close());
  const offsite = () => requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:"));
  return { page, requests, problems, offsite };
}

test("routes answer 200 with real content from the -trimpath binary", async () => {
  const checks = [
    ["GET", "/", null, ["cayley_query.js", "Run Query"]],
    ["GET", "/ui/visualize", null, ["sigma.min.js"]],
    ["GET", "/static/js/cayley_main.js", null, ["CodeMirror"]],
    ["GET", "/docs/gizmoapi", null, ["Gizmo"]],
    ["GET", "/timeline", null, ["timeline.js"]],
    ["POST", "/api/v1/query/gizmo", 'g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").Out("<rdf:type>").Out("<eg:action>").All()', ['"result"']],
    ["GET", "/api/timeline", null, ['"eventgraph/timeline/v1"']],
  ];
  for (const [method, p, body, wants] of checks) {
    const r = await fetch(base + p, { method, body: body ?? undefined });
    const text = await r.text();
    assert.equal(r.status, 200, `${method} ${p}: ${r.status} ${text.slice(0, 200)}`);
    for (const w of wants) assert.ok(text.includes(w), `${method} ${p} lacks ${w}`);
  }
  const r = await fetch(base + "/api/v1/write", { method: "POST", body: "[]" });
  assert.equal(r.status, 403, "writes are refused by default (read-only)");
});

test("query UI runs a Gizmo query for an actor's events", async (t) => {
  const { page, problems, offsite } = await newPage(t);
  await page.goto(base + "/");
  await page.waitForFunction(() => window.editor && window.output_editor);
  const q = [
    'g.V("<sem:Actor>").In("<rdfs:subClassOf>").In("<rdf:type>").Out("<rdfs:label>").Filter(regex("Netanyahu"))',
    '  .In("<rdfs:label>").In(["<eg:agent>", "<eg:target>", "<eg:participant>"])',
    '  .Unique().Tag("event").Out("<rdf:type>").Out("<eg:action>").All()',
  ].join("\n");
  await page.evaluate((q) => window.editor.setValue(q), q);
  await page.click("#run_button");
  await page.waitForFunction(() => /"result"/.test(window.output_editor.getValue()), null, { timeout: 20000 });
  const out = await page.evaluate(() => window.output_editor.getValue());
  const parsed = JSON.parse(out);
  assert.ok(Array.isArray(parsed.result) && parsed.result.length > 0, "no events for Netanyahu: " + out.slice(0, 300));
  assert.ok(parsed.result.some((r) => /cancel/i.test(r.id) && /event\//.test(r.event)),
    "Netanyahu's events lack the cancellation: " + out.slice(0, 500));
  await page.screenshot({ path: path.join(ARTIFACTS, "query.png") });
  assert.deepEqual(problems, []);
  assert.deepEqual(offsite(), [], "the UI must not reach the network");
});

// openTimeline loads /timeline (with a query string) and waits for the
// first page to draw.
async function openTimeline(page, url, query = "") {
  await page.goto(url + "/timeline" + query);
  await page.waitForSelector("body[data-loaded='1'], body[data-loaded='error']");
  assert.equal(await page.getAttribute("body", "data-loaded"), "1", await page.textContent("#status"));
}

// reload waits for the page to draw again after an action that reloads it.
async function reloaded(page, action) {
  await page.evaluate(() => document.body.setAttribute("data-loaded", "wait"));
  await action();
  await page.waitForSelector("body[data-loaded='1'], body[data-loaded='error']");
  assert.equal(await page.getAttribute("body", "data-loaded"), "1", await page.textContent("#status"));
}

const axisWindow = (page) => page.evaluate(() => {
  const w = window.egTimeline.getWindow();
  return { start: w.start.getTime(), end: w.end.getTime() };
});

// cliDates runs `eventgraph timeline` beside the read-only server and
// returns its WHEN column by event summary (the table's first two columns).
function cliDates(db, args = []) {
  const out = execFileSync(BIN, ["timeline", "--dbpath", db, "--format", "json", ...args], { encoding: "utf8" });
  const table = execFileSync(BIN, ["timeline", "--dbpath", db, "--format", "table", ...args], { encoding: "utf8" });
  const events = JSON.parse(out).events;
  const rows = table.split("\n").slice(1).filter((l) => l.trim() && !/^\d+ events?$/.test(l.trim()));
  assert.equal(rows.length, events.length, "table and JSON list the same events");
  return events.map((e, i) => ({ id: e.id, summary: e.summary, when: rows[i].split(/\s{2,}/)[0].trim() }));
}

test("timeline draws an axis with the events in quad-class lanes, abstention before cancellation", async (t) => {
  const { page, problems, offsite } = await newPage(t);
  await openTimeline(page, base);
  // vis-timeline's axis, with dates on it, and the events on the axis.
  assert.ok(await page.locator("#axis .vis-timeline").count() === 1, "no vis-timeline on the page");
  assert.ok(await page.locator("#axis .vis-time-axis .vis-text").count() > 2, "no dates on the axis");
  const onAxis = await page.locator("#axis .vis-item.ev").count();
  assert.ok(onAxis > 5, `only ${onAxis} events on the axis`);
  const lanes = await page.$$eval("#axis .vis-labelset .vis-label", (els) => els.map((e) => e.textContent.trim()));
  assert.ok(lanes.some((l) => /conflict|cooperation/.test(l)), "lanes are not quad classes: " + lanes.join(", "));
  assert.equal(await page.getAttribute("#axis", "data-lanes"), "class");

  const cards = await page.$$eval("article.event", (els) =>
    els.map((e) => ({ action: e.dataset.action || "", title: e.querySelector(".title").textContent, when: e.dataset.when })));
  assert.ok(cards.length > 1, "too few events: " + JSON.stringify(cards));
  const abst = cards.findIndex((c) => /abstain|abstention/i.test(c.action + " " + c.title));
  const canc = cards.findIndex((c) => /cancel/i.test(c.action + " " + c.title));
  assert.ok(abst >= 0, "no abstention on the page: " + JSON.stringify(cards));
  assert.ok(canc >= 0, "no cancellation on the page: " + JSON.stringify(cards));
  assert.ok(abst < canc, `abstention (#${abst}) must come before the cancellation (#${canc})`);
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline.png"), fullPage: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(offsite(), [], "the timeline must not reach the network");
});

test("timeline zooms and pans", async (t) => {
  const { page, problems } = await newPage(t);
  await openTimeline(page, base, "?all=1");
  const w0 = await axisWindow(page);
  await page.click("#zoom-in");
  const w1 = await axisWindow(page);
  assert.ok(w1.end - w1.start < 0.75 * (w0.end - w0.start), `zoom in: ${JSON.stringify(w0)} -> ${JSON.stringify(w1)}`);
  // The mouse wheel with Ctrl zooms too (vis-timeline's own handler).
  const box = await page.locator("#axis .vis-center").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await page.waitForTimeout(200);
  const w2 = await axisWindow(page);
  assert.ok(w2.end - w2.start < w1.end - w1.start, `wheel zoom: ${JSON.stringify(w1)} -> ${JSON.stringify(w2)}`);
  // Dragging the axis pans it: the same span, moved.
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 300, box.y + 20, { steps: 10 });
  await page.mouse.up();
  const w3 = await axisWindow(page);
  assert.ok(w3.start > w2.start, `pan: ${JSON.stringify(w2)} -> ${JSON.stringify(w3)}`);
  assert.ok(Math.abs((w3.end - w3.start) - (w2.end - w2.start)) < 1000, "panning keeps the span");
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-zoomed.png") });
  await page.click("#zoom-fit");
  assert.deepEqual(problems, []);
});

test("timeline lanes per actor and the actor filter", async (t) => {
  const { page, problems } = await newPage(t);
  await openTimeline(page, base);
  const total = Number(await page.getAttribute("body", "data-total"));
  await page.check("#lanes-actor");
  await page.waitForSelector("#axis[data-lanes='actor']");
  const lanes = await page.$$eval("#axis .vis-labelset .vis-label", (els) => els.map((e) => e.textContent.trim()));
  assert.ok(lanes.some((l) => /Netanyahu/.test(l)), "no Netanyahu lane: " + lanes.join(", "));
  assert.ok(!lanes.some((l) => /conflict|cooperation/.test(l)), "quad-class lanes left: " + lanes.join(", "));
  assert.match(page.url(), /lanes=actor/);
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-actor-lanes.png") });

  // Filter by actor from the detail pane's actor button: the server filters.
  await page.locator("article.event", { hasText: /cancel/i }).first().click();
  await reloaded(page, () => page.locator("#detail button.actor", { hasText: /Netanyahu/ }).first().click());
  assert.match(await page.textContent("#status"), /actor “Benjamin Netanyahu”/);
  const filtered = Number(await page.getAttribute("body", "data-total"));
  const api = await (await fetch(base + "/api/timeline?actor=" + encodeURIComponent("Benjamin Netanyahu"))).json();
  assert.equal(filtered, api.events.length, "the page shows the server's filtered events");
  assert.ok(filtered > 0 && filtered < total, `actor filter: ${filtered} of ${total}`);
  assert.ok(api.events.every((e) => e.actors.some((a) => /Netanyahu/.test(a.name))), "an event without Netanyahu");
  assert.equal(await page.locator("article.event").count(), filtered);
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-actor.png") });
  assert.deepEqual(problems, []);
});

test("a card opens its detail: source sentences, headline, site and date linked to the URL", async (t) => {
  const { page, problems } = await newPage(t);
  await openTimeline(page, base, "?all=1");
  const card = page.locator("article.event", { hasText: /Ruto meets/ }).first();
  await card.click();
  await page.waitForSelector("#detail .sources li");
  assert.match(await page.textContent("#detail h2"), /Ruto meets/);
  const link = page.locator("#detail .sources .cite a.headline").first();
  assert.equal(await link.getAttribute("href"), "https://example.org/news/2024/05/14/kenya-tanzania-border");
  assert.match(await link.textContent(), /Kenya and Tanzania sign border agreement/);
  const cite = await page.textContent("#detail .sources .cite");
  assert.match(cite, /Example News/);
  assert.match(cite, /2024-05-14/);
  assert.match(await page.textContent("#detail .sources q"), /met Tanzanian President/);
  assert.ok(await page.locator("#detail .sources q mark").count() > 0, "the trigger is not marked");
  // The card is selected on the axis, too.
  assert.ok(await page.locator("#axis .vis-item.vis-selected").count() > 0, "not selected on the axis");
  // No file paths or internal IRIs stand for a source.
  const detail = await page.innerText("#detail");
  assert.ok(!/eg:article\/|\.jsonl|\/tmp\//.test(detail), "a path or IRI in the detail: " + detail);
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-detail.png") });

  // The seeds' cancellation, from its permalink, and on to cayley's Visualize view.
  const id = (await (await fetch(base + "/api/timeline")).json()).events.find((e) => /cancel/i.test(e.summary)).id;
  await openTimeline(page, base, "#" + encodeURIComponent(id));
  await page.waitForSelector(`#detail[data-id="${id}"]`);
  assert.ok(await page.locator("#detail .sources li").count() > 0, "no source sentences");
  await page.locator("#detail a.viz").click();
  await page.waitForURL(/\/ui\/visualize/);
  await page.waitForFunction(() => window.sigmaGraph && window.sigmaGraph.graph.nodes().length > 1, null, { timeout: 20000 });
  // Nodes are named readably: the event by its summary, its actors by name,
  // no IRIs.
  const nodes = await page.evaluate(() => window.sigmaGraph.graph.nodes().map((n) => n.label || n.id));
  const summary = (await (await fetch(base + "/api/timeline")).json()).events.find((e) => e.id === id).summary;
  assert.ok(nodes.includes(summary), `the event (${summary}) is drawn by its summary: ` + nodes.join(" | "));
  assert.ok(nodes.some((n) => /Netanyahu/.test(n) && n !== summary), "its actor is drawn by name: " + nodes.join(" | "));
  assert.ok(!nodes.some((n) => /^<|eg:|event\//.test(n)), "an IRI among the nodes: " + nodes.join(" | "));
  await page.waitForTimeout(1500); // let the layout settle for the screenshot
  await page.screenshot({ path: path.join(ARTIFACTS, "visualize.png") });
  assert.deepEqual(problems, []);
});

test("bounded dates are shown as the CLI shows them and drawn as ranges or open-ended marks", async (t) => {
  const { page, problems } = await newPage(t);
  await openTimeline(page, base, "?all=1");
  await reloaded(page, () => page.selectOption("#f-limit", "500"));
  const cli = cliDates(DB, ["--all"]);
  const cards = await page.$$eval("article.event", (els) => els.map((e) => ({ id: e.dataset.id, when: e.dataset.when })));
  assert.equal(cards.length, cli.length, "the page lists the CLI's events");
  const byId = new Map(cards.map((c) => [c.id, c.when]));
  for (const e of cli) assert.equal(byId.get(e.id), e.when, `${e.summary}: page ${byId.get(e.id)}, CLI ${e.when}`);
  const forms = new Set(cli.map((e) => e.when.slice(0, 1)));
  for (const f of ["≈", "≥", "u"]) assert.ok(forms.has(f), `no ${f}… date among the seeds: ` + [...forms].join(" "));
  // On the axis: ≥ as an open-ended mark, month or bounds as a range
  // (vis-timeline draws the items in view: show each kind first).
  for (const [cls, sel] of [["open-after", ".vis-item.ev.vis-box.open-after"], ["bounded", ".vis-item.ev.vis-range.bounded"]]) {
    const id = await page.evaluate((cls) => {
      const ids = window.egItems.getIds({ filter: (it) => it.className.split(" ").includes(cls) });
      if (ids.length) window.egTimeline.focus(ids[0], { animation: false });
      return ids[0];
    }, cls);
    assert.ok(id, `no ${cls} item on the axis`);
    await page.waitForSelector(sel);
    await page.screenshot({ path: path.join(ARTIFACTS, `timeline-${cls}.png`) });
  }
  assert.equal(await page.locator("#axis .vis-item.ev.open-after .mark").first().textContent(), "≥");
  assert.deepEqual(problems, []);
});

test("the large store pages on the server: first screen in under a second, next and previous pages", async (t) => {
  const { page, problems } = await newPage(t);
  // Its pages are read from the store's timeline index (kept by ingest),
  // or its default timeline was built as the server started.
  const ready = /timeline pages read from the store's timeline index|default timeline built/;
  for (let i = 0; i < 120 && !large.logged(ready); i++) await new Promise((r) => setTimeout(r, 500));
  assert.ok(large.logged(ready), "the large store's timeline was not built in a minute:\n" + large.log());
  assert.ok(large.logged(/timeline pages read from the store.s timeline index/), "the large store's ingest kept no timeline index:\n" + large.log());
  // The first screen: from the start of the navigation to the page drawn
  // (list and axis), as the page's own clock says; best of five, as the
  // machine may be busy with other work (the others are logged).
  const times = [];
  for (let i = 0; i < 5; i++) {
    await openTimeline(page, large.url);
    times.push(Math.round(Number(await page.getAttribute("body", "data-drawn"))));
  }
  const firstScreen = Math.min(...times);
  const total = Number(await page.getAttribute("body", "data-total"));
  const cards = await page.locator("article.event").count();
  console.log(`large store: ${total} events, first screen in ${times.join(", ")} ms (last API and drawing ${await page.getAttribute("body", "data-ms")} ms), ${cards} cards`);
  assert.ok(total > 1000, `only ${total} events in the large store`);
  assert.equal(cards, 100, "one page of cards");
  assert.ok(firstScreen < 1000, `first screen took ${firstScreen} ms`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 4000, `the page is ${height} px tall`);
  const r = await fetch(large.url + "/api/timeline");
  assert.equal(r.headers.get("x-total-count"), String(total));
  assert.ok((await r.text()).length < 1_000_000, "a page of the API is under a megabyte");
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-large.png") });

  const first = await page.getAttribute("article.event >> nth=0", "data-id");
  await reloaded(page, () => page.click("#next"));
  assert.equal(await page.getAttribute("body", "data-start"), "100");
  assert.match(await page.textContent("#range"), /^101–200 of /);
  const second = await page.getAttribute("article.event >> nth=0", "data-id");
  assert.notEqual(second, first);
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-large-page2.png") });
  await reloaded(page, () => page.click("#prev"));
  assert.equal(await page.getAttribute("body", "data-start"), "0");
  assert.equal(await page.getAttribute("article.event >> nth=0", "data-id"), first);
  assert.ok(await page.isDisabled("#prev"));

  // A filter is applied on the server, over the whole store.
  await page.fill("#f-from", "1989-01-01");
  await page.fill("#f-to", "1989-12-31");
  await reloaded(page, () => page.click("#filters button[type=submit]"));
  const year = Number(await page.getAttribute("body", "data-total"));
  assert.ok(year > 0 && year < total, `1989 only: ${year} of ${total}`);
  assert.deepEqual(problems, []);
});

// TIMELINEJS is the pinned TimelineJS (package.json) the export is
// rendered with.
const TIMELINEJS = path.resolve("node_modules/@knight-lab/timelinejs/dist");

test("the TimelineJS export loads in TimelineJS 3.9.11: no errors, a slide per event, lanes by quad class", async (t) => {
  const { page } = await newPage(t);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const doc = JSON.parse(execFileSync(BIN, ["timeline", "--dbpath", DB, "--format", "timelinejs"], { encoding: "utf8" }));
  assert.ok(doc.events.length > 5, `only ${doc.events.length} slides`);
  await page.setContent('<!doctype html><html><body><div id="tl" style="width:1200px;height:650px"></div></body></html>');
  await page.addStyleTag({ path: path.join(TIMELINEJS, "css/timeline.css") });
  await page.addScriptTag({ path: path.join(TIMELINEJS, "js/timeline.js") });
  await page.evaluate((d) => { window.tl = new TL.Timeline("tl", d); }, doc);
  await page.waitForSelector("#tl .tl-slide-titleslide");
  const loaded = await page.evaluate(() => ({
    events: window.tl.config.events.length,
    errors: window.tl.config.messages.errors,
    warnings: window.tl.config.messages.warnings,
    groups: [...document.querySelectorAll("#tl .tl-timegroup-message")].map((e) => e.textContent.trim()),
    title: document.querySelector("#tl .tl-slide-titleslide").innerText,
  }));
  assert.deepEqual(loaded.errors, [], "TimelineJS refused part of the export");
  assert.equal(loaded.events, doc.events.length, "a slide per event");
  const lanes = [...new Set(doc.events.map((e) => e.group))].sort();
  assert.deepEqual([...loaded.groups].sort(), lanes, "the lanes TimelineJS draws are the export's groups");
  assert.ok(lanes.length <= 4, "lanes by quad class: " + lanes.join(", "));
  assert.match(loaded.title, new RegExp(`${doc.events.length} events`));
  await page.screenshot({ path: path.join(ARTIFACTS, "timelinejs.png") });
  assert.deepEqual(errors, []);
});

test("cross-origin requests are refused in the browser", async (t) => {
  const { page } = await newPage(t);
  // localhost and 127.0.0.1 are different origins for the browser.
  const other = base.replace("127.0.0.1", "localhost");
  await page.goto(other + "/timeline");
  const result = await page.evaluate(async (target) => {
    try {
      const r = await fetch(target + "/api/v1/query/gizmo", { method: "POST", body: "g.V().All()" });
      return "status " + r.status;
    } catch (e) {
      return "blocked: " + e.message;
    }
  }, base);
  assert.match(result, /^blocked/, "a foreign page could read the API: " + result);
  const r = await fetch(base + "/api/v1/query/gizmo", { method: "POST", body: "g.V().All()", headers: { Origin: "http://evil.example" } });
  assert.equal(r.status, 403);
});
