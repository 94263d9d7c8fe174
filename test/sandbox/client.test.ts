import { afterEach, describe, expect, test, vi } from "vitest";
import { Sandbox } from "../../src/components/editor/sandbox/client.js";
import type { RunRequest } from "../../src/components/editor/sandbox/protocol.js";

/** A stand-in for the browser's Worker: says it is ready (at once, or after `bootMs`), then answers by `reply`, or never. */
class FakeWorker extends EventTarget {
  static instances: FakeWorker[] = [];
  static reply: ((request: RunRequest) => unknown) | null = null;
  static bootMs: number | null = null;
  terminated = false;
  constructor(readonly url: string) {
    super();
    FakeWorker.instances.push(this);
    const ready = () => this.dispatchEvent(Object.assign(new Event("message"), { data: { ready: true } }));
    if (FakeWorker.bootMs === null) queueMicrotask(ready);
    else setTimeout(ready, FakeWorker.bootMs);
  }
  postMessage(request: RunRequest) {
    const reply = FakeWorker.reply;
    if (reply) queueMicrotask(() => this.dispatchEvent(Object.assign(new Event("message"), { data: reply(request) })));
  }
  terminate() {
    this.terminated = true;
  }
}

describe("new Sandbox({url, timeout}).run(code, adapter, params)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    FakeWorker.instances = [];
    FakeWorker.bootMs = null;
  });

  test("resolves with the worker's answer for the same id", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    FakeWorker.reply = (r) => ({ id: r.id, ok: true, value: r.code.length, logs: [], ms: 1 });
    const sandbox = new Sandbox({ url: "w.js" });
    await expect(sandbox.run("return 1")).resolves.toMatchObject({ ok: true, value: 8 });
  });

  test("stops a run past the time limit, terminates the worker and starts a fresh one next time", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("Worker", FakeWorker);
    FakeWorker.reply = null; // an endless loop never answers
    const sandbox = new Sandbox({ url: "w.js", timeout: 500 });
    const pending = sandbox.run("while (true) {}");
    await vi.advanceTimersByTimeAsync(501);
    const response = await pending;
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error.name).toBe("Timeout");
    expect(!response.ok && response.error.message).toMatch(/Stopped after 0\.5 s/);
    expect(FakeWorker.instances[0].terminated).toBe(true);
    FakeWorker.reply = (r) => ({ id: r.id, ok: true, value: "again", logs: [], ms: 1 });
    vi.useRealTimers();
    await expect(sandbox.run("return 1")).resolves.toMatchObject({ ok: true, value: "again" });
    expect(FakeWorker.instances).toHaveLength(2);
  });

  test("a page that was busy past the time limit does not turn a finished run into a time-out", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    // The worker answers after 450 ms, but the page's main thread is blocked for 500 ms,
    // so the 300 ms timer fires late, before the answer is handled.
    FakeWorker.reply = null;
    const sandbox = new Sandbox({ url: "w.js", timeout: 300 });
    const pending = sandbox.run("return 1");
    await new Promise((resolve) => setTimeout(resolve, 0)); // the worker has loaded and got the code
    const worker = FakeWorker.instances[0];
    setTimeout(() => worker.dispatchEvent(Object.assign(new Event("message"), { data: { id: 1, ok: true, value: "done", logs: [], ms: 450 } })), 450);
    const until = performance.now() + 500;
    while (performance.now() < until) {
      // a heavy cell
    }
    await expect(pending).resolves.toMatchObject({ ok: true, value: "done" });
    expect(worker.terminated).toBe(false);
  });

  test("the time limit counts from when the worker has loaded", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    FakeWorker.bootMs = 400; // longer than the time limit
    FakeWorker.reply = (r) => ({ id: r.id, ok: true, value: "after boot", logs: [], ms: 1 });
    const sandbox = new Sandbox({ url: "w.js", timeout: 300 });
    await expect(sandbox.run("return 1")).resolves.toMatchObject({ ok: true, value: "after boot" });
  });
});
