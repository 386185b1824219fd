// End-to-end test of `eventgraph serve` in headless Debian chromium.
// Run through tests/browser/run.sh, which builds the binary and the store and
// passes them in EG_BIN and EG_DB.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
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

let server, base, browser, serverLog = "";

// startServer runs `eventgraph serve` from an empty folder, with an empty
// module cache, on a free loopback port, and resolves to its base URL.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ["serve", "--dbpath", DB, "--host", "127.0.0.1:0"], {
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
    server = child;
    const timer = setTimeout(() => reject(new Error("server did not start in 30s:\n" + serverLog)), 30000);
    const onData = (buf) => {
      serverLog += buf.toString();
      const m = /cayley UI at (http:\/\/[^\s/]+)\//.exec(serverLog);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${serverLog}`));
    });
  });
}

before(async () => {
  base = await startServer();
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
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
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
    ["POST", "/api/v1/query/gizmo", 'g.V().Has("<rdf:type>", "<sem:Event>").Out("<eg:action>").All()', ['"result"']],
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
    'g.V().Has("<rdf:type>", "<sem:Actor>").Out("<rdfs:label>").Filter(regex("Netanyahu"))',
    '  .In("<rdfs:label>").In(["<eg:agent>", "<eg:target>", "<sem:hasActor>"])',
    '  .Has("<rdf:type>", "<sem:Event>").Unique().Tag("event").Out("<eg:action>").All()',
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

test("timeline shows the abstention before the cancellation", async (t) => {
  const { page, problems, offsite } = await newPage(t);
  await page.goto(base + "/timeline");
  await page.waitForSelector("body[data-loaded]");
  assert.equal(await page.getAttribute("body", "data-loaded"), "1", await page.textContent("#status"));
  const cards = await page.$$eval("article.event", (els) =>
    els.map((e) => ({ action: e.dataset.action || "", title: e.querySelector(".title").textContent, modality: e.dataset.modality })));
  assert.ok(cards.length > 1, "too few events: " + JSON.stringify(cards));
  const abst = cards.findIndex((c) => /abstain|abstention/i.test(c.action + " " + c.title));
  const canc = cards.findIndex((c) => /cancel/i.test(c.action + " " + c.title));
  assert.ok(abst >= 0, "no abstention on the page: " + JSON.stringify(cards));
  assert.ok(canc >= 0, "no cancellation on the page: " + JSON.stringify(cards));
  assert.ok(abst < canc, `abstention (#${abst}) must come before the cancellation (#${canc})`);
  // Text order on the page, too: the abstention card's title precedes the cancellation card's.
  const text = await page.innerText("#timeline");
  assert.ok(text.indexOf(cards[abst].title) < text.indexOf(cards[canc].title), "text order");
  // Source sentences are shown with each event.
  assert.ok(await page.locator("article.event .sources li").count() > 0, "no source sentences");
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline.png"), fullPage: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-top.png") });
  await page.locator("article.event").nth(abst).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-abstention.png") });

  // Actor filter narrows the list.
  await page.fill("#f-actor", "Netanyahu");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction(() => /actor/.test(document.getElementById("status").textContent));
  const filtered = await page.locator("article.event").count();
  assert.ok(filtered > 0 && filtered <= cards.length, `actor filter: ${filtered} of ${cards.length}`);
  await page.screenshot({ path: path.join(ARTIFACTS, "timeline-actor.png"), fullPage: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(offsite(), [], "the timeline must not reach the network");
});

test("an event opens in cayley's Visualize view and the graph draws", async (t) => {
  const { page, problems, offsite } = await newPage(t);
  await page.goto(base + "/timeline");
  await page.waitForSelector("body[data-loaded='1']");
  const card = page.locator("article.event", { hasText: /cancel/i }).first();
  const href = await card.locator("a.viz").getAttribute("href");
  assert.ok(href.startsWith("/ui/visualize?"), href);
  await card.locator("a.viz").click();
  await page.waitForURL(/\/ui\/visualize/);
  await page.waitForFunction(() => window.sigmaGraph && window.sigmaGraph.graph.nodes().length > 1, null, { timeout: 20000 });
  const nodes = await page.evaluate(() => window.sigmaGraph.graph.nodes().map((n) => n.id));
  assert.ok(nodes.some((n) => /event\//.test(n)), "the event node is drawn: " + nodes.join(", "));
  await page.waitForTimeout(1500); // let the layout settle for the screenshot
  await page.screenshot({ path: path.join(ARTIFACTS, "visualize.png") });
  assert.deepEqual(problems, []);
  assert.deepEqual(offsite(), [], "the visualizer must not reach the network");
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
