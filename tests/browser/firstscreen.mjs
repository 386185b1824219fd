// Measures the first screen of /timeline on a store (issue 21: "the first
// screen of a 100k-article store in under a second"), as a user meets it:
// `eventgraph serve` started on the store, then
//   - how long the server takes to build its default timeline (its log),
//     with its CPU time and peak RSS then (from /proc),
//   - the API's first page (/api/timeline, default filter), cold and warm,
//   - the page's first screen in headless chromium (navigation start to
//     cards and axis drawn, the page's own clock), best and all of five,
//   - a date filter's first page (cut from the default timeline).
// It is a measurement, not a test: make a large store with
// scripts/bigstore (see docs/UX.md), then
//   EG_BIN=bin/eventgraph EG_STORE=/tmp/big node tests/browser/firstscreen.mjs
// EG_WAIT_MIN bounds the wait for the default timeline (default 30 minutes).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const BIN = process.env.EG_BIN;
const STORE = process.env.EG_STORE;
if (!BIN || !STORE) throw new Error("set EG_BIN and EG_STORE");
const WAIT_MS = Number(process.env.EG_WAIT_MIN || 30) * 60_000;
const SHOTS = process.env.EG_SHOT || "";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// proc reads the server's CPU seconds, its anonymous RSS now (the heap:
// bolt's mapped file is the rest) and its peak RSS with the file (MiB).
function proc(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100; // utime+stime, clock ticks of 10 ms
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name) => Math.round(Number(new RegExp(name + ":\\s+(\\d+) kB").exec(status)[1]) / 1024);
  return { cpu, anonMiB: kb("RssAnon"), peakMiB: kb("VmHWM") };
}

async function timed(url) {
  const t0 = performance.now();
  const r = await fetch(url);
  const body = await r.text();
  return { ms: Math.round(performance.now() - t0), status: r.status, bytes: body.length, total: r.headers.get("x-total-count") };
}

const t0 = performance.now();
const child = spawn(BIN, ["serve", "--dbpath", STORE, "--host", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "pipe"] });
let log = "";
child.stdout.on("data", (b) => (log += b));
child.stderr.on("data", (b) => (log += b));
let base = "";
for (let i = 0; i < 600 && !base; i++) {
  const m = /cayley UI at (http:\/\/[^\s/]+)\//.exec(log);
  if (m) base = m[1];
  else await sleep(100);
}
if (!base) throw new Error("the server did not start:\n" + log);
const listening = Math.round(performance.now() - t0);
console.log(`server listening after ${listening} ms`);

// The first request, as a user who opens the page right away meets it.
const early = await timed(base + "/api/timeline");
console.log(`first /api/timeline right after start: ${early.status} in ${early.ms} ms`);

// While the server builds its default timeline: its CPU and RSS every
// minute, and what the page's API answers then.
let built = "";
let lastSample = performance.now();
while (!built && performance.now() - t0 < WAIT_MS) {
  // A store with a fresh timeline index builds nothing: the server says
  // so when it starts.
  const m = /default timeline built.*/.exec(log) || /building the default timeline.*/.exec(log) ||
    /timeline pages read from the store's timeline index.*/.exec(log);
  if (m) built = m[0];
  else await sleep(1000);
  if (!built && performance.now() - lastSample >= 60_000) {
    lastSample = performance.now();
    const s = proc(child.pid);
    const r = await timed(base + "/api/timeline");
    console.log(`  ${Math.round((lastSample - t0) / 1000)} s: server CPU ${s.cpu} s, anonymous RSS ${s.anonMiB} MiB; /api/timeline ${r.status} in ${r.ms} ms`);
  }
}
const p = proc(child.pid);
console.log(`after ${Math.round((performance.now() - t0) / 1000)} s: ${built || "default timeline not built yet"}; server CPU ${p.cpu} s, anonymous RSS ${p.anonMiB} MiB, peak RSS with the mapped store ${p.peakMiB} MiB`);

if (/default timeline built|timeline index/.test(built)) {
  for (const [name, q] of [["first page", ""], ["first page again", ""], ["a year's first page", "?from=2000&to=2000"]]) {
    const r = await timed(base + "/api/timeline" + q);
    console.log(`API ${name}: ${r.status} in ${r.ms} ms, ${r.bytes} bytes, X-Total-Count ${r.total}`);
  }
  const next = (await fetch(base + "/api/timeline")).headers.get("x-next-cursor");
  const r2 = await timed(base + "/api/timeline?cursor=" + next);
  console.log(`API page 2: ${r2.status} in ${r2.ms} ms, ${r2.bytes} bytes`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(base + "/timeline");
    await page.waitForSelector("body[data-loaded='1'], body[data-loaded='error']", { timeout: WAIT_MS });
    times.push(Number(await page.getAttribute("body", "data-drawn")));
  }
  const cards = await page.locator("article.event").count();
  const onAxis = await page.locator("#axis .vis-item.ev").count();
  console.log(`page first screen (navigation to cards and axis drawn): best ${Math.min(...times)} ms of ${times.join(", ")} ms; ` +
    `${cards} cards, ${onAxis} items on the axis, "${await page.textContent("#status")}"`);
  if (SHOTS) await page.screenshot({ path: SHOTS });
  await browser.close();
}
const q = proc(child.pid);
console.log(`server CPU ${q.cpu} s, anonymous RSS ${q.anonMiB} MiB, peak RSS with the mapped store ${q.peakMiB} MiB`);
child.kill("SIGTERM");
