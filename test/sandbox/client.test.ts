// The page's side of the sandbox, in Node: a stand-in container answers on
// the run's MessageChannel as the worker would (or misbehaves), so the
// protocol — fresh container per run, time limits, validation — is tested
// without a browser. The browser tests (test/e2e/sandbox-escape.e2e.test.ts)
// check the real iframe (one per cell) and its fresh worker per run.
import { afterEach, describe, expect, test, vi } from "vitest";
import { Sandbox, type Spawn } from "../../src/components/editor/sandbox/client.js";
import type { RunRequest } from "../../src/components/editor/sandbox/protocol.js";

interface FakeHost {
  port: MessagePort;
  disposed: boolean;
  fail(message: string): void;
}

/**
 * A stand-in container: says ready (at once, or after `bootMs`), then answers
 * each request with `reply(request, port)` (undefined: never answers).
 */
function fakeSpawn(reply: (request: RunRequest, port: MessagePort) => unknown, { bootMs = 0 } = {}) {
  const hosts: FakeHost[] = [];
  const spawn: Spawn = (_bundle, port) => {
    let fail: (message: string) => void = () => {};
    const host: FakeHost = { port, disposed: false, fail: (m) => fail(m) };
    hosts.push(host);
    port.onmessage = (event: MessageEvent<RunRequest>) => {
      const answer = reply(event.data, port);
      if (answer !== undefined) port.postMessage(answer);
    };
    setTimeout(() => port.postMessage({ type: "ready" }), bootMs);
    return {
      failure: new Promise<string>((resolve) => (fail = resolve)),
      dispose() {
        host.disposed = true;
        port.close();
      },
    };
  };
  return { spawn, hosts };
}

const load = async () => new Blob(["bundle"]);
const ok = (r: RunRequest, value: unknown) => ({ type: "result", id: r.id, ok: true, value, logs: [], ms: 1 });

describe("new Sandbox({url, timeout, spawn}).run(code, adapter, params)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("resolves with the answer of the run's own container, and disposes of it", async () => {
    const { spawn, hosts } = fakeSpawn((r) => ok(r, r.code.length));
    const sandbox = new Sandbox({ url: "w.js", spawn, load });
    await expect(sandbox.run("return 1")).resolves.toMatchObject({ ok: true, value: 8 });
    expect(hosts).toHaveLength(1);
    expect(hosts[0].disposed).toBe(true);
  });

  test("every run gets a fresh container: nothing a run leaves behind reaches the next", async () => {
    const { spawn, hosts } = fakeSpawn((r, port) => {
      // The first run tries to answer again later, for any run.
      if (r.code === "hijack") setTimeout(() => port.postMessage(ok({ ...r, id: r.id + 1 }, "HIJACKED")), 5);
      return ok(r, r.code);
    });
    const sandbox = new Sandbox({ url: "w.js", spawn, load });
    await expect(sandbox.run("hijack")).resolves.toMatchObject({ value: "hijack" });
    await expect(sandbox.run("honest")).resolves.toMatchObject({ value: "honest" });
    expect(hosts.map((h) => h.disposed)).toEqual([true, true]);
    expect(hosts[0].port).not.toBe(hosts[1].port);
  });

  test("stops a run past the time limit and disposes of its container; the next run works (B6)", async () => {
    const { spawn, hosts } = fakeSpawn((r) => (r.code === "while (true) {}" ? undefined : ok(r, "again")));
    const sandbox = new Sandbox({ url: "w.js", timeout: 200, spawn, load });
    const response = await sandbox.run("while (true) {}");
    expect(!response.ok && response.error.name).toBe("Timeout");
    expect(!response.ok && response.error.message).toMatch(/Stopped after 0\.2 s/);
    expect(hosts[0].disposed).toBe(true);
    await expect(sandbox.run("return 1")).resolves.toMatchObject({ ok: true, value: "again" });
  });

  test("a malformed answer gives a clear error, never a cell stuck on Running", async () => {
    for (const bad of [null, 42, { type: "result" }, { type: "result", id: 1, ok: "yes", logs: [] }, { type: "result", id: 1, ok: true, logs: "x", value: 1 }, { type: "other" }]) {
      const { spawn } = fakeSpawn(() => bad);
      const response = await new Sandbox({ url: "w.js", spawn, load }).run("x");
      expect(response.ok).toBe(false);
      expect(!response.ok && response.error.message).toMatch(/malformed answer/);
    }
  });

  test("a result too large to draw is refused with a ShapeError", async () => {
    const { spawn } = fakeSpawn((r) => ok(r, { x: new Float64Array(1e5), y: new Float64Array(1e5) }));
    const response = await new Sandbox({ url: "w.js", spawn, load, limits: { maxValues: 100_000, maxDepth: 64 } }).run("x");
    expect(!response.ok && response.error).toMatchObject({ name: "ShapeError" });
    expect(!response.ok && response.error.message).toMatch(/more than 100,000 values/);
  });

  test("a container that fails to start, or fails during the run, ends the run with its message", async () => {
    const failing: Spawn = () => ({ failure: Promise.resolve("the worker failed to start"), dispose() {} });
    await expect(new Sandbox({ url: "w.js", spawn: failing, load }).run("x")).resolves.toMatchObject({ ok: false, error: { name: "SandboxError", message: /failed to start/ } });
    const { spawn, hosts } = fakeSpawn((_r) => (setTimeout(() => hosts[0].fail("boom"), 5), undefined));
    await expect(new Sandbox({ url: "w.js", spawn, load, timeout: 2000 }).run("x")).resolves.toMatchObject({ ok: false, error: { message: /boom/ } });
  });

  test("a bundle that cannot be loaded is reported, not thrown", async () => {
    const sandbox = new Sandbox({ url: "w.js", spawn: fakeSpawn(() => undefined).spawn, load: () => Promise.reject(new Error("HTTP 404")) });
    await expect(sandbox.run("x")).resolves.toMatchObject({ ok: false, error: { message: /could not be loaded \(HTTP 404\)/ } });
  });

  test("a page that was busy past the time limit does not turn a finished run into a time-out", async () => {
    // The answer is posted at once, but the main thread is blocked for 500 ms
    // right after sending the code, so the 300 ms timer is already late when
    // the answer could be handled.
    let received: () => void = () => {};
    const gotCode = new Promise<void>((resolve) => (received = resolve));
    const { spawn } = fakeSpawn((r) => (received(), ok(r, "done")));
    const sandbox = new Sandbox({ url: "w.js", timeout: 300, spawn, load });
    const pending = sandbox.run("return 1");
    await gotCode;
    const until = performance.now() + 500;
    while (performance.now() < until) {
      // a heavy cell
    }
    const response = await pending;
    expect(response, JSON.stringify(response)).toMatchObject({ ok: true, value: "done" });
  });

  test("the time limit counts from when the container is ready", async () => {
    const { spawn } = fakeSpawn((r) => ok(r, "after boot"), { bootMs: 400 });
    await expect(new Sandbox({ url: "w.js", timeout: 300, spawn, load }).run("return 1")).resolves.toMatchObject({ ok: true, value: "after boot" });
  });

  test("an exercise run's answer goes to the verifier, whose verdict is the value", async () => {
    const { spawn } = fakeSpawn((r) => ok(r, { id: "x/y", exports: {}, cases: [] }));
    const seen: unknown[] = [];
    const verify = async (id: string, transcript: unknown) => (seen.push(transcript), { id, results: [], passed: 0, total: 0, untouched: false });
    const response = await new Sandbox({ url: "w.js", spawn, load, verify }).run("x", "exercise", { id: "x/y" });
    expect(response).toMatchObject({ ok: true, value: { id: "x/y", passed: 0 } });
    expect(seen).toEqual([{ id: "x/y", exports: {}, cases: [] }]);
  });

  test("terminate() stops the runs in progress", async () => {
    const { spawn, hosts } = fakeSpawn(() => undefined);
    const sandbox = new Sandbox({ url: "w.js", timeout: 5000, spawn, load });
    const pending = sandbox.run("while (true) {}");
    await new Promise((resolve) => setTimeout(resolve, 20));
    sandbox.terminate();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { name: "Stopped" } });
    expect(hosts[0].disposed).toBe(true);
  });
});
